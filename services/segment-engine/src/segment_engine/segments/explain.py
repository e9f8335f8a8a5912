"""Why a contact is or is not in a segment, rule by rule.

Every condition of every criteria tree is compiled with the same compiler as membership and
evaluated in SQL over that one contact row, and so is the whole criteria (`matched`), so an
explanation can never disagree with the audience queries. A group's result is its children's
combined (`all`, `any`, `not`: the compiled predicates are two-valued, so this is what SQL
would answer) — compiling every group again would repeat its subtree's parameters once per
ancestor.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement

from crm_common.masking import mask_contact
from crm_common.segments import Criteria, EventCondition, FieldKind, Group, Node, Not
from crm_common.segments.ages import age_at
from crm_common.segments.compiler import (
    CompileContext,
    compile_criteria,
    compile_node,
    event_observations,
    walk,
)
from crm_common.segments.exclusions import Reachability
from segment_engine.rules.describe import describe


@dataclass
class ExplainPlan:
    """The labelled SQL expressions to evaluate over the contact, and which node each is."""

    expressions: dict[str, ColumnElement[Any]] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)


def plan(criteria: Criteria, ctx: CompileContext, reach: Reachability) -> ExplainPlan:
    result = ExplainPlan()
    for _, tree in criteria.trees():
        for node in walk(tree):
            if isinstance(node, Group | Not):
                continue
            key = f"n{len(result.keys)}"
            result.keys[id(node)] = key
            result.expressions[key] = compile_node(node, ctx)
            if isinstance(node, EventCondition):
                for name, expression in event_observations(node, ctx).items():
                    result.expressions[f"{key}_{name}"] = expression
    result.expressions["matched"] = compile_criteria(criteria, ctx)
    result.expressions["consented"] = reach.consented
    result.expressions["allowed"] = reach.allowed
    result.expressions["sendable"] = reach.sendable
    return result


def actual_value(node: Node, contact: dict[str, Any], today: date) -> Any:
    """The contact's own value for a condition's field (from the possibly masked contact)."""
    if isinstance(node, Group | Not | EventCondition):
        return None
    if node.kind == FieldKind.JSON:
        return (contact.get("attributes") or {}).get(node.key)
    if node.field == "age":
        birth = contact.get("birth_date")
        return None if birth is None else age_at(birth, today)
    if node.field == "location":
        lat, lon = contact.get("latitude"), contact.get("longitude")
        return None if lat is None or lon is None else {"lat": lat, "lon": lon}
    value = contact.get(node.field)
    return value.isoformat() if isinstance(value, date) else value


def _node(
    node: Node,
    path: str,
    explain_plan: ExplainPlan,
    values: dict[str, Any],
    contact: dict[str, Any],
    today: date,
) -> dict[str, Any]:
    out: dict[str, Any] = {"path": path, **describe(node)}
    if isinstance(node, Group):
        children = [
            _node(child, f"{path}.{node.kind}[{i}]", explain_plan, values, contact, today)
            for i, child in enumerate(node.children)
        ]
        results = [child["result"] for child in children]
        out["result"] = all(results) if node.kind == "all" else any(results)
        out["children"] = children
        return out
    if isinstance(node, Not):
        child = _node(node.child, f"{path}.not", explain_plan, values, contact, today)
        out["result"] = not child["result"]
        out["child"] = child
        return out
    key = explain_plan.keys[id(node)]
    out["result"] = bool(values[key])
    if isinstance(node, EventCondition):
        out["observed"] = {
            "count": values[f"{key}_count"],
            "first_at": values[f"{key}_first_at"],
            "last_at": values[f"{key}_last_at"],
        }
    else:
        out["actual"] = actual_value(node, contact, today)
    return out


def _summary(
    matched: bool, consented: bool, allowed: bool, sendable: bool, channel: str | None
) -> str:
    if not matched:
        return "The contact does not match the segment's rules."
    if channel is None:
        return "The contact matches the segment's rules."
    if not consented:
        return f"The contact matches the rules but has not consented to {channel}."
    if not allowed:
        return f"The contact matches the rules but is suppressed for {channel}."
    if not sendable:
        return f"The contact matches the rules but has no address for {channel}."
    return f"The contact matches the rules and can be sent to on {channel}."


@dataclass
class ExplainInput:
    criteria: Criteria
    ctx: CompileContext
    reach: Reachability
    contact: dict[str, Any]
    view_pii: bool


def build(data: ExplainInput, explain_plan: ExplainPlan, values: dict[str, Any]) -> dict[str, Any]:
    """The explanation document from the evaluated expressions."""
    contact = data.contact if data.view_pii else mask_contact(data.contact)
    today = data.ctx.today
    trees = []
    for name, tree in data.criteria.trees():
        node = _node(tree, name, explain_plan, values, contact, today)
        trees.append({"criteria": name, "result": node["result"], "rule": node})
    matched, consented, allowed, sendable = (
        bool(values[name]) for name in ("matched", "consented", "allowed", "sendable")
    )
    channel = data.reach.channel
    return {
        "matched": matched,
        "channel": channel,
        "consented": consented if channel is not None else None,
        "suppressed": (consented and not allowed) if channel is not None else None,
        "no_address": (allowed and not sendable) if channel is not None else None,
        "sendable": sendable,
        "in_segment": matched and sendable,
        "summary": _summary(matched, consented, allowed, sendable, channel),
        "criteria": trees,
        "evaluated_at": data.ctx.now,
    }
