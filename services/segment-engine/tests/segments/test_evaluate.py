"""POST /api/segments/{id}/evaluate/ and GET /api/segments/{id}/members/."""

from __future__ import annotations

import uuid
from typing import Any

from httpx import AsyncClient
from sqlalchemy import select, update

from crm_common.db import Database
from crm_common.models import (
    CampaignSegment,
    Contact,
    OutboxEvent,
    SegmentEvaluation,
    SegmentMembership,
)

from ..rules.conftest import insert_contacts, make_campaign
from .conftest import Audience, make_segment, suppress

US_OR_FIJI = {"geographic_criteria": {"field": "country", "op": "in", "value": ["US", "FJ"]}}


async def evaluate(client: AsyncClient, headers: dict[str, str], segment_id: uuid.UUID) -> Any:
    response = await client.post(f"/api/segments/{segment_id}/evaluate/", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def member_ids(db: Database, segment_id: uuid.UUID) -> set[uuid.UUID]:
    async with db.system_session() as session:
        statement = select(SegmentMembership.contact_id).where(
            SegmentMembership.segment_id == segment_id
        )
        return set((await session.execute(statement)).scalars())


async def test_evaluate_materialises_the_sendable_audience(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    await suppress(db, audience.acme.company.id, "bob@example.com")
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    result = await evaluate(client, audience.acme.manager, segment.id)
    assert result["segment_id"] == str(segment.id)
    assert result["campaign_id"] == str(audience.campaign.id)
    assert result["channel"] == "email"
    assert (result["matched"], result["sendable"]) == (3, 2)
    assert "member_count" not in result  # one name per count: matched, sendable
    assert (result["added"], result["removed"]) == (2, 0)
    assert result["excluded"] == {"no_consent": 0, "suppressed": 1, "no_address": 0}
    assert audience.names({str(i) for i in await member_ids(db, segment.id)}) == {"c1", "c6"}
    async with db.system_session() as session:
        stored = await session.get(CampaignSegment, segment.id)
        assert stored is not None
        assert (stored.target_count, stored.actual_count) == (3, 2)
        assert stored.last_evaluated_at is not None
        evaluation = (await session.execute(select(SegmentEvaluation))).scalar_one()
        assert str(evaluation.id) == result["evaluation_id"]
        assert (evaluation.matched, evaluation.member_count, evaluation.added) == (3, 2, 2)
        assert evaluation.excluded == {"no_consent": 0, "suppressed": 1, "no_address": 0}


async def test_members_need_an_address_on_the_campaigns_channel(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    # SMS consent: c1 (with a phone) and c4 (without one): only c1 can be texted.
    sms_campaign = await make_campaign(db, audience.acme.company, primary_channel="sms")
    segment = await make_segment(db, sms_campaign)
    result = await evaluate(client, audience.acme.manager, segment.id)
    assert (result["matched"], result["sendable"]) == (6, 1)
    assert result["excluded"] == {"no_consent": 4, "suppressed": 0, "no_address": 1}
    assert audience.names({str(i) for i in await member_ids(db, segment.id)}) == {"c1"}


async def test_evaluate_emits_segment_evaluated_without_pii(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    await evaluate(client, audience.acme.manager, segment.id)
    async with db.system_session() as session:
        events = (
            (
                await session.execute(
                    select(OutboxEvent).where(OutboxEvent.event_type == "segment.evaluated")
                )
            )
            .scalars()
            .all()
        )
    assert len(events) == 1
    envelope = events[0].envelope
    assert envelope["company_id"] == str(audience.acme.company.id)
    data = envelope["data"]
    assert data["segment_id"] == str(segment.id)
    assert data["campaign_id"] == str(audience.campaign.id)
    assert (data["matched"], data["sendable"], data["added"], data["removed"]) == (3, 3, 3, 0)
    text = str(envelope)
    for pii in ("ann.lee", "Ann.Lee", "bob@example.com", "+1555"):
        assert pii not in text


async def test_reevaluation_reports_what_changed(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    first = await evaluate(client, audience.acme.manager, segment.id)
    assert (first["added"], first["removed"], first["sendable"]) == (3, 0, 3)
    again = await evaluate(client, audience.acme.manager, segment.id)
    assert (again["added"], again["removed"], again["sendable"]) == (0, 0, 3)
    # c2 withdraws email consent; a new US contact with consent arrives
    async with db.system_session() as session:
        await session.execute(
            update(Contact).where(Contact.id == audience.ids["c2"]).values(consented_channels=[])
        )
    new = await insert_contacts(
        db,
        audience.acme.company.id,
        {"c7": {"country": "US", "email": "eve@test.org", "consented_channels": ["email"]}},
    )
    changed = await evaluate(client, audience.acme.manager, segment.id)
    assert (changed["added"], changed["removed"], changed["sendable"]) == (1, 1, 3)
    assert changed["excluded"]["no_consent"] == 1
    members = await member_ids(db, segment.id)
    assert new["c7"] in members
    assert audience.ids["c2"] not in members


async def test_evaluation_uses_the_campaign_channel(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    sms_campaign = await make_campaign(db, audience.acme.company, primary_channel="sms")
    segment = await make_segment(db, sms_campaign, **US_OR_FIJI)
    result = await evaluate(client, audience.acme.manager, segment.id)
    assert result["channel"] == "sms"
    assert audience.names({str(i) for i in await member_ids(db, segment.id)}) == {"c1"}


async def test_evaluate_needs_update_campaign(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    response = await client.post(
        f"/api/segments/{segment.id}/evaluate/", headers=audience.acme.analyst
    )
    assert response.status_code == 403
    assert await member_ids(db, segment.id) == set()


async def test_another_tenants_segment_is_not_found(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    for method, path in (
        ("POST", f"/api/segments/{segment.id}/evaluate/"),
        ("GET", f"/api/segments/{segment.id}/members/"),
        ("GET", f"/api/segments/{segment.id}/explain/{audience.ids['c1']}/"),
    ):
        response = await client.request(method, path, headers=audience.globex.admin)
        assert response.status_code == 404, path
        assert response.json()["error_code"] == "segment_not_found"
    missing = await client.post(
        f"/api/segments/{uuid.uuid4()}/evaluate/", headers=audience.acme.admin
    )
    assert missing.status_code == 404


async def test_a_deleted_segment_is_not_found(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    async with db.system_session() as session:
        await session.execute(
            update(CampaignSegment).where(CampaignSegment.id == segment.id).values(is_deleted=True)
        )
    response = await client.post(
        f"/api/segments/{segment.id}/evaluate/", headers=audience.acme.admin
    )
    assert response.status_code == 404


async def test_stored_invalid_rules_are_a_422_with_paths(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(
        db, audience.campaign, behavioral_criteria={"event": "purchase", "within_days": -1}
    )
    response = await client.post(
        f"/api/segments/{segment.id}/evaluate/", headers=audience.acme.admin
    )
    assert response.status_code == 422
    assert "behavioral_criteria.within_days" in response.json()["details"]["fields"]


async def test_members_are_paginated_and_masked(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    await evaluate(client, audience.acme.manager, segment.id)
    seen: list[dict[str, Any]] = []
    for page in (1, 2):
        response = await client.get(
            f"/api/segments/{segment.id}/members/",
            params={"page": page, "page_size": 2},
            headers=audience.acme.analyst,
        )
        assert response.status_code == 200
        body = response.json()
        assert (body["total"], body["page"], body["page_size"]) == (3, page, 2)
        seen.extend(body["items"])
    assert audience.names({m["id"] for m in seen}) == {"c1", "c2", "c6"}
    assert all(m["email"] is None or "***" in m["email"] for m in seen)
    assert all("added_at" in m for m in seen)
    admin = await client.get(f"/api/segments/{segment.id}/members/", headers=audience.acme.admin)
    assert "ann.lee@example.com" in {str(m["email"]).lower() for m in admin.json()["items"]}
    too_big = await client.get(
        f"/api/segments/{segment.id}/members/",
        params={"page_size": 5000},
        headers=audience.acme.admin,
    )
    assert too_big.status_code == 422
