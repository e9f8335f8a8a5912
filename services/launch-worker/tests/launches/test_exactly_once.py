"""A redelivered launch_requested, a repeated request, a second worker or a killed one never
sends anything twice."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update

from crm_common.events import EventEnvelope, EventType
from crm_common.models import CampaignContact, Delivery, Launch
from launch_worker.launches import repository as repo
from launch_worker.launches.consumers import launch_requested_handler
from launch_worker.launches.service import Launcher, LauncherState

from .conftest import (
    RecordingAdapter,
    Runner,
    add_contacts,
    delivery_counts,
    load_launch,
    make_world,
    request_launch,
    wait_for,
)


async def _resolve_by(launcher: Launcher) -> tuple[repo.ClaimedLaunch, LauncherState]:
    """Claim the next launch and step it to `sending`, as a launcher's loop would but without
    the steps between (the links)."""
    async with launcher.resources.db.system_session() as session:
        claimed = await repo.claim_next(session, launcher.owner, 30.0)
    assert claimed is not None
    state = LauncherState()
    await launcher.step(claimed, state)  # requested → resolving
    await launcher.step(claimed, state)  # resolving → sending
    return claimed, state


async def _links(db) -> int:
    async with db.system_session() as session:
        return int(await session.scalar(select(func.count()).select_from(CampaignContact)) or 0)


async def test_two_workers_and_redelivered_events_send_each_contact_once(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 400)
    launch = await request_launch(world)
    woken: list[int] = []
    handle = launch_requested_handler(db, lambda: woken.append(1))
    event = EventEnvelope(
        type=EventType.CAMPAIGN_LAUNCH_REQUESTED,
        company_id=world.company.id,
        data={"launch_id": str(launch.id), "campaign_id": str(world.campaign.id)},
    )
    await handle(event)
    await handle(event)  # redelivered: seen once
    assert woken == [1]

    await start_runtime("worker-a", dispatch_batch_size=25)
    await start_runtime("worker-b", dispatch_batch_size=25)

    async def finished() -> bool:
        # The survivor may send everything before its launcher takes the launch over; it
        # then completes the launch and writes the links right after, in that order.
        done = await load_launch(db, launch.id)
        return done.finished_at is not None and done.audience_linked_at is not None

    await wait_for(finished)
    assert adapter.recipients() == {c.email: 1 for c in contacts}
    done = await load_launch(db, launch.id)
    assert (done.launch_status, done.sent_count, done.total_recipients) == ("completed", 400, 400)


async def test_a_repeated_request_for_a_campaign_never_starts_a_second_run(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 50)
    first = await request_launch(world)
    second = await request_launch(world)
    await start_runtime("worker-a")
    await start_runtime("worker-b")

    async def both_finished() -> bool:
        launches = [await load_launch(db, launch.id) for launch in (first, second)]
        return all(launch.finished_at is not None for launch in launches)

    await wait_for(both_finished)
    assert adapter.recipients() == {c.email: 1 for c in contacts}
    sent = [(await load_launch(db, launch.id)).sent_count for launch in (first, second)]
    assert sorted(sent) == [0, 50]


async def test_a_killed_workers_leases_lapse_and_another_worker_resumes(
    db, resources, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 60)
    launch = await request_launch(world)
    # A first worker took the launch, resolved its audience, recorded 20 messages and held 10
    # more when it was killed, before it wrote the campaign-contact links: its launch lease
    # and its delivery leases are still running.
    await _resolve_by(Launcher(resources, "doomed"))
    resolved = await load_launch(db, launch.id)
    assert (resolved.launch_status, resolved.audience_linked_at) == ("sending", None)
    assert await _links(db) == 0
    lease_until = datetime.now(UTC) + timedelta(seconds=2)
    async with db.system_session() as session:
        await session.execute(
            update(Launch)
            .where(Launch.id == launch.id)
            .values(lease_owner="doomed", lease_expires_at=lease_until)
        )
        rows = (
            (
                await session.execute(
                    Delivery.__table__.select()
                    .where(Delivery.launch_id == launch.id)
                    .order_by(Delivery.id)
                )
            )
            .mappings()
            .all()
        )
        sent_ids = [row["id"] for row in rows[:20]]
        held_ids = [row["id"] for row in rows[20:30]]
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(sent_ids))
            .values(delivery_status="sent", provider_message_id="earlier")
        )
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(held_ids))
            .values(
                delivery_status="sending",
                lease_owner="doomed",
                lease_expires_at=lease_until,
                attempts=1,
            )
        )
        await session.execute(update(Launch).where(Launch.id == launch.id).values(sent_count=20))

    await start_runtime("survivor")

    async def finished() -> bool:
        # The survivor may send everything before its launcher takes the launch over; it
        # then completes the launch and writes the links right after, in that order.
        done = await load_launch(db, launch.id)
        return done.finished_at is not None and done.audience_linked_at is not None

    await wait_for(finished)
    done = await load_launch(db, launch.id)
    assert done.launch_status == "completed"
    assert done.sent_count == 60
    assert done.audience_linked_at is not None
    assert await _links(db) == 60
    assert await delivery_counts(db, launch.id) == {"sent": 60}
    resent = {m.delivery_id for m in adapter.messages}
    assert len(adapter.messages) == 40
    assert set(held_ids) <= resent, "held deliveries went out again with the same key"
    assert not set(sent_ids) & resent, "recorded deliveries were never sent again"
    all_emails = {c.email for c in contacts}
    assert set(adapter.recipients()) <= all_emails


async def test_two_launchers_linking_one_launch_write_each_link_once(db, resources) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 30)
    await request_launch(world)
    first, second = Launcher(resources, "first"), Launcher(resources, "second")
    claimed, state = await _resolve_by(first)
    assert state.links_due

    # The first launcher lost its lease while linking; its successor links at the same time.
    await asyncio.gather(first._link(claimed, state), second._link(claimed, LauncherState()))

    assert not state.links_due
    assert await _links(db) == 30
    assert (await load_launch(db, claimed.id)).audience_linked_at is not None
