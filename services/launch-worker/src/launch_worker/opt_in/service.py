"""Render and send one double opt-in confirmation message; expire consent past its end."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape

import structlog

from crm_common.crypto import pii
from crm_common.db import Database
from crm_common.enums import DeliveryChannel
from crm_common.messages import sender_profile
from crm_common.models import Company, Contact
from crm_common.privacy import consent as ledger
from crm_common.privacy.opt_in_tokens import OPT_IN_TTL, OptInSigner, confirmation_url
from crm_common.tenancy import TenantScope
from launch_worker.channels.base import OutgoingMessage
from launch_worker.channels.registry import ChannelRegistry

log = structlog.get_logger(__name__)

NO_CAMPAIGN = uuid.UUID(int=0)
"""Confirmation messages belong to no campaign (the adapters' message shape asks for one)."""


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation message needs, read in one transaction."""

    recipient: str
    company_name: str
    settings: dict[str, object]


def idempotency_key(request_id: uuid.UUID) -> str:
    """The same for every attempt at one request, so providers can drop a resend."""
    return f"opt-in-{request_id}"


async def _pending_request(
    db: Database, company_id: uuid.UUID, contact_id: uuid.UUID, request_id: uuid.UUID
) -> Confirmation | None:
    async with db.tenant_session(company_id) as session:
        scope = TenantScope(session, company_id)
        current = (await ledger.current_consents(scope, [contact_id])).get(contact_id, {})
        email = current.get(DeliveryChannel.EMAIL)
        if email is None or not email.pending or email.ledger_id != request_id:
            return None  # confirmed, withdrawn or replaced by a newer request meanwhile
        contact = await scope.get(Contact, contact_id)
        company = await session.get(Company, company_id)
        if contact is None or company is None:
            return None
        # The address is sealed at rest: opened here, for this one message only.
        [plain] = await pii.open_contact_objects(session, company_id, [contact])
        if not plain.get("email"):
            return None
        return Confirmation(str(plain["email"]), company.name, dict(company.settings or {}))


def render(
    confirmation: Confirmation, url: str, sender_name: str, postal_address: str
) -> tuple[str, str, str]:
    """Subject, text and HTML of the confirmation message (with the sender's postal
    address, as CAN-SPAM and CASL ask of every commercial sender)."""
    days = OPT_IN_TTL.days
    subject = f"Please confirm your subscription to {sender_name}"
    text = (
        f"Please confirm that you want to receive email from {sender_name}:\n\n{url}\n\n"
        f"The link works for {days} days. If you did not ask for this, ignore this message: "
        f"you will not receive anything.\n\n{sender_name}\n{postal_address}\n"
    )
    html = (
        f"<p>Please confirm that you want to receive email from {escape(sender_name)}.</p>"
        f'<p><a href="{escape(url, quote=True)}">Confirm my subscription</a></p>'
        f"<p>The link works for {days} days. If you did not ask for this, ignore this "
        "message: you will not receive anything.</p>"
        f"<p>{escape(sender_name)}<br>{escape(postal_address)}</p>"
    )
    return subject, text, html


async def send_confirmation(
    db: Database,
    registry: ChannelRegistry,
    signer: OptInSigner,
    base_url: str,
    *,
    company_id: uuid.UUID,
    contact_id: uuid.UUID,
    request_id: uuid.UUID,
) -> str | None:
    """Send the confirmation of an open opt-in request through the company's email adapter;
    the provider's message id, or None when the request is no longer open. Send errors
    propagate (the stream redelivers the event; a permanent one ends in the dead letters)."""
    confirmation = await _pending_request(db, company_id, contact_id, request_id)
    if confirmation is None:
        return None
    profile = sender_profile(confirmation.settings, confirmation.company_name)
    url = confirmation_url(base_url, signer.mint(company_id, contact_id, request_id))
    subject, text, html = render(confirmation, url, profile.from_name, profile.postal_address)
    choice = registry.choice(confirmation.settings, DeliveryChannel.EMAIL)
    adapter = registry.adapter(DeliveryChannel.EMAIL, choice.provider)
    result = await adapter.send(
        OutgoingMessage(
            delivery_id=request_id,
            company_id=company_id,
            campaign_id=NO_CAMPAIGN,
            contact_id=contact_id,
            channel=DeliveryChannel.EMAIL,
            recipient=confirmation.recipient,
            idempotency_key=idempotency_key(request_id),
            text=text,
            subject=subject,
            html=html,
            sender=choice.sender or profile.from_header,
        )
    )
    log.info("opt_in_confirmation_sent", request_id=str(request_id), provider=result.provider)
    return result.provider_message_id


async def expire_consent(db: Database, now: datetime | None = None) -> int:
    """Record the expiry of every consent past its end, company by company; how many."""
    now = now or datetime.now(UTC)
    async with db.system_session() as session:
        companies = await ledger.companies_with_expired_consent(session, now)
    expired = 0
    for company_id in companies:
        async with db.tenant_session(company_id) as session:
            expired += await ledger.expire_due(TenantScope(session, company_id), now)
    if expired:
        log.info("consent_expired", count=expired, companies=len(companies))
    return expired
