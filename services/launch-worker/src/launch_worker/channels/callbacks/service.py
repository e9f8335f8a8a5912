"""What provider callbacks mean for deliveries, metrics and suppressions.

Each SendGrid event or Twilio status becomes an `Outcome`: a delivery status to move to
(delivered, bounced, failed) and/or a suppression to add (hard bounce, complaint, an address
the provider already refuses). Status moves are guarded by the statuses they may come from,
so a replayed or late callback changes nothing and counts nothing twice; suppressions are
inserted once. The delivery's company is looked up as the system role (the callback carries
no tenant), then everything happens in that company's transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import structlog

from crm_common.campaign_metrics import bump_metrics
from crm_common.db import Database
from crm_common.enums import DeliveryStatus, SuppressionReason
from crm_common.privacy.consent import ConsentContext, withdraw_for_suppression
from crm_common.tenancy import TenantScope
from launch_worker.channels.callbacks import repository as repo

log = structlog.get_logger(__name__)

_TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    # to status: (from statuses, counter)
    DeliveryStatus.DELIVERED: ((DeliveryStatus.SENDING, DeliveryStatus.SENT), "delivered"),
    DeliveryStatus.BOUNCED: (
        (DeliveryStatus.SENDING, DeliveryStatus.SENT, DeliveryStatus.DELIVERED),
        "bounces",
    ),
    DeliveryStatus.FAILED: ((DeliveryStatus.SENDING, DeliveryStatus.SENT), "failed"),
}

SENDGRID_DROP_SUPPRESSIONS = {
    "bounced address": SuppressionReason.HARD_BOUNCE,
    "spam reporting address": SuppressionReason.COMPLAINT,
    "unsubscribed address": SuppressionReason.UNSUBSCRIBE,
    "invalid": SuppressionReason.HARD_BOUNCE,
}
"""SendGrid `dropped` reasons naming an address SendGrid will never send to again."""

TWILIO_HARD_BOUNCE_CODES = frozenset({"30005", "30006"})
"""Unknown destination handset; landline or unreachable carrier."""
TWILIO_OPTED_OUT_CODES = frozenset({"21610"})
"""The recipient replied STOP."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one provider callback says about one delivery."""

    provider: str
    delivery_id: uuid.UUID | None
    provider_message_id: str | None
    status: str | None = None
    reason: str | None = None
    code: str | None = None
    suppress: str | None = None


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value)) if value else None
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    return str(value)[:2000] if value not in (None, "") else None


def sendgrid_outcome(event: Mapping[str, Any]) -> Outcome | None:
    """The outcome of one Event Webhook event; None for events that change no delivery
    (processed, deferred, open, click … — opens and clicks are tracked by our own links)."""
    kind = event.get("event")
    sg_message_id = event.get("sg_message_id")
    base = Outcome(
        provider="sendgrid",
        # custom_args come back as top-level fields of every event
        delivery_id=_uuid(event.get("delivery_id")),
        # sg_message_id is the X-Message-Id followed by ".filter…" routing parts
        provider_message_id=str(sg_message_id).split(".", 1)[0] if sg_message_id else None,
    )
    reason = _text(event.get("reason"))
    code = _text(event.get("status"))
    if kind == "delivered":
        return replace(base, status=DeliveryStatus.DELIVERED)
    if kind == "bounce":
        # type "bounce": the address does not exist (hard); "blocked": refused this time (soft)
        hard = event.get("type", "bounce") != "blocked"
        return replace(
            base,
            status=DeliveryStatus.BOUNCED,
            reason=reason or ("hard bounce" if hard else "blocked"),
            code=code,
            suppress=SuppressionReason.HARD_BOUNCE if hard else None,
        )
    if kind == "dropped":
        suppress = SENDGRID_DROP_SUPPRESSIONS.get((reason or "").lower())
        return replace(
            base,
            status=DeliveryStatus.FAILED,
            reason=f"dropped: {reason or 'unknown'}",
            code="dropped",
            suppress=suppress,
        )
    if kind == "spamreport":
        return replace(base, suppress=SuppressionReason.COMPLAINT, reason="spam report")
    return None


def twilio_outcome(params: Mapping[str, str], delivery_id: uuid.UUID | None) -> Outcome | None:
    """The outcome of one status callback; None for intermediate states (queued, sending,
    sent, accepted)."""
    status = params.get("MessageStatus") or params.get("SmsStatus")
    base = Outcome(
        provider="twilio",
        delivery_id=delivery_id,
        provider_message_id=params.get("MessageSid") or params.get("SmsSid"),
    )
    if status in ("delivered", "read"):
        return replace(base, status=DeliveryStatus.DELIVERED)
    if status in ("undelivered", "failed"):
        code = params.get("ErrorCode") or None
        reason = f"Twilio {status}" + (f" ({code})" if code else "")
        if code in TWILIO_HARD_BOUNCE_CODES:
            return replace(
                base,
                status=DeliveryStatus.BOUNCED,
                reason=reason,
                code=code,
                suppress=SuppressionReason.HARD_BOUNCE,
            )
        suppress = SuppressionReason.UNSUBSCRIBE if code in TWILIO_OPTED_OUT_CODES else None
        return replace(
            base, status=DeliveryStatus.FAILED, reason=reason, code=code, suppress=suppress
        )
    return None


def _address(channel: str, email: str | None, phone: str | None) -> str | None:
    if channel == "email" and email:
        return email.strip().lower()
    if channel == "sms" and phone:
        return phone.strip()
    return None


async def apply(db: Database, outcome: Outcome) -> bool:
    """Apply one outcome; False when it names no delivery of ours."""
    async with db.system_session() as session:
        ref = await repo.find_delivery(
            session,
            delivery_id=outcome.delivery_id,
            provider=outcome.provider,
            provider_message_id=outcome.provider_message_id,
        )
    if ref is None:
        return False
    if (
        outcome.provider_message_id
        and ref.provider_message_id
        and ref.provider_message_id != outcome.provider_message_id
    ):
        # The echoed delivery id and the provider's message id disagree: not this message.
        log.warning("provider_callback_mismatch", provider=outcome.provider)
        return False
    async with db.tenant_session(ref.company_id) as session:
        scope = TenantScope(session, ref.company_id)
        target = None
        if outcome.status is not None:
            from_statuses, counter = _TRANSITIONS[outcome.status]
            target = await repo.transition(
                scope,
                ref.id,
                to_status=outcome.status,
                from_statuses=from_statuses,
                reason=outcome.reason,
                code=outcome.code,
            )
            if target is not None:
                today = datetime.now(UTC).date()
                await bump_metrics(scope, target.campaign_id, target.channel, today, {counter: 1})
        if outcome.suppress is not None:
            target = target or await repo.delivery_target(scope, ref.id)
            if target is not None:
                email, phone = await repo.contact_addresses(scope, target.contact_id)
                address = _address(target.channel, email, phone)
                if address is not None:
                    await repo.suppress(
                        scope,
                        channel=target.channel,
                        address=address,
                        reason=outcome.suppress,
                        source=f"{outcome.provider}_callback",
                        contact_id=target.contact_id,
                        campaign_id=target.campaign_id,
                    )
                # A complaint or an opt-out reported by the provider withdraws consent
                # through the consent ledger (a hard bounce only suppresses).
                await withdraw_for_suppression(
                    scope,
                    target.contact_id,
                    target.channel,
                    reason=outcome.suppress,
                    source=f"{outcome.provider}_callback",
                    context=ConsentContext(recorded_at=datetime.now(UTC)),
                    proof={"campaign_id": str(target.campaign_id)},
                )
    return True
