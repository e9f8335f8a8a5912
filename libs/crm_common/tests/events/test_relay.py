"""The outbox relay publishes every committed event exactly once and in order, including
when Redis stops and comes back mid-way, and when a reply is lost after the XADDs ran."""

import asyncio
import contextlib
import json
import uuid

import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select

from crm_common.db import Database
from crm_common.events import emit
from crm_common.events.envelope import EventEnvelope
from crm_common.events.relay import OutboxRelay
from crm_common.models import OutboxEvent
from crm_common.supervise import Backoff, TaskState, supervise
from crm_common.testing.builders import make_company
from crm_common.testing.redis_server import PrivateRedis


@pytest.fixture
async def private_redis():
    server = PrivateRedis(appendfsync="always")
    server.start()
    await server.wait_ready()
    yield server
    server.remove()


async def _emit_many(db: Database, company_id: uuid.UUID, start: int, count: int) -> list[str]:
    ids = []
    for n in range(start, start + count):
        async with db.tenant_session(company_id) as session:
            envelope = await emit(session, "campaign.updated", company_id, {"n": n})
            ids.append(str(envelope.id))
    return ids


async def _stream_ids(redis: Redis, stream: str) -> list[str]:
    entries = await redis.xrange(stream)
    return [EventEnvelope.from_json(fields["event"]).id.hex for _, fields in entries]


async def _wait_published(db: Database, total: int, timeout: float = 20.0) -> None:
    for _ in range(int(timeout / 0.05)):
        async with db.system_session() as session:
            done = (
                await session.execute(
                    select(func.count())
                    .select_from(OutboxEvent)
                    .where(OutboxEvent.published_at.is_not(None))
                )
            ).scalar_one()
        if done == total:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"only {done} of {total} published")


async def test_relay_survives_redis_restart_exactly_once_in_order(
    db: Database, private_redis
) -> None:
    company = await make_company(db)
    redis = Redis.from_url(private_redis.url, decode_responses=True)
    relay = OutboxRelay(db, redis, stream="test.events", batch_size=7, poll_interval=0.02)
    stop = asyncio.Event()
    expected = await _emit_many(db, company.id, 0, 30)
    # Supervised as in the services: the run fails while Redis is away and is started again.
    quick = Backoff(initial_s=0.02, max_s=0.2)
    task = asyncio.create_task(supervise(TaskState("relay"), relay.run, stop, backoff=quick))
    try:
        await _wait_published(db, 30)
        private_redis.stop()
        # Written while Redis is down: the relay keeps them and waits.
        expected += await _emit_many(db, company.id, 30, 25)
        await asyncio.sleep(0.5)
        async with db.system_session() as session:
            waiting = (
                await session.execute(
                    select(func.count())
                    .select_from(OutboxEvent)
                    .where(OutboxEvent.published_at.is_(None))
                )
            ).scalar_one()
        assert waiting == 25
        private_redis.start()
        await private_redis.wait_ready()
        expected += await _emit_many(db, company.id, 55, 10)
        await _wait_published(db, 65)
    finally:
        stop.set()
        await asyncio.wait_for(task, 10)
    got = await _stream_ids(redis, "test.events")
    await redis.aclose()
    assert got == [uuid.UUID(e).hex for e in expected]


async def test_batch_retried_after_lost_reply_is_not_published_twice(
    db: Database, resources
) -> None:
    company = await make_company(db)
    expected = await _emit_many(db, company.id, 0, 12)
    relay = OutboxRelay(db, resources.redis, stream="test.lost-reply", batch_size=100)
    # The XADDs of the first 5 rows ran, but the relay died before marking them published.
    async with db.system_session() as session:
        rows = (
            await session.execute(
                select(OutboxEvent.id, OutboxEvent.envelope).order_by(OutboxEvent.id).limit(5)
            )
        ).all()
    args = [x for oid, env in rows for x in (str(oid), json.dumps(env), env["type"])]
    await relay._script(keys=[relay.stream, relay.mark_key], args=args)

    stats = await relay.publish_batch()

    assert (stats.published, stats.skipped) == (7, 5)
    got = await _stream_ids(resources.redis, "test.lost-reply")
    assert got == [uuid.UUID(e).hex for e in expected]
    assert (await relay.publish_batch()).published == 0
    # The batch is marked in one statement, each row with its own stream id (none for the
    # five the script found already published) and one attempt.
    entries = {
        EventEnvelope.from_json(fields["event"]).id: entry_id
        for entry_id, fields in await resources.redis.xrange("test.lost-reply")
    }
    async with db.system_session() as session:
        marked = (
            await session.execute(
                select(OutboxEvent.event_id, OutboxEvent.stream_id, OutboxEvent.publish_attempts)
                .where(OutboxEvent.published_at.is_not(None))
                .order_by(OutboxEvent.id)
            )
        ).all()
    assert [attempts for _, _, attempts in marked] == [1] * 12
    assert [stream_id for _, stream_id, _ in marked[:5]] == [None] * 5
    assert [stream_id for _, stream_id, _ in marked[5:]] == [
        entries[event_id] for event_id, _, _ in marked[5:]
    ]


async def test_rolled_back_transaction_publishes_nothing(db: Database, resources) -> None:
    company = await make_company(db)
    with contextlib.suppress(RuntimeError):
        async with db.tenant_session(company.id) as session:
            await emit(session, "campaign.created", company.id, {"x": 1})
            raise RuntimeError("the change failed")
    relay = OutboxRelay(db, resources.redis, stream="test.rollback")
    assert (await relay.publish_batch()).published == 0
    assert await resources.redis.xlen("test.rollback") == 0


async def test_pending_tells_whether_a_committed_row_waits(db: Database, resources) -> None:
    relay = OutboxRelay(db, resources.redis, stream="test.pending")
    # Rows other tests left are published first: the check is about this outbox's state.
    for _ in range(100):
        if not (await relay.publish_batch()).published:
            break
    assert await relay.pending() is False
    company = await make_company(db)
    with contextlib.suppress(RuntimeError):
        async with db.tenant_session(company.id) as session:
            await emit(session, "campaign.created", company.id, {"x": 1})
            assert await relay.pending() is False, "nothing of an open transaction is seen"
            raise RuntimeError("the change failed")
    assert await relay.pending() is False
    async with db.tenant_session(company.id) as session:
        await emit(session, "campaign.created", company.id, {"x": 2})
    assert await relay.pending() is True
    assert (await relay.publish_batch()).published == 1
    assert await relay.pending() is False


async def test_two_relays_at_once_still_publish_each_event_once(db: Database, resources) -> None:
    company = await make_company(db)
    expected = await _emit_many(db, company.id, 0, 40)
    relays = [OutboxRelay(db, resources.redis, stream="test.two", batch_size=5) for _ in range(2)]
    for _ in range(20):
        await asyncio.gather(*(relay.publish_batch() for relay in relays))
    got = await _stream_ids(resources.redis, "test.two")
    assert got == [uuid.UUID(e).hex for e in expected]


async def test_trim_keeps_unacknowledged_and_undelivered_entries(clean) -> None:
    redis = clean.redis
    stream = "test.trim"
    for ms in (1000, 2000, 3000, 4000, 5000):
        await redis.xadd(stream, {"event": "{}"}, id=f"{ms}-0")
    await redis.xgroup_create(stream, "slow", id="0")
    await redis.xgroup_create(stream, "fast", id="0")
    # fast reads and acks everything; slow reads two and acks only the first
    for _, entries in await redis.xreadgroup("fast", "f1", {stream: ">"}):
        await redis.xack(stream, "fast", *[entry_id for entry_id, _ in entries])
    await redis.xreadgroup("slow", "s1", {stream: ">"}, count=2)
    await redis.xack(stream, "slow", "1000-0")
    relay = OutboxRelay(None, redis, stream=stream, retention_s=1)  # type: ignore[arg-type]

    removed = await relay.trim()

    remaining = [entry_id for entry_id, _ in await redis.xrange(stream)]
    assert removed == 1
    assert remaining == ["2000-0", "3000-0", "4000-0", "5000-0"]


async def test_each_entry_names_its_event_type_beside_the_event(db: Database, resources) -> None:
    company = await make_company(db)
    async with db.tenant_session(company.id) as session:
        await emit(session, "campaign.created", company.id, {"x": 1})
        await emit(session, "campaign.updated", company.id, {"x": 2})
    relay = OutboxRelay(db, resources.redis, stream="test.typed")
    assert (await relay.publish_batch()).published == 2
    entries = await resources.redis.xrange("test.typed")
    assert [fields["type"] for _, fields in entries] == ["campaign.created", "campaign.updated"]
    assert [EventEnvelope.from_json(fields["event"]).type for _, fields in entries] == [
        "campaign.created",
        "campaign.updated",
    ]
