"""GET /api/segments/{id}/explain/{contact_id}/: rule by rule, and always in agreement with the
materialised membership."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from httpx import AsyncClient

from crm_common.db import Database

from ..rules.conftest import insert_contacts, make_campaign
from .conftest import Audience, make_segment, suppress

SEGMENTS: dict[str, dict[str, Any]] = {
    "geo": {"geographic_criteria": {"field": "country", "op": "in", "value": ["US", "FJ", "GB"]}},
    "buyers": {
        "behavioral_criteria": {
            "event": "purchase",
            "count": {"op": "gte", "value": 2},
            "within_days": 30,
        }
    },
    "mixed": {
        "demographic_criteria": {
            "any": [
                {"field": "gender", "op": "eq", "value": "female"},
                {"field": "attributes.tier", "op": "in", "value": ["silver", "Gold"]},
            ]
        },
        "behavioral_criteria": {"not": {"event": "email_open", "within_days": 2}},
        "psychographic_criteria": {"field": "lifestyle", "op": "contains_none", "value": ["rural"]},
        "geographic_criteria": {"field": "location", "op": "is_set"},
    },
    "lapsed": {
        "behavioral_criteria": {
            "all": [
                {"event": "purchase"},
                {"event": "purchase", "occurrence": "last", "within_days": 30, "where": []},
            ]
        }
    },
}


async def explain(
    client: AsyncClient, headers: dict[str, str], segment_id: uuid.UUID, contact_id: uuid.UUID
) -> dict[str, Any]:
    response = await client.get(
        f"/api/segments/{segment_id}/explain/{contact_id}/", headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("name", list(SEGMENTS))
async def test_explanations_agree_with_membership(
    client: AsyncClient, db: Database, audience: Audience, name: str
) -> None:
    await suppress(db, audience.acme.company.id, "fiji@test.org")
    segment = await make_segment(db, audience.campaign, **SEGMENTS[name])
    response = await client.post(
        f"/api/segments/{segment.id}/evaluate/", headers=audience.acme.manager
    )
    assert response.status_code == 200
    members = response.json()["sendable"]
    in_segment = 0
    for contact_id in audience.ids.values():
        explanation = await explain(client, audience.acme.analyst, segment.id, contact_id)
        assert explanation["in_segment"] == explanation["is_member"], explanation
        assert explanation["in_segment"] == (explanation["matched"] and explanation["sendable"])
        top = [tree["result"] for tree in explanation["criteria"]]
        assert explanation["matched"] == all(top)
        in_segment += explanation["in_segment"]
    assert in_segment == members


async def test_explanation_walks_every_node(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **SEGMENTS["mixed"])
    result = await explain(client, audience.acme.analyst, segment.id, audience.ids["c2"])
    by_name = {tree["criteria"]: tree["rule"] for tree in result["criteria"]}
    demographic = by_name["demographic_criteria"]
    assert demographic["type"] == "any"
    assert demographic["result"] is True
    gender, tier = demographic["children"]
    assert gender == {
        "path": "demographic_criteria.any[0]",
        "type": "condition",
        "field": "gender",
        "op": "eq",
        "value": "female",
        "result": False,
        "actual": "male",
    }
    assert (tier["path"], tier["result"], tier["actual"]) == (
        "demographic_criteria.any[1]",
        True,
        "silver",
    )
    behavioural = by_name["behavioral_criteria"]
    assert behavioural["type"] == "not"
    assert behavioural["result"] is True
    child = behavioural["child"]
    assert child["path"] == "behavioral_criteria.not"
    assert child["type"] == "event"
    assert child["result"] is False
    assert child["observed"]["count"] == 0
    assert result["matched"] is True
    assert result["channel"] == "email"
    assert result["consented"] is True
    assert result["suppressed"] is False
    assert result["in_segment"] is True
    assert result["is_member"] is False  # never evaluated
    assert "can be sent" in result["summary"]


async def test_event_observations(client: AsyncClient, db: Database, audience: Audience) -> None:
    segment = await make_segment(db, audience.campaign, **SEGMENTS["buyers"])
    result = await explain(client, audience.acme.analyst, segment.id, audience.ids["c1"])
    rule = result["criteria"][0]["rule"]
    assert rule["count"] == {"op": "gte", "value": 2}
    assert rule["within_days"] == 30
    assert rule["result"] is True
    observed = rule["observed"]
    assert observed["count"] == 2  # two purchases in 30 days, a third 100 days ago
    assert observed["first_at"] < observed["last_at"]


async def test_reasons_for_exclusion(client: AsyncClient, db: Database, audience: Audience) -> None:
    await suppress(db, audience.acme.company.id, "bob@example.com")
    segment = await make_segment(db, audience.campaign, **SEGMENTS["geo"])
    bob = await explain(client, audience.acme.analyst, segment.id, audience.ids["c2"])
    assert (bob["matched"], bob["consented"], bob["suppressed"], bob["in_segment"]) == (
        True,
        True,
        True,
        False,
    )
    assert bob["no_address"] is False
    assert "suppressed for email" in bob["summary"]
    carol = await explain(client, audience.acme.analyst, segment.id, audience.ids["c4"])
    assert (carol["matched"], carol["consented"], carol["in_segment"]) == (True, False, False)
    assert "not consented to email" in carol["summary"]
    dieter = await explain(client, audience.acme.analyst, segment.id, audience.ids["c3"])
    assert dieter["matched"] is False
    assert "does not match" in dieter["summary"]


async def test_actual_values_of_pii_fields_are_masked_without_view_pii(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(
        db,
        audience.campaign,
        demographic_criteria={
            "all": [
                {"field": "email", "op": "is_set"},
                {"field": "age", "op": "gt", "value": 18},
            ]
        },
    )
    masked = await explain(client, audience.acme.analyst, segment.id, audience.ids["c1"])
    email, age = masked["criteria"][0]["rule"]["children"]
    assert email["actual"] == "a***@e***.com"
    assert age["actual"] is None
    assert email["result"] is True
    clear = await explain(client, audience.acme.admin, segment.id, audience.ids["c1"])
    email, age = clear["criteria"][0]["rule"]["children"]
    assert email["actual"] == "ann.lee@example.com"
    assert isinstance(age["actual"], int)


async def test_unknown_or_foreign_contact_is_not_found(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **SEGMENTS["geo"])
    foreign = await insert_contacts(db, audience.globex.company.id, {"g1": {"country": "US"}})
    for contact_id in (foreign["g1"], audience.twin_id, uuid.uuid4()):
        response = await client.get(
            f"/api/segments/{segment.id}/explain/{contact_id}/", headers=audience.acme.admin
        )
        assert response.status_code == 404
        assert response.json()["error_code"] == "contact_not_found"


async def test_a_contact_without_an_address_on_the_channel_is_not_sendable(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    # Carol consents to SMS but has no phone number: a launch could not text her.
    sms_campaign = await make_campaign(db, audience.acme.company, primary_channel="sms")
    segment = await make_segment(db, sms_campaign, **SEGMENTS["geo"])
    carol = await explain(client, audience.acme.analyst, segment.id, audience.ids["c4"])
    assert (carol["matched"], carol["consented"], carol["suppressed"]) == (True, True, False)
    assert (carol["no_address"], carol["sendable"], carol["in_segment"]) == (True, False, False)
    assert "no address for sms" in carol["summary"]
    ann = await explain(client, audience.acme.analyst, segment.id, audience.ids["c1"])
    assert (ann["no_address"], ann["sendable"]) == (False, True)
