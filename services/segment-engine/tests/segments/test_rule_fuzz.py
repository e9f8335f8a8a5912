"""Property: every rule body that validation accepts runs — estimate (exact and sampled),
evaluate and explain answer without a 5xx against Postgres. The bodies are drawn from the
edges of every value domain (dates of year 1 and 9999, offsets of ±14 h, numbers at and past
±10^15, subnormal floats, LIKE metacharacters, long and non-ASCII strings, long lists, deep
nesting, every field and operator); those validation refuses are skipped."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from httpx import AsyncClient
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from crm_common.db import Database
from crm_common.segments import validate_criteria
from crm_common.segments.fields import (
    CONTACT_FIELDS,
    LIST_OPS,
    OPERATORS_BY_KIND,
    PRESENCE_OPS,
    TAG_OPS,
    TEXT_OPS,
    FieldKind,
    Op,
)

from .conftest import Audience, make_segment

ZONES = st.sampled_from(
    [None, UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12, minutes=-30))]
)
TEXTS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["%", "_", "\\", "\\%", "'", "a" * 500, "İ", "ß", "😀", "New York", "gold"]),
)
NUMBERS = st.one_of(
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15),
    st.sampled_from([10**15, -(10**15), 5e-324, 1e-300, 0.1, 120.5, 10**16, 10**400]),
)
DATES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01", "9999-12-31", "2024-02-29"]),
)
DATETIMES = st.datetimes(timezones=ZONES).map(lambda d: d.isoformat())
INSTANTS = st.one_of(DATES, DATETIMES)
AGES = st.integers(0, 150)


def listed(item: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.one_of(st.lists(item, min_size=1, max_size=4), item.map(lambda v: [v] * 300))


def pair(item: st.SearchStrategy[Any]) -> st.SearchStrategy[list[Any]]:
    return st.lists(item, min_size=2, max_size=2).map(sorted)


def scalars(kind: FieldKind, ordered: bool) -> st.SearchStrategy[Any]:
    if kind == FieldKind.STRING:
        return TEXTS
    if kind == FieldKind.DATE:
        return DATES
    if kind == FieldKind.INTEGER:
        return AGES
    if kind == FieldKind.UUID:
        return st.uuids().map(str)
    if ordered:
        return st.one_of(NUMBERS, TEXTS)
    return st.one_of(NUMBERS, TEXTS, st.booleans())


@st.composite
def conditions(draw: st.DrawFn, field: str, kind: FieldKind) -> dict[str, Any]:
    op = draw(st.sampled_from(sorted(OPERATORS_BY_KIND[kind])))
    rule: dict[str, Any] = {"field": field, "op": op.value}
    if op in PRESENCE_OPS:
        return rule
    if op == Op.WITHIN_RADIUS:
        coordinate = st.one_of(st.floats(-180, 180), st.sampled_from([-90, 90, 180, -180, 0]))
        km = st.one_of(st.floats(1e-9, 20_040), st.sampled_from([20_040, 1e-300, 0.001]))
        rule["value"] = {"lat": draw(coordinate), "lon": draw(coordinate), "km": draw(km)}
    elif op in TAG_OPS:
        rule["value"] = draw(listed(TEXTS))
    elif op in TEXT_OPS:
        rule["value"] = draw(TEXTS)
    elif kind == FieldKind.DATETIME:
        rule["value"] = draw(pair(DATES) if op == Op.BETWEEN else INSTANTS)
    elif op in LIST_OPS:
        rule["value"] = draw(listed(scalars(kind, ordered=False)))
    elif op == Op.BETWEEN:
        json_bounds = st.one_of(pair(NUMBERS), pair(TEXTS))
        bounds = json_bounds if kind == FieldKind.JSON else pair(scalars(kind, ordered=True))
        rule["value"] = draw(bounds)
    else:
        rule["value"] = draw(scalars(kind, ordered=op not in (Op.EQ, Op.NEQ)))
    return rule


@st.composite
def field_conditions(draw: st.DrawFn) -> dict[str, Any]:
    field = draw(st.sampled_from([*CONTACT_FIELDS, "attributes.ltv", "attributes.tier"]))
    kind = CONTACT_FIELDS.get(field, FieldKind.JSON)
    return draw(conditions(field, kind))


@st.composite
def event_conditions(draw: st.DrawFn) -> dict[str, Any]:
    rule: dict[str, Any] = {"event": draw(st.sampled_from(["purchase", "email_open", "x.y:z"]))}
    window = draw(st.sampled_from(["none", "days", "between"]))
    if window == "days":
        rule["within_days"] = draw(st.one_of(st.integers(1, 36_500), st.just(36_500)))
    elif window == "between":
        rule["between"] = draw(pair(DATES))
    if window != "none" and draw(st.booleans()):
        rule["occurrence"] = draw(st.sampled_from(["first", "last"]))
    elif draw(st.booleans()):
        count = st.integers(0, 1_000_000)
        op = draw(st.sampled_from(["eq", "neq", "lt", "lte", "gt", "gte", "between"]))
        rule["count"] = {"op": op, "value": draw(pair(count) if op == "between" else count)}
    where = st.one_of(
        conditions(draw(st.sampled_from(["amount", "category", "p-1"])), FieldKind.JSON),
        conditions("campaign_id", FieldKind.UUID),
    )
    rule["where"] = draw(st.lists(where, max_size=3))
    return rule


trees = st.recursive(
    st.one_of(field_conditions(), event_conditions()),
    lambda children: st.one_of(
        st.builds(lambda items: {"all": items}, st.lists(children, min_size=1, max_size=3)),
        st.builds(lambda items: {"any": items}, st.lists(children, min_size=1, max_size=3)),
        st.builds(lambda child: {"not": child}, children),
    ),
    max_leaves=6,
)
bodies = st.fixed_dictionaries(
    {}, optional={"demographic_criteria": trees, "behavioral_criteria": trees}
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
@given(body=bodies, exact=st.booleans())
async def test_rules_accepted_by_validate_never_5xx(
    client: AsyncClient, db: Database, audience: Audience, body: dict[str, Any], exact: bool
) -> None:
    assume(validate_criteria(body) == [])
    headers = audience.acme.admin
    validated = await client.post("/api/segments/validate/", json=body, headers=headers)
    assert validated.status_code == 200, (body, validated.text)
    estimated = await client.post(
        "/api/segments/estimate/",
        json={**body, "exact": exact, "channel": "email"},
        headers=headers,
    )
    assert estimated.status_code == 200, (body, estimated.text)
    segment = await make_segment(db, audience.campaign, name=f"fuzz {datetime.now(UTC)}", **body)
    evaluated = await client.post(f"/api/segments/{segment.id}/evaluate/", headers=headers)
    assert evaluated.status_code == 200, (body, evaluated.text)
    explained = await client.get(
        f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/", headers=headers
    )
    assert explained.status_code == 200, (body, explained.text)
