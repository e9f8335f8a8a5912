"""The retention job removes exactly what its dry run reported, batch by batch, and nothing
of a contact or campaign under legal hold; the audit chain is pruned from its start."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select, text

from crm_common.audit import record
from crm_common.models import (
    AuditLog,
    Campaign,
    CampaignTestSend,
    Contact,
    ContactEvent,
    Delivery,
    Launch,
    LegalHold,
    MessageLink,
    RetentionPolicy,
)
from crm_common.testing.builders import make_company, make_user
from launch_worker.retention import service
from launch_worker.worker import CRON_JOBS, FUNCTIONS

NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
OLD = NOW - timedelta(days=400)
RECENT = NOW - timedelta(days=5)


async def _campaign(session, company, user) -> uuid.UUID:
    campaign = Campaign(
        id=uuid.uuid4(),
        company_id=company.id,
        created_by_user_id=user.id,
        campaign_name="Old sale",
        campaign_code=f"OLD-{uuid.uuid4().hex[:6]}",
        campaign_type="promotional",
        primary_channel="email",
        start_date=OLD,
        end_date=OLD + timedelta(days=30),
    )
    session.add(campaign)
    await session.flush()
    return campaign.id


async def _history(session, company, user, campaign_id, when, count=3) -> list[uuid.UUID]:
    """`count` contacts, each with an event, a delivery with a link and a test send at `when`."""
    launch = Launch(
        id=uuid.uuid4(),
        company_id=company.id,
        campaign_id=campaign_id,
        idempotency_key=uuid.uuid4().hex,
        requested_by_user_id=user.id,
        launch_status="completed",
    )
    session.add(launch)
    ids = []
    for _ in range(count):
        contact = Contact(id=uuid.uuid4(), company_id=company.id, external_id=uuid.uuid4().hex)
        session.add(contact)
        await session.flush()
        delivery = Delivery(
            id=uuid.uuid4(),
            company_id=company.id,
            launch_id=launch.id,
            campaign_id=campaign_id,
            contact_id=contact.id,
            channel="email",
            delivery_status="sent",
            created_at=when,
        )
        session.add(delivery)
        await session.flush()
        session.add_all(
            [
                ContactEvent(
                    company_id=company.id,
                    event_id=uuid.uuid4().hex,
                    contact_id=contact.id,
                    event_type="open",
                    occurred_at=when,
                    campaign_id=campaign_id,
                ),
                MessageLink(
                    company_id=company.id, delivery_id=delivery.id, position=0, url="https://x.test"
                ),
                CampaignTestSend(
                    company_id=company.id,
                    campaign_id=campaign_id,
                    requested_by_user_id=user.id,
                    contact_id=contact.id,
                    channel="email",
                    recipient="qa@example.test",
                    text_body="Hello",
                    send_status="sent",
                    created_at=when,
                ),
            ]
        )
        ids.append(contact.id)
    return ids


async def _world(db):
    company = await make_company(db)
    user = await make_user(db, company, "admin")
    async with db.system_session() as session:
        old_campaign = await _campaign(session, company, user)
        held_campaign = await _campaign(session, company, user)
        old = await _history(session, company, user, old_campaign, OLD)
        await _history(session, company, user, old_campaign, RECENT, count=2)
        await _history(session, company, user, held_campaign, OLD, count=2)
        held_contact = old[0]
        session.add_all(
            [
                LegalHold(company_id=company.id, contact_id=held_contact, reason="Dispute"),
                LegalHold(company_id=company.id, campaign_id=held_campaign, reason="Litigation"),
            ]
            + [
                RetentionPolicy(company_id=company.id, data_class=name, retain_days=days)
                for name, days in (
                    ("events", 365),
                    ("deliveries", 365),
                    ("rendered_messages", 90),
                    ("audit", 30),
                )
            ]
        )
    return company, user, held_contact, held_campaign


async def _counts(db, company_id) -> dict[str, int]:
    async with db.system_session() as session:
        counts = {}
        for model in (ContactEvent, Delivery, MessageLink, CampaignTestSend, AuditLog):
            counts[model.__tablename__] = await session.scalar(
                select(func.count()).select_from(model).where(model.company_id == company_id)
            )
        return counts


async def test_the_run_removes_exactly_what_the_dry_run_reported(db):
    company, _, held_contact, held_campaign = await _world(db)
    before = await _counts(db, company.id)

    [preview] = await service.dry_run(db, NOW, company_ids=[company.id])
    [report] = await service.enforce(db, NOW, company_ids=[company.id], batch=2)

    after = await _counts(db, company.id)
    assert report.removed == dict(preview.removed.items())
    # Of 3 old contacts, one is held; the held campaign's 2 stay; the 2 recent ones stay.
    assert preview.removed["events"] == {"crm_contact_events": 2}
    assert preview.removed["deliveries"] == {"crm_deliveries": 2}
    assert preview.removed["rendered_messages"] == {"crm_test_sends": 2, "crm_message_links": 2}
    removed_per_table: dict[str, int] = {}
    for tables in report.removed.values():
        for table, count in tables.items():
            removed_per_table[table] = removed_per_table.get(table, 0) + count
    for table, count in before.items():
        if table != "crm_audit_log":
            assert after[table] == count - removed_per_table.get(table, 0), table
    async with db.system_session() as session:
        held_left = await session.scalar(
            select(func.count())
            .select_from(ContactEvent)
            .where(ContactEvent.contact_id == held_contact)
        )
        campaign_left = await session.scalar(
            select(func.count()).select_from(Delivery).where(Delivery.campaign_id == held_campaign)
        )
    assert held_left == 1
    assert campaign_left == 2
    [again] = await service.dry_run(db, NOW, company_ids=[company.id])
    assert all(count == 0 for name, count in again.totals().items() if name != "audit")


async def test_the_audit_chain_is_pruned_from_its_start_up_to_a_held_contact(db):
    company, user, held_contact, _ = await _world(db)
    async with db.system_session() as session:
        other = await session.scalar(
            select(Contact.id).where(Contact.company_id == company.id, Contact.id != held_contact)
        )
        await session.execute(
            text("UPDATE crm_retention_policies SET retain_days = 1 WHERE data_class = 'audit'")
        )
    for _ in range(3):
        async with db.tenant_session(company.id) as session:
            await record(
                session,
                company_id=company.id,
                actor_user_id=user.id,
                action="contact.updated",
                entity_type="contact",
                entity_id=other,
            )
    async with db.tenant_session(company.id) as session:
        await record(
            session,
            company_id=company.id,
            actor_user_id=user.id,
            action="contact.updated",
            entity_type="contact",
            entity_id=held_contact,
        )
        await record(
            session,
            company_id=company.id,
            actor_user_id=user.id,
            action="contact.updated",
            entity_type="contact",
            entity_id=other,
        )
    later = datetime.now(UTC) + timedelta(days=2)

    [preview] = await service.dry_run(db, later, company_ids=[company.id])
    [report] = await service.enforce(db, later, company_ids=[company.id])

    assert report.removed["audit"] == preview.removed["audit"]
    assert preview.removed["audit"]["crm_audit_log"] >= 3
    async with db.system_session() as session:
        first = await session.scalar(
            select(AuditLog).where(AuditLog.company_id == company.id).order_by(AuditLog.chain_seq)
        )
        assert first.entity_id == held_contact
        anchors = await session.scalar(
            text("SELECT count(*) FROM crm_audit_anchors WHERE company_id = :c"), {"c": company.id}
        )
        assert anchors >= 1


def test_the_job_is_registered_and_scheduled():
    names = {function.__name__ for function in FUNCTIONS}
    assert {"enforce_retention", "retention_dry_run"} <= names
    assert any(job.coroutine.__name__ == "enforce_retention" for job in CRON_JOBS)


async def test_without_a_rendered_messages_policy_links_go_with_their_deliveries(db):
    """Links leave with the deliveries they belong to; with no policy of their own they are
    reported under deliveries, and the run still removes exactly what the dry run said."""
    company, _, _, _ = await _world(db)
    async with db.system_session() as session:
        await session.execute(
            delete(RetentionPolicy).where(
                RetentionPolicy.company_id == company.id,
                RetentionPolicy.data_class == "rendered_messages",
            )
        )

    [preview] = await service.dry_run(db, NOW, company_ids=[company.id])
    [report] = await service.enforce(db, NOW, company_ids=[company.id], batch=2)

    assert "rendered_messages" not in preview.removed
    assert preview.removed["deliveries"] == {"crm_deliveries": 2, "crm_message_links": 2}
    assert report.removed == dict(preview.removed.items())
