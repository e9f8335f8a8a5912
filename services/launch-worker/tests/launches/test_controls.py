"""Pause, resume and cancel take effect within a second, mid-batch."""

from __future__ import annotations

import asyncio

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
