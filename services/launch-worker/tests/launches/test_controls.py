"""Pause, resume and cancel take effect within a second, mid-batch."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select, update

from crm_common.events import EventType
from crm_common.models import CampaignTemplate, CampaignTemplateLink, Delivery, OutboxEvent

from .conftest import (
    RecordingAdapter,
    Runner,
    add_contacts,
    delivery_counts,
    load_launch,
    make_world,
    request_launch,
    set_campaign_status,
    wait_for,
)


async def _sent(adapter: RecordingAdapter) -> int:
    return len(adapter.messages)


async def test_pause_resume_and_cancel_take_effect_within_a_second(
    db, start_runtime: Runner
) -> None:
    slow = RecordingAdapter(delay_s=0.02)
    world = await make_world(db)
    await add_contacts(db, world.company, 300)
    launch = await request_launch(world)
    # One message at a time in batches of 200: a pause must stop a batch in its middle.
    await start_runtime(recorder=slow, dispatch_concurrency=1, dispatch_batch_size=200)

    async def some_sent() -> bool:
        return len(slow.messages) >= 20

    await wait_for(some_sent)
    await set_campaign_status(db, world.campaign.id, "paused")
    await asyncio.sleep(1.0)
    held_at = len(slow.messages)
    await asyncio.sleep(1.0)
    assert len(slow.messages) == held_at, "messages went out more than a second after pause"
    assert held_at < 300

    async def launch_paused() -> bool:
        return (await load_launch(db, launch.id)).launch_status == "paused"

    await wait_for(launch_paused)
    counts = await delivery_counts(db, launch.id)
    assert counts.get("sending", 0) == 0, "a paused batch gave its unsent deliveries back"

    await set_campaign_status(db, world.campaign.id, "active")

    async def resumed() -> bool:
        return len(slow.messages) > held_at + 10

    await wait_for(resumed, timeout=10)

    await set_campaign_status(db, world.campaign.id, "cancelled")
    await asyncio.sleep(1.0)
    stopped_at = len(slow.messages)
    await asyncio.sleep(1.0)
    assert len(slow.messages) == stopped_at, "messages went out more than a second after cancel"

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished)
    ended = await load_launch(db, launch.id)
    assert ended.launch_status == "cancelled"
    assert ended.sent_count == stopped_at
    assert ended.sent_count + ended.skipped_count == 300
    assert await delivery_counts(db, launch.id) == {
        "sent": stopped_at,
        "skipped": 300 - stopped_at,
    }
    assert slow.recipients().most_common(1)[0][1] == 1


async def test_a_launch_ended_while_messages_are_in_flight_ends_with_its_final_counts(
    db, start_runtime: Runner
) -> None:
    """A provider that takes its time: when the campaign is cancelled, a dispatcher is in
    the middle of a batch. The launch's end waits for that batch's record, so its
    `campaign.launched` counts are final and nothing is recorded after `finished_at`."""
    slow = RecordingAdapter(delay_s=0.4)
    world = await make_world(db)
    await add_contacts(db, world.company, 60)
    launch = await request_launch(world)
    await start_runtime(recorder=slow, dispatch_concurrency=1, dispatch_batch_size=20)

    async def some_sent() -> bool:
        return len(slow.messages) >= 2

    await wait_for(some_sent, timeout=20)
    # A message is at the provider now: cancel while the batch holds its deliveries.
    await wait_for(lambda: _in_flight(slow), timeout=5, interval=0.01)
    await set_campaign_status(db, world.campaign.id, "cancelled")

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, interval=0.02)
    at_end = await load_launch(db, launch.id)
    assert at_end.launch_status == "cancelled"
    counts = await delivery_counts(db, launch.id)
    assert set(counts) <= {"sent", "skipped"}
    assert at_end.sent_count == counts["sent"] == len(slow.messages)
    assert at_end.sent_count + at_end.skipped_count == 60
    async with db.system_session() as session:
        envelopes = (
            await session.execute(
                select(OutboxEvent.envelope).where(
                    OutboxEvent.event_type == EventType.CAMPAIGN_LAUNCHED
                )
            )
        ).scalars()
        (launched,) = [e["data"] for e in envelopes if e["data"]["launch_id"] == str(launch.id)]
        last_write = await session.scalar(
            select(func.max(Delivery.updated_at)).where(Delivery.launch_id == launch.id)
        )
    assert (launched["sent"], launched["skipped"], launched["remaining"]) == (
        at_end.sent_count,
        at_end.skipped_count,
        0,
    )
    assert last_write is not None
    assert last_write <= at_end.finished_at

    await asyncio.sleep(1.0)  # the dispatcher has long given its batch back
    later = await load_launch(db, launch.id)
    assert (later.sent_count, later.skipped_count) == (at_end.sent_count, at_end.skipped_count)
    assert len(slow.messages) == at_end.sent_count


async def _in_flight(adapter: RecordingAdapter) -> bool:
    """A send has begun that has not returned yet."""
    return sum(adapter.attempts.values()) > len(adapter.messages)


async def test_a_resumed_launch_sends_the_message_as_it_is_now(db, start_runtime: Runner) -> None:
    """A paused campaign may fix its message (and have it approved again): what goes out
    after the resume is the message as it then is, not the one the launch started with."""
    slow = RecordingAdapter(delay_s=0.02)
    world = await make_world(db)
    await add_contacts(db, world.company, 200)
    launch = await request_launch(world)
    await start_runtime(recorder=slow, dispatch_concurrency=1, dispatch_batch_size=20)

    await wait_for(lambda: _at_least(slow, 10))
    await set_campaign_status(db, world.campaign.id, "paused")

    async def launch_paused() -> bool:
        return (await load_launch(db, launch.id)).launch_status == "paused"

    await wait_for(launch_paused)
    await asyncio.sleep(1.0)  # the dispatcher has seen the pause (its checks are 0.2 s apart)
    held_at = len(slow.messages)
    before = {message.subject for message in slow.messages}
    async with db.system_session() as session:
        link = (
            await session.execute(
                select(CampaignTemplateLink).where(
                    CampaignTemplateLink.campaign_id == world.campaign.id
                )
            )
        ).scalar_one()
        await session.execute(
            update(CampaignTemplate)
            .where(CampaignTemplate.id == link.template_id)
            .values(default_settings={"subject": "Fixed subject"})
        )
    await set_campaign_status(db, world.campaign.id, "active")

    await wait_for(lambda: _at_least(slow, held_at + 20), timeout=10)
    after = {message.subject for message in slow.messages[held_at + 5 :]}
    assert "Fixed subject" not in before
    assert after == {"Fixed subject"}


async def _at_least(adapter: RecordingAdapter, count: int) -> bool:
    return len(adapter.messages) >= count
