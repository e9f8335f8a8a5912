"""Rule nodes back to JSON (for explanations): the rule as the user wrote it, normalised."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

from crm_common.segments import Condition, EventCondition, Group, Node, Not, Radius


def json_value(value: Any) -> Any:
    """A rule value as JSON: exact decimals as int/float, dates as ISO strings."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Radius):
        return {"lat": value.lat, "lon": value.lon, "km": value.km}
    if isinstance(value, tuple | list):
        return [json_value(item) for item in value]
    return value


def describe_condition(cond: Condition) -> dict[str, Any]:
    rule: dict[str, Any] = {"field": cond.field, "op": cond.op.value}
    if cond.value is not None:
        rule["value"] = json_value(cond.value)
    return rule


def describe(node: Node) -> dict[str, Any]:
    """The rule of `node` itself (groups without their children)."""
    if isinstance(node, Group):
        return {"type": node.kind}
    if isinstance(node, Not):
        return {"type": "not"}
    if isinstance(node, EventCondition):
        rule: dict[str, Any] = {"type": "event", "event": node.event}
        if node.occurrence is not None:
            rule["occurrence"] = node.occurrence
        else:
            rule["count"] = {"op": node.count.op.value, "value": json_value(node.count.value)}
        if node.within_days is not None:
            rule["within_days"] = node.within_days
        if node.between is not None:
            rule["between"] = json_value(node.between)
        if node.where:
            rule["where"] = [describe_condition(where) for where in node.where]
        return rule
    return {"type": "condition", **describe_condition(node)}
