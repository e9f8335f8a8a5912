"""Rule trees → one SQL predicate over crm_contacts (SQLAlchemy Core, bound parameters only).

Groups become AND / OR / NOT; contact conditions become column predicates
(`crm_common.segments.conditions`); behavioural conditions become EXISTS / NOT EXISTS over
crm_contact_events — directly for "at least once" and "never", over a per-contact
`GROUP BY … HAVING count(*) …` for other counts, and over `min`/`max(occurred_at)` for first
and last occurrence. The planner turns each into a semi- or anti-join.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    SmallInteger,
    and_,
    exists,
    false,
    func,
    literal,
    not_,
    or_,
    select,
    true,
)

from crm_common.models import Contact, ContactEvent
from crm_common.segments import (
    Condition,
    CountSpec,
    Criteria,
    EventCondition,
    FieldKind,
    Group,
    Node,
    Not,
    Op,
)
from crm_common.segments.conditions import (
    Hasher,
    contact_condition,
    json_condition,
    uuid_condition,
)

contacts = Contact.__table__
events = ContactEvent.__table__


@dataclass(frozen=True)
class CompileContext:
    """What a compiled predicate is relative to: the tenant and the evaluation instant
    (`within_days` windows and ages are computed from `now`, bound as parameters) and, for a
    sampled estimate, the sample: the contacts (and their events) in buckets below
    `sample_buckets` (crm_common.sampling); None reads every contact."""

    company_id: uuid.UUID
    now: datetime
    sample_buckets: int | None = None
    # The company's keyed hash (crm_common.crypto): email equality compares hashes.
    hasher: Hasher | None = None

    def in_sample(self, column: ColumnElement[int]) -> list[ColumnElement[bool]]:
        """The sample's bound on a `sample_bucket` column (a leakproof smallint comparison,
        so an index condition under row-level security); nothing when unsampled."""
        if self.sample_buckets is None:
            return []
        return [column < literal(self.sample_buckets, SmallInteger)]

    @property
    def today(self) -> date:
        return self.now.astimezone(UTC).date()


def compile_criteria(criteria: Criteria, ctx: CompileContext) -> ColumnElement[bool]:
    """The predicate a contact row must satisfy to match all four criteria."""
    trees = [compile_node(tree, ctx) for _, tree in criteria.trees()]
    conditions = [*ctx.in_sample(contacts.c.sample_bucket), *trees]
    return and_(*conditions) if conditions else true()


def compile_node(node: Node, ctx: CompileContext) -> ColumnElement[bool]:
    if isinstance(node, Group):
        children = [compile_node(child, ctx) for child in node.children]
        return and_(*children) if node.kind == "all" else or_(*children)
    if isinstance(node, Not):
        return not_(compile_node(node.child, ctx))
    if isinstance(node, EventCondition):
        return event_predicate(node, ctx)
    return contact_condition(node, ctx.today, ctx.hasher)


def walk(node: Node) -> Iterator[Node]:
    """`node` and every node below it, depth first, in document order."""
    yield node
    if isinstance(node, Group):
        for child in node.children:
            yield from walk(child)
    elif isinstance(node, Not):
        yield from walk(node.child)


def has_event_conditions(criteria: Criteria) -> bool:
    """Whether any tree holds a behavioural condition (a join over contact events)."""
    return any(
        isinstance(node, EventCondition) for _, tree in criteria.trees() for node in walk(tree)
    )


# ---- behavioural conditions -----------------------------------------------------------------


def property_condition(cond: Condition) -> ColumnElement[bool]:
    if cond.kind == FieldKind.UUID:
        return uuid_condition(events.c[cond.field], cond)
    return json_condition(events.c.properties, cond)


def event_filters(cond: EventCondition, ctx: CompileContext) -> list[ColumnElement[bool]]:
    """The tenant, the event type and every `where` condition (not the time window)."""
    return [
        events.c.company_id == ctx.company_id,
        events.c.event_type == cond.event,
        # Redundant with the contact's own bound (a contact and its events share a bucket),
        # but it lets the event side read only the sample's range of the index.
        *ctx.in_sample(events.c.sample_bucket),
        *(property_condition(where) for where in cond.where),
    ]


def window_filters(cond: EventCondition, ctx: CompileContext) -> list[ColumnElement[bool]]:
    start, end = cond.window(ctx.now)
    filters: list[ColumnElement[bool]] = []
    if start is not None:
        filters.append(events.c.occurred_at >= start)
    if end is not None:
        filters.append(events.c.occurred_at < end)
    return filters


def count_sql(count: CountSpec, value: ColumnElement[Any]) -> ColumnElement[bool]:
    if isinstance(count.value, tuple):
        return value.between(literal(count.value[0]), literal(count.value[1]))
    target = literal(count.value)
    return {
        Op.EQ: value == target,
        Op.NEQ: value != target,
        Op.LT: value < target,
        Op.LTE: value <= target,
        Op.GT: value > target,
        Op.GTE: value >= target,
    }[count.op]


def _shape(count: CountSpec) -> str:
    """'always', 'never_matches', 'at_least_once', 'never_did' or 'grouped'."""
    zero = count.matches(0)
    # The answer only changes at the bounds, so these samples cover every positive count.
    bounds = count.value if isinstance(count.value, tuple) else (count.value,)
    samples = {1, 2} | {n + d for n in bounds for d in (-1, 0, 1)}
    positives = {count.matches(n) for n in samples if n >= 1}
    if positives == {True}:
        return "always" if zero else "at_least_once"
    if positives == {False}:
        return "never_did" if zero else "never_matches"
    return "grouped"


def _per_contact(filters: list[ColumnElement[bool]], having: ColumnElement[bool]) -> Select[Any]:
    """Contacts whose matching events, grouped, satisfy `having` — correlated to the outer
    contact through a derived table so the planner can still use a semi/anti-join."""
    grouped = (
        select(events.c.contact_id)
        .where(*filters)
        .group_by(events.c.contact_id)
        .having(having)
        .subquery()
    )
    return select(literal(1)).select_from(grouped).where(grouped.c.contact_id == contacts.c.id)


def event_predicate(cond: EventCondition, ctx: CompileContext) -> ColumnElement[bool]:
    filters = event_filters(cond, ctx)
    if cond.occurrence is not None:
        moment = (
            func.min(events.c.occurred_at)
            if cond.occurrence == "first"
            else func.max(events.c.occurred_at)
        )
        start, end = cond.window(ctx.now)
        bounds = []
        if start is not None:
            bounds.append(moment >= start)
        if end is not None:
            bounds.append(moment < end)
        return exists(_per_contact(filters, and_(*bounds)))
    filters += window_filters(cond, ctx)
    shape = _shape(cond.count)
    if shape == "always":
        return true()
    if shape == "never_matches":
        return false()
    if shape in ("at_least_once", "never_did"):
        did = exists(select(literal(1)).where(events.c.contact_id == contacts.c.id, *filters))
        return did if shape == "at_least_once" else not_(did)
    count = func.count()
    if cond.count.matches(0):
        # Contacts without any matching event satisfy it: exclude those whose count fails.
        return not_(exists(_per_contact(filters, not_(count_sql(cond.count, count)))))
    return exists(_per_contact(filters, count_sql(cond.count, count)))


def event_observations(cond: EventCondition, ctx: CompileContext) -> dict[str, ColumnElement[Any]]:
    """What a contact did, for explanations: the number of matching events inside the window
    and its first and last matching event ever (scalar subqueries over the outer contact)."""
    filters = [events.c.contact_id == contacts.c.id, *event_filters(cond, ctx)]
    windowed = select(func.count()).where(*filters, *window_filters(cond, ctx))
    first = select(func.min(events.c.occurred_at)).where(*filters)
    last = select(func.max(events.c.occurred_at)).where(*filters)
    return {
        "count": windowed.scalar_subquery(),
        "first_at": first.scalar_subquery(),
        "last_at": last.scalar_subquery(),
    }
