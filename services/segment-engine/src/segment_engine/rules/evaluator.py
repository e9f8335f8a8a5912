"""The plain-Python reference evaluator of rule trees: the specification the SQL compiler is
tested against (same NULL semantics: an unset value fails every operator but `is_not_set`).

A contact is a mapping of crm_contacts column names to values; its events are mappings with
`event_type`, `occurred_at`, `properties` and `campaign_id`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, cast

from crm_common.segments import (
    Condition,
    Criteria,
    EventCondition,
    FieldKind,
    Group,
    Node,
    Not,
    Op,
    Radius,
)
from crm_common.segments.ages import age_at
from crm_common.segments.geo import haversine_km
from crm_common.segments.nodes import Instant, instant_range

Record = Mapping[str, Any]
_MISSING = object()
_EQUALITY_OPS = frozenset({Op.EQ, Op.NEQ, Op.IN, Op.NOT_IN})


def evaluate_criteria(
    criteria: Criteria, contact: Record, events: Sequence[Record], now: datetime
) -> bool:
    """Whether `contact` (with its `events`) matches every non-empty criteria tree."""
    return all(evaluate(tree, contact, events, now) for _, tree in criteria.trees())


def evaluate(node: Node, contact: Record, events: Sequence[Record], now: datetime) -> bool:
    if isinstance(node, Group):
        results = (evaluate(child, contact, events, now) for child in node.children)
        return all(results) if node.kind == "all" else any(results)
    if isinstance(node, Not):
        return not evaluate(node.child, contact, events, now)
    if isinstance(node, EventCondition):
        return evaluate_event(node, events, now)
    return evaluate_condition(node, contact, now.astimezone(UTC).date())


# ---- contact conditions ---------------------------------------------------------------------


def _compare(stored: Any, op: Op, value: Any) -> bool:
    if op == Op.EQ:
        return bool(stored == value)
    if op == Op.NEQ:
        return bool(stored != value)
    if op == Op.LT:
        return bool(stored < value)
    if op == Op.LTE:
        return bool(stored <= value)
    if op == Op.GT:
        return bool(stored > value)
    if op == Op.GTE:
        return bool(stored >= value)
    if op == Op.BETWEEN:
        return bool(value[0] <= stored <= value[1])
    if op == Op.IN:
        return stored in value
    if op == Op.NOT_IN:
        return stored not in value
    raise ValueError(f"operator {op} is not an ordering")


def _text(stored: str, op: Op, needle: str) -> bool:
    if op == Op.STARTS_WITH:
        return stored.lower().startswith(needle.lower())
    return needle.lower() in stored.lower()


def evaluate_condition(cond: Condition, contact: Record, today: date) -> bool:
    if cond.kind == FieldKind.JSON:
        attributes = contact.get("attributes") or {}
        return json_matches(attributes.get(cond.key, _MISSING), cond)
    if cond.field == "location":
        lat, lon = contact.get("latitude"), contact.get("longitude")
        if cond.op in (Op.IS_SET, Op.IS_NOT_SET):
            return (lat is not None and lon is not None) == (cond.op == Op.IS_SET)
        if lat is None or lon is None:
            return False
        assert isinstance(cond.value, Radius)
        return haversine_km(lat, lon, cond.value) <= cond.value.km
    if cond.field == "age":
        birth = contact.get("birth_date")
        return scalar_matches(None if birth is None else age_at(birth, today), cond)
    stored = contact.get(cond.field)
    if cond.kind == FieldKind.TAGS:
        return tags_match(stored, cond)
    if cond.kind == FieldKind.DATETIME:
        return instant_matches(stored, cond)
    if cond.field == "email" and stored is not None and cond.op in _EQUALITY_OPS:
        # Addresses compare case-insensitively, as in SQL.
        value = cond.value
        lowered = (
            tuple(str(v).lower() for v in value) if isinstance(value, tuple) else str(value).lower()
        )
        return scalar_matches(stored.lower(), replace(cond, value=lowered))
    return scalar_matches(stored, cond)


def scalar_matches(stored: Any, cond: Condition) -> bool:
    """A string, date, integer or UUID value."""
    if cond.op == Op.IS_SET:
        return stored is not None
    if cond.op == Op.IS_NOT_SET:
        return stored is None
    if stored is None:
        return False
    if cond.op in (Op.CONTAINS, Op.STARTS_WITH):
        return _text(stored, cond.op, str(cond.value))
    return _compare(stored, cond.op, cond.value)


def instant_matches(stored: datetime | None, cond: Condition) -> bool:
    if cond.op in (Op.IS_SET, Op.IS_NOT_SET) or stored is None:
        return scalar_matches(stored, cond)
    if cond.op == Op.BETWEEN:
        low, high = cast(tuple[Instant, Instant], cond.value)
        return instant_range(low)[0] <= stored and in_window(stored, None, instant_range(high)[1])
    start, end = instant_range(cast(Instant, cond.value))
    before_end = in_window(stored, None, end)
    return {
        Op.EQ: start <= stored and before_end,
        Op.NEQ: stored < start or not before_end,
        Op.LT: stored < start,
        Op.LTE: before_end,
        Op.GT: not before_end,
        Op.GTE: stored >= start,
    }[cond.op]


def tags_match(stored: Sequence[str] | None, cond: Condition) -> bool:
    if cond.op == Op.IS_SET:
        return bool(stored)
    if cond.op == Op.IS_NOT_SET:
        return not stored
    if stored is None:
        return False
    have, wanted = set(stored), set(cond.value)  # type: ignore[arg-type]
    if cond.op == Op.CONTAINS_ANY:
        return bool(have & wanted)
    if cond.op == Op.CONTAINS_ALL:
        return wanted <= have
    return not have & wanted


# ---- JSON values ------------------------------------------------------------------------------


def json_type(value: Any) -> str:
    if value is _MISSING:
        return "missing"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float | Decimal):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list | tuple) else "object"


def _number(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def json_equal(stored: Any, value: Any) -> bool:
    """JSON equality: only values of the same JSON type are ever equal."""
    kind = json_type(stored)
    if isinstance(value, bool):
        return kind == "boolean" and stored is value
    if isinstance(value, Decimal):
        return kind == "number" and _number(stored) == value
    return kind == "string" and stored == value


def json_matches(stored: Any, cond: Condition) -> bool:
    """A condition on a custom attribute or event property value (`_MISSING` when absent)."""
    kind = json_type(stored)
    is_set = kind not in ("missing", "null")
    op, value = cond.op, cond.value
    if op in (Op.IS_SET, Op.IS_NOT_SET):
        return is_set == (op == Op.IS_SET)
    if op == Op.EQ:
        return json_equal(stored, value)
    if op == Op.IN:
        return any(json_equal(stored, item) for item in value)  # type: ignore[union-attr]
    if op == Op.NEQ:
        return is_set and not json_equal(stored, value)
    if op == Op.NOT_IN:
        return is_set and not any(json_equal(stored, item) for item in value)  # type: ignore[union-attr]
    if op in (Op.CONTAINS, Op.STARTS_WITH):
        return kind == "string" and _text(stored, op, str(value))
    sample = value[0] if isinstance(value, tuple) else value
    if isinstance(sample, Decimal):
        return kind == "number" and _compare(_number(stored), op, value)
    return kind == "string" and _compare(stored, op, value)


# ---- behavioural conditions -----------------------------------------------------------------


def property_matches(cond: Condition, event: Record) -> bool:
    if cond.kind == FieldKind.UUID:
        stored = event.get(cond.field)
        if stored is not None and not isinstance(stored, uuid.UUID):
            stored = uuid.UUID(str(stored))
        return scalar_matches(stored, cond)
    properties = event.get("properties") or {}
    return json_matches(properties.get(cond.key, _MISSING), cond)


def matching_events(cond: EventCondition, events: Sequence[Record]) -> list[Record]:
    """The contact's events of the condition's type satisfying every `where` condition."""
    return [
        event
        for event in events
        if event["event_type"] == cond.event
        and all(property_matches(where, event) for where in cond.where)
    ]


def in_window(moment: datetime, start: datetime | None, end: datetime | None) -> bool:
    return (start is None or moment >= start) and (end is None or moment < end)


def evaluate_event(cond: EventCondition, events: Sequence[Record], now: datetime) -> bool:
    matching = matching_events(cond, events)
    start, end = cond.window(now)
    if cond.occurrence is not None:
        if not matching:
            return False
        moments = [event["occurred_at"] for event in matching]
        moment = min(moments) if cond.occurrence == "first" else max(moments)
        return in_window(moment, start, end)
    count = sum(1 for event in matching if in_window(event["occurred_at"], start, end))
    return cond.count.matches(count)
