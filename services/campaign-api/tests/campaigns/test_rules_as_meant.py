"""Campaign rules that say what they mean: a multi-channel campaign shares every channel, date
errors name the dates, a new campaign cannot have ended, dates are echoed in UTC."""

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from crm_common.models import CampaignSegment


async def _planned(client, admin, act, payload, **overrides) -> dict:
    response = await client.post("/api/campaigns/", json=payload(**overrides), headers=admin)
    assert response.status_code == 201, response.text
    campaign = response.json()
    planned = await act(admin, campaign["id"], "plan")
    assert planned.status_code == 200, planned.text
    return campaign


async def test_a_multi_channel_campaign_conflicts_on_each_channel_it_covers(
    client, admin, funded, payload, act, start_date
) -> None:
    multi = await _planned(client, admin, act, payload, primary_channel="multi_channel")
    overlapping = {
        "start_date": (start_date + timedelta(days=5)).isoformat(),
        "end_date": (start_date + timedelta(days=50)).isoformat(),
    }
    later = {
        "start_date": (start_date + timedelta(days=31)).isoformat(),
        "end_date": (start_date + timedelta(days=60)).isoformat(),
    }

    clashes = {
        channel: await client.post(
            "/api/campaigns/",
            json=payload(primary_channel=channel, **overlapping),
            headers=admin,
        )
        for channel in ("email", "sms", "social", "direct_mail", "multi_channel")
    }
    after = await client.post(  # (no budget: a later fiscal year has none)
        "/api/campaigns/",
        json=payload(primary_channel="sms", total_budget="0", **later),
        headers=admin,
    )

    for channel, clash in clashes.items():
        assert clash.status_code == 409, (channel, clash.text)
        details = clash.json()["details"]
        assert clash.json()["error_code"] == "schedule_conflict"
        assert details["conflicting_campaigns"][0]["id"] == multi["id"]
        assert details["conflicting_campaigns"][0]["primary_channel"] == "multi_channel"
        expected = (
            ["direct_mail", "email", "sms", "social"] if channel == "multi_channel" else [channel]
        )
        assert details["conflicting_campaigns"][0]["shared_channels"] == expected
    assert after.status_code == 201


async def test_a_single_channel_campaign_blocks_a_multi_channel_one_on_its_channel(
    client, admin, funded, payload, act
) -> None:
    sms = await _planned(client, admin, act, payload, primary_channel="sms")

    multi = await client.post(
        "/api/campaigns/", json=payload(primary_channel="multi_channel"), headers=admin
    )
    email = await client.post(
        "/api/campaigns/", json=payload(primary_channel="email"), headers=admin
    )

    assert multi.status_code == 409
    details = multi.json()["details"]
    assert details["channels"] == ["direct_mail", "email", "sms", "social"]
    assert details["conflicting_campaigns"] == [
        {
            "id": sms["id"],
            "campaign_code": sms["campaign_code"],
            "primary_channel": "sms",
            "shared_channels": ["sms"],
        }
    ]
    assert email.status_code == 201


async def test_planning_a_multi_channel_draft_checks_every_channel(
    client, admin, funded, payload, act
) -> None:
    await _planned(client, admin, act, payload, primary_channel="social")
    draft = await client.post(
        "/api/campaigns/", json=payload(primary_channel="multi_channel"), headers=admin
    )

    assert draft.status_code == 409  # checked at creation already
    other_dates = payload(
        primary_channel="email",
        total_budget="0",
        start_date=(datetime.now(UTC) + timedelta(days=100)).isoformat(),
        end_date=(datetime.now(UTC) + timedelta(days=110)).isoformat(),
    )
    created = await client.post("/api/campaigns/", json=other_dates, headers=admin)
    assert created.status_code == 201
    campaign = created.json()
    # Moving the draft onto the social campaign's dates as a multi-channel campaign clashes.
    moved = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={
            "primary_channel": "multi_channel",
            "start_date": payload()["start_date"],
            "end_date": payload()["end_date"],
        },
        headers={**admin, "If-Match": f'"{campaign["version"]}"'},
    )

    assert moved.status_code == 409, moved.text
    assert moved.json()["details"]["conflicting_campaigns"][0]["shared_channels"] == ["social"]


@pytest.mark.parametrize("gap", [timedelta(0), timedelta(days=-1)])
async def test_start_after_end_is_reported_on_the_dates(
    client, admin, funded, payload, start_date, gap
) -> None:
    response = await client.post(
        "/api/campaigns/",
        json=payload(end_date=(start_date + gap).isoformat()),
        headers=admin,
    )

    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert set(fields) == {"start_date", "end_date"}
    assert "body" not in fields


async def test_an_update_putting_start_after_end_is_reported_on_the_dates(
    client, admin, funded, create_campaign, start_date
) -> None:
    campaign = await create_campaign(admin)

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"end_date": (start_date - timedelta(days=1)).isoformat()},
        headers={**admin, "If-Match": f'"{campaign["version"]}"'},
    )

    assert response.status_code == 422
    assert set(response.json()["details"]["fields"]) == {"start_date", "end_date"}


async def test_a_new_campaign_that_has_already_ended_is_refused(
    client, admin, funded, payload
) -> None:
    now = datetime.now(UTC)
    ended = await client.post(
        "/api/campaigns/",
        json=payload(
            start_date=(now - timedelta(days=10)).isoformat(),
            end_date=(now - timedelta(minutes=1)).isoformat(),
        ),
        headers=admin,
    )
    running = await client.post(
        "/api/campaigns/",
        json=payload(
            start_date=(now - timedelta(days=10)).isoformat(),
            end_date=(now + timedelta(days=1)).isoformat(),
        ),
        headers=admin,
    )

    assert ended.status_code == 422
    assert ended.json()["details"]["fields"] == {"end_date": ["must be in the future"]}
    assert running.status_code == 201
    assert "start_date_in_past" in [w["code"] for w in running.json()["validation_warnings"]]


def _utc_z(value: str) -> datetime:
    assert value.endswith("Z"), value
    return datetime.fromisoformat(value)


async def test_dates_are_echoed_in_utc_on_create_and_read(
    client, admin, funded, payload, start_date
) -> None:
    paris = timezone(timedelta(hours=2))
    start = start_date.astimezone(paris)
    end = (start_date + timedelta(days=30)).astimezone(paris)

    created = await client.post(
        "/api/campaigns/",
        json=payload(start_date=start.isoformat(), end_date=end.isoformat()),
        headers=admin,
    )
    body = created.json()
    read = await client.get(f"/api/campaigns/{body['id']}/", headers=admin)
    listed = await client.get("/api/campaigns/", headers=admin)
    patched = await client.patch(
        f"/api/campaigns/{body['id']}/",
        json={"end_date": (end + timedelta(days=1)).isoformat()},
        headers={**admin, "If-Match": f'"{body["version"]}"'},
    )

    assert created.status_code == 201, created.text
    for name in ("start_date", "end_date", "created_at", "updated_at"):
        assert body[name] == read.json()[name] == listed.json()["items"][0][name]
        _utc_z(body[name])
    assert _utc_z(body["start_date"]) == start
    assert _utc_z(body["end_date"]) == end
    assert _utc_z(patched.json()["end_date"]) == end + timedelta(days=1)


async def test_a_segments_counts_are_named_matched_and_sendable(
    client, admin, funded, create_campaign, add_segment, db
) -> None:
    campaign = await create_campaign(admin)
    segment = await add_segment(admin, campaign["id"])
    async with db.system_session() as session:
        await session.execute(
            update(CampaignSegment)
            .where(CampaignSegment.id == uuid.UUID(segment["id"]))
            .values(target_count=120, actual_count=97)
        )

    read = await client.get(f"/api/campaign-segments/{segment['id']}/", headers=admin)
    detail = await client.get(
        f"/api/campaigns/{campaign['id']}/?include_segments=true", headers=admin
    )
    document = await client.get("/openapi.json")

    assert segment["matched_count"] == segment["sendable_count"] == 0
    assert segment["audience_analysis"]["matched_count"] == 0
    assert (read.json()["matched_count"], read.json()["sendable_count"]) == (120, 97)
    summary = detail.json()["segments"][0]
    assert (summary["matched_count"], summary["sendable_count"]) == (120, 97)
    properties = document.json()["components"]["schemas"]["SegmentRead"]["properties"]
    assert "before consent and suppression" in properties["matched_count"]["description"]
    assert "consent" in properties["sendable_count"]["description"]
