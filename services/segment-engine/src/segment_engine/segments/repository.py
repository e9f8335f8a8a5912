"""Queries of the segment feature, built through the tenant scope."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, SmallInteger, func, literal, not_, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import pii
from crm_common.models import (
    Campaign,
    CampaignSegment,
    Contact,
    SegmentEvaluation,
    SegmentMembership,
)
from crm_common.models.audience import CONTACT_PROFILE_COLUMNS
from crm_common.pagination import PageParams, paginate
from crm_common.sampling import SAMPLE_BUCKETS
from crm_common.segments.exclusions import Reachability
from crm_common.tenancy import TenantScope

contacts = Contact.__table__

CONTACT_FIELDS = (
    "id",
    *CONTACT_PROFILE_COLUMNS,
    "consented_channels",
    "created_at",
    "updated_at",
)
# With the row's key version: personal data is sealed and decrypted on the way out.
CONTACT_COLUMNS = [
    *(contacts.c[name] for name in CONTACT_FIELDS),
    contacts.c.pii_key_version,
]
# Planner settings for the audience queries of one transaction (SET LOCAL: they end with it).
# JIT compilation costs more than it saves on these sub-second scans; hash aggregates and
# anti-joins over hundreds of thousands of contacts need more than the default work_mem.
QUERY_SETTINGS = {"jit": "off", "work_mem": "64MB"}
# The buckets counted to size a tenant before sampling it: 16 of 1024 (about 1.6 %), one short
# range of ix_crm_contacts_company_sample.
POPULATION_PROBE_BUCKETS = 16


@dataclass(frozen=True)
class AudienceCounts:
    matched: int
    no_consent: int
    suppressed: int
    no_address: int

    @property
    def sendable(self) -> int:
        return self.matched - self.no_consent - self.suppressed - self.no_address


async def tune_for_audience_queries(session: AsyncSession) -> None:
    """Apply the planner settings audience queries run with, for this transaction only."""
    for name, value in QUERY_SETTINGS.items():
        await session.execute(select(func.set_config(literal(name), literal(value), literal(True))))


async def get_segment(
    scope: TenantScope, segment_id: uuid.UUID, *, for_update: bool = False
) -> CampaignSegment | None:
    """A live campaign segment by id (locked with `for_update`)."""
    statement = scope.select(
        CampaignSegment, CampaignSegment.id == segment_id, not_(CampaignSegment.is_deleted)
    )
    if for_update:
        statement = statement.with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def campaign_channel(scope: TenantScope, campaign_id: uuid.UUID) -> str | None:
    """The primary channel of one of the company's campaigns, or None when there is none."""
    statement = scope.select(
        Campaign, Campaign.id == campaign_id, not_(Campaign.is_deleted)
    ).with_only_columns(Campaign.primary_channel)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def approximate_population(scope: TenantScope) -> int:
    """The company's number of contacts, extrapolated from a few sample buckets: enough to
    size a sample, at a cost that does not grow with the tenant's other contacts."""
    probe = literal(POPULATION_PROBE_BUCKETS, SmallInteger)
    statement = scope.count(Contact, contacts.c.sample_bucket < probe)
    probed = (await scope.session.execute(statement)).scalar_one()
    return probed * SAMPLE_BUCKETS // POPULATION_PROBE_BUCKETS


def _audience(scope: TenantScope, predicate: ColumnElement[bool]) -> Any:
    return scope.select(Contact, predicate)


async def count_audience(
    scope: TenantScope, predicate: ColumnElement[bool], reach: Reachability
) -> AudienceCounts:
    """The audience counts as one aggregate (parallel workers count their share)."""
    statement = _audience(scope, predicate).with_only_columns(
        func.count(),
        func.count().filter(not_(reach.consented)),
        func.count().filter(reach.consented, not_(reach.allowed)),
        func.count().filter(reach.allowed, not_(reach.sendable)),
    )
    return AudienceCounts(*(await scope.session.execute(statement)).one())


async def sample_ids(
    scope: TenantScope, predicate: ColumnElement[bool], reach: Reachability, limit: int
) -> list[uuid.UUID]:
    """Up to `limit` sendable matching contact ids (the scan stops once it has them)."""
    if limit <= 0:
        return []
    statement = (
        _audience(scope, predicate)
        .where(reach.sendable)
        .with_only_columns(contacts.c.id)
        .limit(limit)
    )
    return list((await scope.session.execute(statement)).scalars())


async def estimate_in_one_scan(
    scope: TenantScope, predicate: ColumnElement[bool], reach: Reachability, sample_size: int
) -> tuple[AudienceCounts, list[uuid.UUID]]:
    """The audience counts and the ids of up to `sample_size` sendable contacts from ONE
    evaluation of the predicate (materialised once, counted and sampled from): for rules whose
    joins cost the same whether they stop early or not."""
    audience = (
        _audience(scope, predicate)
        .with_only_columns(
            contacts.c.id,
            reach.consented.label("consented"),
            reach.allowed.label("allowed"),
            reach.sendable.label("sendable"),
        )
        .cte("audience")
        .prefix_with("MATERIALIZED")
    )

    def count_of(*where: ColumnElement[bool]) -> Any:
        return select(func.count()).select_from(audience).where(*where).scalar_subquery()

    sampled = select(audience.c.id).where(audience.c.sendable).limit(sample_size).subquery()
    statement = select(
        count_of(),
        count_of(not_(audience.c.consented)),
        count_of(audience.c.consented, not_(audience.c.allowed)),
        count_of(audience.c.allowed, not_(audience.c.sendable)),
        select(func.array_agg(sampled.c.id)).scalar_subquery(),
    )
    matched, no_consent, suppressed, no_address, ids = (
        await scope.session.execute(statement)
    ).one()
    return AudienceCounts(matched, no_consent, suppressed, no_address), list(ids or [])


async def get_contacts(scope: TenantScope, ids: Sequence[uuid.UUID]) -> list[dict[str, Any]]:
    """The company's contacts with these ids, in the given order."""
    if not ids:
        return []
    statement = scope.select(Contact, Contact.id.in_(list(ids))).with_only_columns(*CONTACT_COLUMNS)
    rows = [dict(row._mapping) for row in await scope.session.execute(statement)]
    opened = await pii.open_contacts(scope.session, scope.company_id, rows)
    found = {row["id"]: row for row in opened}
    return [found[contact_id] for contact_id in ids if contact_id in found]


async def add_evaluation(scope: TenantScope, evaluation: SegmentEvaluation) -> None:
    """Store one evaluation run of a segment."""
    scope.add(evaluation)
    await scope.session.flush()


async def update_segment_counts(
    scope: TenantScope, segment_id: uuid.UUID, values: Mapping[str, Any]
) -> None:
    """Write the segment's counts (`values`: column → value)."""
    await scope.session.execute(
        scope.update(CampaignSegment, CampaignSegment.id == segment_id).values(**values)
    )


async def members_page(
    scope: TenantScope, segment_id: uuid.UUID, params: PageParams
) -> tuple[list[dict[str, Any]], int]:
    """One page of the segment's members (contact columns and when they joined) and their total."""
    statement = (
        scope.select(SegmentMembership, SegmentMembership.segment_id == segment_id)
        .with_only_columns(*CONTACT_COLUMNS, SegmentMembership.added_at)
        .join_from(SegmentMembership, Contact, Contact.id == SegmentMembership.contact_id)
        .order_by(SegmentMembership.contact_id)
    )
    rows, total, _ = await paginate(scope.session, statement, params, scalars=False)
    members = [dict(row._mapping) for row in rows]
    return await pii.open_contacts(scope.session, scope.company_id, members), total


async def get_contact(scope: TenantScope, contact_id: uuid.UUID) -> dict[str, Any] | None:
    """A contact's columns as a dict, or None."""
    statement = scope.select(Contact, Contact.id == contact_id).with_only_columns(*CONTACT_COLUMNS)
    row = (await scope.session.execute(statement)).one_or_none()
    if row is None:
        return None
    [opened] = await pii.open_contacts(scope.session, scope.company_id, [dict(row._mapping)])
    return opened


EXPLAIN_BATCH = 50


async def contact_values(
    scope: TenantScope, contact_id: uuid.UUID, expressions: Mapping[str, ColumnElement[Any]]
) -> dict[str, Any]:
    """Evaluate labelled SQL expressions over one contact row, in batches: a select list has
    a bounded width and a statement at most 32,767 parameters (a batch of conditions holds at
    most the rule budget's values plus a few dozen parameters per condition)."""
    values: dict[str, Any] = {}
    items = list(expressions.items())
    for start in range(0, len(items), EXPLAIN_BATCH):
        batch = items[start : start + EXPLAIN_BATCH]
        statement = scope.select(Contact, Contact.id == contact_id).with_only_columns(
            *(expression.label(name) for name, expression in batch)
        )
        row = (await scope.session.execute(statement)).one()
        values.update(row._mapping)
    return values


async def is_member(scope: TenantScope, segment_id: uuid.UUID, contact_id: uuid.UUID) -> bool:
    """Whether the contact is in the segment's materialised membership."""
    statement = scope.count(
        SegmentMembership,
        SegmentMembership.segment_id == segment_id,
        SegmentMembership.contact_id == contact_id,
    )
    return bool((await scope.session.execute(statement)).scalar_one())
