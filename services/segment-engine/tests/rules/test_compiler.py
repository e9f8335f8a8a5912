"""Every operator, criteria type and nesting: the compiled SQL, run in Postgres, selects
exactly the expected contacts, and the Python reference evaluator agrees."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from sqlalchemy import select

from crm_common.crypto import pii
from crm_common.db import Database
from crm_common.models import Contact, ContactEvent
from crm_common.segments import parse_criteria
from crm_common.segments.compiler import CompileContext, compile_criteria
from segment_engine.rules.evaluator import evaluate_criteria

from .conftest import NOW, Dataset

ALL = {"c1", "c2", "c3", "c4", "c5", "c6"}


def dem(rule: dict[str, Any]) -> dict[str, Any]:
    return {"demographic_criteria": rule}


def beh(rule: dict[str, Any]) -> dict[str, Any]:
    return {"behavioral_criteria": rule}


def cond(field: str, op: str, value: Any = None) -> dict[str, Any]:
    rule: dict[str, Any] = {"field": field, "op": op}
    if value is not None:
        rule["value"] = value
    return rule


def radius(lat: float, lon: float, km: float) -> dict[str, Any]:
    return {
        "geographic_criteria": cond("location", "within_radius", {"lat": lat, "lon": lon, "km": km})
    }


CASES: list[tuple[str, dict[str, Any], set[str]]] = [
    # strings (email compares case-insensitively; NULL matches nothing but is_not_set)
    ("email eq any case", dem(cond("email", "eq", "ANN.LEE@example.COM")), {"c1"}),
    (
        "email neq skips null",
        dem(cond("email", "neq", "bob@example.com")),
        {"c1", "c4", "c5", "c6"},
    ),
    ("email in", dem(cond("email", "in", ["BOB@example.com", "x@y.zz"])), {"c2"}),
    ("email not_in", dem(cond("email", "not_in", ["bob@example.com"])), {"c1", "c4", "c5", "c6"}),
    # Addresses are sealed: domains are targeted through the plaintext email_domain.
    ("email_domain contains", dem(cond("email_domain", "contains", "TEST")), {"c4", "c5", "c6"}),
    ("email_domain eq", dem(cond("email_domain", "eq", "example.com")), {"c1", "c2"}),
    ("first_name is_set", dem(cond("first_name", "is_set")), {"c1", "c2", "c4", "c5"}),
    ("first_name is_not_set", dem(cond("first_name", "is_not_set")), {"c3", "c6"}),
    ("email is_set", dem(cond("email", "is_set")), ALL - {"c3"}),
    ("email is_not_set", dem(cond("email", "is_not_set")), {"c3"}),
    ("gender eq", dem(cond("gender", "eq", "female")), {"c1", "c4"}),
    ("gender neq skips null", dem(cond("gender", "neq", "female")), {"c2", "c5", "c6"}),
    (
        "not eq includes null",
        dem({"not": cond("gender", "eq", "female")}),
        {"c2", "c3", "c5", "c6"},
    ),
    ("country in", dem(cond("country", "in", ["US", "GB"])), {"c1", "c2", "c4"}),
    ("country not_in", dem(cond("country", "not_in", ["US"])), {"c3", "c4", "c5", "c6"}),
    ("unicode city eq", dem(cond("city", "eq", "São Paulo")), {"c5"}),
    ("unicode starts_with", dem(cond("city", "starts_with", "SÃO")), {"c5"}),
    ("region is_not_set", dem(cond("region", "is_not_set")), {"c3", "c6"}),
    ("postal starts_with", dem(cond("postal_code", "starts_with", "100")), {"c1"}),
    ("timezone eq", dem(cond("timezone", "eq", "America/New_York")), {"c1"}),
    ("language neq", dem(cond("language", "neq", "en")), {"c5"}),
    # dates
    ("birth_date lt", dem(cond("birth_date", "lt", "1990-06-16")), {"c1", "c4", "c6"}),
    ("birth_date lte", dem(cond("birth_date", "lte", "1990-06-16")), {"c1", "c2", "c4", "c6"}),
    ("birth_date gt", dem(cond("birth_date", "gt", "1990-06-15")), {"c2", "c5"}),
    ("birth_date gte", dem(cond("birth_date", "gte", "1990-06-15")), {"c1", "c2", "c5"}),
    (
        "birth_date between",
        dem(cond("birth_date", "between", ["1960-01-01", "1970-01-01"])),
        {"c4"},
    ),
    ("birth_date eq leap day", dem(cond("birth_date", "eq", "1960-02-29")), {"c4"}),
    ("birth_date neq", dem(cond("birth_date", "neq", "1960-02-29")), {"c1", "c2", "c5", "c6"}),
    ("birth_date is_not_set", dem(cond("birth_date", "is_not_set")), {"c3"}),
    # age on 2025-06-15: c1 35 (birthday today), c2 34 (tomorrow), c4 65, c5 19, c6 39
    ("age eq on the birthday", dem(cond("age", "eq", 35)), {"c1"}),
    ("age gte", dem(cond("age", "gte", 35)), {"c1", "c4", "c6"}),
    ("age gt", dem(cond("age", "gt", 34)), {"c1", "c4", "c6"}),
    ("age lt", dem(cond("age", "lt", 35)), {"c2", "c5"}),
    ("age lte", dem(cond("age", "lte", 34)), {"c2", "c5"}),
    ("age between", dem(cond("age", "between", [34, 39])), {"c1", "c2", "c6"}),
    ("age in", dem(cond("age", "in", [19, 65])), {"c4", "c5"}),
    ("age not_in", dem(cond("age", "not_in", [19, 65])), {"c1", "c2", "c6"}),
    ("age neq", dem(cond("age", "neq", 35)), {"c2", "c4", "c5", "c6"}),
    ("age is_not_set", dem(cond("age", "is_not_set")), {"c3"}),
    # created_at: a date is its whole UTC day
    ("created_at eq day", dem(cond("created_at", "eq", "2024-01-10")), {"c1", "c2"}),
    ("created_at neq day", dem(cond("created_at", "neq", "2024-01-10")), {"c3", "c4", "c5", "c6"}),
    ("created_at lt day", dem(cond("created_at", "lt", "2024-01-11")), {"c1", "c2", "c4"}),
    ("created_at lte day", dem(cond("created_at", "lte", "2024-01-10")), {"c1", "c2", "c4"}),
    ("created_at gt day", dem(cond("created_at", "gt", "2024-01-10")), {"c3", "c5", "c6"}),
    ("created_at gte day", dem(cond("created_at", "gte", "2024-01-11")), {"c3", "c5", "c6"}),
    (
        "created_at between days",
        dem(cond("created_at", "between", ["2024-01-10", "2024-01-11"])),
        {"c1", "c2", "c3"},
    ),
    ("created_at eq instant", dem(cond("created_at", "eq", "2024-01-10T08:00:00Z")), {"c1"}),
    (
        "created_at gte offset",
        dem(cond("created_at", "gte", "2024-01-10T09:00:00+01:00")),
        {"c1", "c2", "c3", "c5", "c6"},
    ),
    # geography
    ("radius new york", radius(40.73, -73.99, 10), {"c1"}),
    ("radius berlin", radius(52.5, 13.4, 5), {"c3"}),
    ("radius across the antimeridian", radius(-16.43, -179.95, 50), {"c6"}),
    ("radius whole earth", radius(0, 0, 20040), ALL - {"c5"}),
    ("radius near the pole", radius(89.9, 0, 100), set()),
    ("location is_not_set", {"geographic_criteria": cond("location", "is_not_set")}, {"c5"}),
    (
        "geo lists",
        {
            "geographic_criteria": {
                "any": [cond("country", "eq", "DE"), cond("city", "in", ["London", "Labasa"])]
            }
        },
        {"c3", "c4", "c6"},
    ),
    # tags
    (
        "interests contains_any",
        {"psychographic_criteria": cond("interests", "contains_any", ["travel"])},
        {"c1", "c4"},
    ),
    (
        "interests contains_all",
        {"psychographic_criteria": cond("interests", "contains_all", ["travel", "cooking"])},
        {"c4"},
    ),
    (
        "interests contains_none",
        {"psychographic_criteria": cond("interests", "contains_none", ["travel"])},
        {"c2", "c3", "c5", "c6"},
    ),
    (
        "interests is_set",
        {"psychographic_criteria": cond("interests", "is_set")},
        {"c1", "c2", "c4"},
    ),
    (
        "interests is_not_set",
        {"psychographic_criteria": cond("interests", "is_not_set")},
        {"c3", "c5", "c6"},
    ),
    (
        "values contains_any",
        {"psychographic_criteria": cond("values", "contains_any", ["luxury", "quality"])},
        {"c1", "c4"},
    ),
    (
        "lifestyle contains_none",
        {"psychographic_criteria": cond("lifestyle", "contains_none", ["urban"])},
        ALL - {"c1"},
    ),
    # custom attributes: compared by JSON type
    ("attr eq string", dem(cond("attributes.tier", "eq", "gold")), {"c1"}),
    ("attr eq number", dem(cond("attributes.tier", "eq", 3)), {"c3"}),
    ("attr eq number-like string", dem(cond("attributes.tier", "eq", "3")), set()),
    (
        "attr neq skips null and missing",
        dem(cond("attributes.tier", "neq", "gold")),
        {"c2", "c3", "c6"},
    ),
    ("attr in", dem(cond("attributes.tier", "in", ["gold", "silver"])), {"c1", "c2"}),
    ("attr not_in", dem(cond("attributes.tier", "not_in", ["gold"])), {"c2", "c3", "c6"}),
    ("attr is_set", dem(cond("attributes.tier", "is_set")), {"c1", "c2", "c3", "c6"}),
    ("attr is_not_set", dem(cond("attributes.tier", "is_not_set")), {"c4", "c5"}),
    ("attr contains", dem(cond("attributes.tier", "contains", "OLD")), {"c1", "c6"}),
    ("attr starts_with", dem(cond("attributes.tier", "starts_with", "g")), {"c1", "c6"}),
    ("attr string order by code point", dem(cond("attributes.tier", "gt", "h")), {"c2"}),
    ("attr string lt", dem(cond("attributes.tier", "lt", "a")), {"c6"}),
    ("attr number gt", dem(cond("attributes.ltv", "gt", 100)), {"c1"}),
    ("attr number eq across int/float", dem(cond("attributes.ltv", "eq", 80)), {"c2", "c6"}),
    (
        "attr number between",
        dem(cond("attributes.ltv", "between", [80, 120.5])),
        {"c1", "c2", "c6"},
    ),
    ("attr number lte", dem(cond("attributes.ltv", "lte", 80)), {"c2", "c6"}),
    ("attr number gte", dem(cond("attributes.ltv", "gte", 80.01)), {"c1"}),
    ("attr number lt", dem(cond("attributes.ltv", "lt", 80)), set()),
    ("attr string gt on mixed types", dem(cond("attributes.ltv", "gt", "a")), {"c4"}),
    ("attr number neq", dem(cond("attributes.ltv", "neq", 80)), {"c1", "c4"}),
    ("attr bool eq true", dem(cond("attributes.vip", "eq", True)), {"c1"}),
    ("attr bool eq false", dem(cond("attributes.vip", "eq", False)), {"c2"}),
    ("attr bool neq", dem(cond("attributes.vip", "neq", True)), {"c2", "c6"}),
    ("attr mixed in", dem(cond("attributes.vip", "in", [True, "true"])), {"c1", "c6"}),
    ("attr array is not a scalar", dem(cond("attributes.tags", "eq", "gold")), set()),
    ("attr date-like string", dem(cond("attributes.since", "lt", "2021")), {"c1"}),
    # behaviour (now = 2025-06-15 12:00 UTC)
    ("did purchase", beh({"event": "purchase"}), {"c1", "c2", "c6"}),
    (
        "did not purchase",
        beh({"event": "purchase", "count": {"op": "eq", "value": 0}}),
        {"c3", "c4", "c5"},
    ),
    ("not purchase", beh({"not": {"event": "purchase"}}), {"c3", "c4", "c5"}),
    ("purchase within 30 days", beh({"event": "purchase", "within_days": 30}), {"c1"}),
    ("purchase within 45 days", beh({"event": "purchase", "within_days": 45}), {"c1", "c2"}),
    ("window start is inclusive", beh({"event": "page_view", "within_days": 1}), {"c2"}),
    (
        "count gte 2 within 30",
        beh({"event": "purchase", "count": {"op": "gte", "value": 2}, "within_days": 30}),
        {"c1"},
    ),
    ("count gte 3", beh({"event": "purchase", "count": {"op": "gte", "value": 3}}), {"c1"}),
    ("count gt 3", beh({"event": "page_view", "count": {"op": "gt", "value": 3}}), {"c3"}),
    (
        "count lt 2 includes zero",
        beh({"event": "purchase", "count": {"op": "lt", "value": 2}}),
        {"c2", "c3", "c4", "c5", "c6"},
    ),
    (
        "count lte 1 within 30",
        beh({"event": "purchase", "count": {"op": "lte", "value": 1}, "within_days": 30}),
        {"c2", "c3", "c4", "c5", "c6"},
    ),
    (
        "count neq 1",
        beh({"event": "purchase", "count": {"op": "neq", "value": 1}}),
        {"c1", "c3", "c4", "c5"},
    ),
    (
        "count between",
        beh({"event": "purchase", "count": {"op": "between", "value": [1, 2]}}),
        {"c2", "c6"},
    ),
    (
        "count between from zero",
        beh({"event": "purchase", "count": {"op": "between", "value": [0, 1]}}),
        {"c2", "c3", "c4", "c5", "c6"},
    ),
    (
        "count gte 0 is everyone",
        beh({"event": "purchase", "count": {"op": "gte", "value": 0}}),
        ALL,
    ),
    ("count lt 0 is no one", beh({"event": "purchase", "count": {"op": "lt", "value": 0}}), set()),
    (
        "count eq 3 within 30",
        beh({"event": "page_view", "count": {"op": "eq", "value": 3}, "within_days": 30}),
        {"c3"},
    ),
    (
        "between dates",
        beh({"event": "email_open", "between": ["2025-06-12", "2025-06-13"]}),
        {"c1", "c4"},
    ),
    (
        "count in date range",
        beh(
            {
                "event": "email_open",
                "count": {"op": "eq", "value": 2},
                "between": ["2025-06-12", "2025-06-14"],
            }
        ),
        {"c4"},
    ),
    (
        "between instants",
        beh({"event": "email_open", "between": ["2025-06-13T11:00:00Z", "2025-06-13T12:00:00Z"]}),
        {"c1"},
    ),
    (
        "where number",
        beh({"event": "purchase", "where": [cond("amount", "gt", 100)]}),
        {"c1", "c2"},
    ),
    (
        "where number in window",
        beh({"event": "purchase", "within_days": 30, "where": [cond("amount", "gt", 100)]}),
        {"c1"},
    ),
    (
        "where string count",
        beh(
            {
                "event": "purchase",
                "count": {"op": "gte", "value": 2},
                "where": [cond("category", "eq", "shoes")],
            }
        ),
        {"c1"},
    ),
    ("where typed number", beh({"event": "purchase", "where": [cond("amount", "lt", 50)]}), {"c1"}),
    (
        "where typed string",
        beh({"event": "purchase", "where": [cond("amount", "eq", "12")]}),
        {"c6"},
    ),
    (
        "where missing property",
        beh({"event": "email_open", "where": [cond("url", "is_not_set")]}),
        {"c1", "c4"},
    ),
    (
        "where starts_with",
        beh({"event": "email_click", "where": [cond("url", "starts_with", "/")]}),
        {"c4"},
    ),
    (
        "first occurrence in window",
        beh({"event": "purchase", "occurrence": "first", "within_days": 45}),
        {"c2"},
    ),
    (
        "first occurrence outside window",
        beh({"event": "purchase", "occurrence": "first", "within_days": 30}),
        set(),
    ),
    (
        "last occurrence in window",
        beh({"event": "purchase", "occurrence": "last", "within_days": 10}),
        {"c1"},
    ),
    (
        "last occurrence between",
        beh({"event": "purchase", "occurrence": "last", "between": ["2025-05-01", "2025-05-10"]}),
        {"c2"},
    ),
    (
        "last occurrence with where",
        beh(
            {
                "event": "purchase",
                "occurrence": "last",
                "within_days": 30,
                "where": [cond("category", "eq", "books")],
            }
        ),
        {"c1"},
    ),
    # nesting and combining criteria
    (
        "all",
        {
            "demographic_criteria": {
                "all": [cond("country", "eq", "US"), cond("gender", "eq", "male")]
            }
        },
        {"c2"},
    ),
    (
        "any",
        {"demographic_criteria": {"any": [cond("country", "eq", "DE"), cond("age", "gt", 60)]}},
        {"c3", "c4"},
    ),
    (
        "not any",
        {
            "demographic_criteria": {
                "not": {"any": [cond("country", "eq", "DE"), cond("age", "gt", 60)]}
            }
        },
        {"c1", "c2", "c5", "c6"},
    ),
    (
        "nested mix of field and event nodes",
        {
            "demographic_criteria": {
                "all": [
                    {"any": [cond("gender", "eq", "female"), cond("age", "lt", 20)]},
                    {"not": {"event": "purchase", "count": {"op": "eq", "value": 0}}},
                ]
            }
        },
        {"c1"},
    ),
    (
        "double negation",
        {"demographic_criteria": {"not": {"not": cond("country", "eq", "US")}}},
        {"c1", "c2"},
    ),
    (
        "four criteria are ANDed",
        {
            "demographic_criteria": cond("age", "gte", 30),
            "behavioral_criteria": {"event": "email_open", "within_days": 7},
            "geographic_criteria": cond("country", "in", ["US", "GB"]),
            "psychographic_criteria": cond("interests", "contains_any", ["travel"]),
        },
        {"c1", "c4"},
    ),
    ("no criteria is everyone", {}, ALL),
]


async def sql_members(db: Database, dataset: Dataset, body: dict[str, Any]) -> set[uuid.UUID]:
    async with db.tenant_session(dataset.company.id) as session:
        cipher = await pii.cipher_for(session, dataset.company.id)
        ctx = CompileContext(dataset.company.id, NOW, hasher=cipher.hash)
        predicate = compile_criteria(parse_criteria(body), ctx)
        statement = select(Contact.id).where(Contact.company_id == dataset.company.id, predicate)
        return set((await session.execute(statement)).scalars())


async def python_members(db: Database, dataset: Dataset, body: dict[str, Any]) -> set[uuid.UUID]:
    criteria = parse_criteria(body)
    async with db.tenant_session(dataset.company.id) as session:
        rows = await pii.open_contact_objects(
            session, dataset.company.id, (await session.execute(select(Contact))).scalars().all()
        )
        events = (await session.execute(select(ContactEvent))).scalars().all()
    by_contact: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for event in events:
        by_contact.setdefault(event.contact_id, []).append(
            {
                "event_type": event.event_type,
                "occurred_at": event.occurred_at,
                "properties": event.properties,
                "campaign_id": event.campaign_id,
            }
        )
    return {
        row["id"]
        for row in rows
        if evaluate_criteria(criteria, row, by_contact.get(row["id"], []), NOW)
    }


@pytest.mark.parametrize(("name", "body", "expected"), CASES, ids=[case[0] for case in CASES])
async def test_sql_and_python_select_the_expected_contacts(
    db: Database, dataset: Dataset, name: str, body: dict[str, Any], expected: set[str]
) -> None:
    from_sql = dataset.names(await sql_members(db, dataset, body))
    from_python = dataset.names(await python_members(db, dataset, body))
    assert from_sql == expected
    assert from_python == expected


async def test_event_campaign_filter(db: Database, dataset: Dataset) -> None:
    campaign = str(dataset.campaign_id)
    cases = [
        ({"event": "email_click", "where": [cond("campaign_id", "eq", campaign)]}, {"c4"}),
        ({"event": "email_click", "where": [cond("campaign_id", "neq", campaign)]}, set()),
        ({"event": "email_open", "where": [cond("campaign_id", "is_not_set")]}, {"c1", "c4"}),
        (
            {
                "event": "email_click",
                "where": [cond("campaign_id", "in", [campaign, str(uuid.uuid4())])],
            },
            {"c4"},
        ),
    ]
    for rule, expected in cases:
        assert dataset.names(await sql_members(db, dataset, beh(rule))) == expected
        assert dataset.names(await python_members(db, dataset, beh(rule))) == expected


async def test_another_tenants_twin_never_matches(db: Database, dataset: Dataset) -> None:
    body = {
        "demographic_criteria": cond("email", "eq", "ann.lee@example.com"),
        "behavioral_criteria": {"event": "purchase", "count": {"op": "gte", "value": 3}},
    }
    assert dataset.names(await sql_members(db, dataset, body)) == {"c1"}


@pytest.mark.parametrize(
    "value",
    [
        "x' OR '1'='1",
        "'; DROP TABLE crm_contacts; --",
        "%",
        "\\",
        '"} OR 1=1 --',
    ],
)
async def test_injection_attempts_in_values_are_plain_data(
    db: Database, dataset: Dataset, value: str
) -> None:
    for body in (
        dem(cond("city", "eq", value)),
        dem(cond("city", "contains", value)),
        dem(cond("attributes.tier", "eq", value)),
        dem(cond("attributes.tier", "starts_with", value)),
        beh({"event": "purchase", "where": [cond("category", "in", [value])]}),
        {"psychographic_criteria": cond("interests", "contains_any", [value])},
    ):
        assert await sql_members(db, dataset, body) == set()
    assert len(await sql_members(db, dataset, {})) == len(ALL)
