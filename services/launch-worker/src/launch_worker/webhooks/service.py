"""Webhook delivery: queue a delivery per event and subscription, send due ones signed,
record every attempt, retry with exponential back-off and jitter, and disable a subscription
after `CRM_WEBHOOK_DISABLE_AFTER_FAILURES` consecutive failed attempts (an audit row and a
`webhook.disabled` event say so)."""

from __future__ import annotations

import asyncio
import random
import uuid
from datetime import UTC, datetime, timedelta

import structlog

from crm_common import audit
from crm_common.db import Database
from crm_common.events import EventEnvelope, EventType, emit
from crm_common.models import WebhookAttempt, WebhookSubscription
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope
from crm_common.webhooks.addresses import AllowList
from crm_common.webhooks.enums import WebhookAttemptOutcome, WebhookDeliveryStatus, WebhookStatus
from crm_common.webhooks.payloads import event_body
from crm_common.webhooks.secrets import SecretUnreadable, WebhookSecretBox
from crm_common.webhooks.signing import (
    ATTEMPT_HEADER,
    DELIVERY_ID_HEADER,
    EVENT_ID_HEADER,
    EVENT_TYPE_HEADER,
    SIGNATURE_HEADER,
    signature_header,
)
from launch_worker.webhooks import repository
from launch_worker.webhooks.repository import ClaimedDelivery
from launch_worker.webhooks.transport import USER_AGENT, AttemptResult, WebhookSender

log = structlog.get_logger(__name__)

CLAIM_BATCH = 50
CONCURRENCY = 10
LEASE_MARGIN_S = 30.0
"""A claimed delivery is held this much longer than its slowest possible attempt."""


def retry_delay(attempt: int, settings: Settings, rng: random.Random) -> float:
    """Seconds before the attempt after `attempt`: the base doubled per attempt, capped,
    then jittered into its upper half so failing receivers are not hit in lock-step."""
    ceiling: float = min(
        settings.webhook_retry_max_s, settings.webhook_retry_base_s * 2.0 ** (attempt - 1)
    )
    jitter: float = rng.uniform(0, ceiling / 2)
    return ceiling / 2 + jitter


async def queue_event(db: Database, envelope: EventEnvelope) -> int:
    """Queue the event for every active subscription of its company that wants its type;
    idempotent on the event id (a redelivered entry queues nothing again)."""
    subscriptions = await repository.subscribed(db, envelope.company_id, envelope.type)
    if not subscriptions:  # most events of most companies: no transaction, no body to build
        return 0
    async with db.tenant_session(envelope.company_id) as session:
        scope = TenantScope(session, envelope.company_id)
        return await repository.queue(
            scope,
            subscriptions,
            envelope.id,
            envelope.type,
            event_body(envelope),
            datetime.now(UTC),
        )


def _signing_secrets(box: WebhookSecretBox, claimed: ClaimedDelivery, now: datetime) -> list[str]:
    secrets = [box.open(claimed.secret_sealed, claimed.subscription_id)]
    expires = claimed.previous_secret_expires_at
    if claimed.previous_secret_sealed and expires is not None and expires > now:
        secrets.append(box.open(claimed.previous_secret_sealed, claimed.subscription_id))
    return secrets


class WebhookDispatcher:
    """Sends due deliveries; any number of processes run one side by side."""

    def __init__(
        self,
        resources: Resources,
        sender: WebhookSender | None = None,
        *,
        rng: random.Random | None = None,
    ) -> None:
        self.resources = resources
        self.settings = resources.settings
        self.sender = sender or WebhookSender(resources.settings)
        self.box = WebhookSecretBox(resources.settings)
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not crypto
        self._wake = asyncio.Event()

    def wake(self) -> None:
        """Look for due deliveries now (events were queued)."""
        self._wake.set()

    async def aclose(self) -> None:
        await self.sender.aclose()

    async def run(self, stop: asyncio.Event) -> None:
        """Send due deliveries until `stop`; between rounds wait for a wake-up or the poll
        interval."""
        while not stop.is_set():
            if await self.run_round() > 0:
                continue
            waiters = [asyncio.ensure_future(self._wake.wait()), asyncio.ensure_future(stop.wait())]
            try:
                await asyncio.wait(
                    waiters,
                    timeout=self.settings.webhook_poll_interval_s,
                    return_when=asyncio.FIRST_COMPLETED,
                )
            finally:
                for waiter in waiters:
                    waiter.cancel()
            self._wake.clear()

    async def run_round(self) -> int:
        """Claim due deliveries, send them (a few at once) and record each; returns how many
        were claimed."""
        lease = (self.settings.webhook_timeout_s + 1) * 4 + LEASE_MARGIN_S
        async with self.resources.db.system_session() as session:
            claimed = await repository.claim_due(session, datetime.now(UTC), lease, CLAIM_BATCH)
        if not claimed:
            return 0
        limit = asyncio.Semaphore(CONCURRENCY)

        async def deliver(item: ClaimedDelivery) -> None:
            async with limit:
                await self.deliver(item)

        await asyncio.gather(*(deliver(item) for item in claimed))
        return len(claimed)

    async def deliver(self, claimed: ClaimedDelivery) -> AttemptResult:
        """Sign and send one claimed delivery, then record the attempt."""
        started = datetime.now(UTC)
        try:
            secrets = _signing_secrets(self.box, claimed, started)
        except SecretUnreadable:
            result = AttemptResult(
                WebhookAttemptOutcome.FAILED,
                claimed.url,
                error="the signing secret cannot be read with the configured key",
            )
        else:
            body = claimed.body.encode()
            headers = {
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
                EVENT_ID_HEADER: str(claimed.event_id),
                EVENT_TYPE_HEADER: claimed.event_type,
                DELIVERY_ID_HEADER: str(claimed.id),
                ATTEMPT_HEADER: str(claimed.attempt),
                SIGNATURE_HEADER: signature_header(secrets, body),
            }
            allow = AllowList.parse(claimed.allow_entries, self.settings.webhook_denied)
            result = await self.sender.post(claimed.url, body, headers, allow)
        await self.record(claimed, result, started)
        log.info(
            "webhook_attempt",
            delivery_id=str(claimed.id),
            webhook_id=str(claimed.subscription_id),
            event_type=claimed.event_type,
            attempt=claimed.attempt,
            outcome=result.outcome.value,
            status_code=result.status_code,
            latency_ms=result.latency_ms,
        )
        return result

    async def record(
        self, claimed: ClaimedDelivery, result: AttemptResult, started: datetime
    ) -> None:
        """Log the attempt, settle or reschedule the delivery, and keep the subscription's
        failure count (disabling it at the threshold) — one transaction."""
        async with self.resources.db.tenant_session(claimed.company_id) as session:
            scope = TenantScope(session, claimed.company_id)
            delivery = await repository.locked_delivery(scope, claimed.id)
            if delivery is None:
                return
            subscription = await repository.locked_subscription(scope, claimed.subscription_id)
            now = datetime.now(UTC)
            attempt = delivery.attempts + 1
            scope.add(
                WebhookAttempt(
                    id=uuid.uuid4(),
                    delivery_id=delivery.id,
                    attempt=attempt,
                    url=result.url[:2048],
                    outcome=result.outcome.value,
                    status_code=result.status_code,
                    response_body=result.response_body,
                    error=result.error,
                    latency_ms=result.latency_ms,
                    started_at=started,
                )
            )
            delivery.attempts = attempt
            delivery.last_status_code = result.status_code
            delivery.last_error = result.error
            delivery.lease_until = None
            delivery.updated_at = now
            if result.succeeded:
                delivery.status = WebhookDeliveryStatus.SUCCEEDED.value
                delivery.delivered_at = now
                delivery.next_attempt_at = None
            elif delivery.is_test or attempt >= self.settings.webhook_max_attempts:
                delivery.status = WebhookDeliveryStatus.FAILED.value
                delivery.next_attempt_at = None
            else:
                delay = retry_delay(attempt, self.settings, self.rng)
                delivery.next_attempt_at = now + timedelta(seconds=delay)
            if subscription is not None and not delivery.is_test:
                await self._count(scope, subscription, result, now)

    async def _count(
        self,
        scope: TenantScope,
        subscription: WebhookSubscription,
        result: AttemptResult,
        now: datetime,
    ) -> None:
        if result.succeeded:
            subscription.consecutive_failures = 0
            subscription.last_success_at = now
            return
        subscription.consecutive_failures += 1
        subscription.last_failure_at = now
        threshold = self.settings.webhook_disable_after_failures
        if subscription.status == WebhookStatus.ACTIVE and subscription.consecutive_failures >= (
            threshold
        ):
            await disable(scope, subscription, result, now)


async def disable(
    scope: TenantScope, subscription: WebhookSubscription, result: AttemptResult, now: datetime
) -> None:
    """Stop delivering to a failing subscription: its pending deliveries wait until a user
    re-enables it; the audit log and a `webhook.disabled` event tell the company."""
    failures = subscription.consecutive_failures
    reason = f"Disabled after {failures} consecutive failed attempts; the last: {result.error}"
    subscription.status = WebhookStatus.DISABLED.value
    subscription.disabled_at = now
    subscription.disabled_reason = reason[:1000]
    subscription.updated_at = now
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=None,
        action=EventType.WEBHOOK_DISABLED.value,
        entity_type="webhook",
        entity_id=subscription.id,
        old_values={"status": WebhookStatus.ACTIVE.value},
        new_values={
            "status": WebhookStatus.DISABLED.value,
            "consecutive_failures": failures,
            "reason": subscription.disabled_reason,
        },
    )
    await emit(
        scope.session,
        EventType.WEBHOOK_DISABLED,
        scope.company_id,
        {
            "webhook_id": str(subscription.id),
            "name": subscription.name,
            "status": WebhookStatus.DISABLED.value,
            "consecutive_failures": failures,
            "reason": subscription.disabled_reason,
        },
    )
    log.warning("webhook_disabled", webhook_id=str(subscription.id), failures=failures)
