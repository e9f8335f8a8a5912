"""Webhook subscriptions: URLs checked against the address policy when saved, secrets made
and sealed here and shown once, test pings queued for the launch worker, and an audit row and
an event for every change."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from campaign_api.webhooks import repository
from campaign_api.webhooks.errors import WebhookNotFound, WebhookUrlNotAllowed
from campaign_api.webhooks.schemas import (
    AllowListRead,
    AllowListUpdate,
    EventTypesRead,
    WebhookAttemptRead,
    WebhookCreate,
    WebhookDeliveryRead,
    WebhookRead,
    WebhookSecretRead,
    WebhookUpdate,
)
from crm_common import audit
from crm_common.errors import ValidationFailed
from crm_common.events import EventType, emit
from crm_common.models import Company, WebhookAllowList, WebhookDelivery, WebhookSubscription
from crm_common.pagination import PageParams, make_page
from crm_common.privacy.residency import check_destination
from crm_common.security.principal import Principal
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope
from crm_common.webhooks.addresses import AllowList, Resolver, TargetRefused, resolve_target
from crm_common.webhooks.enums import WebhookDeliveryStatus, WebhookStatus
from crm_common.webhooks.payloads import PING_EVENT_TYPE, SUBSCRIBABLE_EVENT_TYPES, ping_body
from crm_common.webhooks.secrets import WebhookSecretBox
from crm_common.webhooks.signing import new_secret

ENTITY = "webhook"
_AUDITED = ("name", "description", "url", "event_types", "status")


def read(row: WebhookSubscription) -> WebhookRead:
    return WebhookRead.model_validate(row)


def _profile(row: WebhookSubscription) -> dict[str, Any]:
    """What the audit log keeps of a subscription (never its secret)."""
    return {field: getattr(row, field) for field in _AUDITED}


async def _record(
    scope: TenantScope,
    principal: Principal,
    event: EventType,
    row: WebhookSubscription,
    old: dict[str, Any] | None = None,
    new: dict[str, Any] | None = None,
) -> None:
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=event.value,
        entity_type=ENTITY,
        entity_id=row.id,
        old_values=old,
        new_values=new,
    )
    await emit(
        scope.session,
        event,
        scope.company_id,
        {"webhook_id": str(row.id), "name": row.name, "status": row.status},
        actor_user_id=principal.user_id,
    )


async def _load(
    scope: TenantScope, webhook_id: uuid.UUID, *, for_update: bool = False
) -> WebhookSubscription:
    row = await repository.get(scope, webhook_id, for_update=for_update)
    if row is None:
        raise WebhookNotFound()
    return row


async def company_allow_list(scope: TenantScope, settings: Settings) -> AllowList:
    stored = await repository.allow_list(scope)
    entries = stored.entries if stored is not None else []
    return AllowList.parse(entries, settings.webhook_denied)


async def check_url(scope: TenantScope, settings: Settings, resolver: Resolver, url: str) -> None:
    """Refuse a URL the launch worker would refuse to call (422 naming the reason), or one
    outside the company's data residency region (422 `residency_violation`)."""
    company = await scope.session.get(Company, scope.company_id)
    check_destination(company.settings if company is not None else {}, url)
    try:
        await resolve_target(url, await company_allow_list(scope, settings), resolver)
    except TargetRefused as exc:
        raise WebhookUrlNotAllowed(
            details={"fields": {"url": [exc.detail]}, "reason": exc.reason}
        ) from None


def event_types() -> EventTypesRead:
    """Every event type a subscription can pick."""
    return EventTypesRead(event_types=list(SUBSCRIBABLE_EVENT_TYPES))


async def list_webhooks(
    scope: TenantScope, params: PageParams, *, status: WebhookStatus | None
) -> dict[str, Any]:
    """One page of the company's subscriptions."""
    statement = repository.list_statement(scope, status.value if status else None)
    rows, total = await repository.page(scope, statement, params)
    filters = {"status": status.value if status else None}
    return make_page([read(row) for row in rows], total, params, filters)


async def get_webhook(scope: TenantScope, webhook_id: uuid.UUID) -> WebhookRead:
    """One subscription of the company (404 when absent)."""
    return read(await _load(scope, webhook_id))


async def create_webhook(
    scope: TenantScope,
    principal: Principal,
    settings: Settings,
    resolver: Resolver,
    data: WebhookCreate,
) -> WebhookSecretRead:
    """Add a subscription with a new signing secret, returned this once."""
    await check_url(scope, settings, resolver, data.url)
    secret = new_secret()
    webhook_id = uuid.uuid4()
    row = repository.add(
        scope,
        WebhookSubscription(
            id=webhook_id,
            name=data.name,
            description=data.description,
            url=data.url,
            event_types=data.event_types,
            status=WebhookStatus.ACTIVE.value,
            secret_sealed=WebhookSecretBox(settings).seal(secret, webhook_id),
            consecutive_failures=0,
            created_by_user_id=principal.user_id,
        ),
    )
    await scope.session.flush()
    await scope.session.refresh(row)
    await _record(scope, principal, EventType.WEBHOOK_CREATED, row, new=_profile(row))
    return WebhookSecretRead(**read(row).model_dump(), secret=secret)


def _reactivate(row: WebhookSubscription) -> None:
    row.status = WebhookStatus.ACTIVE.value
    row.consecutive_failures = 0
    row.disabled_at = None
    row.disabled_reason = None


async def update_webhook(
    scope: TenantScope,
    principal: Principal,
    settings: Settings,
    resolver: Resolver,
    webhook_id: uuid.UUID,
    data: WebhookUpdate,
) -> WebhookRead:
    """Change a subscription; a new URL is checked like a new subscription's."""
    row = await _load(scope, webhook_id, for_update=True)
    before = _profile(row)
    changes = data.model_dump(exclude_unset=True)
    if "url" in changes and changes["url"] != row.url:
        await check_url(scope, settings, resolver, changes["url"])
    status = changes.pop("status", None)
    for field, value in changes.items():
        setattr(row, field, value)
    if status == WebhookStatus.ACTIVE and row.status != WebhookStatus.ACTIVE:
        _reactivate(row)
    elif status == WebhookStatus.PAUSED:
        row.status = WebhookStatus.PAUSED.value
    row.updated_at = datetime.now(UTC)
    await scope.session.flush()
    after = _profile(row)
    changed = {key: before[key] for key in after if before[key] != after[key]}
    if changed:
        new = {key: after[key] for key in changed}
        await _record(scope, principal, EventType.WEBHOOK_UPDATED, row, changed, new)
    return read(row)


async def delete_webhook(scope: TenantScope, principal: Principal, webhook_id: uuid.UUID) -> None:
    """Remove a subscription and its delivery log."""
    row = await _load(scope, webhook_id, for_update=True)
    await _record(scope, principal, EventType.WEBHOOK_DELETED, row, old=_profile(row))
    await repository.delete(scope, row)


async def rotate_secret(
    scope: TenantScope, principal: Principal, settings: Settings, webhook_id: uuid.UUID
) -> WebhookSecretRead:
    """Replace the signing secret; the old one keeps signing (alongside) for the grace
    period so receivers can switch without losing deliveries."""
    row = await _load(scope, webhook_id, for_update=True)
    box = WebhookSecretBox(settings)
    secret = new_secret()
    now = datetime.now(UTC)
    if settings.webhook_secret_grace_s > 0:
        row.previous_secret_sealed = row.secret_sealed
        row.previous_secret_expires_at = now + timedelta(seconds=settings.webhook_secret_grace_s)
    else:
        row.previous_secret_sealed = None
        row.previous_secret_expires_at = None
    row.secret_sealed = box.seal(secret, row.id)
    row.updated_at = now
    await scope.session.flush()
    grace = {"previous_secret_expires_at": row.previous_secret_expires_at}
    await _record(
        scope,
        principal,
        EventType.WEBHOOK_SECRET_ROTATED,
        row,
        new={key: value.isoformat() if value else None for key, value in grace.items()},
    )
    return WebhookSecretRead(**read(row).model_dump(), secret=secret)


async def enable_webhook(
    scope: TenantScope, principal: Principal, webhook_id: uuid.UUID
) -> WebhookRead:
    """Deliver again to a subscription that was disabled after failures (or paused); its
    failure count starts from zero and the deliveries it held resume."""
    row = await _load(scope, webhook_id, for_update=True)
    if row.status == WebhookStatus.ACTIVE:
        return read(row)
    old = {"status": row.status, "disabled_reason": row.disabled_reason}
    _reactivate(row)
    row.updated_at = datetime.now(UTC)
    await scope.session.flush()
    await _record(scope, principal, EventType.WEBHOOK_ENABLED, row, old, {"status": row.status})
    return read(row)


def read_delivery(row: WebhookDelivery, attempts: list[Any]) -> WebhookDeliveryRead:
    return WebhookDeliveryRead(
        id=row.id,
        webhook_id=row.subscription_id,
        event_id=row.event_id,
        event_type=row.event_type,
        is_test=row.is_test,
        status=WebhookDeliveryStatus(row.status),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_status_code=row.last_status_code,
        last_error=row.last_error,
        delivered_at=row.delivered_at,
        created_at=row.created_at,
        attempt_log=[WebhookAttemptRead.model_validate(attempt) for attempt in attempts],
    )


async def send_ping(
    scope: TenantScope, principal: Principal, webhook_id: uuid.UUID
) -> WebhookDeliveryRead:
    """Queue a `webhook.ping` for the launch worker to send at once, whatever the
    subscription's status (one attempt, never counted towards disabling it)."""
    row = await _load(scope, webhook_id)
    event_id = uuid.uuid4()
    now = datetime.now(UTC)
    delivery = repository.add(
        scope,
        WebhookDelivery(
            id=uuid.uuid4(),
            subscription_id=row.id,
            event_id=event_id,
            event_type=PING_EVENT_TYPE,
            body=ping_body(event_id, scope.company_id, row.id),
            is_test=True,
            status=WebhookDeliveryStatus.PENDING.value,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            updated_at=now,
        ),
    )
    await scope.session.flush()
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action="webhook.ping_requested",
        entity_type=ENTITY,
        entity_id=row.id,
        new_values={"delivery_id": str(delivery.id), "event_id": str(event_id)},
    )
    return read_delivery(delivery, [])


async def list_deliveries(
    scope: TenantScope,
    params: PageParams,
    webhook_id: uuid.UUID,
    *,
    status: WebhookDeliveryStatus | None,
    event_type: str | None,
) -> dict[str, Any]:
    """The subscription's delivery log, newest first, each with its attempts."""
    await _load(scope, webhook_id)
    statement = repository.deliveries_statement(
        scope, webhook_id, status.value if status else None, event_type
    )
    rows, total = await repository.page(scope, statement, params)
    attempts = await repository.attempts_of(scope, [row.id for row in rows])
    items = [read_delivery(row, attempts[row.id]) for row in rows]
    filters = {"status": status.value if status else None, "event_type": event_type}
    return make_page(items, total, params, filters)


def _read_allow_list(stored: WebhookAllowList | None) -> AllowListRead:
    if stored is None:
        return AllowListRead(entries=[], updated_at=None)
    return AllowListRead(entries=list(stored.entries), updated_at=stored.updated_at)


async def get_allow_list(scope: TenantScope) -> AllowListRead:
    """The company's allowed private hosts and networks."""
    return _read_allow_list(await repository.allow_list(scope))


async def set_allow_list(
    scope: TenantScope, principal: Principal, settings: Settings, data: AllowListUpdate
) -> AllowListRead:
    """Replace the company's allowed private hosts and networks; a network overlapping the
    platform's own (`Settings.webhook_denied`) is refused (422)."""
    reserved = AllowList.parse(data.entries, settings.webhook_denied).reserved_entries()
    if reserved:
        raise ValidationFailed(
            "These networks belong to the platform; webhooks cannot reach them.",
            details={"fields": {"entries": [f"{entry} is reserved" for entry in reserved]}},
        )
    stored = await repository.allow_list(scope, for_update=True)
    old = list(stored.entries) if stored is not None else []
    saved = await repository.save_allow_list(scope, data.entries, principal.user_id)
    if old != data.entries:
        await audit.record(
            scope.session,
            company_id=scope.company_id,
            actor_user_id=principal.user_id,
            action="webhook.allow_list_changed",
            entity_type="company",
            entity_id=scope.company_id,
            old_values={"entries": old},
            new_values={"entries": data.entries},
        )
    return _read_allow_list(saved)
