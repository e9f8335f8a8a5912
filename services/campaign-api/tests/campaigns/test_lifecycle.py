"""Status transitions along the state machine, and the approval gate to becoming active."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from crm_common.campaign_changes import record_status_change
from crm_common.models import AuditLog, Campaign, OutboxEvent
from crm_common.testing.builders import make_contacts

STATUSES = ["draft", "planned", "active", "paused", "completed", "cancelled"]
ACTIONS = {
    "plan": ({"draft"}, "planned"),
    "pause": ({"active"}, "paused"),
    "resume": ({"paused"}, "active"),
    "complete": ({"active"}, "completed"),
    "cancel": ({"draft", "planned", "active", "paused"}, "cancelled"),
}


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def _set(db, campaign_id, **values):
    async with db.system_session() as session:
        await session.execute(update(Campaign).where(Campaign.id == campaign_id).values(**values))


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("action", sorted(ACTIONS))
async def test_every_status_action_pair(client, admin, campaign, db, act, status, action) -> None:
    await _set(db, campaign["id"], campaign_status=status)
    allowed_from, target = ACTIONS[action]

    response = await act(admin, campaign["id"], action)

    if status in allowed_from:
        assert response.status_code == 200, response.text
        assert response.json()["campaign_status"] == target
    else:
        assert response.status_code == 409
        assert response.json()["error_code"] == "invalid_status_transition"
        assert response.json()["details"]["from"] == status


async def _sending_starts(db, campaign_id: str) -> None:
    """What the launch worker does when it starts sending: the campaign becomes active."""
    async with db.system_session() as session:
        row = await session.get(Campaign, uuid.UUID(campaign_id), with_for_update=True)
        assert row is not None
        await record_status_change(
            session, row, "active", action="launch_started", now=datetime.now(UTC)
        )


async def test_the_whole_life_of_a_campaign(
    client, admin, acme, campaign, act, add_segment, give_message, db
) -> None:
    await add_segment(admin, campaign["id"])
    await give_message(campaign["id"])
    await make_contacts(db, acme, 1, country="DE")
    planned = await act(admin, campaign["id"], "plan")
    launched = await client.post(
        f"/api/campaigns/{campaign['id']}/launch/",
        headers={**admin, "Idempotency-Key": "life-key-1"},
    )
    assert launched.json()["campaign"]["campaign_status"] == "planned"
    await _sending_starts(db, campaign["id"])
    steps = [
        planned,
        launched,
        await act(admin, campaign["id"], "pause", {"comment": "holiday"}),
        await act(admin, campaign["id"], "resume"),
        await act(admin, campaign["id"], "complete"),
    ]

    assert [r.status_code for r in steps] == [200, 202, 200, 200, 200]
    final = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)
    assert final.json()["campaign_status"] == "completed"
    # Created, segment added, planned, started, paused, resumed, completed.
    assert final.json()["version"] == 7
    async with db.system_session() as session:
        changes = (
            (
                await session.execute(
                    select(OutboxEvent.envelope).where(
                        OutboxEvent.event_type == "campaign.status_changed"
                    )
                )
            )
            .scalars()
            .all()
        )
        paused = (
            await session.execute(
                select(AuditLog.new_values).where(AuditLog.action == "campaign.pause")
            )
        ).scalar_one()
    assert [(e["data"]["from_status"], e["data"]["to_status"]) for e in changes] == [
        ("draft", "planned"),
        ("planned", "active"),
        ("active", "paused"),
        ("paused", "active"),
        ("active", "completed"),
    ]
    assert paused == {"campaign_status": "paused", "comment": "holiday"}


@pytest.mark.parametrize("approval", ["pending_approval", "rejected"])
async def test_an_unapproved_campaign_cannot_resume(
    client, admin, campaign, db, act, approval
) -> None:
    await _set(db, campaign["id"], campaign_status="paused", approval_status=approval)

    response = await act(admin, campaign["id"], "resume")

    assert response.status_code == 409
    assert response.json()["error_code"] == "approval_required"


async def test_an_unapproved_campaign_can_be_planned_but_not_launched(
    client, admin, create_campaign, funded, act, add_segment
) -> None:
    campaign = await create_campaign(admin, total_budget="60000")
    await add_segment(admin, campaign["id"])

    planned = await act(admin, campaign["id"], "plan")
    launched = await client.post(
        f"/api/campaigns/{campaign['id']}/launch/",
        headers={**admin, "Idempotency-Key": "unapproved-1"},
    )

    assert planned.status_code == 200
    assert launched.status_code == 409
    assert launched.json()["error_code"] == "approval_required"


async def test_a_rejected_campaign_is_submitted_again_before_it_is_planned(
    client, admin, create_campaign, funded, act, headers_for, acme
) -> None:
    campaign = await create_campaign(admin, total_budget="60000")
    finance = await headers_for(acme, "finance")
    rejected = await act(finance, campaign["id"], "reject", {"comment": "Too much"})
    assert rejected.json()["approval_status"] == "rejected", rejected.text

    refused = await act(admin, campaign["id"], "plan")

    assert refused.status_code == 409
    assert refused.json()["error_code"] == "approval_required"
    assert refused.json()["details"] == {"approval_status": "rejected"}
    assert (await act(admin, campaign["id"], "submit-for-approval")).status_code == 200
    assert (await act(admin, campaign["id"], "plan")).status_code == 200


async def test_the_database_refuses_an_unapproved_active_campaign(campaign, db) -> None:
    with pytest.raises(IntegrityError, match="active_requires_approval"):
        await _set(db, campaign["id"], campaign_status="active", approval_status="pending_approval")


async def test_planning_checks_the_schedule(client, admin, create_campaign, funded, act) -> None:
    first = await create_campaign(admin, total_budget="0")
    second = await create_campaign(admin, total_budget="0")
    await act(admin, first["id"], "plan")

    response = await act(admin, second["id"], "plan")

    assert response.status_code == 409
    assert response.json()["error_code"] == "schedule_conflict"


async def test_resuming_checks_the_schedule(
    client, admin, create_campaign, funded, act, db
) -> None:
    paused = await create_campaign(admin, total_budget="0")
    await _set(db, paused["id"], campaign_status="paused")
    other = await create_campaign(admin, total_budget="0")
    await act(admin, other["id"], "plan")

    response = await act(admin, paused["id"], "resume")

    assert response.status_code == 409
    assert response.json()["error_code"] == "schedule_conflict"


async def test_an_ended_campaign_cannot_be_planned_or_resumed(
    client, admin, campaign, db, act
) -> None:
    past_start = datetime.now(UTC) - timedelta(days=20)
    await _set(db, campaign["id"], start_date=past_start, end_date=past_start + timedelta(days=5))

    planned = await act(admin, campaign["id"], "plan")
    await _set(db, campaign["id"], campaign_status="paused")
    resumed = await act(admin, campaign["id"], "resume")

    assert planned.status_code == 409
    assert planned.json()["error_code"] == "campaign_ended"
    assert resumed.status_code == 409
    assert resumed.json()["error_code"] == "campaign_ended"


async def test_cancelling_releases_the_budget_for_others(
    client, admin, create_campaign, funded, act, payload
) -> None:
    big = await create_campaign(admin, total_budget="100000", campaign_code="BIG-1")
    blocked = await client.post("/api/campaigns/", json=payload(total_budget="1"), headers=admin)

    await act(admin, big["id"], "cancel")
    allowed = await client.post("/api/campaigns/", json=payload(total_budget="1"), headers=admin)

    assert blocked.status_code == 422
    assert allowed.status_code == 201


async def test_action_comment_is_validated(client, admin, campaign, act) -> None:
    response = await act(admin, campaign["id"], "plan", {"comment": ""})
    unknown = await act(admin, campaign["id"], "plan", {"reason": "x"})

    assert response.status_code == 422
    assert unknown.status_code == 422
