"""Launch requests: idempotent under an Idempotency-Key, and refused unless everything holds."""

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from crm_common.models import (
    Campaign,
    CampaignTemplate,
    CampaignTemplateLink,
    IdempotencyKey,
    Launch,
    OutboxEvent,
)
from crm_common.testing.builders import make_contacts


@pytest.fixture
async def audience(db, acme):
    """Acme has a contact in Germany (the segments' country) who may be sent email."""
    return await make_contacts(db, acme, 1, country="DE")


@pytest.fixture
async def ready(create_campaign, admin, funded, add_segment, give_message, act, audience):
    """A planned campaign with one segment, a message and a sendable audience."""
    campaign = await create_campaign(admin)
    campaign["segment"] = await add_segment(admin, campaign["id"])
    await give_message(campaign["id"])
    await act(admin, campaign["id"], "plan")
    return campaign


def _launch(client, headers, campaign, key="launch-key-0001", body=None, **extra):
    return client.post(
        f"/api/campaigns/{campaign['id']}/launch/",
        json=body,
        headers={**headers, "Idempotency-Key": key, **extra},
    )


async def test_launch_records_a_request_and_its_event(client, admin, ready, db) -> None:
    response = await _launch(client, admin, ready, body={"throttle_per_minute": 600})

    body = response.json()
    assert response.status_code == 202
    # Where the launch's progress is read.
    assert response.headers["location"] == f"/api/launches/{body['launch']['id']}/"
    # The campaign stays planned until the launch worker starts sending.
    assert body["campaign"]["campaign_status"] == "planned"
    assert body["launch"]["launch_status"] == "scheduled"
    assert body["launch"]["parameters"] == {
        "channels": ["email"],
        "segment_ids": [ready["segment"]["id"]],
        "throttle_per_minute": 600,
    }
    assert body["tracking"]["events"] == ["campaign.launch_progress", "campaign.launched"]
    async with db.system_session() as session:
        launch = (await session.execute(select(Launch))).scalar_one()
        event = (
            await session.execute(
                select(OutboxEvent.envelope).where(
                    OutboxEvent.event_type == "campaign.launch_requested"
                )
            )
        ).scalar_one()
        key = (await session.execute(select(IdempotencyKey))).scalar_one()
    assert str(launch.id) == body["launch"]["id"]
    assert launch.idempotency_key == "launch-key-0001"
    assert event["data"]["campaign_id"] == ready["id"]
    assert event["data"]["launch_id"] == body["launch"]["id"]
    assert key.response_status == 202
    assert key.expires_at - key.created_at >= timedelta(hours=24)


async def test_a_launch_starting_now_is_requested(client, admin, ready, db) -> None:
    now = datetime.now(UTC)
    async with db.system_session() as session:
        await session.execute(update(Campaign).values(start_date=now - timedelta(days=1)))

    response = await _launch(client, admin, ready)

    assert response.json()["launch"]["launch_status"] == "requested"


async def test_the_same_key_replays_the_first_response(client, admin, ready, db) -> None:
    first = await _launch(client, admin, ready)
    replay = await _launch(client, admin, ready)

    assert replay.status_code == 202
    assert replay.json() == first.json()
    assert replay.headers["Idempotent-Replayed"] == "true"
    async with db.system_session() as session:
        assert len((await session.execute(select(Launch))).scalars().all()) == 1


async def test_concurrent_requests_with_one_key_launch_once(client, admin, ready, db) -> None:
    responses = await asyncio.gather(
        *(_launch(client, admin, ready, key="same-concurrent-key") for _ in range(5))
    )

    assert [r.status_code for r in responses] == [202] * 5
    assert len({r.json()["launch"]["id"] for r in responses}) == 1
    async with db.system_session() as session:
        assert len((await session.execute(select(Launch))).scalars().all()) == 1


async def test_the_same_key_with_other_parameters_is_422(client, admin, ready) -> None:
    await _launch(client, admin, ready)

    response = await _launch(client, admin, ready, body={"throttle_per_minute": 5})

    assert response.status_code == 422
    assert response.json()["error_code"] == "idempotency_key_reused"


async def test_the_key_is_required_and_well_formed(client, admin, ready) -> None:
    missing = await client.post(f"/api/campaigns/{ready['id']}/launch/", headers=admin)
    short = await _launch(client, admin, ready, key="short")

    assert missing.status_code == 422
    assert "Idempotency-Key" in missing.json()["details"]["fields"]
    assert short.status_code == 422


async def test_a_second_launch_while_one_is_in_flight_is_refused(client, admin, ready) -> None:
    await _launch(client, admin, ready)

    response = await _launch(client, admin, ready, key="launch-key-0002")

    assert response.status_code == 409
    assert response.json()["error_code"] == "launch_in_progress"


async def test_a_failed_check_leaves_the_key_free(
    client, admin, create_campaign, funded, add_segment, give_message, act, audience
) -> None:
    campaign = await create_campaign(admin)
    await add_segment(admin, campaign["id"])
    await give_message(campaign["id"])

    draft = await _launch(client, admin, campaign)
    await act(admin, campaign["id"], "plan")
    retried = await _launch(client, admin, campaign)

    assert draft.status_code == 409
    assert draft.json()["error_code"] == "invalid_status_transition"
    assert retried.status_code == 202


async def test_a_campaign_without_segments_cannot_launch(
    client, admin, create_campaign, funded, act
) -> None:
    campaign = await create_campaign(admin)
    await act(admin, campaign["id"], "plan")

    response = await _launch(client, admin, campaign)

    assert response.status_code == 409
    assert response.json()["error_code"] == "no_segments"


@pytest.mark.parametrize("status", ["draft", "paused", "completed", "cancelled"])
async def test_only_planned_or_active_campaigns_launch(client, admin, ready, db, status) -> None:
    async with db.system_session() as session:
        await session.execute(update(Campaign).values(campaign_status=status))

    response = await _launch(client, admin, ready)

    assert response.status_code == 409


async def test_an_ended_campaign_cannot_launch(client, admin, ready, db) -> None:
    now = datetime.now(UTC)
    async with db.system_session() as session:
        await session.execute(
            update(Campaign).values(
                start_date=now - timedelta(days=9), end_date=now - timedelta(days=1)
            )
        )

    response = await _launch(client, admin, ready)

    assert response.status_code == 409
    assert response.json()["error_code"] == "campaign_ended"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"channels": ["sms"]}, "channels"),
        ({"segment_ids": [str(uuid.uuid4())]}, "segment_ids"),
        ({"scheduled_at": "2001-01-01T00:00:00+00:00"}, "scheduled_at"),
        ({"scheduled_at": "2099-01-01T00:00:00+00:00"}, "scheduled_at"),
        # Before the campaign's start date (in ten days): nothing goes out before it starts.
        ({"scheduled_at": (datetime.now(UTC) + timedelta(days=1)).isoformat()}, "scheduled_at"),
    ],
)
async def test_launch_parameters_must_fit_the_campaign(client, admin, ready, body, field) -> None:
    response = await _launch(client, admin, ready, body=body)

    assert response.status_code == 422
    assert field in response.json()["details"]["fields"]


async def test_a_campaign_without_a_message_cannot_launch(
    client, admin, create_campaign, funded, add_segment, act, audience
) -> None:
    campaign = await create_campaign(admin)
    await add_segment(admin, campaign["id"])
    await act(admin, campaign["id"], "plan")
    empty = await client.post(
        f"/api/campaigns/{campaign['id']}/variants/",
        json={"variant_name": "A", "subject": "Hi", "weight": 100},
        headers=admin,
    )
    assert empty.status_code == 201, empty.text

    refused = await _launch(client, admin, campaign)

    assert refused.status_code == 409
    assert refused.json()["error_code"] == "no_message"
    filled = await client.patch(
        f"/api/campaigns/{campaign['id']}/variants/{empty.json()['id']}/",
        json={"content": "<p>Spring is here</p>"},
        headers=admin,
    )
    assert filled.status_code == 200, filled.text
    assert (await _launch(client, admin, campaign, key="launch-key-0002")).status_code == 202


async def test_multi_channel_campaigns_launch_on_a_chosen_subset(
    client, admin, create_campaign, funded, add_segment, give_message, act, audience
) -> None:
    campaign = await create_campaign(admin, primary_channel="multi_channel")
    await add_segment(admin, campaign["id"])
    await give_message(campaign["id"])
    await act(admin, campaign["id"], "plan")

    response = await _launch(client, admin, campaign, body={"channels": ["sms", "email", "sms"]})

    assert response.json()["launch"]["parameters"]["channels"] == ["email", "sms"]


async def test_a_stale_if_match_is_refused_but_a_replay_is_not(client, admin, ready) -> None:
    # Created, given a segment (one write of the campaign), planned.
    first = await _launch(client, admin, ready, **{"If-Match": f'"{ready["version"] + 2}"'})
    replay = await _launch(client, admin, ready, **{"If-Match": '"1"'})
    stale = await _launch(client, admin, ready, key="another-key-1", **{"If-Match": '"1"'})

    assert first.status_code == 202
    assert replay.status_code == 202
    assert stale.status_code == 412


async def test_an_active_campaign_can_launch_again_once_the_last_launch_finished(
    client, admin, ready, db
) -> None:
    await _launch(client, admin, ready)
    async with db.system_session() as session:
        await session.execute(update(Launch).values(launch_status="completed"))
        await session.execute(update(Campaign).values(campaign_status="active"))

    again = await _launch(client, admin, ready, key="launch-key-0002")

    assert again.status_code == 202
    assert again.json()["campaign"]["campaign_status"] == "active"


async def test_an_ab_test_phase_needs_two_variants_and_is_handed_to_the_worker(
    client, admin, ready
) -> None:
    phase = {"sample_percent": 20, "wait_minutes": 30, "metric": "click_rate"}
    alone = await _launch(client, admin, ready, body={"ab_test": phase})
    assert alone.status_code == 422
    assert alone.json()["details"]["fields"] == {
        "ab_test": ["the campaign needs at least two A/B variants"]
    }
    for name, weight in (("A", 50), ("B", 50)):
        added = await client.post(
            f"/api/campaigns/{ready['id']}/variants/",
            json={"variant_name": name, "subject": "Hi", "content": "<p>Hi</p>", "weight": weight},
            headers=admin,
        )
        assert added.status_code == 201, added.text
    for bad in ({"sample_percent": 0}, {"sample_percent": 20, "metric": "revenue"}):
        refused = await _launch(client, admin, ready, key="launch-key-bad", body={"ab_test": bad})
        assert refused.status_code == 422
        assert any(key.startswith("ab_test") for key in refused.json()["details"]["fields"])

    launched = await _launch(client, admin, ready, key="launch-key-ab", body={"ab_test": phase})

    assert launched.status_code == 202, launched.text
    assert launched.json()["launch"]["parameters"]["ab_test"] == phase


async def test_no_submission_for_approval_while_a_launch_is_requested(client, admin, ready) -> None:
    """The launch would make a campaign waiting for approval active: refused, not left to
    fail in the worker."""
    launched = await _launch(client, admin, ready)
    assert launched.status_code == 202, launched.text

    submitted = await client.post(
        f"/api/campaigns/{ready['id']}/submit-for-approval/", json={}, headers=admin
    )

    assert submitted.status_code == 409
    assert submitted.json()["error_code"] == "launch_in_progress"
    assert submitted.json()["details"]["launch_id"] == launched.json()["launch"]["id"]
    campaign = (await client.get(f"/api/campaigns/{ready['id']}/", headers=admin)).json()
    assert campaign["approval_status"] == ready["approval_status"]


async def test_a_threshold_lowered_since_holds_the_launch_until_approval(
    client, admin, ready, funded, db
) -> None:
    """The campaign needed no approval when its budget was set; the budget's threshold was
    lowered below it since: it is not activated until it is submitted and approved."""
    async with db.system_session() as session:
        await session.execute(
            update(type(funded))
            .where(type(funded).id == funded.id)
            .values(approval_threshold=Decimal("1.00"))
        )

    refused = await _launch(client, admin, ready)
    state = await client.get(f"/api/campaigns/{ready['id']}/", headers=admin)

    assert ready["approval_status"] == "not_required"
    assert refused.status_code == 409
    assert refused.json()["error_code"] == "approval_required"
    assert refused.json()["details"] == {
        "approval_status": "not_required",
        "approval_required": True,
    }
    assert state.json()["approval_status"] == "not_required"


async def _template_says(db, campaign_id: str, content: str) -> None:
    async with db.system_session() as session:
        link = (
            await session.execute(
                select(CampaignTemplateLink).where(
                    CampaignTemplateLink.campaign_id == uuid.UUID(campaign_id)
                )
            )
        ).scalar_one()
        template = await session.get(CampaignTemplate, link.template_id)
        assert template is not None
        template.content_template = content


async def test_a_message_that_renders_for_no_recipient_is_refused(client, admin, ready, db) -> None:
    """Nobody has `attributes.coupon`: every delivery would fail, so nothing is launched."""
    await _template_says(db, ready["id"], "<p>Your code {{ attributes.coupon }}</p>")

    refused = await _launch(client, admin, ready)

    assert refused.status_code == 422
    body = refused.json()
    assert body["error_code"] == "message_render_failed"
    assert body["details"]["channel"] == "email"
    assert body["details"]["failed"] == body["details"]["sampled"] == 1
    assert "coupon" in body["details"]["reason"]
    async with db.system_session() as session:
        assert (await session.execute(select(Launch))).first() is None


async def test_a_message_that_fails_for_some_recipients_launches_with_a_warning(
    client, admin, ready, db, acme
) -> None:
    await make_contacts(db, acme, 1, country="DE", attributes={"coupon": "X1"})
    await _template_says(db, ready["id"], "<p>Your code {{ attributes.coupon }}</p>")

    launched = await _launch(client, admin, ready)

    assert launched.status_code == 202, launched.text
    [warning] = [
        w
        for w in launched.json()["validation_warnings"]
        if w["code"] == "message_render_failed_for_some"
    ]
    assert "1 of 2 sampled recipients" in warning["message"]
