"""`campaign.performance_update` throttling: at most one per campaign per window, and the
last change within a window is still published (observed through the outbox)."""

import asyncio
import uuid
from datetime import datetime

from sqlalchemy import select

from crm_common.models import OutboxEvent
from crm_common.tracking_tokens import TrackingKind
from segment_engine.tracking.throttle import PerformanceThrottle, TrailingUpdates

from .conftest import make_campaign, make_message


async def _updates(db, company_id, campaign_id=None):
    async with db.tenant_session(company_id) as session:
        rows = (
            (
                await session.execute(
                    select(OutboxEvent)
                    .where(OutboxEvent.event_type == "campaign.performance_update")
                    .order_by(OutboxEvent.id)
                )
            )
            .scalars()
            .all()
        )
    return [
        r.envelope
        for r in rows
        if campaign_id is None or r.envelope["data"]["campaign_id"] == str(campaign_id)
    ]


async def _wait_for(predicate, timeout=10.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while asyncio.get_running_loop().time() < deadline:
        if await predicate():
            return True
        await asyncio.sleep(0.05)
    return False


async def test_gate_opens_once_per_window_per_campaign(resources) -> None:
    throttle = PerformanceThrottle(
        resources.redis, window_ms=60_000, prefix=f"t:{uuid.uuid4().hex}"
    )
    first, second = uuid.uuid4(), uuid.uuid4()
    assert await throttle.try_acquire(first) is True
    assert await throttle.try_acquire(first) is False
    assert await throttle.try_acquire(second) is True


async def test_trailing_update_is_not_due_while_the_gate_is_held(resources) -> None:
    throttle = PerformanceThrottle(
        resources.redis, window_ms=60_000, prefix=f"t:{uuid.uuid4().hex}"
    )
    company, campaign = uuid.uuid4(), uuid.uuid4()
    await throttle.try_acquire(campaign)
    await throttle.schedule_trailing(company, campaign)
    assert await throttle.claim_due() == []
    assert await resources.redis.zscore(throttle.trailing_key, f"{company}:{campaign}") is not None


async def test_due_trailing_update_is_claimed_by_exactly_one_poller(resources) -> None:
    throttle = PerformanceThrottle(resources.redis, prefix=f"t:{uuid.uuid4().hex}")
    company, campaign = uuid.uuid4(), uuid.uuid4()
    await throttle.schedule_trailing(company, campaign)  # gate free: due at once
    claims = await asyncio.gather(*(throttle.claim_due() for _ in range(5)))
    assert sorted(len(c) for c in claims) == [0, 0, 0, 0, 1]
    assert [c for c in claims if c] == [[(company, campaign)]]


async def test_burst_of_hits_gives_one_update_then_one_trailing_with_final_totals(
    client, db, message, signer
) -> None:
    token = signer.mint(message.claims(TrackingKind.OPEN))
    for _ in range(4):
        assert (await client.get(f"/t/o/{token}.gif")).status_code == 200
    leading = await _updates(db, message.company_id)
    assert len(leading) == 1
    assert leading[0]["data"]["metrics"]["opens"] == 1

    async def trailing_arrived() -> bool:
        return len(await _updates(db, message.company_id)) >= 2

    assert await _wait_for(trailing_arrived)
    first, last = await _updates(db, message.company_id)
    assert last["data"]["metrics"]["opens"] == 4
    assert last["data"]["metrics"]["unique_opens"] == 1
    # The rate limit itself: the trailing update waited for the window to close.
    gap = datetime.fromisoformat(last["occurred_at"]) - datetime.fromisoformat(first["occurred_at"])
    assert gap.total_seconds() >= 0.9
    await asyncio.sleep(1.5)
    assert len(await _updates(db, message.company_id)) == 2  # nothing changed: nothing more


async def test_campaigns_are_throttled_independently(client, db, acme, signer) -> None:
    one = await make_message(db, acme)
    other = await make_message(db, acme, campaign_id=await make_campaign(db, acme))
    await client.get(f"/t/o/{signer.mint(one.claims(TrackingKind.OPEN))}.gif")
    await client.get(f"/t/o/{signer.mint(other.claims(TrackingKind.OPEN))}.gif")
    assert len(await _updates(db, acme.company.id, one.campaign_id)) == 1
    assert len(await _updates(db, acme.company.id, other.campaign_id)) == 1


async def test_trailing_publisher_reschedules_when_a_newer_update_holds_the_gate(
    db, resources, message
) -> None:
    throttle = PerformanceThrottle(
        resources.redis, window_ms=60_000, prefix=f"t:{uuid.uuid4().hex}"
    )
    publisher = TrailingUpdates(db, throttle)
    await throttle.schedule_trailing(message.company_id, message.campaign_id)  # due now
    await throttle.try_acquire(message.campaign_id)  # but a leading update just went out
    assert await publisher.run_once() == 0
    member = f"{message.company_id}:{message.campaign_id}"
    assert await resources.redis.zscore(throttle.trailing_key, member) is not None
    await resources.redis.delete(throttle.gate_key(message.campaign_id))
    await resources.redis.zadd(throttle.trailing_key, {member: 0})
    assert await publisher.run_once() == 1
    [update] = await _updates(db, message.company_id)
    assert update["data"]["campaign_id"] == str(message.campaign_id)
