"""Queries of the launch state machine. Claims run cross-tenant (the system session: a
worker serves every company); everything else runs in the launch's tenant session."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
    Text,
    bindparam,
    func,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.enums import DeliveryStatus, LaunchStatus
from crm_common.models import (
    CLAIMABLE_DELIVERY,
    FRESH_DELIVERY,
    Campaign,
    Delivery,
    Launch,
    launch_delivery_ids,
)
from crm_common.tenancy import TenantScope

# Launches a launcher must attend to: waiting to start (a scheduled one once due), running or
# paused, or ended by the campaign's API (cancel/complete) and not yet finalised — whose lease
# is free or has lapsed (its launcher died).
_CANDIDATES = text(
    """
    SELECT id, company_id, campaign_id
    FROM crm_launches
    WHERE (launch_status IN ('requested', 'resolving', 'sending', 'paused')
           OR (launch_status = 'scheduled' AND scheduled_at <= now())
           OR (launch_status IN ('completed', 'cancelled', 'failed') AND finished_at IS NULL))
      AND (lease_expires_at IS NULL OR lease_expires_at < now())
    ORDER BY coalesce(scheduled_at, created_at), id
    LIMIT :limit
    FOR UPDATE SKIP LOCKED
    """
)

# One launcher per campaign: the transaction that hands out a launch holds this advisory lock
# on its campaign and checks that no other launch of the campaign is held.
_CAMPAIGN_LOCK = text("SELECT pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
_OTHER_HELD = text(
    """
    SELECT 1 FROM crm_launches
    WHERE campaign_id = :campaign_id AND id <> :launch_id
      AND finished_at IS NULL
      AND lease_expires_at > now()
    LIMIT 1
    """
)
_TAKE = text(
    """
    UPDATE crm_launches
    SET lease_owner = :owner,
        lease_expires_at = now() + make_interval(secs => :lease_s),
        attempts = attempts + 1
    WHERE id = :launch_id
    """
).bindparams(bindparam("lease_s", type_=Float))


@dataclass(frozen=True)
class ClaimedLaunch:
    id: uuid.UUID
    company_id: uuid.UUID
    campaign_id: uuid.UUID


def campaign_lock_key(campaign_id: uuid.UUID) -> str:
    return f"crm-launch:{campaign_id}"


async def claim_next(session: AsyncSession, owner: str, lease_s: float) -> ClaimedLaunch | None:
    """Take the lease of one launch needing a launcher (system session), or None."""
    rows = (await session.execute(_CANDIDATES, {"limit": 20})).all()
    for row in rows:
        locked = await session.execute(
            _CAMPAIGN_LOCK.bindparams(bindparam("key", type_=Text)),
            {"key": campaign_lock_key(row.campaign_id)},
        )
        if not locked.scalar_one():
            continue
        other = await session.execute(
            _OTHER_HELD, {"campaign_id": row.campaign_id, "launch_id": row.id}
        )
        if other.first() is not None:
            continue
        await session.execute(_TAKE, {"owner": owner, "lease_s": lease_s, "launch_id": row.id})
        return ClaimedLaunch(row.id, row.company_id, row.campaign_id)
    return None


async def renew(scope: TenantScope, launch_id: uuid.UUID, owner: str, lease_s: float) -> bool:
    """Extend the lease; False when this owner no longer holds it."""
    result = await scope.session.execute(
        scope.update(Launch, Launch.id == launch_id, Launch.lease_owner == owner)
        .values(lease_expires_at=func.now() + func.make_interval(0, 0, 0, 0, 0, 0, lease_s))
        .returning(Launch.id)
    )
    return result.first() is not None


async def link_lock(scope: TenantScope, launch_id: uuid.UUID) -> bool:
    """Whether the launch's links are still to be written, asked under a lock (held until
    the transaction ends) that a second writer of the same links waits for."""
    await scope.session.execute(
        select(func.pg_advisory_xact_lock(func.hashtextextended(f"crm-links:{launch_id}", 0)))
    )
    linked = await scope.session.execute(
        scope.select(Launch, Launch.id == launch_id).with_only_columns(Launch.audience_linked_at)
    )
    row = linked.first()
    return row is not None and row[0] is None


async def mark_linked(scope: TenantScope, launch_id: uuid.UUID, now: datetime) -> None:
    await scope.session.execute(
        scope.update(Launch, Launch.id == launch_id, Launch.audience_linked_at.is_(None)).values(
            audience_linked_at=now
        )
    )


async def release(scope: TenantScope, launch_id: uuid.UUID, owner: str) -> None:
    await scope.session.execute(
        scope.update(Launch, Launch.id == launch_id, Launch.lease_owner == owner).values(
            lease_owner=None, lease_expires_at=None
        )
    )


async def load_held(
    scope: TenantScope, launch_id: uuid.UUID, campaign_id: uuid.UUID, owner: str
) -> tuple[Launch, Campaign] | None:
    """The campaign and the launch, locked in that order (the order of every writer of both:
    campaign, launch, deliveries), if this owner still holds the launch's lease."""
    campaign = (
        await scope.session.execute(
            scope.select(Campaign, Campaign.id == campaign_id).with_for_update(key_share=True)
        )
    ).scalar_one_or_none()
    launch = (
        await scope.session.execute(
            scope.select(Launch, Launch.id == launch_id).with_for_update(key_share=True)
        )
    ).scalar_one_or_none()
    if campaign is None or launch is None or launch.lease_owner != owner:
        return None
    return launch, campaign


async def set_state(
    scope: TenantScope, launch_id: uuid.UUID, owner: str, status: str, **values: Any
) -> bool:
    result = await scope.session.execute(
        scope.update(Launch, Launch.id == launch_id, Launch.lease_owner == owner)
        .values(launch_status=status, updated_at=func.now(), **values)
        .returning(Launch.id)
    )
    return result.first() is not None


# The model's predicates as criteria of statements built here.
CLAIMABLE: ColumnElement[bool] = literal_column(f"({CLAIMABLE_DELIVERY})", Boolean)
FRESH: ColumnElement[bool] = literal_column(f"({FRESH_DELIVERY})", Boolean)


async def has_open_deliveries(
    scope: TenantScope, launch: Launch, fresh_from: uuid.UUID | None
) -> tuple[bool, uuid.UUID | None]:
    """Whether a launch has a delivery left to send; with the lowest fresh delivery at or
    after `fresh_from` (None: the launch has no fresh delivery left), where the next check
    may start — a committed read: no fresh delivery can appear below it again.

    Before answering no, fresh deliveries outside the launch's range of ids (numbered by a
    worker of a release before migration 0019, still running during an upgrade) are made
    due a microsecond later, which puts them in the claimable index: one pass over the
    campaign's deliveries (its unique key), when a launch looks finished."""
    launch_id = launch.id
    if fresh_from is not None:
        fresh = await lowest_fresh(scope.session, scope.company_id, launch_id, fresh_from)
        if fresh is not None:
            return True, fresh
    claimable = scope.select(Delivery, Delivery.launch_id == launch_id, CLAIMABLE)
    has_claimable = await scope.session.execute(select(claimable.exists()))
    if has_claimable.scalar_one():
        return True, None
    low, last = launch_delivery_ids(launch_id)
    strays = await scope.session.execute(
        update(Delivery)
        .where(
            Delivery.company_id == scope.company_id,
            Delivery.campaign_id == launch.campaign_id,
            Delivery.launch_id == launch_id,
            FRESH,
            ~Delivery.id.between(low, last),
        )
        .values(next_attempt_at=Delivery.next_attempt_at + timedelta(microseconds=1))
        .execution_options(synchronize_session=False)
    )
    return int(strays.rowcount) > 0, None  # type: ignore[attr-defined]


async def lowest_fresh(
    session: AsyncSession, company_id: uuid.UUID, launch_id: uuid.UUID, fresh_from: uuid.UUID
) -> uuid.UUID | None:
    """The lowest fresh delivery of a launch at or after `fresh_from` as committed, or None.
    A plain read: a delivery another worker is claiming still counts, so no fresh delivery
    can appear below the answer again."""
    statement = (
        select(Delivery.id)
        .where(*_fresh_of(company_id, launch_id, fresh_from))
        .order_by(Delivery.id)
        .limit(1)
    )
    found: uuid.UUID | None = (await session.execute(statement)).scalar()
    return found


def _fresh_of(
    company_id: uuid.UUID, launch_id: uuid.UUID, fresh_from: uuid.UUID | None = None
) -> list[ColumnElement[bool]]:
    """The fresh deliveries of a launch (at or after `fresh_from`), found in its range of
    the primary key (`launch_delivery_ids`)."""
    low, last = launch_delivery_ids(launch_id)
    return [
        Delivery.id.between(fresh_from or low, last),
        Delivery.company_id == company_id,
        Delivery.launch_id == launch_id,
        FRESH,
    ]


async def skip_open_deliveries(scope: TenantScope, launch_id: uuid.UUID, reason: str) -> int:
    """Skip what is still to send (pending, or claimed by a worker whose lease lapsed); a
    delivery a live worker holds is left to it (it records what it did). Fresh deliveries and
    the claimable index's are two statements, each on its own index."""
    skip = {
        "delivery_status": DeliveryStatus.SKIPPED,
        "last_error": reason,
        "lease_owner": None,
        "lease_expires_at": None,
        "updated_at": func.now(),
    }
    fresh = await scope.session.execute(
        update(Delivery)
        .where(*_fresh_of(scope.company_id, launch_id))
        .values(**skip)
        .execution_options(synchronize_session=False)
    )
    claimable = await scope.session.execute(
        scope.update(
            Delivery,
            Delivery.launch_id == launch_id,
            CLAIMABLE,
            (Delivery.delivery_status == DeliveryStatus.PENDING)
            | (Delivery.lease_expires_at < func.now()),
        )
        .values(**skip)
        .execution_options(synchronize_session=False)
    )
    skipped = int(fresh.rowcount) + int(claimable.rowcount)  # type: ignore[attr-defined]
    if skipped:
        await scope.session.execute(
            scope.update(Launch, Launch.id == launch_id).values(
                skipped_count=Launch.skipped_count + skipped
            )
        )
    return skipped


async def has_deliveries_in_flight(scope: TenantScope, launch_id: uuid.UUID) -> bool:
    """Whether a worker whose lease has not run out holds a claimed delivery of the launch
    (the claimable index's rows)."""
    in_flight = scope.select(
        Delivery,
        Delivery.launch_id == launch_id,
        CLAIMABLE,
        Delivery.delivery_status == DeliveryStatus.SENDING,
        Delivery.lease_expires_at >= func.now(),
    )
    return bool((await scope.session.execute(select(in_flight.exists()))).scalar_one())


async def live_states(
    session: AsyncSession, launch_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, str, bool, bool]]:
    """(launch status, campaign status, campaign deleted, campaign past its end date) per
    launch (system session)."""
    if not launch_ids:
        return {}
    rows = await session.execute(
        select(
            Launch.id,
            Launch.launch_status,
            Campaign.campaign_status,
            Campaign.is_deleted,
            Campaign.end_date <= func.now(),
        )
        .join(Campaign, Campaign.id == Launch.campaign_id)
        .where(Launch.id.in_(launch_ids))
    )
    return {row[0]: (row[1], row[2], row[3], bool(row[4])) for row in rows}


async def sending_launches(session: AsyncSession, limit: int = 100) -> list[ClaimedLaunch]:
    """Launches whose deliveries are being sent, across companies (system session)."""
    rows = await session.execute(
        select(Launch.id, Launch.company_id, Launch.campaign_id)
        .where(Launch.launch_status == LaunchStatus.SENDING)
        .order_by(Launch.started_at, Launch.id)
        .limit(limit)
    )
    return [ClaimedLaunch(row[0], row[1], row[2]) for row in rows]


async def due_end_dates(session: AsyncSession, now: datetime, limit: int = 100) -> list[Any]:
    """Active or paused campaigns past their end date (system session)."""
    rows = await session.execute(
        select(Campaign.id, Campaign.company_id)
        .where(
            Campaign.is_deleted.is_(False),
            Campaign.campaign_status.in_(("active", "paused")),
            Campaign.end_date <= now,
        )
        .limit(limit)
    )
    return list(rows)
