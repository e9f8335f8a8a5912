"""Builders for tracking tests: a campaign, a launch, a contact with email consent, one
delivered message with recorded links, and the signer that mints its tokens."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest

from crm_common.db import Database
from crm_common.models import (
    Campaign,
    Contact,
    ContactConsent,
    Delivery,
    Launch,
    MessageLink,
)
from crm_common.settings import Settings
from crm_common.tracking_tokens import TrackingClaims, TrackingKind, TrackingSigner

LINKS = {0: "https://shop.example.com/spring?utm=crm", 1: "https://shop.example.com/help"}


@dataclass
class Message:
    company_id: uuid.UUID
    campaign_id: uuid.UUID
    delivery_id: uuid.UUID
    contact_id: uuid.UUID
    email: str
    links: dict[int, str] = field(default_factory=dict)

    def claims(
        self, kind: TrackingKind, position: int | None = None, **changes: uuid.UUID
    ) -> TrackingClaims:
        values = {
            "company_id": self.company_id,
            "delivery_id": self.delivery_id,
            "contact_id": self.contact_id,
            "campaign_id": self.campaign_id,
            **changes,
        }
        return TrackingClaims(kind=kind, position=position, **values)


async def make_campaign(db: Database, tenant) -> uuid.UUID:
    campaign = Campaign(
        company_id=tenant.company.id,
        created_by_user_id=tenant.admin_user.id,
        campaign_name="Spring sale",
        campaign_code=f"SPRING-{uuid.uuid4().hex[:6]}",
        campaign_type="promotional",
        primary_channel="email",
        start_date=datetime.now(UTC),
        end_date=datetime.now(UTC) + timedelta(days=30),
    )
    async with db.system_session() as session:
        session.add(campaign)
    return campaign.id


async def make_message(
    db: Database,
    tenant,
    *,
    campaign_id: uuid.UUID | None = None,
    email: str | None = None,
    links: dict[int, str] | None = None,
    channel: str = "email",
) -> Message:
    campaign_id = campaign_id or await make_campaign(db, tenant)
    company_id = tenant.company.id
    email = email or f"ann.{uuid.uuid4().hex[:6]}@example.com"
    links = LINKS if links is None else links
    async with db.system_session() as session:
        contact = Contact(
            company_id=company_id,
            external_id=f"T-{uuid.uuid4().hex[:8]}",
            email=email,
            phone="+15551234567",
            consented_channels=["email", "sms"],
        )
        launch = Launch(
            company_id=company_id,
            campaign_id=campaign_id,
            idempotency_key=uuid.uuid4().hex,
            requested_by_user_id=tenant.admin_user.id,
        )
        session.add_all([contact, launch])
        await session.flush()
        for granted_channel in ("email", "sms"):
            session.add(
                ContactConsent(
                    company_id=company_id,
                    contact_id=contact.id,
                    channel=granted_channel,
                    granted=True,
                    source="signup_form",
                )
            )
        delivery = Delivery(
            company_id=company_id,
            launch_id=launch.id,
            campaign_id=campaign_id,
            contact_id=contact.id,
            channel=channel,
            delivery_status="sent",
        )
        session.add(delivery)
        await session.flush()
        for position, url in links.items():
            session.add(
                MessageLink(
                    company_id=company_id, delivery_id=delivery.id, position=position, url=url
                )
            )
    return Message(company_id, campaign_id, delivery.id, contact.id, email, dict(links))


@pytest.fixture
def signer(settings: Settings) -> TrackingSigner:
    return TrackingSigner.from_settings(settings)


@pytest.fixture
async def message(db: Database, acme) -> Message:
    return await make_message(db, acme)
