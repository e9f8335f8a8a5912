"""Tracking rules: a verified token names a company, message, contact and campaign; the
message must exist with exactly that contact and campaign. Each hit becomes a contact event,
moves the campaign's daily counters and (throttled) a `campaign.performance_update`.

Unique opens and clicks are decided by the database: the first open of a message inserts the
event id `open:<delivery>`, and the unique index on event ids makes a concurrent second one
a plain open.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import structlog

from crm_common.audit import current_request_meta
from crm_common.campaign_metrics import bump_metrics
from crm_common.db import Database
from crm_common.enums import DeliveryChannel, SuppressionReason
from crm_common.models import Delivery
from crm_common.tenancy import TenantScope
from crm_common.tracking_tokens import TrackingClaims
from segment_engine.contacts import consent as consent_service
from segment_engine.contacts.normalize import normalize_email, normalize_phone
from segment_engine.suppressions import service as suppression_service
from segment_engine.tracking import performance
from segment_engine.tracking import repository as repo
from segment_engine.tracking.throttle import PerformanceThrottle

log = structlog.get_logger(__name__)

T = TypeVar("T")
UNSUBSCRIBE_SOURCE = "unsubscribe_link"
# A hit's handler returns (result, counters to add); None as result means "not found".
Handler = Callable[[TenantScope, Delivery], Awaitable[tuple[T | None, dict[str, int]]]]


def _event_type(channel: str, action: str) -> str:
    return f"{channel}_{action}"


async def _track(
    db: Database, throttle: PerformanceThrottle, claims: TrackingClaims, handler: Handler[T]
) -> T | None:
    throttled = False
    async with db.tenant_session(claims.company_id) as session:
        scope = TenantScope(session, claims.company_id)
        message = await repo.delivery(
            scope, claims.delivery_id, claims.contact_id, claims.campaign_id
        )
        if message is None:
            return None
        result, increments = await handler(scope, message)
        if result is None:
            return None
        if increments:
            day = datetime.now(UTC).date()
            await bump_metrics(scope, claims.campaign_id, message.channel, day, increments)
            if await throttle.try_acquire(claims.campaign_id):
                await performance.emit_update(scope, claims.campaign_id)
            else:
                throttled = True
    if throttled:
        # After the commit, so the trailing update reads this hit's counters.
        await throttle.schedule_trailing(claims.company_id, claims.campaign_id)
    return result


async def _first_or_repeat(
    scope: TenantScope,
    message: Delivery,
    action: str,
    properties: dict[str, Any],
    event_type: str | None = None,
    *,
    record_repeats: bool = True,
) -> bool:
    """Record the hit as an event; True when it is the message's first of its kind.
    Repeats are recorded as events of their own unless `record_repeats` is off."""
    values = {
        "contact_id": message.contact_id,
        "event_type": event_type or _event_type(message.channel, action),
        "occurred_at": datetime.now(UTC),
        "properties": {"delivery_id": str(message.id), **properties},
        "campaign_id": message.campaign_id,
    }
    if await repo.insert_event(scope, {**values, "event_id": f"{action}:{message.id}"}):
        return True
    if not record_repeats:
        return False
    await repo.insert_event(
        scope, {**values, "event_id": f"{action}:{message.id}:{uuid.uuid4().hex}"}
    )
    return False


async def record_open(db: Database, throttle: PerformanceThrottle, claims: TrackingClaims) -> bool:
    """Record an open of the message; False when the token names no such message."""

    async def handle(scope: TenantScope, message: Delivery) -> tuple[bool | None, dict[str, int]]:
        first = await _first_or_repeat(scope, message, "open", {})
        return True, {"opens": 1, "unique_opens": int(first)}

    return bool(await _track(db, throttle, claims, handle))


def _safe_target(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


async def record_click(
    db: Database, throttle: PerformanceThrottle, claims: TrackingClaims
) -> str | None:
    """Record a click and return the link recorded for that message and position (None when
    there is none: the caller must not redirect anywhere else)."""
    assert claims.position is not None

    async def handle(scope: TenantScope, message: Delivery) -> tuple[str | None, dict[str, int]]:
        url = await repo.link_url(scope, message.id, claims.position or 0)
        if url is None or not _safe_target(url):
            if url is not None:
                log.warning("tracking_link_refused", delivery_id=str(message.id))
            return None, {}
        first = await _first_or_repeat(
            scope, message, "click", {"position": claims.position, "url": url[:2048]}
        )
        return url, {"clicks": 1, "unique_clicks": int(first)}

    url = await _track(db, throttle, claims, handle)
    return url if url is not None else await _test_message_link(db, claims)


async def _test_message_link(db: Database, claims: TrackingClaims) -> str | None:
    """A link of a test message (its token names the test send): followed, never recorded —
    a test is not a campaign's click."""
    async with db.tenant_session(claims.company_id) as session:
        url = await repo.test_message_link(
            TenantScope(session, claims.company_id),
            claims.delivery_id,
            claims.contact_id,
            claims.campaign_id,
            claims.position or 0,
        )
    return url if url is not None and _safe_target(url) else None


def _channel_address(channel: str, email: str | None, phone: str | None) -> str | None:
    try:
        if channel == DeliveryChannel.EMAIL and email:
            return normalize_email(email)
        if channel == DeliveryChannel.SMS and phone:
            return normalize_phone(phone)
    except ValueError:
        return None
    return None


async def unsubscribe(db: Database, throttle: PerformanceThrottle, claims: TrackingClaims) -> bool:
    """Suppress the message's address on its channel and withdraw the contact's consent for
    that channel, at once; repeating it changes nothing and counts once."""

    async def handle(scope: TenantScope, message: Delivery) -> tuple[bool | None, dict[str, int]]:
        email, phone = await repo.contact_addresses(scope, message.contact_id)
        first = await _first_or_repeat(
            scope,
            message,
            "unsubscribe",
            {"channel": message.channel},
            event_type="unsubscribe",
            record_repeats=False,
        )
        address = _channel_address(message.channel, email, phone)
        if address is not None:
            await suppression_service.suppress(
                scope,
                channel=message.channel,
                address=address,
                reason=SuppressionReason.UNSUBSCRIBE.value,
                source=UNSUBSCRIBE_SOURCE,
                contact_id=message.contact_id,
                campaign_id=message.campaign_id,
            )
        await consent_service.apply(
            scope,
            [
                consent_service.ConsentInput(
                    message.contact_id, message.channel, False, UNSUBSCRIBE_SOURCE
                )
            ],
            # The person's own request is the proof: its IP, user agent and id.
            consent_service.ConsentContext(
                recorded_at=datetime.now(UTC), meta=current_request_meta()
            ),
        )
        return True, ({"unsubscribes": 1} if first else {})

    return bool(await _track(db, throttle, claims, handle))


async def unsubscribe_target(db: Database, claims: TrackingClaims) -> str | None:
    """The sender's name for the confirmation page, or None when the message is unknown."""
    async with db.tenant_session(claims.company_id) as session:
        scope = TenantScope(session, claims.company_id)
        message = await repo.delivery(
            scope, claims.delivery_id, claims.contact_id, claims.campaign_id
        )
        if message is None:
            return None
        return await repo.company_name(scope) or "this sender"
