"""The shared rule validator: valid trees parse, invalid ones are rejected with their path."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import jsonschema
import pytest

from crm_common.segments import (
    Condition,
    CountSpec,
    EventCondition,
    FieldKind,
    Group,
    Not,
    Op,
    Radius,
    RuleValidationError,
    parse_criteria,
    rules_json_schema,
    validate_criteria,
)
from crm_common.segments.fields import MAX_DEPTH, MAX_NODES


def errors_of(body: dict[str, Any]) -> dict[str, str]:
    return {error["path"]: error["message"] for error in validate_criteria(body)}


def test_the_documented_example_error() -> None:
    body = {
        "behavioral_criteria": {
            "all": [
                {"event": "purchase"},
                {"event": "email_open", "within_days": 7},
                {"event": "email_click", "within_days": 0},
            ]
        }
    }
    assert validate_criteria(body) == [
        {"path": "behavioral_criteria.all[2].within_days", "message": "must be greater than 0"}
    ]


def test_empty_and_null_criteria_mean_no_condition() -> None:
    criteria = parse_criteria({"demographic_criteria": {}, "behavioral_criteria": None})
    assert criteria.is_empty
    assert parse_criteria({}).is_empty


def test_a_full_tree_parses_to_typed_nodes() -> None:
    criteria = parse_criteria(
        {
            "demographic_criteria": {
                "all": [
                    {"field": "age", "op": "between", "value": [25, 40]},
                    {"not": {"field": "gender", "op": "eq", "value": "male"}},
                    {"field": "attributes.tier", "op": "in", "value": ["gold", 3, True]},
                    {"field": "created_at", "op": "gte", "value": "2024-05-01T10:00:00+02:00"},
                    {"field": "birth_date", "op": "lt", "value": "2000-01-01"},
                ]
            },
            "geographic_criteria": {
                "field": "location",
                "op": "within_radius",
                "value": {"lat": 40.7, "lon": -74, "km": 25},
            },
            "psychographic_criteria": {
                "field": "interests",
                "op": "contains_any",
                "value": ["travel"],
            },
            "behavioral_criteria": {
                "event": "purchase",
                "count": {"op": "gte", "value": 2},
                "between": ["2024-01-01", "2024-03-31"],
                "where": [{"field": "amount", "op": "gt", "value": 49.9}],
            },
        }
    )
    demographic = criteria.demographic_criteria
    assert isinstance(demographic, Group)
    assert demographic.kind == "all"
    age, negated, tier, created, birth = demographic.children
    assert age == Condition("age", FieldKind.INTEGER, Op.BETWEEN, (25, 40))
    assert isinstance(negated, Not)
    assert tier == Condition(
        "attributes.tier", FieldKind.JSON, Op.IN, ("gold", Decimal(3), True), key="tier"
    )
    assert created.value == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)  # type: ignore[union-attr]
    assert birth.value == date(2000, 1, 1)  # type: ignore[union-attr]
    assert criteria.geographic_criteria == Condition(
        "location", FieldKind.GEO, Op.WITHIN_RADIUS, Radius(40.7, -74.0, 25.0)
    )
    event = criteria.behavioral_criteria
    assert isinstance(event, EventCondition)
    assert event.count == CountSpec(Op.GTE, 2)
    assert event.between == (date(2024, 1, 1), date(2024, 3, 31))
    assert event.where[0].value == Decimal("49.9")


@pytest.mark.parametrize(
    ("rule", "path", "message"),
    [
        ({"field": "salary", "op": "eq", "value": 1}, "p.field", "is not a known field"),
        ({"field": "age", "op": "contains", "value": "x"}, "p.op", "is not an operator"),
        ({"field": "age", "op": "eq", "value": "30"}, "p.value", "must be an integer"),
        ({"field": "age", "op": "eq", "value": True}, "p.value", "must be an integer"),
        ({"field": "age", "op": "gte", "value": 200}, "p.value", "between 0 and 150"),
        ({"field": "age", "op": "between", "value": [40, 20]}, "p.value", "lower bound"),
        ({"field": "age", "op": "between", "value": [40]}, "p.value", "exactly 2 items"),
        ({"field": "country", "op": "in", "value": []}, "p.value", "at least 1 item"),
        ({"field": "country", "op": "in", "value": ["US", 3]}, "p.value[1]", "must be a string"),
        ({"field": "country", "op": "eq"}, "p.value", "is required"),
        ({"field": "country", "op": "is_set", "value": "x"}, "p.value", "must be omitted"),
        ({"field": "city", "op": "eq", "value": "a\x00b"}, "p.value", "NUL"),
        ({"field": "city", "op": "contains", "value": ""}, "p.value", "must not be empty"),
        ({"field": "birth_date", "op": "eq", "value": "2020-02-30"}, "p.value", "a date"),
        ({"field": "created_at", "op": "gt", "value": "yesterday"}, "p.value", "date-time"),
        ({"field": "interests", "op": "contains_any", "value": "travel"}, "p.value", "a list"),
        ({"field": "interests", "op": "eq", "value": "travel"}, "p.op", "is not an operator"),
        (
            {"field": "location", "op": "within_radius", "value": {"lat": 91, "lon": 0, "km": 1}},
            "p.value.lat",
            "between -90 and 90",
        ),
        (
            {"field": "location", "op": "within_radius", "value": {"lat": 1, "lon": 0, "km": 0}},
            "p.value.km",
            "greater than 0",
        ),
        ({"field": "attributes.a.b", "op": "eq", "value": 1}, "p.field", "attribute key"),
        ({"field": "attributes.tier", "op": "gt", "value": True}, "p.value", "number or a string"),
        ({"field": "attributes.tier", "op": "eq", "value": {"a": 1}}, "p.value", "must be a"),
        ({"field": "attributes.tier", "op": "eq", "value": float("inf")}, "p.value", "finite"),
        ({"field": "age", "op": "eq", "value": 3, "extra": 1}, "p.extra", "not an allowed key"),
        ({"all": []}, "p.all", "at least one rule"),
        ({"any": {"field": "age"}}, "p.any", "must be a list"),
        ({"all": [], "any": []}, "p", "exactly one key"),
        ({"nothing": 1}, "p", "must be a group"),
        ({"not": 5}, "p.not", "must be an object"),
        ({"event": "purchase", "within_days": -3}, "p.within_days", "greater than 0"),
        ({"event": "purchase", "within_days": 2.5}, "p.within_days", "must be an integer"),
        (
            {"event": "purchase", "within_days": 3, "between": ["2024-01-01", "2024-02-01"]},
            "p",
            "not both",
        ),
        ({"event": "purchase", "between": ["2024-02-01", "2024-01-01"]}, "p.between", "start"),
        ({"event": "purchase", "count": {"op": "gte", "value": -1}}, "p.count.value", "between"),
        ({"event": "purchase", "count": {"op": "contains", "value": 1}}, "p.count.op", "one of"),
        (
            {
                "event": "purchase",
                "count": {"op": "gte", "value": 1},
                "occurrence": "first",
                "within_days": 5,
            },
            "p.count",
            "omitted",
        ),
        ({"event": "purchase", "occurrence": "first"}, "p", "time window"),
        (
            {"event": "purchase", "occurrence": "middle", "within_days": 3},
            "p.occurrence",
            "first, last",
        ),
        ({"event": "purchase; drop table x", "within_days": 3}, "p.event", "event type"),
        (
            {"event": "purchase", "where": [{"field": "a b", "op": "eq", "value": 1}]},
            "p.where[0].field",
            "property key",
        ),
        (
            {"event": "purchase", "where": [{"field": "campaign_id", "op": "eq", "value": "nope"}]},
            "p.where[0].value",
            "UUID",
        ),
        (
            {"event": "purchase", "where": [{"field": "campaign_id", "op": "gt", "value": "x"}]},
            "p.where[0].op",
            "not an operator",
        ),
    ],
)
def test_invalid_rules_are_rejected_with_their_path(
    rule: dict[str, Any], path: str, message: str
) -> None:
    found = errors_of(
        {"demographic_criteria": {"all": [{"field": "age", "op": "gt", "value": 1}, rule]}}
    )
    expected_path = path.replace("p", "demographic_criteria.all[1]", 1)
    assert expected_path in found, found
    assert message in found[expected_path]


def test_every_error_is_reported_not_just_the_first() -> None:
    found = errors_of(
        {
            "demographic_criteria": {"field": "nope", "op": "eq", "value": 1},
            "behavioral_criteria": {
                "any": [{"event": "x", "within_days": 0}, {"event": "y", "count": {"op": "gte"}}]
            },
            "psychographic_criteria": "tags please",
        }
    )
    assert set(found) == {
        "demographic_criteria.field",
        "behavioral_criteria.any[0].within_days",
        "behavioral_criteria.any[1].count.value",
        "psychographic_criteria",
    }


def test_depth_and_size_limits() -> None:
    leaf: dict[str, Any] = {"field": "age", "op": "gt", "value": 1}
    deep: dict[str, Any] = leaf
    for _ in range(MAX_DEPTH):
        deep = {"not": deep}
    assert "must not be nested" in " ".join(errors_of({"demographic_criteria": deep}).values())
    wide = {"any": [leaf] * MAX_NODES}
    assert "must not have more than" in " ".join(errors_of({"demographic_criteria": wide}).values())
    fits = {"any": [leaf] * (MAX_NODES - 1)}
    assert errors_of({"demographic_criteria": fits}) == {}


def test_parse_raises_a_422_with_paths_in_details() -> None:
    with pytest.raises(RuleValidationError) as raised:
        parse_criteria({"geographic_criteria": {"field": "country", "op": "in", "value": []}})
    error = raised.value
    assert error.status_code == 422
    assert error.details["fields"] == {"geographic_criteria.value": ["must have at least 1 item"]}


def test_injection_attempts_in_keys_are_rejected_not_echoed_as_paths() -> None:
    found = errors_of(
        {"demographic_criteria": {"field": "age", "op": "eq", "value": 3, "x'); --": 1}}
    )
    assert found == {"demographic_criteria": "is not an allowed key"}


def test_the_json_schema_accepts_valid_rules_and_rejects_invalid_ones() -> None:
    schema = rules_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    good = {
        "demographic_criteria": {
            "all": [
                {"field": "age", "op": "gte", "value": 18},
                {"field": "attributes.tier", "op": "eq", "value": "gold"},
                {"field": "email", "op": "is_set"},
            ]
        },
        "behavioral_criteria": {
            "event": "purchase",
            "count": {"op": "eq", "value": 0},
            "within_days": 30,
            "where": [{"field": "amount", "op": "gt", "value": 5}],
        },
        "geographic_criteria": {},
    }
    assert not list(validator.iter_errors(good))
    assert validate_criteria(good) == []
    bad = {"demographic_criteria": {"field": "age", "op": "contains", "value": "x"}}
    assert list(validator.iter_errors(bad))


@pytest.mark.parametrize(
    ("condition", "valid"),
    [
        ({"field": "attributes.ltv", "op": "gt", "value": 10**15}, True),
        ({"field": "attributes.ltv", "op": "gt", "value": 10**15 + 1}, False),
        ({"field": "attributes.ltv", "op": "in", "value": [1, -(10**400)]}, False),
        ({"field": "attributes.tier", "op": "eq", "value": "x" * 501}, False),
        ({"field": "birth_date", "op": "lt", "value": "9999-12-31"}, True),
        ({"field": "birth_date", "op": "lt", "value": "0000-12-31"}, False),
        ({"field": "created_at", "op": "lt", "value": "9999-12-31T10:00:00Z"}, False),
        ({"field": "created_at", "op": "lt", "value": "9998-12-31T10:00:00+14:00"}, True),
    ],
)
def test_the_json_schema_bounds_values_as_validation_does(
    condition: dict[str, Any], valid: bool
) -> None:
    """The published schema carries the bounds of numbers, strings and dates."""
    validator = jsonschema.Draft202012Validator(rules_json_schema())
    body = {"demographic_criteria": condition}
    assert (not list(validator.iter_errors(body))) is valid
    assert (validate_criteria(body) == []) is valid
