"""Every value of the rule language is bounded: what validation accepts runs in estimate,
evaluate and explain against Postgres; what cannot run is a 422, never a 500 — also for a
segment stored before the bounds."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from httpx import AsyncClient, Response
from sqlalchemy import text

from crm_common.db import Database
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.segments import SavedRulesInvalid, validate_criteria
from crm_common.segments.audience import count_audience
from crm_common.tenancy import TenantScope
from segment_engine.segments import service
from segment_engine.segments.errors import AudienceQueryTimedOut
from segment_engine.segments.schemas import EstimateRequest

from .conftest import Audience, make_segment

ENDS_OF_TIME: list[dict[str, Any]] = [
    {"demographic_criteria": {"field": "birth_date", "op": "lt", "value": "9999-12-31"}},
    {
        "demographic_criteria": {
            "field": "birth_date",
            "op": "between",
            "value": ["0001-01-01", "9999-12-31"],
        }
    },
    {"demographic_criteria": {"field": "created_at", "op": "lte", "value": "9999-12-31"}},
    {"demographic_criteria": {"field": "created_at", "op": "gt", "value": "9999-12-31"}},
    {"demographic_criteria": {"field": "created_at", "op": "neq", "value": "9999-12-31"}},
    {
        "demographic_criteria": {
            "field": "created_at",
            "op": "between",
            "value": ["0001-01-01", "9999-12-31"],
        }
    },
    {"behavioral_criteria": {"event": "purchase", "between": ["2000-01-01", "9999-12-31"]}},
    {
        "behavioral_criteria": {
            "event": "purchase",
            "occurrence": "last",
            "between": ["0001-01-01", "9999-12-31"],
        }
    },
    {"demographic_criteria": {"field": "created_at", "op": "eq", "value": "9999-12-31T23:59Z"}},
]
# Rules each of ENDS_OF_TIME matches exactly like (None: refused with 422).
SET = {"op": "is_set"}
EQUIVALENT: list[dict[str, Any] | None] = [
    {"demographic_criteria": {"field": "birth_date", **SET}},
    {"demographic_criteria": {"field": "birth_date", **SET}},
    {"demographic_criteria": {"field": "created_at", **SET}},
    {"demographic_criteria": {"field": "age", "op": "lt", "value": 0}},
    {"demographic_criteria": {"field": "created_at", **SET}},
    {"demographic_criteria": {"field": "created_at", **SET}},
    {"behavioral_criteria": {"event": "purchase"}},
    {"behavioral_criteria": {"event": "purchase"}},
    None,
]


def problem(response: Response) -> dict[str, Any]:
    assert response.status_code < 500, response.text
    body: dict[str, Any] = response.json()
    return body


async def matched(client: AsyncClient, headers: dict[str, str], body: dict[str, Any]) -> int:
    response = await client.post(
        "/api/segments/estimate/", json={**body, "exact": True}, headers=headers
    )
    count: int = problem(response)["matched"]
    return count


@pytest.mark.parametrize(("body", "equivalent"), list(zip(ENDS_OF_TIME, EQUIVALENT, strict=True)))
async def test_rule_with_year_9999_date_is_422_or_runs(
    client: AsyncClient,
    db: Database,
    audience: Audience,
    body: dict[str, Any],
    equivalent: dict[str, Any] | None,
) -> None:
    headers = audience.acme.admin
    validated = await client.post("/api/segments/validate/", json=body, headers=headers)
    if equivalent is None:
        estimated = await client.post("/api/segments/estimate/", json=body, headers=headers)
        assert validated.status_code == estimated.status_code == 422
        return
    assert validated.status_code == 200, validated.text
    expected = await matched(client, headers, equivalent)
    assert await matched(client, headers, body) == expected
    segment = await make_segment(db, audience.campaign, **body)
    evaluated = await client.post(f"/api/segments/{segment.id}/evaluate/", headers=headers)
    assert problem(evaluated)["matched"] == expected
    explained = await client.get(
        f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/", headers=headers
    )
    assert problem(explained)["evaluated_at"]


@pytest.mark.parametrize("number", [10**400, -(10**16), 1e300, 10**15 + 1])
async def test_huge_number_refused(client: AsyncClient, audience: Audience, number: Any) -> None:
    body = {"demographic_criteria": {"field": "attributes.ltv", "op": "gt", "value": number}}
    for url in ("/api/segments/validate/", "/api/segments/estimate/"):
        response = await client.post(url, json=body, headers=audience.acme.admin)
        assert response.status_code == 422, response.text
        assert response.json()["details"]["fields"] == {
            "demographic_criteria.value": ["must be between -10^15 and 10^15"]
        }


async def test_largest_number_accepted_runs(client: AsyncClient, audience: Audience) -> None:
    body = {
        "demographic_criteria": {
            "any": [
                {"field": "attributes.ltv", "op": "lt", "value": 10**15},
                {"field": "attributes.ltv", "op": "in", "value": [-(10**15), 1e-300, 120.5]},
            ]
        }
    }
    numeric = {"demographic_criteria": {"field": "attributes.ltv", "op": "gte", "value": -1}}
    headers = audience.acme.admin
    assert await matched(client, headers, body) == await matched(client, headers, numeric)


def test_the_rule_budget_is_body_wide() -> None:
    cities = [f"city-{n}" for n in range(400)]
    tree = {"field": "city", "op": "in", "value": cities}
    assert validate_criteria({"demographic_criteria": tree, "geographic_criteria": tree}) == []
    errors = validate_criteria(
        {"demographic_criteria": tree, "geographic_criteria": tree, "psychographic_criteria": tree}
    )
    assert [e["path"] for e in errors] == ["psychographic_criteria"]
    assert "1000 conditions and values" in errors[0]["message"]
    radius = {"field": "location", "op": "within_radius", "value": {"lat": 1, "lon": 2, "km": 3}}
    assert validate_criteria({"geographic_criteria": {"any": [radius] * 100}}) == []
    too_many = validate_criteria({"geographic_criteria": {"any": [radius] * 101}})
    assert [e["path"] for e in too_many] == ["geographic_criteria.any[100]"]


async def test_rules_at_every_limit_run_in_estimate_evaluate_and_explain(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    """The heaviest rules validation accepts: the whole budget spent on deep behavioural
    conditions with where conditions, and on one list, in every tree."""

    def deep(node: dict[str, Any], depth: int) -> dict[str, Any]:
        for level in range(depth):
            node = {"all": [node]} if level % 2 else {"not": node}
        return node

    where = [{"field": f"p{n}", "op": "between", "value": [1, 2]} for n in range(10)]
    event = {"event": "purchase", "count": {"op": "between", "value": [0, 3]}, "where": where}
    body = {
        "demographic_criteria": deep({"any": [event] * 9}, 6),
        "behavioral_criteria": deep({"all": [event] * 9}, 6),
        "geographic_criteria": {
            "field": "attributes.tier",
            "op": "not_in",
            "value": [f"t{n}" for n in range(440)],
        },
        "psychographic_criteria": {"any": [{"field": "age", "op": "in", "value": [30] * 100}]},
    }
    assert validate_criteria(body) == []
    headers = audience.acme.admin
    for exact in (True, False):
        estimated = await client.post(
            "/api/segments/estimate/", json={**body, "exact": exact}, headers=headers
        )
        assert problem(estimated)["matched"] >= 0
    segment = await make_segment(db, audience.campaign, **body)
    evaluated = await client.post(f"/api/segments/{segment.id}/evaluate/", headers=headers)
    assert problem(evaluated)["matched"] >= 0
    explained = await client.get(
        f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/", headers=headers
    )
    assert problem(explained)["criteria"]


async def test_broken_saved_segment_reports_error_not_500(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    """A segment stored before the bounds existed (here: a number beyond them) is reported as
    invalid by evaluate and explain, with the offending path, and nothing changes."""
    broken = {"demographic_criteria": {"field": "attributes.ltv", "op": "gt", "value": 10**400}}
    segment = await make_segment(db, audience.campaign, **broken)
    headers = audience.acme.admin
    for response in (
        await client.post(f"/api/segments/{segment.id}/evaluate/", headers=headers),
        await client.get(
            f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/", headers=headers
        ),
    ):
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["error_code"] == "segment_rules_invalid"
        assert "demographic_criteria.value" in body["details"]["fields"]
        assert body["details"]["segment_id"] == str(segment.id)


@pytest.mark.parametrize("field", ["city", "attributes.tier"])
async def test_lone_surrogate_string_refused(
    client: AsyncClient, audience: Audience, field: str
) -> None:
    # JSON may escape half of a surrogate pair; such a string cannot be sent to Postgres.
    body = json.dumps(
        {"demographic_criteria": {"field": field, "op": "contains", "value": "a\ud800"}}
    )
    headers = {**audience.acme.admin, "Content-Type": "application/json"}
    for url in ("/api/segments/validate/", "/api/segments/estimate/"):
        response = await client.post(url, content=body, headers=headers)
        assert response.status_code == 422, response.text
        assert response.json()["details"]["fields"] == {
            "demographic_criteria.value": ["must be valid Unicode text (no lone surrogates)"]
        }


async def test_rules_running_past_the_statement_timeout_are_422_not_500(
    db: Database, audience: Audience
) -> None:
    """Costly rules (150 substring searches over 50,000 contacts) under a short statement
    timeout: the estimate reports the rules' cost, it does not fail as an internal error."""
    company_id = audience.acme.company.id
    async with db.system_session() as session:
        await session.execute(
            text(
                "INSERT INTO crm_contacts (id, company_id, external_id, city) "
                "SELECT gen_random_uuid(), :company, 'bulk-' || n, 'City ' || n "
                "FROM generate_series(1, 50000) n"
            ),
            {"company": company_id},
        )
    principal = Principal(
        user_id=audience.acme.admin_user.id,
        company_id=company_id,
        roles=frozenset({"admin"}),
        permissions=frozenset(Permission),
    )
    searches = [{"field": "city", "op": "contains", "value": f"x{n}y"} for n in range(150)]
    body = EstimateRequest(demographic_criteria={"any": searches}, exact=True)
    with pytest.raises(AudienceQueryTimedOut) as raised:
        async with db.tenant_session(company_id) as session:
            await session.execute(text("SET LOCAL statement_timeout = 10"))
            await service.estimate(TenantScope(session, company_id), principal, body, 0)
    assert raised.value.status_code == 422
    assert raised.value.error_code == "segment_query_timeout"


async def test_a_broken_saved_segment_in_a_launch_count_names_the_segment(
    db: Database, audience: Audience
) -> None:
    """Counting a campaign's audience before a launch (campaign-api) and freezing it (launch
    worker) share this path: a segment stored past the bounds is a 422 naming the segment."""
    company_id = audience.acme.company.id
    fine = await make_segment(
        db, audience.campaign, geographic_criteria={"field": "age", "op": "is_set"}
    )
    broken = await make_segment(
        db,
        audience.campaign,
        demographic_criteria={"field": "attributes.ltv", "op": "gt", "value": 10**400},
    )
    async with db.tenant_session(company_id) as session:
        with pytest.raises(SavedRulesInvalid) as raised:
            await count_audience(session, company_id, [fine, broken], ["email"], datetime.now(UTC))
    assert raised.value.status_code == 422
    assert raised.value.details["segment_id"] == str(broken.id)
    assert "demographic_criteria.value" in raised.value.details["fields"]
