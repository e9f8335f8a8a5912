"""The published JSON Schema (draft 2020-12) of the segment rule language."""

from __future__ import annotations

from typing import Any

from crm_common.segments import fields as F
from crm_common.segments.fields import FieldKind, Op

_STRING = {"type": "string", "maxLength": F.MAX_STRING}
# Years 0001 to 9999 (what a date holds); a date-time's year lies between 0002 and 9998, so
# that its UTC offset never carries it out of that range.
_DATE = {"type": "string", "format": "date", "pattern": "^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_DATE_TIME = {
    "type": "string",
    "format": "date-time",
    "pattern": "^(?!0000|0001|9999)[0-9]{4}-",
    "maxLength": 40,
}
_INSTANT = {"anyOf": [_DATE, _DATE_TIME]}
_JSON_BOUNDS = {"maxLength": F.MAX_STRING, "minimum": -F.MAX_NUMBER, "maximum": F.MAX_NUMBER}
_SCALARS: dict[FieldKind, dict[str, Any]] = {
    FieldKind.STRING: _STRING,
    FieldKind.DATE: _DATE,
    FieldKind.DATETIME: _INSTANT,
    FieldKind.INTEGER: {"type": "integer", "minimum": 0, "maximum": F.MAX_AGE},
    FieldKind.JSON: {"type": ["string", "number", "boolean"], **_JSON_BOUNDS},
    FieldKind.UUID: {"type": "string", "format": "uuid"},
}
_ORDERED_JSON = {"type": ["string", "number"], **_JSON_BOUNDS}


def _pair(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "prefixItems": [item, item], "minItems": 2, "maxItems": 2}


def _value_schema(kind: FieldKind, op: Op) -> dict[str, Any] | None:
    if op in F.PRESENCE_OPS:
        return None
    if op == Op.WITHIN_RADIUS:
        return {
            "type": "object",
            "required": ["lat", "lon", "km"],
            "additionalProperties": False,
            "properties": {
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
                "km": {"type": "number", "exclusiveMinimum": 0, "maximum": F.MAX_RADIUS_KM},
            },
        }
    if op in F.TAG_OPS:
        return {
            "type": "array",
            "items": {**_STRING, "minLength": 1},
            "minItems": 1,
            "maxItems": F.MAX_TAGS,
        }
    if op in F.TEXT_OPS:
        return {**_STRING, "minLength": 1}
    ordered = op in F.ORDER_OPS or op == Op.BETWEEN
    scalar = _ORDERED_JSON if kind == FieldKind.JSON and ordered else _SCALARS[kind]
    if op in F.LIST_OPS:
        return {"type": "array", "items": scalar, "minItems": 1, "maxItems": F.MAX_LIST_ITEMS}
    if op == Op.BETWEEN:
        return _pair(scalar)
    return scalar


def _condition_schema(
    field: dict[str, Any], kind: FieldKind, allowed: frozenset[Op] | None = None
) -> dict[str, Any]:
    ops = sorted(F.OPERATORS_BY_KIND[kind] if allowed is None else allowed)
    branches: list[dict[str, Any]] = []
    for op in ops:
        value = _value_schema(kind, op)
        properties: dict[str, Any] = {"field": field, "op": {"const": op.value}}
        if value is None:
            properties["value"] = {"type": "null"}
            required = ["field", "op"]
        else:
            properties["value"] = value
            required = ["field", "op", "value"]
        branches.append(
            {
                "type": "object",
                "properties": properties,
                "required": required,
                "additionalProperties": False,
            }
        )
    return {"oneOf": branches}


def _contact_conditions() -> dict[str, Any]:
    by_kind: dict[tuple[FieldKind, frozenset[Op]], list[str]] = {}
    for name, kind in F.CONTACT_FIELDS.items():
        by_kind.setdefault((kind, F.field_operators(name, kind)), []).append(name)
    branches = [
        _condition_schema({"enum": names}, kind, allowed)
        for (kind, allowed), names in by_kind.items()
    ]
    attribute = {"type": "string", "pattern": "^attributes\\." + F.KEY_PATTERN[1:]}
    branches.append(_condition_schema(attribute, FieldKind.JSON))
    return {"anyOf": branches}


def _property_conditions() -> dict[str, Any]:
    columns = [
        _condition_schema({"const": name}, kind) for name, kind in F.EVENT_COLUMN_FIELDS.items()
    ]
    key = {"type": "string", "pattern": F.KEY_PATTERN, "not": {"enum": list(F.EVENT_COLUMN_FIELDS)}}
    return {"anyOf": [*columns, _condition_schema(key, FieldKind.JSON)]}


def _count_schema() -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0, "maximum": F.MAX_COUNT}
    single = {
        "type": "object",
        "properties": {
            "op": {"enum": ["eq", "neq", "lt", "lte", "gt", "gte"]},
            "value": count,
        },
        "required": ["op", "value"],
        "additionalProperties": False,
    }
    between = {
        "type": "object",
        "properties": {"op": {"const": "between"}, "value": _pair(count)},
        "required": ["op", "value"],
        "additionalProperties": False,
    }
    return {"oneOf": [single, between]}


def _event_condition() -> dict[str, Any]:
    return {
        "type": "object",
        "description": (
            "Behavioural condition: the number of `event` events in the window matching every "
            "`where` condition compared with `count` (default: at least once; "
            "`{op: eq, value: 0}` = did not do), or with `occurrence` the contact's first/last "
            "such event falls inside the window."
        ),
        "required": ["event"],
        "additionalProperties": False,
        "properties": {
            "event": {"type": "string", "pattern": F.EVENT_TYPE_PATTERN},
            "count": {"$ref": "#/$defs/count"},
            "within_days": {"type": "integer", "minimum": 1, "maximum": F.MAX_WITHIN_DAYS},
            "between": _pair(_INSTANT),
            "occurrence": {"enum": ["first", "last"]},
            "where": {
                "type": "array",
                "items": {"$ref": "#/$defs/property_condition"},
                "maxItems": F.MAX_WHERE,
            },
        },
        "not": {"required": ["within_days", "between"]},
        "dependentSchemas": {
            "occurrence": {
                "not": {"required": ["count"]},
                "anyOf": [{"required": ["within_days"]}, {"required": ["between"]}],
            }
        },
    }


def rules_json_schema() -> dict[str, Any]:
    """The JSON Schema of a body holding the four criteria rule trees."""
    node_list = {"type": "array", "items": {"$ref": "#/$defs/node"}, "minItems": 1}
    tree = {
        "description": "A rule tree; an empty object means no condition.",
        "anyOf": [
            {"type": "object", "maxProperties": 0},
            {"type": "null"},
            {"$ref": "#/$defs/node"},
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://crm.example/schemas/segment-rules.json",
        "title": "Segment criteria",
        "type": "object",
        "properties": {name: {"$ref": "#/$defs/tree"} for name in F.CRITERIA_KEYS},
        "$defs": {
            "tree": tree,
            "node": {
                "oneOf": [
                    {"$ref": "#/$defs/all"},
                    {"$ref": "#/$defs/any"},
                    {"$ref": "#/$defs/not"},
                    {"$ref": "#/$defs/condition"},
                    {"$ref": "#/$defs/event_condition"},
                ]
            },
            "all": _group("all", node_list),
            "any": _group("any", node_list),
            "not": _group("not", {"$ref": "#/$defs/node"}),
            "condition": _contact_conditions(),
            "event_condition": _event_condition(),
            "property_condition": _property_conditions(),
            "count": _count_schema(),
        },
        "x-limits": {
            "max_depth": F.MAX_DEPTH,
            "max_rules_per_tree": F.MAX_NODES,
            "max_list_items": F.MAX_LIST_ITEMS,
            "max_tags": F.MAX_TAGS,
            "max_where": F.MAX_WHERE,
            "max_string_length": F.MAX_STRING,
            "max_abs_number": F.MAX_NUMBER,
            # Across a body's four trees: every condition (behavioural ones and their `where`
            # conditions included) costs one unit per value it holds, at least one, and a
            # within_radius condition `radius_units`.
            "max_values": F.MAX_VALUES,
            "radius_units": F.RADIUS_UNITS,
        },
    }


def _group(key: str, body: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {key: body},
        "required": [key],
        "additionalProperties": False,
    }
