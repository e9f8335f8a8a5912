"""Rules on personal data are refused without view_pii: no count, sample, evaluation or
explanation may serve as an oracle of a contact's email, name, birth date or whereabouts."""

from __future__ import annotations

from typing import Any

import pytest
from httpx import AsyncClient, Response

from crm_common.db import Database

from .conftest import Audience, make_segment

EMAIL_PREFIX = {"demographic_criteria": {"field": "email", "op": "starts_with", "value": "ann"}}
EMAIL_EXACT = {
    "demographic_criteria": {"field": "email", "op": "eq", "value": "ann.lee@example.com"}
}


def assert_pii_refused(response: Response, path: str) -> None:
    assert response.status_code == 403, response.text
    body = response.json()
    assert body["error_code"] == "pii_filter_denied"  # the contact list's PII filter error
    assert path in body["details"]["paths"]


def assert_operator_refused(response: Response, path: str) -> None:
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert f"{path}.op" in body["details"]["fields"]


async def post(client: AsyncClient, url: str, headers: dict[str, str], body: Any) -> Response:
    return await client.post(url, json=body, headers=headers)


async def test_email_prefix_oracle_refused_without_view_pii(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    acme = audience.acme
    path = "demographic_criteria"
    # Sealed addresses can only be matched whole (by keyed hash): a prefix rule is refused
    # for everyone, view_pii or not.
    for headers in (acme.analyst, acme.manager, acme.admin):
        for url in ("/api/segments/validate/", "/api/segments/estimate/"):
            assert_operator_refused(await post(client, url, headers, EMAIL_PREFIX), path)
    # A whole address is still an oracle: refused without view_pii.
    for headers in (acme.analyst, acme.manager):
        assert_pii_refused(
            await post(client, "/api/segments/validate/", headers, EMAIL_EXACT), path
        )
        assert_pii_refused(
            await post(client, "/api/segments/estimate/", headers, EMAIL_EXACT), path
        )
    segment = await make_segment(db, audience.campaign, **EMAIL_EXACT)
    evaluated = await client.post(f"/api/segments/{segment.id}/evaluate/", headers=acme.manager)
    assert_pii_refused(evaluated, path)
    explained = await client.get(
        f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/", headers=acme.analyst
    )
    assert_pii_refused(explained, path)
    # A principal with view_pii runs the same rules.
    assert (await post(client, "/api/segments/validate/", acme.admin, EMAIL_EXACT)).json() == {
        "valid": True
    }
    estimate = await post(client, "/api/segments/estimate/", acme.admin, EMAIL_EXACT)
    assert estimate.json()["matched"] == 1
    ok = await client.post(f"/api/segments/{segment.id}/evaluate/", headers=acme.admin)
    assert ok.status_code == 200, ok.text
    explained = await client.get(
        f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/", headers=acme.admin
    )
    assert explained.json()["matched"] is True


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (
            {"demographic_criteria": {"not": {"field": "email", "op": "in", "value": ["b@x.io"]}}},
            "demographic_criteria.not",
        ),
        (
            {
                "demographic_criteria": {
                    "any": [
                        {"field": "country", "op": "eq", "value": "US"},
                        {"field": "email", "op": "neq", "value": "ann.lee@example.com"},
                    ]
                }
            },
            "demographic_criteria.any[1]",
        ),
        (
            {"demographic_criteria": {"field": "birth_date", "op": "eq", "value": "1990-06-15"}},
            "demographic_criteria",
        ),
        (
            {"geographic_criteria": {"field": "postal_code", "op": "in", "value": ["10001"]}},
            "geographic_criteria",
        ),
        (
            {
                "geographic_criteria": {
                    "field": "location",
                    "op": "within_radius",
                    "value": {"lat": 40.7128, "lon": -74.006, "km": 0.01},
                }
            },
            "geographic_criteria",
        ),
        (
            {"demographic_criteria": {"field": "attributes.Work-Email", "op": "eq", "value": "x"}},
            "demographic_criteria",
        ),
        (
            {
                "behavioral_criteria": {
                    "event": "purchase",
                    "where": [{"field": "email", "op": "starts_with", "value": "a"}],
                }
            },
            "behavioral_criteria.where[0]",
        ),
    ],
)
async def test_pii_rule_anywhere_is_refused_without_view_pii(
    client: AsyncClient, audience: Audience, body: dict[str, Any], path: str
) -> None:
    for url in ("/api/segments/validate/", "/api/segments/estimate/"):
        assert_pii_refused(await post(client, url, audience.acme.analyst, body), path)
        assert (await post(client, url, audience.acme.admin, body)).status_code == 200


async def test_presence_of_a_pii_field_and_coarse_fields_stay_allowed(
    client: AsyncClient, audience: Audience
) -> None:
    body = {
        "demographic_criteria": {
            "all": [
                {"field": "email", "op": "is_set"},
                {"field": "age", "op": "between", "value": [30, 40]},
                {"field": "city", "op": "eq", "value": "New York"},
            ]
        }
    }
    response = await post(client, "/api/segments/estimate/", audience.acme.analyst, body)
    assert response.status_code == 200, response.text
    assert response.json()["matched"] == 1
