"""Builders of the data-subject rights tests: a contact whose data lands in every place a
contact's data can land (events, deliveries, tracked links, test sends, audiences,
memberships, suppressions, audit, outbox, segment rules, Redis streams and caches)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from redis.asyncio import Redis

from crm_common.audit import RequestMeta, record
from crm_common.db import Database
from crm_common.events.outbox import emit
from crm_common.models import (
    CampaignContact,
    CampaignSegment,
    CampaignTestSend,
    Contact,
    ContactConsent,
    ContactEvent,
    Delivery,
    Launch,
    MessageLink,
    SegmentMembership,
    Suppression,
)

from ..tracking.conftest import make_campaign


@dataclass
class Person:
    contact_id: uuid.UUID
    email: str
    phone: str
    campaign_id: uuid.UUID
    delivery_id: uuid.UUID
    segment_id: uuid.UUID


async def make_person(
    db: Database,
    tenant,
    *,
    occurred_at: datetime | None = None,
    campaign_id: uuid.UUID | None = None,
) -> Person:
    """A contact with data in every table that can hold some of it."""
    company_id = tenant.company.id
    tag = uuid.uuid4().hex[:8]
    email = f"erin.{tag}@privacy.example"
    phone = f"+1555{int(tag[:6], 16) % 10_000_000:07d}"
    campaign_id = campaign_id or await make_campaign(db, tenant)
    when = occurred_at or datetime.now(UTC)
    async with db.system_session() as session:
        contact = Contact(
            id=uuid.uuid4(),
            company_id=company_id,
            external_id=f"EXT-{tag}",
            email=email,
            phone=phone,
            first_name="Erin",
            last_name=f"Quill{tag}",
            city="Lisbon",
            country="PT",
            interests=["hiking"],
            attributes={"loyalty_id": f"L-{tag}", "note": f"prefers {email}"},
            consented_channels=["email", "sms"],
        )
        launch = Launch(
            id=uuid.uuid4(),
            company_id=company_id,
            campaign_id=campaign_id,
            idempotency_key=uuid.uuid4().hex,
            requested_by_user_id=tenant.admin_user.id,
            launch_status="completed",
        )
        segment = CampaignSegment(
            id=uuid.uuid4(),
            company_id=company_id,
            campaign_id=campaign_id,
            segment_name="VIPs",
            segment_type="demographic",
            demographic_criteria={"field": "email", "op": "eq", "value": email},
        )
        session.add_all([contact, launch, segment])
        await session.flush()
        delivery = Delivery(
            id=uuid.uuid4(),
            company_id=company_id,
            launch_id=launch.id,
            campaign_id=campaign_id,
            contact_id=contact.id,
            channel="email",
            delivery_status="failed",
            provider_message_id=f"<{tag}@mail.example>",
            last_error=f"550 mailbox {email} unavailable",
            created_at=when,
        )
        session.add(delivery)
        await session.flush()
        session.add_all(
            [
                ContactConsent(
                    company_id=company_id, contact_id=contact.id, channel="email", granted=True
                ),
                ContactEvent(
                    company_id=company_id,
                    event_id=f"ev-{tag}",
                    contact_id=contact.id,
                    event_type="purchase",
                    occurred_at=when,
                    campaign_id=campaign_id,
                    properties={"billing_email": email, "phone": phone, "amount": 12},
                ),
                MessageLink(
                    company_id=company_id,
                    delivery_id=delivery.id,
                    position=0,
                    url=f"https://shop.example/welcome?e={email}",
                ),
                CampaignTestSend(
                    company_id=company_id,
                    campaign_id=campaign_id,
                    requested_by_user_id=tenant.admin_user.id,
                    contact_id=contact.id,
                    channel="email",
                    recipient=email,
                    subject="Hi Erin",
                    text_body=f"Hello Erin, your address is {email}",
                    send_status="sent",
                    created_at=when,
                ),
                CampaignContact(
                    company_id=company_id,
                    campaign_id=campaign_id,
                    contact_id=contact.id,
                    launch_id=launch.id,
                ),
                SegmentMembership(
                    company_id=company_id, segment_id=segment.id, contact_id=contact.id
                ),
                Suppression(
                    company_id=company_id,
                    channel="email",
                    address=email,
                    contact_id=contact.id,
                    reason="unsubscribe",
                ),
            ]
        )
        await record(
            session,
            company_id=company_id,
            actor_user_id=tenant.admin_user.id,
            action="contact.updated",
            entity_type="contact",
            entity_id=contact.id,
            old_values={"email": f"old-{email}"},
            new_values={"email": email, "phone": phone},
            meta=RequestMeta(request_id="r-1", client_ip="203.0.113.9", user_agent="Form/1.0"),
        )
        await emit(
            session, "contact.updated", company_id, {"contact_id": str(contact.id), "email": email}
        )
    return Person(contact.id, email, phone, campaign_id, delivery.id, segment.id)


async def seed_redis(redis: Redis, person: Person) -> None:
    """Stream entries and caches naming the person, next to ones that do not."""
    envelope = {"type": "contact.updated", "data": {"email": person.email}}
    await redis.xadd("crm.events", {"event": json.dumps(envelope)})
    await redis.xadd("crm.events", {"event": json.dumps({"type": "other", "data": {}})})
    await redis.xadd("crm.events.dead", {"event": json.dumps(envelope), "reason": "x"})
    await redis.set(f"crm:cache:estimate:{uuid.uuid4()}", json.dumps({"sample": [person.email]}))
    await redis.hset("crm:cache:contact-card", mapping={"phone": person.phone})
    await redis.set("crm:cache:unrelated", "nothing personal")
