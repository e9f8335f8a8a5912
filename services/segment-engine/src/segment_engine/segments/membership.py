"""Materialising a segment's membership (queries through the tenant scope, one transaction).

0. A shared lock on the company's memberships (`crm_memberships_lock_key`, migration 0002):
   a contact deletion waits for this transaction and then removes what it wrote, and this
   transaction does not start while a deletion is in flight.
1. The audience — every matching contact with its consent and sendability — is computed by
   ONE query into a temporary table (`CREATE TEMP TABLE … AS`, which Postgres may run with
   parallel workers; a statement with data-modifying CTEs may not).
2. It gets a primary key and statistics; one statement then deletes the members that are
   gone, inserts the new ones (in key order: both membership indexes grow at their right
   edge) and counts. The membership table checks the new rows once per statement.
The temporary table is dropped at commit.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Executable,
    Select,
    Uuid,
    column,
    exists,
    func,
    insert,
    literal,
    not_,
    select,
    table,
    text,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ClauseElement

from crm_common.models import Contact, SegmentMembership
from crm_common.segments.exclusions import Reachability
from crm_common.tenancy import TenantScope

contacts = Contact.__table__
memberships = SegmentMembership.__table__

AUDIENCE_TABLE = "segment_audience"
audience = table(
    AUDIENCE_TABLE,
    column("id", Uuid()),
    column("consented", Boolean()),
    column("allowed", Boolean()),
    column("sendable", Boolean()),
)


class CreateTempTableAs(Executable, ClauseElement):
    """`CREATE TEMP TABLE <name> ON COMMIT DROP AS <query>` (the name is a constant)."""

    inherit_cache = False

    def __init__(self, name: str, query: Select[Any]) -> None:
        self.name = name
        self.query = query


@compiles(CreateTempTableAs)
def _create_temp_table_as(element: CreateTempTableAs, compiler: Any, **kw: Any) -> str:
    query = compiler.process(element.query, **kw)
    return f"CREATE TEMP TABLE {element.name} ON COMMIT DROP AS {query}"


@dataclass(frozen=True)
class MembershipCounts:
    matched: int
    no_consent: int
    suppressed: int
    no_address: int
    members: int
    added: int
    removed: int


def audience_query(
    scope: TenantScope, predicate: ColumnElement[bool], reach: Reachability
) -> Select[Any]:
    """Every matching contact of the company with its consent and sendability."""
    return scope.select(Contact, predicate).with_only_columns(
        contacts.c.id,
        reach.consented.label("consented"),
        reach.allowed.label("allowed"),
        reach.sendable.label("sendable"),
    )


def apply_statement(scope: TenantScope, segment_id: uuid.UUID) -> Select[Any]:
    """Delete the gone, insert the new, count both and the exclusions.

    Both anti-joins have an index on their inner side (the audience's primary key, the
    membership's primary key), so no plan can degrade into rescanning one side per row of the
    other, whatever the statistics of the membership table say."""
    is_member = exists().where(
        memberships.c.segment_id == segment_id, memberships.c.contact_id == audience.c.id
    )
    still_sendable = exists().where(
        audience.c.id == SegmentMembership.contact_id, audience.c.sendable
    )
    removed = (
        scope.delete(
            SegmentMembership,
            SegmentMembership.segment_id == segment_id,
            not_(still_sendable),
        )
        .returning(SegmentMembership.contact_id)
        .cte("removed")
    )
    added = (
        insert(SegmentMembership)
        .from_select(
            ["company_id", "segment_id", "contact_id"],
            select(literal(scope.company_id), literal(segment_id), audience.c.id)
            .where(audience.c.sendable, not_(is_member))
            .order_by(audience.c.id),
        )
        .returning(SegmentMembership.contact_id)
        .cte("added")
    )

    def count_of(source: Any, *where: ColumnElement[bool]) -> Any:
        return select(func.count()).select_from(source).where(*where).scalar_subquery()

    return select(
        count_of(audience),
        count_of(audience, not_(audience.c.consented)),
        count_of(audience, audience.c.consented, not_(audience.c.allowed)),
        count_of(audience, audience.c.allowed, not_(audience.c.sendable)),
        count_of(audience, audience.c.sendable),
        count_of(added),
        count_of(removed),
    )


async def materialise(
    scope: TenantScope,
    segment_id: uuid.UUID,
    predicate: ColumnElement[bool],
    reach: Reachability,
) -> MembershipCounts:
    """Make the segment's membership equal to its sendable matching contacts."""
    session = scope.session
    await session.execute(
        select(func.pg_advisory_xact_lock_shared(func.crm_memberships_lock_key(scope.company_id)))
    )
    await session.execute(
        CreateTempTableAs(AUDIENCE_TABLE, audience_query(scope, predicate, reach))
    )
    await session.execute(text(f"ALTER TABLE {AUDIENCE_TABLE} ADD PRIMARY KEY (id)"))
    await session.execute(text(f"ANALYZE {AUDIENCE_TABLE}"))
    row = (await session.execute(apply_statement(scope, segment_id))).one()
    return MembershipCounts(*row)
