"""Provider callbacks over the launch worker's app, real Postgres and Redis: signatures
verified, deliveries and metrics updated once, bounced and complaining addresses suppressed."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from httpx import AsyncClient
from pydantic import SecretStr
from sqlalchemy import func, select

from crm_common.crypto import pii
from crm_common.db import Database
from crm_common.models import Campaign, CampaignMetric, Contact, Delivery, Launch, Suppression
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import make_company, make_user
from crm_common.testing.client import app_client
from launch_worker.channels.callbacks.signatures import sign_sendgrid, twilio_signature
from launch_worker.main import create_app

TWILIO_TOKEN = "twilio-auth-token-for-callbacks"
TWILIO_SID = "AC" + "1" * 32
PUBLIC_BASE = "https://crm.example.com"
SENDGRID_KEY = ec.generate_private_key(ec.SECP256R1())
OTHER_KEY = ec.generate_private_key(ec.SECP256R1())


def _public_der(key: ec.EllipticCurvePrivateKey) -> str:
    der = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return base64.b64encode(der).decode()


@dataclass
class Sent:
    company_id: uuid.UUID
    campaign_id: uuid.UUID
    contact_id: uuid.UUID
    delivery_id: uuid.UUID
    provider_message_id: str
    email: str
    phone: str


async def make_sent(
    db: Database, *, channel: str = "email", provider: str = "sendgrid", provider_id: str
) -> Sent:
    company = await make_company(db)
    user = await make_user(db, company, "admin")
    email = f"ann.{uuid.uuid4().hex[:6]}@example.com"
    phone = f"+1555{uuid.uuid4().int % 10_000_000:07d}"
    async with db.system_session() as session:
        campaign = Campaign(
            company_id=company.id,
            created_by_user_id=user.id,
            campaign_name="Spring sale",
            campaign_code=f"SPRING-{uuid.uuid4().hex[:6]}",
            campaign_type="promotional",
            primary_channel=channel,
            start_date=datetime.now(UTC),
            end_date=datetime.now(UTC) + timedelta(days=30),
        )
        contact = Contact(
            company_id=company.id,
            external_id=f"T-{uuid.uuid4().hex[:8]}",
            email=email,
            phone=phone,
            consented_channels=["email", "sms"],
        )
        session.add_all([campaign, contact])
        await session.flush()
        launch = Launch(
            company_id=company.id,
            campaign_id=campaign.id,
            idempotency_key=uuid.uuid4().hex,
            requested_by_user_id=user.id,
        )
        session.add(launch)
        await session.flush()
        delivery = Delivery(
            company_id=company.id,
            launch_id=launch.id,
            campaign_id=campaign.id,
            contact_id=contact.id,
            channel=channel,
            delivery_status="sent",
            provider=provider,
            provider_message_id=provider_id,
        )
        session.add(delivery)
    return Sent(company.id, campaign.id, contact.id, delivery.id, provider_id, email, phone)


@pytest.fixture
def hook_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "sendgrid_webhook_public_key": _public_der(SENDGRID_KEY),
            "twilio_account_sid": TWILIO_SID,
            "twilio_auth_token": SecretStr(TWILIO_TOKEN),
            "twilio_status_callback_base_url": PUBLIC_BASE,
        }
    )


@pytest.fixture
async def client(
    hook_settings: Settings, resources: Resources, db: Database
) -> AsyncIterator[AsyncClient]:
    shared = Resources(hook_settings, resources.db, resources.redis, resources.codec)
    async with app_client(create_app(hook_settings, shared)) as active:
        yield active


def sendgrid_request(
    events: list[dict[str, object]],
    *,
    key: ec.EllipticCurvePrivateKey = SENDGRID_KEY,
    at: float | None = None,
) -> dict[str, object]:
    body = json.dumps(events).encode()
    timestamp = str(int(at if at is not None else time.time()))
    return {
        "content": body,
        "headers": {
            "Content-Type": "application/json",
            "X-Twilio-Email-Event-Webhook-Signature": sign_sendgrid(key, body, timestamp),
            "X-Twilio-Email-Event-Webhook-Timestamp": timestamp,
        },
    }


def sendgrid_event(sent: Sent, event: str, **fields: object) -> dict[str, object]:
    return {
        "email": sent.email,
        "timestamp": int(time.time()),
        "event": event,
        "sg_event_id": uuid.uuid4().hex,
        "sg_message_id": f"{sent.provider_message_id}.filterdrecv-5645d9c87f-2x8rk-1-5F",
        "smtp-id": f"<{sent.provider_message_id}@ismtpd0001p1lon1.sendgrid.net>",
        # custom_args come back as top-level fields
        "delivery_id": str(sent.delivery_id),
        "campaign_id": str(sent.campaign_id),
        **fields,
    }


async def delivery_row(db: Database, sent: Sent) -> Delivery:
    async with db.system_session() as session:
        return (
            await session.execute(select(Delivery).where(Delivery.id == sent.delivery_id))
        ).scalar_one()


async def metric_totals(db: Database, sent: Sent) -> dict[str, int]:
    async with db.system_session() as session:
        row = (
            await session.execute(
                select(
                    func.coalesce(func.sum(CampaignMetric.delivered), 0),
                    func.coalesce(func.sum(CampaignMetric.bounces), 0),
                    func.coalesce(func.sum(CampaignMetric.failed), 0),
                ).where(CampaignMetric.campaign_id == sent.campaign_id)
            )
        ).one()
    return {"delivered": int(row[0]), "bounces": int(row[1]), "failed": int(row[2])}


async def suppressions(db: Database, sent: Sent) -> list[tuple[str | None, str, str]]:
    async with db.system_session() as session:
        rows = (
            await session.execute(
                select(
                    Suppression.id,
                    Suppression.channel,
                    Suppression.address,
                    Suppression.key_version,
                    Suppression.reason,
                ).where(Suppression.company_id == sent.company_id)
            )
        ).mappings()
        found = [dict(row) for row in rows]
        # Addresses are sealed at rest: read them as the suppression API does.
        addresses = await pii.open_suppressions(session, sent.company_id, found)
        return [
            (row["channel"], address, row["reason"])
            for row, address in zip(found, addresses, strict=True)
        ]


async def test_a_delivered_event_marks_the_delivery_and_counts_once_when_replayed(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, provider_id="sg-msg-001")
    request = sendgrid_request([sendgrid_event(sent, "delivered", response="250 OK")])

    first = await client.post("/hooks/sendgrid/events", **request)  # type: ignore[arg-type]
    replay = await client.post("/hooks/sendgrid/events", **request)  # type: ignore[arg-type]

    assert first.status_code == 200, first.text
    assert first.json() == {"received": 1, "applied": 1, "ignored": 0}
    assert replay.status_code == 200
    assert (await delivery_row(db, sent)).delivery_status == "delivered"
    assert await metric_totals(db, sent) == {"delivered": 1, "bounces": 0, "failed": 0}


async def test_a_hard_bounce_marks_the_delivery_and_suppresses_the_address(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, provider_id="sg-msg-002")
    bounce = sendgrid_event(
        sent,
        "bounce",
        type="bounce",
        status="5.1.1",
        reason="550 5.1.1 The email account that you tried to reach does not exist.",
        bounce_classification="Invalid Address",
    )
    request = sendgrid_request([bounce])

    response = await client.post("/hooks/sendgrid/events", **request)  # type: ignore[arg-type]
    await client.post("/hooks/sendgrid/events", **request)  # type: ignore[arg-type]

    assert response.status_code == 200, response.text
    delivery = await delivery_row(db, sent)
    assert delivery.delivery_status == "bounced"
    assert delivery.error_code == "5.1.1"
    assert "does not exist" in (delivery.last_error or "")
    assert await metric_totals(db, sent) == {"delivered": 0, "bounces": 1, "failed": 0}
    assert await suppressions(db, sent) == [("email", sent.email, "hard_bounce")]


async def test_a_blocked_message_bounces_without_suppressing(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, provider_id="sg-msg-003")
    blocked = sendgrid_event(sent, "bounce", type="blocked", status="4.0.0", reason="blocked")
    response = await client.post("/hooks/sendgrid/events", **sendgrid_request([blocked]))  # type: ignore[arg-type]
    assert response.status_code == 200
    assert (await delivery_row(db, sent)).delivery_status == "bounced"
    assert await suppressions(db, sent) == []


async def test_a_spam_report_suppresses_the_address_as_a_complaint(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, provider_id="sg-msg-004")
    events = [sendgrid_event(sent, "delivered"), sendgrid_event(sent, "spamreport")]
    response = await client.post("/hooks/sendgrid/events", **sendgrid_request(events))  # type: ignore[arg-type]
    assert response.json() == {"received": 2, "applied": 2, "ignored": 0}
    assert (await delivery_row(db, sent)).delivery_status == "delivered"
    assert await suppressions(db, sent) == [("email", sent.email, "complaint")]


async def test_events_that_change_nothing_or_name_no_delivery_are_ignored(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, provider_id="sg-msg-005")
    foreign = sendgrid_event(sent, "delivered", delivery_id=str(uuid.uuid4()))
    mismatched = sendgrid_event(sent, "delivered", sg_message_id="someone-else.filter01")
    events = [sendgrid_event(sent, "processed"), sendgrid_event(sent, "open"), foreign, mismatched]
    response = await client.post("/hooks/sendgrid/events", **sendgrid_request(events))  # type: ignore[arg-type]
    assert response.json() == {"received": 4, "applied": 0, "ignored": 4}
    assert (await delivery_row(db, sent)).delivery_status == "sent"


@pytest.mark.parametrize(
    "forgery",
    ["other-key", "stale", "tampered-body", "no-headers"],
)
async def test_forged_or_stale_sendgrid_posts_are_refused(
    client: AsyncClient, db: Database, forgery: str
) -> None:
    sent = await make_sent(db, provider_id="sg-msg-006")
    events = [sendgrid_event(sent, "bounce", type="bounce", reason="no such user")]
    request = sendgrid_request(
        events,
        key=OTHER_KEY if forgery == "other-key" else SENDGRID_KEY,
        at=time.time() - 3600 if forgery == "stale" else None,
    )
    if forgery == "tampered-body":
        request["content"] = json.dumps([{**events[0], "delivery_id": str(uuid.uuid4())}]).encode()
    if forgery == "no-headers":
        request["headers"] = {"Content-Type": "application/json"}

    response = await client.post("/hooks/sendgrid/events", **request)  # type: ignore[arg-type]

    assert response.status_code == 401
    assert response.json() == {
        "error_code": "invalid_signature",
        "message": "The callback's signature is missing, invalid or too old.",
        "details": {},
    }
    assert (await delivery_row(db, sent)).delivery_status == "sent"
    assert await suppressions(db, sent) == []


async def test_without_a_verification_key_sendgrid_posts_are_refused(
    settings: Settings, resources: Resources, db: Database
) -> None:
    shared = Resources(settings, resources.db, resources.redis, resources.codec)
    async with app_client(create_app(settings, shared)) as plain:
        response = await plain.post("/hooks/sendgrid/events", **sendgrid_request([]))  # type: ignore[arg-type]
    assert response.status_code == 401
    assert response.json()["error_code"] == "callback_not_configured"


def twilio_request(sent: Sent, status: str, *, token: str = TWILIO_TOKEN, **extra: str):  # type: ignore[no-untyped-def]
    query = urlencode({"delivery_id": str(sent.delivery_id)})
    params = {
        "AccountSid": TWILIO_SID,
        "ApiVersion": "2010-04-01",
        "From": "+15005550006",
        "MessageSid": sent.provider_message_id,
        "MessageStatus": status,
        "SmsSid": sent.provider_message_id,
        "SmsStatus": status,
        "To": sent.phone,
        **extra,
    }
    url = f"{PUBLIC_BASE}/hooks/twilio/status?{query}"
    signature = twilio_signature(token, url, list(params.items()))
    return f"/hooks/twilio/status?{query}", params, {"X-Twilio-Signature": signature}


async def test_a_twilio_delivered_status_marks_the_delivery(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, channel="sms", provider="twilio", provider_id="SM" + "a" * 32)
    path, form, headers = twilio_request(sent, "delivered")

    response = await client.post(path, data=form, headers=headers)
    await client.post(path, data=form, headers=headers)

    assert response.status_code == 204, response.text
    assert (await delivery_row(db, sent)).delivery_status == "delivered"
    assert await metric_totals(db, sent) == {"delivered": 1, "bounces": 0, "failed": 0}


async def test_an_unknown_handset_bounces_and_suppresses_the_number(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, channel="sms", provider="twilio", provider_id="SM" + "b" * 32)
    path, form, headers = twilio_request(sent, "undelivered", ErrorCode="30005")

    response = await client.post(path, data=form, headers=headers)

    assert response.status_code == 204
    delivery = await delivery_row(db, sent)
    assert delivery.delivery_status == "bounced"
    assert delivery.error_code == "30005"
    assert await metric_totals(db, sent) == {"delivered": 0, "bounces": 1, "failed": 0}
    assert await suppressions(db, sent) == [("sms", sent.phone, "hard_bounce")]


async def test_a_carrier_failure_fails_the_delivery_without_suppressing(
    client: AsyncClient, db: Database
) -> None:
    sent = await make_sent(db, channel="sms", provider="twilio", provider_id="SM" + "c" * 32)
    path, form, headers = twilio_request(sent, "failed", ErrorCode="30008")
    response = await client.post(path, data=form, headers=headers)
    assert response.status_code == 204
    assert (await delivery_row(db, sent)).delivery_status == "failed"
    assert await metric_totals(db, sent) == {"delivered": 0, "bounces": 0, "failed": 1}
    assert await suppressions(db, sent) == []


@pytest.mark.parametrize("forgery", ["wrong-token", "changed-status", "no-signature"])
async def test_forged_twilio_callbacks_are_refused(
    client: AsyncClient, db: Database, forgery: str
) -> None:
    sent = await make_sent(db, channel="sms", provider="twilio", provider_id="SM" + "d" * 32)
    token = "not-the-auth-token" if forgery == "wrong-token" else TWILIO_TOKEN
    path, form, headers = twilio_request(sent, "undelivered", token=token, ErrorCode="30005")
    if forgery == "changed-status":
        form["ErrorCode"] = "30006"
    if forgery == "no-signature":
        headers = {}

    response = await client.post(path, data=form, headers=headers)

    assert response.status_code == 401
    assert response.json()["error_code"] == "invalid_signature"
    assert (await delivery_row(db, sent)).delivery_status == "sent"
    assert await suppressions(db, sent) == []


async def test_callbacks_are_rate_limited_per_client(
    hook_settings: Settings, resources: Resources, db: Database
) -> None:
    strict = hook_settings.model_copy(update={"rate_limit_per_ip": 2})
    shared = Resources(strict, resources.db, resources.redis, resources.codec)
    async with app_client(create_app(strict, shared)) as limited:
        answers = [
            (await limited.post("/hooks/sendgrid/events", **sendgrid_request([]))).status_code  # type: ignore[arg-type]
            for _ in range(3)
        ]
    assert answers == [200, 200, 429]
