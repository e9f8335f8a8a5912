"""The send rate holds across workers; transient errors are retried, permanent ones
recorded; quiet hours hold messages instead of dropping them."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from crm_common.models import Contact, Delivery

from .conftest import (
    RecordingAdapter,
    Runner,
    add_contacts,
    delivery_counts,
    load_launch,
    make_world,
    request_launch,
    suppress,
    wait_for,
)


async def test_the_rate_limit_holds_across_two_workers(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db, company_settings={"rate_limits": {"email": 20}})
    await add_contacts(db, world.company, 70)
    launch = await request_launch(world)
    first = RecordingAdapter()
    second = RecordingAdapter()
    await start_runtime("worker-a", recorder=first, dispatch_batch_size=10)
    await start_runtime("worker-b", recorder=second, dispatch_batch_size=10)

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, timeout=30)
    assert first.messages
    assert second.messages, "both workers sent"
    times = sorted(first.sent_at + second.sent_at)
    assert len(times) == 70
    # 20 a second with a burst of at most 4 (a fifth of a second): 70 messages need ≥ 3.3 s,
    # and no one-second window holds more than 20 + 4.
    assert times[-1] - times[0] >= 3.0
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= 24


async def test_transient_errors_are_retried_and_permanent_ones_recorded(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 5)
    flaky, broken, hopeless = contacts[0].email, contacts[1].email, contacts[2].email
    adapter.transient[flaky] = 2
    adapter.permanent.add(broken)
    adapter.transient[hopeless] = 100
    launch = await request_launch(world)
    await start_runtime(send_max_attempts=4)

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, timeout=30)
    done = await load_launch(db, launch.id)
    assert (done.sent_count, done.failed_count) == (3, 2)
    assert adapter.attempts[flaky] == 3
    assert adapter.attempts[broken] == 1
    assert adapter.attempts[hopeless] == 4
    async with db.system_session() as session:
        rows = {row.contact_id: row for row in (await session.execute(select(Delivery))).scalars()}
    assert rows[contacts[0].id].delivery_status == "sent"
    assert rows[contacts[0].id].attempts == 3
    assert rows[contacts[1].id].delivery_status == "failed"
    assert rows[contacts[1].id].error_code == "550"
    assert "no such user" in (rows[contacts[1].id].last_error or "")
    assert rows[contacts[2].id].delivery_status == "failed"
    assert "gave up after 4 attempts" in (rows[contacts[2].id].last_error or "")


async def test_quiet_hours_hold_messages_in_the_contacts_time_zone(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    now = datetime.now(UTC)
    # Quiet from an hour ago to an hour from now, in UTC; contacts in Tokyo (UTC+9) are
    # outside that window, contacts in UTC are inside it.
    start, end = (now - timedelta(hours=1)).strftime("%H:%M"), (now + timedelta(hours=1))
    world = await make_world(
        db,
        company_settings={"quiet_hours": {"start": start, "end": end.strftime("%H:%M")}},
    )
    awake = await add_contacts(db, world.company, 3, prefix="tokyo", timezone="Asia/Tokyo")
    asleep = await add_contacts(db, world.company, 2, prefix="utc", timezone="UTC")
    launch = await request_launch(world)
    await start_runtime()

    async def tokyo_sent() -> bool:
        return len(adapter.messages) == 3

    await wait_for(tokyo_sent)
    await asyncio.sleep(0.5)
    assert set(adapter.recipients()) == {c.email for c in awake}
    assert await delivery_counts(db, launch.id) == {"sent": 3, "pending": 2}
    async with db.system_session() as session:
        held = (
            (
                await session.execute(
                    select(Delivery).where(Delivery.contact_id.in_([c.id for c in asleep]))
                )
            )
            .scalars()
            .all()
        )
    for delivery in held:
        assert delivery.error_code == "quiet_hours"
        assert delivery.attempts == 0
        assert (
            abs((delivery.next_attempt_at - end.replace(second=0, microsecond=0)).total_seconds())
            < 1
        )
    assert (await load_launch(db, launch.id)).launch_status == "sending"


async def test_a_throttled_launch_holds_up_no_other_and_reports_as_it_goes(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    """One worker, two companies: a launch throttled to 5 a second beside an unthrottled one.
    The unthrottled one is done long before the throttled one; the throttled one's counts move
    while it sends (batches of about a second's worth), not only at its end."""
    slow = await make_world(db)
    await add_contacts(db, slow.company, 40, prefix="slow")
    fast = await make_world(db)
    await add_contacts(db, fast.company, 5, prefix="fast")
    throttled = await request_launch(slow, throttle_per_minute=300)
    # The product's lease: a batch may take up to 36 s of it before giving the rest back.
    await start_runtime(dispatch_batch_size=200, delivery_lease_s=60.0)

    async def throttled_sending() -> bool:
        return len(adapter.messages) >= 3

    await wait_for(throttled_sending)
    other = await request_launch(fast)

    async def other_finished() -> bool:
        return (await load_launch(db, other.id)).finished_at is not None

    counts_seen: set[int] = set()

    async def progress() -> bool:
        counts_seen.add((await load_launch(db, throttled.id)).sent_count)
        return await other_finished()

    await wait_for(progress, timeout=20, interval=0.2)
    still = await load_launch(db, throttled.id)
    assert still.finished_at is None, "the unthrottled launch waited for the throttled one"
    assert still.sent_count < 40
    assert (await load_launch(db, other.id)).sent_count == 5

    async def throttled_finished() -> bool:
        counts_seen.add((await load_launch(db, throttled.id)).sent_count)
        return (await load_launch(db, throttled.id)).finished_at is not None

    await wait_for(throttled_finished, timeout=30, interval=0.2)
    assert (await load_launch(db, throttled.id)).sent_count == 40
    # Recorded about every second (5 at a time), so progress showed counts along the way.
    assert len(counts_seen - {0, 40}) >= 3, counts_seen


async def test_nothing_is_sent_once_the_campaign_is_past_its_end_date(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    """The sweep that completes ended campaigns runs every 30 s; sending stops at the end
    date itself."""
    end = datetime.now(UTC) + timedelta(seconds=3)
    world = await make_world(db, start=datetime.now(UTC) - timedelta(days=1), end=end)
    await add_contacts(db, world.company, 60)
    launch = await request_launch(world, throttle_per_minute=600)
    await start_runtime()

    await asyncio.sleep((end - datetime.now(UTC)).total_seconds() + 1.5)
    sent_by_then = len(adapter.messages)
    await asyncio.sleep(1.5)

    assert 0 < sent_by_then < 60
    assert len(adapter.messages) == sent_by_then, "messages went out after the end date"
    counts = await delivery_counts(db, launch.id)
    assert counts.get("sent", 0) == sent_by_then
    assert counts.get("sending", 0) == 0


async def test_a_launch_throttled_to_one_a_minute_holds_up_no_other(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    """Its batch waits a minute on the rate limit; the other launches' batches go on."""
    slow = await make_world(db)
    await add_contacts(db, slow.company, 5, prefix="slow")
    fast = await make_world(db)
    await add_contacts(db, fast.company, 5, prefix="fast")
    throttled = await request_launch(slow, throttle_per_minute=1)
    await start_runtime(dispatch_batch_size=200, delivery_lease_s=120.0)

    async def throttled_sent_one() -> bool:
        return len(adapter.messages) >= 1

    await wait_for(throttled_sent_one)
    other = await request_launch(fast)

    async def other_finished() -> bool:
        return (await load_launch(db, other.id)).finished_at is not None

    await wait_for(other_finished, timeout=15)
    assert (await load_launch(db, other.id)).sent_count == 5
    assert (await load_launch(db, throttled.id)).sent_count <= 2


async def test_an_unsubscribe_or_suppression_during_a_launch_stops_its_messages(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    """Consent and suppressions are checked again as each batch is claimed: a contact who
    withdraws consent, or whose address is suppressed, after the audience was frozen gets
    nothing more from the launch (at most the one-message batch already claimed goes)."""
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 10)
    launch = await request_launch(world, throttle_per_minute=60)
    await start_runtime(dispatch_batch_size=200, delivery_lease_s=60.0)

    async def first_sent() -> bool:
        return len(adapter.messages) >= 1

    await wait_for(first_sent)
    sent_to = {message.recipient for message in adapter.messages}
    withdrawn = [c for c in contacts[:-1] if c.email not in sent_to]
    suppressed = contacts[-1]
    async with db.system_session() as session:
        await session.execute(
            update(Contact)
            .where(Contact.id.in_([c.id for c in withdrawn]))
            .values(consented_channels=[])
        )
    await suppress(world, str(suppressed.email))
    changed_at = len(adapter.messages)

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, timeout=30)
    assert len(adapter.messages) <= changed_at + 1
    async with db.system_session() as session:
        codes = dict(
            (
                await session.execute(
                    select(Delivery.contact_id, Delivery.error_code).where(
                        Delivery.launch_id == launch.id, Delivery.delivery_status == "skipped"
                    )
                )
            ).all()
        )
    ended = await load_launch(db, launch.id)
    assert ended.sent_count + ended.skipped_count == 10
    assert ended.skipped_count >= 10 - changed_at - 1
    assert set(codes.values()) <= {"no_consent", "suppressed"}
    assert all(codes[c.id] == "no_consent" for c in withdrawn if c.id in codes)
    recipients = {message.recipient for message in adapter.messages}
    # Skipped as suppressed, unless it had its message before (or in the batch in flight).
    assert codes.get(suppressed.id) == "suppressed" or suppressed.email in recipients
