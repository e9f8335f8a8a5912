"""Retention: what a company's policies remove, counted (the dry run) or deleted in batches.

One set of criteria per table serves both, so a dry run at a given time reports exactly what
the real run at that time deletes. Nothing under an active legal hold is touched: rows of a
held contact or a held campaign stay whatever their age.

Classes and their tables:
- `rendered_messages`: test sends (the rendered message and its recipient) and the tracked
  links recorded from delivered messages; runs first, so the links of deliveries the
  `deliveries` class removes are counted and deleted here rather than by cascade.
- `deliveries`: finished deliveries (never `pending` or `sending` ones).
- `events`: behavioural events.
- `audit`: a prefix of the company's hash-chained audit log, from its first row up to the
  first row that is recent enough, concerns a held contact or campaign, or is the chain's
  head; removed one whole UTC day at a time by the chain's `crm_audit_prune`, which records
  the anchor the remaining chain is verified from (and appends an `audit.pruned` row).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, delete, func, inspect, or_, select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import Database
from crm_common.models import (
    AuditLog,
    Base,
    CampaignTestSend,
    ContactEvent,
    Delivery,
    LegalHold,
    MessageLink,
    RetentionPolicy,
)
from crm_common.models.data_rights import DataClass

DEFAULT_BATCH = 1000
OPEN_DELIVERY_STATUSES = ("pending", "sending")


@dataclass
class RetentionReport:
    """Rows per data class and table that a run removes (or, in a dry run, would remove)."""

    company_id: uuid.UUID
    as_of: datetime
    dry_run: bool
    cutoffs: dict[str, datetime | None]
    removed: dict[str, dict[str, int]] = field(default_factory=dict)

    def totals(self) -> dict[str, int]:
        return {name: sum(tables.values()) for name, tables in self.removed.items()}

    def as_dict(self) -> dict[str, Any]:
        return {
            "company_id": str(self.company_id),
            "as_of": self.as_of.isoformat(),
            "dry_run": self.dry_run,
            "cutoffs": {k: v.isoformat() if v else None for k, v in self.cutoffs.items()},
            "removed": self.removed,
            "totals": self.totals(),
        }


def _held_contacts(company_id: uuid.UUID) -> Select[Any]:
    return select(LegalHold.contact_id).where(
        LegalHold.company_id == company_id,
        LegalHold.released_at.is_(None),
        LegalHold.contact_id.is_not(None),
    )


def _held_campaigns(company_id: uuid.UUID) -> Select[Any]:
    return select(LegalHold.campaign_id).where(
        LegalHold.company_id == company_id,
        LegalHold.released_at.is_(None),
        LegalHold.campaign_id.is_not(None),
    )


def _deliveries_before(company_id: uuid.UUID, cutoff: datetime) -> list[ColumnElement[bool]]:
    return [
        Delivery.company_id == company_id,
        Delivery.created_at < cutoff,
        Delivery.delivery_status.not_in(OPEN_DELIVERY_STATUSES),
        Delivery.contact_id.not_in(_held_contacts(company_id)),
        Delivery.campaign_id.not_in(_held_campaigns(company_id)),
    ]


@dataclass(frozen=True)
class Target:
    """One table of a data class and the rows of it a run removes."""

    data_class: DataClass
    model: type[Base]
    criteria: list[ColumnElement[bool]]


def _targets(company_id: uuid.UUID, cutoffs: dict[str, datetime | None]) -> list[Target]:
    """The tables and criteria of every class with a policy, in the order a run deletes."""
    targets: list[Target] = []
    rendered = cutoffs.get(DataClass.RENDERED_MESSAGES)
    deliveries = cutoffs.get(DataClass.DELIVERIES)
    events = cutoffs.get(DataClass.EVENTS)
    if rendered is not None:
        targets.append(
            Target(
                DataClass.RENDERED_MESSAGES,
                CampaignTestSend,
                [
                    CampaignTestSend.company_id == company_id,
                    CampaignTestSend.created_at < rendered,
                    CampaignTestSend.send_status != "pending",
                    CampaignTestSend.campaign_id.not_in(_held_campaigns(company_id)),
                    or_(
                        CampaignTestSend.contact_id.is_(None),
                        CampaignTestSend.contact_id.not_in(_held_contacts(company_id)),
                    ),
                ],
            )
        )
    link_cutoffs = [c for c in (rendered, deliveries) if c is not None]
    if link_cutoffs:
        # A removed delivery takes its links along; counting them here keeps the report exact.
        # They are rendered messages, reported as such when that class has a policy, else
        # with the deliveries whose removal takes them.
        targets.append(
            Target(
                DataClass.RENDERED_MESSAGES if rendered is not None else DataClass.DELIVERIES,
                MessageLink,
                [
                    MessageLink.company_id == company_id,
                    MessageLink.delivery_id.in_(
                        select(Delivery.id).where(
                            *_deliveries_before(company_id, max(link_cutoffs))
                        )
                    ),
                ],
            )
        )
    if deliveries is not None:
        targets.append(
            Target(DataClass.DELIVERIES, Delivery, _deliveries_before(company_id, deliveries))
        )
    if events is not None:
        targets.append(
            Target(
                DataClass.EVENTS,
                ContactEvent,
                [
                    ContactEvent.company_id == company_id,
                    ContactEvent.occurred_at < events,
                    ContactEvent.contact_id.not_in(_held_contacts(company_id)),
                    or_(
                        ContactEvent.campaign_id.is_(None),
                        ContactEvent.campaign_id.not_in(_held_campaigns(company_id)),
                    ),
                ],
            )
        )
    return targets


async def policies(session: AsyncSession, company_id: uuid.UUID) -> dict[str, int]:
    """The company's retention periods in days, by data class."""
    rows = await session.execute(
        select(RetentionPolicy.data_class, RetentionPolicy.retain_days).where(
            RetentionPolicy.company_id == company_id
        )
    )
    return dict(rows.all())


def cutoffs_of(days: dict[str, int], as_of: datetime) -> dict[str, datetime | None]:
    """The moment before which each class's rows go (None: kept indefinitely)."""
    return {
        str(name): (as_of - timedelta(days=days[name]) if name in days else None)
        for name in DataClass
    }


async def audit_before(
    session: AsyncSession, company_id: uuid.UUID, cutoff: datetime
) -> datetime | None:
    """The moment before which the company's audit chain is pruned: the policy's cutoff,
    held back to the first row about a held contact or campaign and to the chain's current
    head (the head always stays). None when nothing is old enough."""
    bounds = [cutoff]
    held = await session.scalar(
        select(func.min(AuditLog.chained_at)).where(
            AuditLog.company_id == company_id,
            or_(
                AuditLog.entity_id.in_(_held_contacts(company_id)),
                AuditLog.entity_id.in_(_held_campaigns(company_id)),
            ),
        )
    )
    head = await session.scalar(
        select(func.max(AuditLog.chained_at)).where(AuditLog.company_id == company_id)
    )
    if head is None:
        return None
    bounds.append(head)
    if held is not None:
        bounds.append(held)
    return min(bounds)


def _audit_prunable(company_id: uuid.UUID, before: datetime) -> list[ColumnElement[bool]]:
    return [AuditLog.company_id == company_id, AuditLog.chained_at < before]


async def dry_run(
    session: AsyncSession, company_id: uuid.UUID, as_of: datetime | None = None
) -> RetentionReport:
    """Count what a run at `as_of` removes, per data class and table; deletes nothing."""
    as_of = as_of or datetime.now(UTC)
    cutoffs = cutoffs_of(await policies(session, company_id), as_of)
    report = RetentionReport(company_id, as_of, True, cutoffs)
    for name in DataClass:
        if cutoffs[name] is not None:
            report.removed[str(name)] = {}
    for target in _targets(company_id, cutoffs):
        count = await session.scalar(
            select(func.count()).select_from(target.model).where(*target.criteria)
        )
        report.removed[target.data_class][target.model.__tablename__] = int(count or 0)
    audit_cutoff = cutoffs[DataClass.AUDIT]
    if audit_cutoff is not None:
        before = await audit_before(session, company_id, audit_cutoff)
        count = 0
        if before is not None:
            count = (
                await session.scalar(
                    select(func.count()).where(*_audit_prunable(company_id, before))
                )
                or 0
            )
        report.removed[DataClass.AUDIT][AuditLog.__tablename__] = int(count)
    return report


async def _delete_batch(session: AsyncSession, target: Target, batch: int) -> int:
    keys = list(inspect(target.model).primary_key)
    chosen = select(*keys).where(*target.criteria).limit(batch)
    result = await session.execute(
        delete(target.model).where(tuple_(*keys).in_(chosen)),
        execution_options={"synchronize_session": False},
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def run(
    db: Database,
    company_id: uuid.UUID,
    as_of: datetime | None = None,
    *,
    batch: int = DEFAULT_BATCH,
    on_batch: Callable[[str, str, int], None] | None = None,
) -> RetentionReport:
    """Remove what the company's policies say is past retention, `batch` rows per
    transaction (no long-held locks, no giant transaction); returns what was removed."""
    as_of = as_of or datetime.now(UTC)
    async with db.system_session() as session:
        cutoffs = cutoffs_of(await policies(session, company_id), as_of)
    report = RetentionReport(company_id, as_of, False, cutoffs)
    for name in DataClass:
        if cutoffs[name] is not None:
            report.removed[str(name)] = {}
    for target in _targets(company_id, cutoffs):
        table = target.model.__tablename__
        total = 0
        while True:
            async with db.system_session() as session:
                removed = await _delete_batch(session, target, batch)
            total += removed
            if on_batch is not None and removed:
                on_batch(target.data_class, table, removed)
            if removed < batch:
                break
        report.removed[target.data_class][table] = total
    audit_cutoff = cutoffs[DataClass.AUDIT]
    if audit_cutoff is not None:
        report.removed[DataClass.AUDIT][AuditLog.__tablename__] = await _purge_audit(
            db, company_id, audit_cutoff
        )
    return report


async def _purge_audit(db: Database, company_id: uuid.UUID, cutoff: datetime) -> int:
    """Prune the audit chain from its start one whole UTC day per transaction, through the
    chain's own function (it re-anchors the chain at the first remaining row)."""
    async with db.tenant_session(company_id) as session:
        before = await audit_before(session, company_id, cutoff)
        oldest = await session.scalar(
            select(func.min(AuditLog.chained_at)).where(AuditLog.company_id == company_id)
        )
    if before is None or oldest is None or oldest >= before:
        return 0
    total = 0
    step = datetime.combine(oldest.astimezone(UTC).date(), datetime.min.time(), UTC)
    while step < before:
        step = min(step + timedelta(days=1), before)
        async with db.tenant_session(company_id) as session:
            total += int(
                await session.scalar(
                    text("SELECT crm_audit_prune(:company, :before)"),
                    {"company": company_id, "before": step},
                )
                or 0
            )
    return total


async def companies_with_policies(db: Database) -> list[uuid.UUID]:
    """Every company that set at least one retention period."""
    async with db.system_session() as session:
        rows = await session.scalars(select(RetentionPolicy.company_id).distinct())
        return list(rows)
