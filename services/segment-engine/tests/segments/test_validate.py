"""GET /api/segments/schema/ and POST /api/segments/validate/."""

from __future__ import annotations

from typing import Any

import jsonschema
from httpx import AsyncClient

from ..conftest import Tenant


async def test_schema_is_a_json_schema_of_the_rules(client: AsyncClient, acme: Tenant) -> None:
    response = await client.get("/api/segments/schema/", headers=acme.analyst)
    assert response.status_code == 200
    schema = response.json()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == {
        "demographic_criteria",
        "behavioral_criteria",
        "geographic_criteria",
        "psychographic_criteria",
    }


async def test_schema_needs_authentication(client: AsyncClient) -> None:
    response = await client.get("/api/segments/schema/")
    assert response.status_code == 401
    assert response.json()["error_code"] == "not_authenticated"


async def test_valid_rules(client: AsyncClient, acme: Tenant) -> None:
    body = {
        "demographic_criteria": {"field": "age", "op": "gte", "value": 18},
        "behavioral_criteria": {"event": "purchase", "count": {"op": "eq", "value": 0}},
        "channel": "email",
    }
    response = await client.post("/api/segments/validate/", json=body, headers=acme.analyst)
    assert response.status_code == 200
    assert response.json() == {"valid": True}


async def test_invalid_rules_name_their_paths(client: AsyncClient, acme: Tenant) -> None:
    body = {
        "behavioral_criteria": {
            "all": [{"event": "purchase"}, {"event": "open"}, {"event": "click", "within_days": 0}]
        },
        "geographic_criteria": {"field": "location", "op": "within_radius", "value": {}},
    }
    response = await client.post("/api/segments/validate/", json=body, headers=acme.analyst)
    assert response.status_code == 422
    error = response.json()
    assert error["error_code"] == "validation_error"
    fields = error["details"]["fields"]
    assert fields["behavioral_criteria.all[2].within_days"] == ["must be greater than 0"]
    assert {"geographic_criteria.value.lat", "geographic_criteria.value.km"} <= set(fields)


async def post_validate(client: AsyncClient, tenant: Tenant, body: Any) -> tuple[int, Any]:
    response = await client.post("/api/segments/validate/", json=body, headers=tenant.analyst)
    return response.status_code, response.json()


async def test_injection_in_field_names_is_a_422(client: AsyncClient, acme: Tenant) -> None:
    for field in (
        "email; DROP TABLE crm_contacts",
        "attributes.x') OR 1=1 --",
        "attributes",
        "company_id",
        "consented_channels",
        "id",
    ):
        status, body = await post_validate(
            client, acme, {"demographic_criteria": {"field": field, "op": "eq", "value": "x"}}
        )
        assert status == 422, field
        assert "demographic_criteria.field" in body["details"]["fields"]


async def test_hostile_bodies_are_4xx_not_500(client: AsyncClient, acme: Tenant) -> None:
    deep: dict[str, Any] = {"field": "age", "op": "eq", "value": 1}
    for _ in range(200):
        deep = {"not": deep}
    cases: list[Any] = [
        {"demographic_criteria": {"field": "city", "op": "eq", "value": "a\u0000b"}},
        {"demographic_criteria": deep},
        {"demographic_criteria": {"any": [{"field": "age", "op": "gt", "value": 1}] * 5000}},
        {"demographic_criteria": {"field": "age", "op": "in", "value": list(range(5000))}},
        {"demographic_criteria": [1, 2]},
        {"unknown_criteria": {}},
        {"channel": "pigeon"},
        {"behavioral_criteria": {"event": "x", "count": {"op": "gte", "value": 10**30}}},
    ]
    for case in cases:
        status, body = await post_validate(client, acme, case)
        assert status == 422, case
        assert body["error_code"] == "validation_error"
