"""Validation of segment rule trees (docs/segment-engine.md, "Rule language").

`validate_criteria(body)` returns a list of `{"path", "message"}` errors (empty when valid);
`parse_criteria(body)` returns the typed `Criteria` or raises `RuleValidationError`, a 422
`ValidationFailed` whose details are `{"fields": {path: [message, …]}, "errors": [...]}`.
Paths are dotted with list indexes, e.g. `behavioral_criteria.all[2].within_days`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, cast

from crm_common.errors import ValidationFailed
from crm_common.segments import fields as F
from crm_common.segments.fields import FieldKind, Op
from crm_common.segments.nodes import (
    AT_LEAST_ONCE,
    Condition,
    ConditionValue,
    CountSpec,
    Criteria,
    EventCondition,
    Group,
    Instant,
    Node,
    Not,
    instant_start,
)
from crm_common.segments.values import Invalid, RuleError, ValueParser, is_int


class RuleValidationError(ValidationFailed):
    """Segment rules that break the rule language; 422 with the offending paths."""

    message = "The segment rules are not valid."

    def __init__(self, errors: list[RuleError]) -> None:
        fields: dict[str, list[str]] = {}
        for error in errors:
            fields.setdefault(error["path"], []).append(error["message"])
        super().__init__(details={"fields": fields, "errors": list(errors)})
        self.errors = errors


class SavedRulesInvalid(ValidationFailed):
    """A stored segment whose rules break the rule language's current bounds (stored before
    them): it cannot run until edited; 422 with the offending paths (and the segment's id)."""

    error_code = "segment_rules_invalid"
    message = "The segment's saved rules are not valid any more; edit the segment to fix them."


_COUNT_OPS = frozenset({Op.EQ, Op.NEQ, Op.LT, Op.LTE, Op.GT, Op.GTE, Op.BETWEEN})
_EVENT_KEYS = frozenset({"event", "count", "within_days", "between", "where", "occurrence"})
_CONDITION_KEYS = frozenset({"field", "op", "value"})


class _Parser(ValueParser):
    """Rule trees: groups, conditions and behavioural conditions."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes = 0
        self.values = 0

    # ---- trees and groups ---------------------------------------------------------------

    def tree(self, raw: Any, path: str) -> Node | None:
        if raw is None or (isinstance(raw, dict) and not raw):
            return None
        self.nodes = 0
        try:
            return self.node(raw, path, 1)
        except Invalid:
            return None

    def node(self, raw: Any, path: str, depth: int) -> Node:
        if not isinstance(raw, dict):
            raise self.fail(path, "must be an object")
        if depth > F.MAX_DEPTH:
            raise self.fail(path, f"must not be nested more than {F.MAX_DEPTH} levels deep")
        self.nodes += 1
        if self.nodes > F.MAX_NODES:
            raise self.fail(path, f"a criteria tree must not have more than {F.MAX_NODES} rules")
        if any(key in raw for key in F.GROUP_KEYS):
            return self.group(raw, path, depth)
        if "event" in raw:
            return self.event_condition(raw, path)
        if "field" in raw:
            return self.condition(raw, path, in_event=False)
        raise self.fail(
            path,
            "must be a group ({all: [...]}, {any: [...]}, {not: {...}}), a condition "
            "({field, op, value}) or an event condition ({event, ...})",
        )

    def group(self, raw: dict[str, Any], path: str, depth: int) -> Node:
        if len(raw) != 1:
            raise self.fail(path, "a group must have exactly one key: all, any or not")
        ((kind, body),) = raw.items()
        if kind == "not":
            return Not(self.node(body, f"{path}.not", depth + 1), path=path)
        if not isinstance(body, list):
            raise self.fail(f"{path}.{kind}", "must be a list of rules")
        if not body:
            raise self.fail(f"{path}.{kind}", "must contain at least one rule")
        children: list[Node] = []
        failed = False
        for index, child in enumerate(body):
            try:
                children.append(self.node(child, f"{path}.{kind}[{index}]", depth + 1))
            except Invalid:
                failed = True
        if failed:
            raise Invalid(path)
        return Group(cast(Literal["all", "any"], kind), tuple(children), path=path)

    def spend(self, units: int, path: str) -> None:
        """Count a condition against the body's budget: one per value (at least one)."""
        self.values += max(units, 1)
        if self.values > F.MAX_VALUES:
            raise self.fail(
                path,
                f"the rules must not hold more than {F.MAX_VALUES} conditions and values in all",
            )

    # ---- field conditions ---------------------------------------------------------------

    def condition(self, raw: dict[str, Any], path: str, *, in_event: bool) -> Condition:
        bad_keys = self.unknown_keys(raw, _CONDITION_KEYS, path)
        name = raw.get("field")
        kind, key = self.field_kind(name, f"{path}.field", in_event=in_event)
        op = self.operator(raw.get("op"), kind, cast(str, name), f"{path}.op")
        value = self.condition_value(raw, kind, op, f"{path}.value")
        units = len(value) if isinstance(value, tuple) else 1
        self.spend(F.RADIUS_UNITS if op == Op.WITHIN_RADIUS else units, path)
        if bad_keys:
            raise Invalid(path)
        return Condition(cast(str, name), kind, op, value, key=key, path=path)

    def field_kind(self, name: Any, path: str, *, in_event: bool) -> tuple[FieldKind, str | None]:
        if not isinstance(name, str):
            raise self.fail(path, "must be a string")
        if in_event:
            if name in F.EVENT_COLUMN_FIELDS:
                return F.EVENT_COLUMN_FIELDS[name], None
            if F.KEY_RE.match(name):
                return FieldKind.JSON, name
            raise self.fail(
                path,
                "must be an event property key (letters, digits, '_' or '-', up to 64) "
                "or campaign_id",
            )
        if name in F.CONTACT_FIELDS:
            return F.CONTACT_FIELDS[name], None
        if name.startswith(F.ATTRIBUTE_PREFIX):
            key = name[len(F.ATTRIBUTE_PREFIX) :]
            if F.KEY_RE.match(key):
                return FieldKind.JSON, key
            raise self.fail(
                path, "an attribute key has letters, digits, '_' or '-' only (up to 64)"
            )
        raise self.fail(
            path,
            "is not a known field; use one of "
            + ", ".join(F.CONTACT_FIELDS)
            + " or attributes.<key>",
        )

    def operator(self, raw: Any, kind: FieldKind, name: str, path: str) -> Op:
        allowed = F.field_operators(name, kind)
        if isinstance(raw, str) and raw in Op.__members__.values() and Op(raw) in allowed:
            return Op(raw)
        names = ", ".join(sorted(allowed))
        if not isinstance(raw, str):
            raise self.fail(path, f"must be one of: {names}")
        raise self.fail(path, f"is not an operator of field '{name}'; use one of: {names}")

    def condition_value(
        self, raw: dict[str, Any], kind: FieldKind, op: Op, path: str
    ) -> ConditionValue:
        if op in F.PRESENCE_OPS:
            if raw.get("value") is not None:
                raise self.fail(path, f"must be omitted for {op}")
            return None
        if "value" not in raw or raw["value"] is None:
            raise self.fail(path, "is required")
        value = raw["value"]
        if op in F.LIST_OPS:
            items = self.sized_list(value, path, 1, F.MAX_LIST_ITEMS)
            return tuple(
                self.scalar(item, kind, op, f"{path}[{index}]") for index, item in enumerate(items)
            )
        if op == Op.BETWEEN:
            pair = self.sized_list(value, path, 2, 2)
            low = self.scalar(pair[0], kind, op, f"{path}[0]")
            high = self.scalar(pair[1], kind, op, f"{path}[1]")
            self.ordered(low, high, path)
            return (low, high)
        if op in F.TAG_OPS:
            tags = self.sized_list(value, path, 1, F.MAX_TAGS)
            return tuple(
                self.text(tag, f"{path}[{index}]", non_empty=True) for index, tag in enumerate(tags)
            )
        if op in F.TEXT_OPS:
            return self.text(value, path, non_empty=True)
        if op == Op.WITHIN_RADIUS:
            return self.radius(value, path)
        return self.scalar(value, kind, op, path)

    # ---- behavioural conditions ---------------------------------------------------------

    def event_condition(self, raw: dict[str, Any], path: str) -> EventCondition:
        errors_before = len(self.errors)
        self.guard(lambda: self.spend(1, path))
        self.unknown_keys(raw, _EVENT_KEYS, path)
        event = raw.get("event")
        if not isinstance(event, str) or not F.EVENT_TYPE_RE.match(event):
            self.fail(
                f"{path}.event",
                "must be an event type (letters, digits, '_', '.', ':' or '-', up to 64)",
            )
        count = self.guard(lambda: self.count(raw.get("count"), f"{path}.count"))
        within_days = self.guard(lambda: self.within_days(raw.get("within_days"), path))
        between = self.guard(lambda: self.window_between(raw.get("between"), path))
        if raw.get("within_days") is not None and raw.get("between") is not None:
            self.fail(path, "use either within_days or between, not both")
        occurrence = raw.get("occurrence")
        if occurrence is not None:
            if occurrence not in ("first", "last"):
                self.fail(f"{path}.occurrence", "must be one of: first, last")
            if raw.get("count") is not None:
                self.fail(f"{path}.count", "must be omitted when occurrence is given")
            if raw.get("within_days") is None and raw.get("between") is None:
                self.fail(path, "occurrence needs a time window: within_days or between")
        where = self.guard(lambda: self.where(raw.get("where"), f"{path}.where"))
        if len(self.errors) > errors_before:
            raise Invalid(path)
        return EventCondition(
            event=cast(str, event),
            count=count if count is not None else AT_LEAST_ONCE,
            occurrence=occurrence,
            within_days=within_days,
            between=between,
            where=where or (),
            path=path,
        )

    @staticmethod
    def guard(parse: Any) -> Any:
        try:
            return parse()
        except Invalid:
            return None

    def count(self, raw: Any, path: str) -> CountSpec | None:
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise self.fail(path, "must be an object {op, value}")
        if self.unknown_keys(raw, frozenset({"op", "value"}), path):
            raise Invalid(path)
        op = raw.get("op")
        if not isinstance(op, str) or op not in _COUNT_OPS:
            raise self.fail(f"{path}.op", "must be one of: " + ", ".join(sorted(_COUNT_OPS)))
        value = raw.get("value")
        if op == Op.BETWEEN:
            pair = self.sized_list(value, f"{path}.value", 2, 2)
            low = self.count_value(pair[0], f"{path}.value[0]")
            high = self.count_value(pair[1], f"{path}.value[1]")
            self.ordered(low, high, f"{path}.value")
            return CountSpec(Op.BETWEEN, (low, high))
        return CountSpec(Op(op), self.count_value(value, f"{path}.value"))

    def count_value(self, value: Any, path: str) -> int:
        if not is_int(value):
            raise self.fail(path, "must be an integer")
        if not 0 <= value <= F.MAX_COUNT:
            raise self.fail(path, f"must be between 0 and {F.MAX_COUNT}")
        return cast(int, value)

    def within_days(self, raw: Any, path: str) -> int | None:
        if raw is None:
            return None
        if not is_int(raw):
            raise self.fail(f"{path}.within_days", "must be an integer")
        if raw <= 0:
            raise self.fail(f"{path}.within_days", "must be greater than 0")
        if raw > F.MAX_WITHIN_DAYS:
            raise self.fail(f"{path}.within_days", f"must be at most {F.MAX_WITHIN_DAYS}")
        return cast(int, raw)

    def window_between(self, raw: Any, path: str) -> tuple[Instant, Instant] | None:
        if raw is None:
            return None
        pair = self.sized_list(raw, f"{path}.between", 2, 2)
        start = self.instant(pair[0], f"{path}.between[0]")
        end = self.instant(pair[1], f"{path}.between[1]")
        if instant_start(start) > instant_start(end):
            raise self.fail(f"{path}.between", "the start must not be after the end")
        return (start, end)

    def where(self, raw: Any, path: str) -> tuple[Condition, ...] | None:
        if raw is None:
            return None
        items = self.sized_list(raw, path, 0, F.MAX_WHERE)
        conditions: list[Condition] = []
        failed = False
        for index, item in enumerate(items):
            item_path = f"{path}[{index}]"
            if not isinstance(item, dict):
                self.fail(item_path, "must be a condition {field, op, value}")
                failed = True
                continue
            try:
                conditions.append(self.condition(item, item_path, in_event=True))
            except Invalid:
                failed = True
        if failed:
            raise Invalid(path)
        return tuple(conditions)


def _parse(body: Any) -> tuple[Criteria, list[RuleError]]:
    parser = _Parser()
    if not isinstance(body, Mapping):
        parser.fail("body", "must be an object")
        return Criteria(), parser.errors
    trees: dict[str, Node | None] = {}
    for name in F.CRITERIA_KEYS:
        trees[name] = parser.tree(body.get(name), name)
    return Criteria(**trees), parser.errors


def validate_criteria(body: Mapping[str, Any]) -> list[RuleError]:
    """The errors of a body holding any of the four criteria fields (other keys are ignored):
    a list of `{"path": "behavioral_criteria.all[2].within_days", "message": "must be greater
    than 0"}`, empty when every rule tree is valid. Never raises."""
    return _parse(body)[1]


def parse_criteria(body: Mapping[str, Any]) -> Criteria:
    """The typed rule trees of a body holding any of the four criteria fields; raises
    `RuleValidationError` (422, paths in `details.fields`) when a rule is invalid."""
    criteria, errors = _parse(body)
    if errors:
        raise RuleValidationError(errors)
    return criteria


def stored_criteria(segment_id: Any, body: Mapping[str, Any]) -> Criteria:
    """A stored segment's rule trees; `SavedRulesInvalid` (422, the paths and the segment's id
    in details) when they no longer pass validation."""
    criteria, errors = _parse(body)
    if errors:
        details = RuleValidationError(errors).details
        raise SavedRulesInvalid(details={**details, "segment_id": str(segment_id)})
    return criteria


def ensure_valid_criteria(body: Mapping[str, Any]) -> None:
    """Raise `RuleValidationError` (422) when any of the four criteria is invalid."""
    parse_criteria(body)
