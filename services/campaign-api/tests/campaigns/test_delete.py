"""Soft delete: segments go with the campaign, history stays, sending in progress blocks it."""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from crm_common.models import (
    AuditLog,
    Campaign,
    CampaignMetric,
    CampaignSegment,
    Contact,
    Delivery,
    Launch,
    OutboxEvent,
)


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def test_delete_soft_deletes_the_campaign_and_its_segments(
    client, admin, campaign, add_segment, db
) -> None:
    await add_segment(admin, campaign["id"])
    await add_segment(admin, campaign["id"], segment_name="Second")

    response = await client.delete(f"/api/campaigns/{campaign['id']}/", headers=admin)

    assert response.status_code == 200
    assert response.json()["segments_deleted"] == 2
    async with db.system_session() as session:
        row = (await session.execute(select(Campaign))).scalar_one()
        segments = (await session.execute(select(CampaignSegment))).scalars().all()
        actions = (
            (await session.execute(select(AuditLog.action).order_by(AuditLog.id))).scalars().all()
        )
        events = (await session.execute(select(OutboxEvent.event_type))).scalars().all()
    assert row.is_deleted
    assert row.deleted_at is not None
    assert all(s.is_deleted for s in segments)
    assert actions[-1] == "campaign.deleted"
    assert "campaign.deleted" in events
    assert (
        await client.get(f"/api/campaign-segments/?campaign_id={campaign['id']}", headers=admin)
    ).json()["total"] == 0


async def test_history_survives_the_delete(client, admin, campaign) -> None:
    await client.delete(f"/api/campaigns/{campaign['id']}/", headers=admin)

    history = await client.get(f"/api/campaigns/{campaign['id']}/audit/", headers=admin)

    assert history.status_code == 200
    assert [e["action"] for e in history.json()["items"]] == [
        "campaign.deleted",
        "campaign.created",
    ]


async def _launch(db, company, campaign_id, user_id, status):
    launch = Launch(
        company_id=company.id,
        campaign_id=uuid.UUID(campaign_id),
        idempotency_key=uuid.uuid4().hex,
        requested_by_user_id=user_id,
        launch_status=status,
    )
    async with db.system_session() as session:
        session.add(launch)
    return launch


@pytest.mark.parametrize("status", ["requested", "scheduled", "resolving", "sending"])
async def test_a_live_launch_blocks_the_delete(
    client, acme, user_for, campaign, db, status
) -> None:
    user, headers = await user_for(acme, "admin")
    await _launch(db, acme, campaign["id"], user.id, status)

    response = await client.delete(f"/api/campaigns/{campaign['id']}/", headers=headers)

    assert response.status_code == 409
    assert response.json()["error_code"] == "campaign_in_use"
    assert response.json()["details"]["live_launches"] is True


@pytest.mark.parametrize(
    ("status", "reason"),
    [("pending", "live_deliveries"), ("sending", "live_deliveries"), ("sent", "sent_messages")],
)
async def test_deliveries_block_the_delete(
    client, acme, user_for, campaign, db, status, reason
) -> None:
    """In progress, the sending would lose its campaign; sent, analytics count them."""
    user, headers = await user_for(acme, "admin")
    launch = await _launch(db, acme, campaign["id"], user.id, "completed")
    async with db.system_session() as session:
        contact = Contact(company_id=acme.id, external_id="c-1", email="c@example.com")
        session.add(contact)
        await session.flush()
        session.add(
            Delivery(
                company_id=acme.id,
                launch_id=launch.id,
                campaign_id=uuid.UUID(campaign["id"]),
                contact_id=contact.id,
                channel="email",
                delivery_status=status,
            )
        )

    response = await client.delete(f"/api/campaigns/{campaign['id']}/", headers=headers)

    assert response.status_code == 409
    assert response.json()["error_code"] == "campaign_in_use"
    assert response.json()["details"][reason] is True


async def test_spend_or_metrics_block_the_delete(client, acme, user_for, campaign, db) -> None:
    """Money spent keeps counting against the year, so the campaign that spent it stays."""
    _, headers = await user_for(acme, "admin")
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(campaign["id"]))
            .values(actual_spend=Decimal("12.50"))
        )
    spent = await client.delete(f"/api/campaigns/{campaign['id']}/", headers=headers)
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(campaign["id"]))
            .values(actual_spend=Decimal(0))
        )
        session.add(
            CampaignMetric(
                company_id=acme.id,
                campaign_id=uuid.UUID(campaign["id"]),
                metric_date=date.today(),
                channel="email",
                clicks=3,
            )
        )
    measured = await client.delete(f"/api/campaigns/{campaign['id']}/", headers=headers)

    assert spent.status_code == 409
    assert spent.json()["details"]["recorded_spend"] is True
    assert measured.status_code == 409
    assert measured.json()["details"] == {
        "live_launches": False,
        "live_deliveries": False,
        "live_sub_campaigns": False,
        "sent_messages": False,
        "recorded_metrics": True,
        "recorded_spend": False,
    }


async def test_finished_launches_do_not_block(client, acme, user_for, campaign, db) -> None:
    user, headers = await user_for(acme, "admin")
    await _launch(db, acme, campaign["id"], user.id, "completed")

    response = await client.delete(f"/api/campaigns/{campaign['id']}/", headers=headers)

    assert response.status_code == 200
