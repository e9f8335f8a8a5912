"""Fresh deliveries (as a resolution wrote them, never claimed) stay out of the claimable
index: dispatchers find them in their launch's range of ids, in id order, and nothing is
missed when a claim rolls back, a delivery is given back, a launch is cancelled or deliveries
were numbered before migration 0019."""

from __future__ import annotations

import importlib
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, literal_column, select, text, update

from crm_common.db import Database
from crm_common.models import (
    CLAIMABLE_DELIVERY,
    FRESH_DELIVERY,
    Delivery,
    Launch,
    launch_delivery_ids,
)
from crm_common.tenancy import TenantScope
from launch_worker.audience.service import freeze_audience
from launch_worker.dispatch import repository as dispatch
from launch_worker.launches import repository as launches

from .conftest import World, add_contacts, make_world, request_launch, world_audience

_0019 = importlib.import_module("crm_common.migrations.versions.0019_fresh_deliveries")
OWNER = "worker-a"


async def _resolved(db: Database, contacts: int, slices: int = 2) -> tuple[World, Launch]:
    world = await make_world(db)
    await add_contacts(db, world.company, contacts)
    launch = await request_launch(world)
    assert await freeze_audience(db, world_audience(world, launch), slices=slices) == contacts
    return world, launch


async def _count(db: Database, launch: Launch, predicate: str) -> int:
    async with db.system_session() as session:
        return int(
            await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.launch_id == launch.id, literal_column(f"({predicate})"))
            )
            or 0
        )


async def _claim(
    db: Database, world: World, launch: Launch, cursor: dispatch.FreshCursor, size: int
) -> tuple[list[uuid.UUID], dispatch.FreshCursor]:
    async with db.tenant_session(world.company.id) as session:
        claimed, cursor = await dispatch.claim_batch(
            session, world.company.id, launch.id, OWNER, 30.0, size, cursor
        )
    return [delivery.id for delivery in claimed], cursor


async def _record(
    db: Database, world: World, launch: Launch, ids: list[uuid.UUID], status: str, **changes
) -> None:
    outcomes = [dispatch.Outcome(delivery_id, status, **changes) for delivery_id in ids]
    async with db.tenant_session(world.company.id) as session:
        await dispatch.record_batch(
            session, world.company.id, world.campaign.id, launch.id, OWNER, outcomes, date.today()
        )


async def test_a_resolution_writes_fresh_deliveries_claimed_in_id_order_from_its_range(db) -> None:
    world, launch = await _resolved(db, 30)
    assert await _count(db, launch, FRESH_DELIVERY) == 30
    assert await _count(db, launch, CLAIMABLE_DELIVERY) == 0

    cursor = dispatch.FreshCursor.of(launch.id)
    batches = []
    for _ in range(3):
        ids, cursor = await _claim(db, world, launch, cursor, 10)
        batches.append(ids)
    assert [len(batch) for batch in batches] == [10, 10, 10]
    assert max(batches[0]) < min(batches[1])
    assert max(batches[1]) < min(batches[2])
    low, last = launch_delivery_ids(launch.id)
    assert all(low <= delivery <= last for batch in batches for delivery in batch)
    assert cursor.next == max(batches[2])
    # Claimed, they are in the claimable index (a lapsed lease sends them again).
    assert await _count(db, launch, CLAIMABLE_DELIVERY) == 30

    ids, cursor = await _claim(db, world, launch, cursor, 10)
    assert ids == []
    assert cursor.low is None
    assert cursor.next is None


class _RolledBack(Exception):
    """Ends a transaction the way a worker dying mid-claim does."""


async def test_a_claim_rolled_back_leaves_its_deliveries_to_a_worker_that_passed_them(
    db,
) -> None:
    world, launch = await _resolved(db, 20)
    first = dispatch.FreshCursor.of(launch.id)
    second = dispatch.FreshCursor.of(launch.id)

    with pytest.raises(_RolledBack):
        async with db.tenant_session(world.company.id) as session:
            held, _ = await dispatch.claim_batch(
                session, world.company.id, launch.id, "worker-b", 30.0, 5, first
            )
            assert len(held) == 5
            # Meanwhile the other worker claims past the five it cannot lock.
            ids, second = await _claim(db, world, launch, second, 20)
            assert len(ids) == 15
            assert set(ids).isdisjoint(delivery.id for delivery in held)
            # Still pending as committed: they stay where it will look next.
            assert second.low == min(delivery.id for delivery in held)
            raise _RolledBack  # the first worker dies before its claim commits

    ids, second = await _claim(db, world, launch, second, 20)
    assert sorted(ids) == sorted(delivery.id for delivery in held)
    ids, second = await _claim(db, world, launch, second, 20)
    assert (ids, second.next) == ([], None)


async def test_a_delivery_given_back_is_due_later_and_claimed_from_the_index(db) -> None:
    world, launch = await _resolved(db, 12)
    ids, cursor = await _claim(db, world, launch, dispatch.FreshCursor.of(launch.id), 12)
    await _record(db, world, launch, ids[:4], "pending", refund=1)  # e.g. released on pause
    held_until = datetime.now(UTC) + timedelta(hours=1)
    await _record(db, world, launch, ids[4:8], "pending", refund=1, next_at=held_until)
    await _record(db, world, launch, ids[8:], "sent")

    assert await _count(db, launch, FRESH_DELIVERY) == 0
    assert await _count(db, launch, CLAIMABLE_DELIVERY) == 8
    exhausted = dispatch.FreshCursor(low=None, next=None, last=cursor.last)
    again, _ = await _claim(db, world, launch, exhausted, 12)
    assert sorted(again) == sorted(ids[:4])  # the held ones wait for their time


async def test_open_deliveries_are_seen_fresh_then_claimed_then_none(db) -> None:
    world, launch = await _resolved(db, 10)
    low, _ = launch_delivery_ids(launch.id)

    async def has_open(fresh_from: uuid.UUID | None) -> tuple[bool, uuid.UUID | None]:
        async with db.tenant_session(world.company.id) as session:
            return await launches.has_open_deliveries(
                TenantScope(session, world.company.id), launch, fresh_from
            )

    is_open, first = await has_open(low)
    assert is_open
    assert first is not None
    assert first > low
    ids, _ = await _claim(db, world, launch, dispatch.FreshCursor.of(launch.id), 10)
    assert first == min(ids)
    assert await has_open(first) == (True, None)  # claimed, not recorded yet
    await _record(db, world, launch, ids, "sent")
    assert await has_open(None) == (False, None)


async def test_a_cancelled_launch_skips_fresh_and_lapsed_deliveries_and_not_held_ones(
    db,
) -> None:
    world, launch = await _resolved(db, 20)
    lapsed, cursor = await _claim(db, world, launch, dispatch.FreshCursor.of(launch.id), 5)
    live, _ = await _claim(db, world, launch, cursor, 5)
    async with db.system_session() as session:
        await session.execute(
            update(Delivery)
            .where(Delivery.id.in_(lapsed))
            .values(lease_expires_at=func.now() - timedelta(seconds=1))
        )

    async with db.tenant_session(world.company.id) as session:
        skipped = await launches.skip_open_deliveries(
            TenantScope(session, world.company.id), launch.id, "launch cancelled"
        )
    assert skipped == 15  # 10 fresh and 5 whose lease lapsed; a live worker keeps its 5
    async with db.system_session() as session:
        statuses = dict(
            (await session.execute(select(Delivery.id, Delivery.delivery_status))).all()
        )
        count = await session.scalar(select(Launch.skipped_count).where(Launch.id == launch.id))
    assert {statuses[delivery] for delivery in live} == {"sending"}
    assert sum(status == "skipped" for status in statuses.values()) == 15
    assert count == 15


async def test_deliveries_numbered_before_0019_join_the_claimable_index(db) -> None:
    world, launch = await _resolved(db, 6)
    async with db.system_session() as session:
        await session.execute(text(_0019.MOVE_FRESH))
    assert await _count(db, launch, FRESH_DELIVERY) == 0
    assert await _count(db, launch, CLAIMABLE_DELIVERY) == 6
    # Found through the index alone, as those numbered outside their launch's range are.
    _, last = launch_delivery_ids(launch.id)
    ids, _ = await _claim(db, world, launch, dispatch.FreshCursor(None, None, last), 10)
    assert len(ids) == 6


async def test_a_fresh_delivery_outside_its_launchs_range_is_found_before_the_launch_ends(
    db,
) -> None:
    world, launch = await _resolved(db, 5)
    # One numbered by a worker of a release before 0019 (a random id), as it wrote them.
    async with db.system_session() as session:
        row = (await session.execute(select(Delivery).limit(1))).scalar_one()
        contact = row.contact_id
        await session.delete(row)
    now = datetime.now(UTC)
    stray = Delivery(
        id=uuid.uuid4(),
        company_id=world.company.id,
        launch_id=launch.id,
        campaign_id=world.campaign.id,
        contact_id=contact,
        channel="email",
        delivery_status="pending",
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
    async with db.system_session() as session:
        session.add(stray)
    ids, cursor = await _claim(db, world, launch, dispatch.FreshCursor.of(launch.id), 10)
    assert len(ids) == 4
    await _record(db, world, launch, ids, "sent")

    async def has_open() -> bool:
        async with db.tenant_session(world.company.id) as session:
            found, _ = await launches.has_open_deliveries(
                TenantScope(session, world.company.id), launch, None
            )
        return found

    assert await has_open()  # not finished: the stray is made due, into the index
    again, _ = await _claim(db, world, launch, cursor, 10)
    assert again == [stray.id]
    await _record(db, world, launch, again, "sent")
    assert not await has_open()
