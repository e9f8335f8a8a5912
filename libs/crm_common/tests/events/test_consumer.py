"""Consumer groups: acknowledged only after the handler succeeds, a dead consumer's entries
are reclaimed by another, poison messages reach the dead-letter stream, handlers run once
per event id."""

import asyncio
import uuid

from crm_common.db import Database
from crm_common.events.consumer import StreamConsumer, first_time
from crm_common.events.envelope import EventEnvelope

STREAM = "test.consumer"


async def _publish(redis, count: int) -> list[uuid.UUID]:
    ids = []
    for n in range(count):
        envelope = EventEnvelope(type="campaign.updated", company_id=uuid.uuid4(), data={"n": n})
        await redis.xadd(STREAM, {"event": envelope.to_json()})
        ids.append(envelope.id)
    return ids


async def test_entries_of_a_consumer_killed_before_xack_are_reclaimed(clean) -> None:
    redis = clean.redis
    published = await _publish(redis, 6)
    handled_by_b: list[uuid.UUID] = []

    async def never_returns(_: EventEnvelope) -> None:
        await asyncio.sleep(3600)

    async def record(envelope: EventEnvelope) -> None:
        handled_by_b.append(envelope.id)

    a = StreamConsumer(
        redis,
        stream=STREAM,
        group="g",
        consumer="a",
        handler=never_returns,
        claim_idle_ms=200,
        block_ms=10,
    )
    b = StreamConsumer(
        redis,
        stream=STREAM,
        group="g",
        consumer="b",
        handler=record,
        claim_idle_ms=200,
        block_ms=10,
    )
    await a.ensure_group()
    task = asyncio.create_task(a.poll())
    await asyncio.sleep(0.1)
    task.cancel()  # a dies holding all six entries, unacknowledged
    await asyncio.gather(task, return_exceptions=True)
    pending = await redis.xpending(STREAM, "g")
    assert pending["pending"] == 6
    assert {c["name"] for c in pending["consumers"]} == {"a"}

    assert (await b.poll(block_ms=10)).reclaimed == 0  # not idle long enough yet
    await asyncio.sleep(0.25)
    stats = await b.poll(block_ms=10)

    assert stats.reclaimed == 6
    assert handled_by_b == published
    assert (await redis.xpending(STREAM, "g"))["pending"] == 0


async def test_poison_message_goes_to_dead_letter_after_max_deliveries(clean) -> None:
    redis = clean.redis
    [poison] = await _publish(redis, 1)
    attempts = 0

    async def always_fails(_: EventEnvelope) -> None:
        nonlocal attempts
        attempts += 1
        raise ValueError("cannot handle")

    consumer = StreamConsumer(
        redis,
        stream=STREAM,
        group="g",
        handler=always_fails,
        claim_idle_ms=0,
        block_ms=10,
        max_deliveries=5,
        dead_letter_stream="test.dead",
    )
    await consumer.ensure_group()
    for _ in range(8):
        await consumer.poll(block_ms=10)

    dead = await redis.xrange("test.dead")
    assert attempts == 5
    assert len(dead) == 1
    fields = dead[0][1]
    assert EventEnvelope.from_json(fields["event"]).id == poison
    assert fields["group"] == "g"
    assert "delivered 5 times" in fields["reason"]
    assert (await redis.xpending(STREAM, "g"))["pending"] == 0


async def test_undecodable_entry_goes_straight_to_dead_letter(clean) -> None:
    redis = clean.redis
    await redis.xadd(STREAM, {"event": "{not json"})
    handled = []

    async def record(envelope: EventEnvelope) -> None:
        handled.append(envelope)

    consumer = StreamConsumer(
        redis, stream=STREAM, group="g", handler=record, block_ms=10, dead_letter_stream="test.dead"
    )
    await consumer.ensure_group()
    stats = await consumer.poll(block_ms=10)

    assert stats.dead_lettered == 1
    assert handled == []
    assert (await redis.xrange("test.dead"))[0][1]["reason"].startswith("undecodable")


async def test_failed_handler_is_retried_then_acknowledged(clean) -> None:
    redis = clean.redis
    [event_id] = await _publish(redis, 1)
    calls = []

    async def flaky(envelope: EventEnvelope) -> None:
        calls.append(envelope.id)
        if len(calls) == 1:
            raise RuntimeError("transient")

    consumer = StreamConsumer(
        redis, stream=STREAM, group="g", handler=flaky, claim_idle_ms=0, block_ms=10
    )
    await consumer.ensure_group()
    first = await consumer.poll(block_ms=10)
    second = await consumer.poll(block_ms=10)

    assert (first.failed, second.reclaimed, second.handled) == (1, 1, 1)
    assert calls == [event_id, event_id]
    assert (await redis.xpending(STREAM, "g"))["pending"] == 0


async def test_first_time_marks_an_event_handled_once_per_consumer(db: Database) -> None:
    event_id = uuid.uuid4()
    async with db.system_session() as session:
        assert await first_time(session, "segment-engine", event_id)
    async with db.system_session() as session:
        assert not await first_time(session, "segment-engine", event_id)
        assert await first_time(session, "another-consumer", event_id)


async def test_a_group_skips_other_types_unread_and_decodes_entries_without_a_type(clean) -> None:
    redis = clean.redis
    wanted = EventEnvelope(type="campaign.launch_requested", company_id=uuid.uuid4(), data={})
    other = EventEnvelope(type="campaign.updated", company_id=uuid.uuid4(), data={})
    untyped = EventEnvelope(type="campaign.updated", company_id=uuid.uuid4(), data={})
    await redis.xadd(STREAM, {"event": wanted.to_json(), "type": wanted.type})
    # A type the group does not act on: never decoded (this body would not decode).
    await redis.xadd(STREAM, {"event": "{not json", "type": other.type})
    await redis.xadd(STREAM, {"event": untyped.to_json()})  # written before the type field
    seen: list[uuid.UUID] = []

    async def record(envelope: EventEnvelope) -> None:
        seen.append(envelope.id)

    consumer = StreamConsumer(
        redis,
        stream=STREAM,
        group="typed",
        handler=record,
        block_ms=10,
        accepts={"campaign.launch_requested"},
    )
    await consumer.ensure_group()
    stats = await consumer.poll()
    assert seen == [wanted.id, untyped.id]
    assert (stats.handled, stats.skipped, stats.dead_lettered) == (2, 1, 0)
    assert (await redis.xpending(STREAM, "typed"))["pending"] == 0
