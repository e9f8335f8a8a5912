"""Send one stored test message and record what the provider said."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import structlog

from crm_common.db import Database
from crm_common.enums import DeliveryChannel, TestSendStatus
from crm_common.messages import sender_profile
from crm_common.models import CampaignTestSend, Company
from crm_common.tenancy import TenantScope
from launch_worker.channels.base import (
    OutgoingMessage,
    SendError,
    SendResult,
    TransientSendError,
)
from launch_worker.channels.registry import ChannelRegistry

log = structlog.get_logger(__name__)

MAX_ATTEMPTS = 3
"""Transient provider errors are retried (through the stream's redelivery) this many times."""
PLACEHOLDER_CONTACT_ID = uuid.UUID(int=0)


class SendLater(Exception):
    """The provider refused for now; the event is left unacknowledged to be tried again."""


def idempotency_key(test_send_id: uuid.UUID) -> str:
    """The same for every attempt, so a resend after a crash is recognisable downstream."""
    return f"test-send-{test_send_id}"


def _sender(registry: ChannelRegistry, company: Company | None, channel: str) -> str | None:
    settings = company.settings if company is not None else None
    chosen = registry.choice(settings, channel).sender
    if chosen:
        return chosen
    profile = sender_profile(settings, company.name if company is not None else None)
    return profile.from_header if channel == DeliveryChannel.EMAIL else profile.sms_sender


def _message(row: CampaignTestSend, sender: str | None) -> OutgoingMessage:
    return OutgoingMessage(
        delivery_id=row.id,
        company_id=row.company_id,
        campaign_id=row.campaign_id,
        contact_id=row.contact_id or PLACEHOLDER_CONTACT_ID,
        channel=row.channel,
        recipient=row.recipient,
        idempotency_key=idempotency_key(row.id),
        text=row.text_body,
        subject=row.subject,
        html=row.html,
        sender=sender,
        headers=dict(row.headers or {}),
    )


def _record_sent(row: CampaignTestSend, result: SendResult) -> None:
    row.send_status = TestSendStatus.SENT
    row.provider = result.provider
    row.provider_message_id = result.provider_message_id
    row.last_error = None
    row.sent_at = datetime.now(UTC)


async def send_test(
    db: Database, registry: ChannelRegistry, company_id: uuid.UUID, test_send_id: uuid.UUID
) -> str | None:
    """Send a pending test message through the company's adapter for its channel and record
    the outcome; returns the new status (None when it was already sent, failed, or is being
    sent by another worker). Raises SendLater after a transient refusal that leaves it
    pending."""
    retry = False
    async with db.tenant_session(company_id) as session:
        scope = TenantScope(session, company_id)
        statement = scope.select(
            CampaignTestSend,
            CampaignTestSend.id == test_send_id,
            CampaignTestSend.send_status == TestSendStatus.PENDING,
        ).with_for_update(skip_locked=True)
        row = (await session.execute(statement)).scalar_one_or_none()
        if row is None:
            return None
        company = await session.get(Company, company_id)
        choice = registry.choice(company.settings if company else None, row.channel)
        row.attempts += 1
        row.updated_at = datetime.now(UTC)
        row.provider = choice.provider
        try:
            adapter = registry.adapter(row.channel, choice.provider)
            result = await adapter.send(_message(row, _sender(registry, company, row.channel)))
        except TransientSendError as exc:
            row.last_error = exc.reason
            retry = row.attempts < MAX_ATTEMPTS
            if not retry:
                row.send_status = TestSendStatus.FAILED
        except SendError as exc:
            row.last_error = exc.reason
            row.send_status = TestSendStatus.FAILED
        else:
            _record_sent(row, result)
        status = row.send_status
    log.info("test_send_attempted", test_send_id=str(test_send_id), status=status, retry=retry)
    if retry:
        raise SendLater(f"test send {test_send_id} refused for now")
    return status
