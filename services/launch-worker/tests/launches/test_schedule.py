"""A scheduled launch starts at its time; a campaign's end date completes it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from crm_common.events import EventType
from crm_common.models import AuditLog, Campaign, OutboxEvent
from launch_worker.launches.service import complete_ended_campaigns

from .conftest import (
    RecordingAdapter,
    Runner,
    add_contacts,
    load_campaign,
    load_launch,
    make_world,
    request_launch,
    wait_for,
)


async def _finished(db, launch_id) -> bool:
    return (await load_launch(db, launch_id)).finished_at is not None


async def test_a_scheduled_launch_starts_at_its_time(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 5)
    at = datetime.now(UTC) + timedelta(seconds=2)
    launch = await request_launch(world, status="scheduled", scheduled_at=at)
    await start_runtime()

    await asyncio.sleep(1.0)
    waiting = await load_launch(db, launch.id)
    assert waiting.launch_status == "scheduled"
    assert adapter.messages == []
    assert (await load_campaign(db, world.campaign.id)).campaign_status == "planned"

    await wait_for(lambda: _finished(db, launch.id))
    done = await load_launch(db, launch.id)
    assert done.started_at is not None
    assert done.started_at >= at
    assert len(adapter.messages) == 5


async def test_the_end_date_completes_an_active_campaign(db, resources) -> None:
    now = datetime.now(UTC)
    ended = await make_world(db, status="active", start=now - timedelta(days=2), end=now)
    running = await make_world(db, status="active")

    assert await complete_ended_campaigns(resources, now + timedelta(seconds=1)) == 1

    assert (await load_campaign(db, ended.campaign.id)).campaign_status == "completed"
    assert (await load_campaign(db, ended.campaign.id)).version == 2
    assert (await load_campaign(db, running.campaign.id)).campaign_status == "active"
    async with db.system_session() as session:
        audit = (await session.execute(select(AuditLog))).scalar_one()
        assert audit.action == "campaign.end_date_reached"
        assert audit.new_values["campaign_status"] == "completed"
        event = (await session.execute(select(OutboxEvent))).scalar_one()
        assert event.event_type == EventType.CAMPAIGN_STATUS_CHANGED
        assert event.envelope["data"]["to_status"] == "completed"


async def test_a_campaign_ended_by_its_date_ends_its_launch(
    db, resources, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    now = datetime.now(UTC)
    world = await make_world(db, status="active", start=now - timedelta(days=2), end=now)
    await add_contacts(db, world.company, 3)
    launch = await request_launch(world, status="paused")
    await complete_ended_campaigns(resources, now + timedelta(seconds=1))
    await start_runtime()

    await wait_for(lambda: _finished(db, launch.id))
    assert (await load_launch(db, launch.id)).launch_status == "completed"
    assert adapter.messages == []


async def test_nothing_goes_out_before_the_campaign_starts(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    # Requested for now, but the campaign's start date moved later since (or was minutes
    # away): the launch waits for the start date, and then sends.
    now = datetime.now(UTC)
    starts = now + timedelta(seconds=3)
    world = await make_world(db, start=starts, end=now + timedelta(days=5))
    await add_contacts(db, world.company, 4)
    launch = await request_launch(world)
    await start_runtime()

    async def waiting() -> bool:
        return (await load_launch(db, launch.id)).launch_status == "scheduled"

    await wait_for(waiting)
    held = await load_launch(db, launch.id)
    assert held.scheduled_at == starts
    assert adapter.messages == []

    await wait_for(lambda: _finished(db, launch.id))
    done = await load_launch(db, launch.id)
    assert done.started_at is not None
    assert done.started_at >= starts
    assert len(adapter.messages) == 4


async def test_a_launch_whose_campaign_went_back_to_approval_fails_saying_so(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    # Approved when requested, edited since (back to pending approval): the launch ends at
    # once naming the approval, not after its retries as an audience it could not resolve.
    world = await make_world(db)
    await add_contacts(db, world.company, 3)
    launch = await request_launch(world)
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == world.campaign.id)
            .values(approval_status="pending_approval")
        )
    await start_runtime()

    await wait_for(lambda: _finished(db, launch.id), timeout=10)
    failed = await load_launch(db, launch.id)
    assert failed.launch_status == "failed"
    assert "approval is pending_approval" in (failed.last_error or "")
    assert adapter.messages == []
