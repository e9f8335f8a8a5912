"""The launch worker sends a stored test message through the company's adapter for its
channel, exactly once, and records the provider's answer; transient refusals are retried
through the stream, permanent ones recorded."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from crm_common.enums import TestSendStatus
from crm_common.events import EventEnvelope, EventType
from crm_common.models import Campaign, CampaignTestSend, Company
from crm_common.testing.builders import make_company, make_user
from launch_worker.channels.base import PermanentSendError, TransientSendError
from launch_worker.channels.registry import ChannelRegistry
from launch_worker.channels.sandbox import SandboxAdapter
from launch_worker.test_sends.consumers import requests_consumer
from launch_worker.test_sends.service import MAX_ATTEMPTS, SendLater, send_test

HEADERS = {
    "List-Unsubscribe": "<https://crm.example.com/t/u/token>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
}


@pytest.fixture
def registry(settings) -> ChannelRegistry:
    registry = ChannelRegistry(settings)
    registry.install(SandboxAdapter("email"))
    registry.install(SandboxAdapter("sms"))
    return registry


def _adapter(registry: ChannelRegistry, channel: str = "email") -> SandboxAdapter:
    adapter = registry.adapter(channel, "sandbox")
    assert isinstance(adapter, SandboxAdapter)
    return adapter


async def _pending(db, *, channel: str = "email", to: str = "qa@example.com", **sender):
    company = await make_company(db, **({"sender": sender} if sender else {}))
    user = await make_user(db, company, "admin")
    now = datetime.now(UTC)
    campaign = Campaign(
        company_id=company.id,
        created_by_user_id=user.id,
        campaign_name="Spring sale",
        campaign_code=f"SPRING-{uuid.uuid4().hex[:6]}",
        campaign_type="promotional",
        primary_channel=channel,
        start_date=now + timedelta(days=1),
        end_date=now + timedelta(days=30),
    )
    async with db.system_session() as session:
        session.add(campaign)
        await session.flush()
        row = CampaignTestSend(
            company_id=company.id,
            campaign_id=campaign.id,
            requested_by_user_id=user.id,
            channel=channel,
            recipient=to,
            subject="Spring sale, Ann" if channel == "email" else None,
            html="<p>Hi Ann</p>" if channel == "email" else None,
            text_body="Hi Ann",
            headers=HEADERS if channel == "email" else {},
            links=[],
        )
        session.add(row)
    return company, row


async def _row(db, company: Company, test_send_id: uuid.UUID) -> CampaignTestSend:
    async with db.tenant_session(company.id) as session:
        return await session.get_one(CampaignTestSend, test_send_id)


async def test_sends_the_stored_message_once_and_records_the_provider(db, registry) -> None:
    company, pending = await _pending(db, from_name="Acme News", from_address="news@acme.test")

    first = await send_test(db, registry, company.id, pending.id)
    again = await send_test(db, registry, company.id, pending.id)

    assert (first, again) == (TestSendStatus.SENT, None)
    [message] = _adapter(registry).messages
    assert message.recipient == "qa@example.com"
    assert (message.subject, message.html, message.text) == (
        "Spring sale, Ann",
        "<p>Hi Ann</p>",
        "Hi Ann",
    )
    assert message.headers == HEADERS
    assert message.sender == "Acme News <news@acme.test>"
    assert message.idempotency_key == f"test-send-{pending.id}"
    row = await _row(db, company, pending.id)
    assert (row.send_status, row.provider, row.attempts) == ("sent", "sandbox", 1)
    assert row.provider_message_id == f"sandbox-test-send-{pending.id}"
    assert row.sent_at is not None


async def test_transient_refusals_are_retried_then_recorded_as_failed(db, registry) -> None:
    company, pending = await _pending(db)
    _adapter(registry).fail_for("qa@example.com", TransientSendError("421 busy", code="421"))

    for attempt in range(1, MAX_ATTEMPTS):
        with pytest.raises(SendLater):
            await send_test(db, registry, company.id, pending.id)
        row = await _row(db, company, pending.id)
        assert (row.send_status, row.attempts, row.last_error) == ("pending", attempt, "421 busy")
    assert await send_test(db, registry, company.id, pending.id) == TestSendStatus.FAILED
    row = await _row(db, company, pending.id)
    assert (row.send_status, row.attempts) == ("failed", MAX_ATTEMPTS)


async def test_permanent_refusal_is_recorded_at_once(db, registry) -> None:
    company, pending = await _pending(db, channel="sms", to="+15551234567")
    _adapter(registry, "sms").fail_for("+15551234567", PermanentSendError("21211 invalid"))

    assert await send_test(db, registry, company.id, pending.id) == TestSendStatus.FAILED
    row = await _row(db, company, pending.id)
    assert (row.send_status, row.last_error, row.attempts) == ("failed", "21211 invalid", 1)


async def test_an_unconfigured_provider_fails_the_test_send(db, settings) -> None:
    company, pending = await _pending(db)
    async with db.system_session() as session:
        stored = await session.get_one(Company, company.id)
        stored.settings = {"channels": {"email": {"provider": "sendgrid"}}}

    status = await send_test(db, ChannelRegistry(settings), company.id, pending.id)

    row = await _row(db, company, pending.id)
    assert status == TestSendStatus.FAILED
    assert "sendgrid" in row.last_error


async def test_another_companys_id_sends_nothing(db, registry) -> None:
    _, pending = await _pending(db)
    other = await make_company(db)

    assert await send_test(db, registry, other.id, pending.id) is None
    assert len(_adapter(registry).messages) == 0


async def test_the_event_on_the_stream_gets_it_sent(db, resources, registry) -> None:
    company, pending = await _pending(db)
    consumer = requests_consumer(resources, registry)
    await consumer.ensure_group()
    envelope = EventEnvelope(
        type=EventType.CAMPAIGN_TEST_SEND_REQUESTED,
        company_id=company.id,
        data={"test_send_id": str(pending.id), "campaign_id": str(pending.campaign_id)},
    )
    for _ in range(2):  # a redelivered event sends nothing more
        await resources.redis.xadd(resources.settings.events_stream, {"event": envelope.to_json()})

    stats = await consumer.poll(block_ms=100)
    await asyncio.sleep(0)

    assert stats.handled == 2
    assert len(_adapter(registry).messages) == 1
    assert (await _row(db, company, pending.id)).send_status == "sent"
