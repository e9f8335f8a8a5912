"""Campaign segments: criteria validated by the shared rule language (422 with the offending
path), an editable campaign, audience analysis, listing and soft delete."""

import asyncio
import uuid

import pytest
from sqlalchemy import func, select, update

from crm_common.models import AuditLog, Campaign, CampaignSegment, OutboxEvent

BEHAVIOURAL = {"event": "email_open", "count": {"op": "gte", "value": 3}, "within_days": 30}


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def test_create_returns_validation_and_audience_analysis(
    client, admin, campaign, add_segment, db
) -> None:
    segment = await add_segment(
        admin,
        campaign["id"],
        segment_type="mixed",
        behavioral_criteria=BEHAVIOURAL,
        demographic_criteria={
            "all": [
                {"field": "age", "op": "gte", "value": 18},
                {"field": "language", "op": "eq", "value": "de"},
            ]
        },
    )

    assert segment["validation"] == {"valid": True, "warnings": []}
    analysis = segment["audience_analysis"]
    assert analysis["criteria_used"] == [
        "demographic_criteria",
        "behavioral_criteria",
        "geographic_criteria",
    ]
    assert analysis["condition_count"] == 4
    assert analysis["behavioural_events"] == ["email_open"]
    assert analysis["evaluated"] is False
    async with db.system_session() as session:
        assert (
            await session.execute(
                select(AuditLog.action).where(AuditLog.action == "segment.created")
            )
        ).scalar_one()
        event = (
            await session.execute(
                select(OutboxEvent.envelope).where(
                    OutboxEvent.event_type == "campaign.segment_created"
                )
            )
        ).scalar_one()
    assert event["data"] == {
        "campaign_id": campaign["id"],
        "segment_id": segment["id"],
        "segment_type": "mixed",
    }


@pytest.mark.parametrize(
    ("criteria", "path"),
    [
        (
            {"behavioral_criteria": {**BEHAVIOURAL, "within_days": 0}},
            "behavioral_criteria.within_days",
        ),
        (
            {"demographic_criteria": {"all": [{"field": "shoe_size", "op": "eq", "value": 1}]}},
            "demographic_criteria.all[0].field",
        ),
        (
            {"demographic_criteria": {"field": "age", "op": "between", "value": 3}},
            "demographic_criteria.value",
        ),
        ({"geographic_criteria": {"any": "Berlin"}}, "geographic_criteria.any"),
    ],
)
async def test_invalid_rules_are_422_with_the_offending_path(
    client, admin, campaign, criteria, path
) -> None:
    body = {
        "campaign_id": campaign["id"],
        "segment_name": "Bad",
        "segment_type": "mixed",
        **criteria,
    }

    response = await client.post("/api/campaign-segments/", json=body, headers=admin)

    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert any(key.startswith(path) for key in fields), fields


async def test_warnings_for_valid_but_doubtful_segments(client, admin, campaign) -> None:
    everyone = await client.post(
        "/api/campaign-segments/",
        json={"campaign_id": campaign["id"], "segment_name": "All", "segment_type": "demographic"},
        headers=admin,
    )
    mismatched = await client.post(
        "/api/campaign-segments/",
        json={
            "campaign_id": campaign["id"],
            "segment_name": "Mismatch",
            "segment_type": "demographic",
            "behavioral_criteria": BEHAVIOURAL,
        },
        headers=admin,
    )

    assert [w["code"] for w in everyone.json()["validation"]["warnings"]] == ["no_criteria"]
    assert [w["code"] for w in mismatched.json()["validation"]["warnings"]] == [
        "segment_type_mismatch"
    ]


async def test_the_campaign_must_exist_and_be_editable(client, admin, campaign, db) -> None:
    body = {"segment_name": "X", "segment_type": "geographic"}

    unknown = await client.post(
        "/api/campaign-segments/", json={**body, "campaign_id": str(uuid.uuid4())}, headers=admin
    )
    async with db.system_session() as session:
        await session.execute(update(Campaign).values(campaign_status="completed"))
    locked = await client.post(
        "/api/campaign-segments/", json={**body, "campaign_id": campaign["id"]}, headers=admin
    )

    assert unknown.status_code == 404
    assert locked.status_code == 409


async def test_patch_put_and_revalidation(client, admin, campaign, add_segment) -> None:
    segment = await add_segment(admin, campaign["id"])
    path = f"/api/campaign-segments/{segment['id']}/"

    renamed = await client.patch(path, json={"segment_name": "Renamed"}, headers=admin)
    broken = await client.patch(path, json={"behavioral_criteria": {"event": ""}}, headers=admin)
    replaced = await client.put(
        path,
        json={
            "segment_name": "Whole",
            "segment_type": "behavioral",
            "behavioral_criteria": BEHAVIOURAL,
        },
        headers=admin,
    )
    null = await client.patch(path, json={"segment_name": None}, headers=admin)
    moved = await client.patch(path, json={"campaign_id": str(uuid.uuid4())}, headers=admin)

    assert renamed.json()["segment_name"] == "Renamed"
    assert broken.status_code == 422
    assert replaced.json()["geographic_criteria"] == {}
    assert replaced.json()["segment_type"] == "behavioral"
    assert null.status_code == 422
    assert moved.status_code == 422


async def test_new_rules_clear_the_old_rules_counts(
    client, admin, campaign, add_segment, db
) -> None:
    segment = await add_segment(admin, campaign["id"])
    async with db.system_session() as session:  # as an evaluation leaves it
        await session.execute(
            update(CampaignSegment)
            .where(CampaignSegment.id == uuid.UUID(segment["id"]))
            .values(target_count=55, actual_count=38, last_evaluated_at=func.now())
        )
    path = f"/api/campaign-segments/{segment['id']}/"

    renamed = (await client.patch(path, json={"segment_name": "Renamed"}, headers=admin)).json()
    retargeted = (
        await client.patch(path, json={"behavioral_criteria": BEHAVIOURAL}, headers=admin)
    ).json()

    # A new name leaves the audience as it was counted; new rules leave nothing counted.
    assert (renamed["matched_count"], renamed["sendable_count"]) == (55, 38)
    assert renamed["last_evaluated_at"] is not None
    assert (retargeted["matched_count"], retargeted["sendable_count"]) == (0, 0)
    assert retargeted["last_evaluated_at"] is None
    assert retargeted["audience_analysis"]["evaluated"] is False


async def test_list_filters(client, admin, campaign, create_campaign, add_segment, db) -> None:
    other = await create_campaign(admin)
    await add_segment(admin, campaign["id"], segment_name="Germany")
    behavioural = await add_segment(
        admin,
        campaign["id"],
        segment_name="Openers",
        segment_type="behavioral",
        behavioral_criteria=BEHAVIOURAL,
    )
    await add_segment(admin, other["id"], segment_name="Elsewhere")
    async with db.system_session() as session:
        await session.execute(
            update(CampaignSegment)
            .where(CampaignSegment.id == uuid.UUID(behavioural["id"]))
            .values(target_count=500)
        )

    async def names(query: str) -> list[str]:
        response = await client.get(f"/api/campaign-segments/?{query}", headers=admin)
        assert response.status_code == 200, response.text
        return sorted(item["segment_name"] for item in response.json()["items"])

    assert await names(f"campaign_id={campaign['id']}") == ["Germany", "Openers"]
    assert await names("segment_type=behavioral") == ["Openers"]
    assert await names("target_count_min=100") == ["Openers"]
    assert await names("target_count_max=100") == ["Elsewhere", "Germany"]
    assert await names("search=ELSE") == ["Elsewhere"]
    assert await names("target_count_range=100-1000") == ["Openers"]
    assert await names("target_count_range=-100") == ["Elsewhere", "Germany"]
    bad_form = await client.get("/api/campaign-segments/?target_count_range=a-b", headers=admin)
    assert bad_form.status_code == 422
    bad_range = await client.get(
        "/api/campaign-segments/?target_count_min=5&target_count_max=1", headers=admin
    )
    assert bad_range.status_code == 422


async def test_delete_is_soft(client, admin, campaign, add_segment, db) -> None:
    segment = await add_segment(admin, campaign["id"])

    deleted = await client.delete(f"/api/campaign-segments/{segment['id']}/", headers=admin)
    again = await client.get(f"/api/campaign-segments/{segment['id']}/", headers=admin)
    history = await client.get(
        f"/api/campaigns/{campaign['id']}/audit/?action=segment.deleted", headers=admin
    )

    assert deleted.status_code == 200
    assert again.status_code == 404
    assert history.json()["total"] == 1


async def test_segment_writes_follow_the_campaign_version(
    client, admin, campaign, add_segment
) -> None:
    """A segment is part of its campaign: every write bumps the campaign's version (its ETag)
    and a stale If-Match is a 412; of ten writes based on one version exactly one lands."""
    segment = await add_segment(admin, campaign["id"])
    url = f"/api/campaign-segments/{segment['id']}/"
    campaign_url = f"/api/campaigns/{campaign['id']}/"
    await client.get(campaign_url, headers=admin)  # cached from here on
    read = await client.get(url, headers=admin)
    version = int(read.headers["ETag"].strip('"'))
    body = {"geographic_criteria": {"all": [{"field": "country", "op": "eq", "value": "FR"}]}}

    racing = await asyncio.gather(
        *(
            client.patch(url, json=body, headers={**admin, "If-Match": f'"{version}"'})
            for _ in range(10)
        )
    )
    statuses = sorted(r.status_code for r in racing)
    stale = {"If-Match": f'"{version}"'}
    put = await client.put(
        url,
        json={"segment_name": "X", "segment_type": "geographic", **body},
        headers={**admin, **stale},
    )
    created = await client.post(
        "/api/campaign-segments/",
        json={
            "campaign_id": campaign["id"],
            "segment_name": "Y",
            "segment_type": "geographic",
            **body,
        },
        headers={**admin, **stale},
    )
    deleted = await client.delete(url, headers={**admin, **stale})
    current = (await client.get(campaign_url, headers=admin)).headers
    fresh = await client.delete(url, headers={**admin, "If-Match": current["ETag"]})

    assert version == campaign["version"] + 1
    assert statuses == [200] + [412] * 9
    landed = next(r for r in racing if r.status_code == 200)
    assert landed.headers["ETag"] == f'"{version + 1}"'
    assert [put.status_code, created.status_code, deleted.status_code] == [412, 412, 412]
    assert put.json()["error_code"] == "precondition_failed"
    assert fresh.status_code == 200
    assert current["ETag"] == f'"{version + 1}"'
    assert fresh.headers["ETag"] == f'"{version + 2}"'
