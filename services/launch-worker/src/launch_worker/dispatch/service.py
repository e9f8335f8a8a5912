"""Sending a launch's deliveries: claim a batch (SKIP LOCKED + lease), render each message,
hand them to the channel's adapter under the shared rate limit, record the batch with one
statement, and count it in the launch, the metrics and the campaign's spend.

Exactly-once in our records, at-least-once towards the provider: a delivery is claimed with a
lease; if its worker dies before recording, the lease lapses and another worker sends it
again with the same idempotency key (the delivery id) — the only possible duplicate, and one
the provider or the recipient's mail system can recognise."""

from __future__ import annotations

import asyncio
import math
import random
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import structlog
from sqlalchemy.exc import DBAPIError

from crm_common.campaign_cache import invalidate_campaign
from crm_common.messages import RenderContext, RenderFailed, contact_fields, render_message
from crm_common.models import Campaign, Launch
from crm_common.resources import Resources
from crm_common.tenancy import TenantScope
from crm_common.tracking_tokens import TrackingSigner
from launch_worker.alerts.service import PerformanceAlerts
from launch_worker.channels.base import (
    ChannelAdapter,
    OutgoingMessage,
    PermanentSendError,
    SendError,
    TransientSendError,
)
from launch_worker.channels.registry import ChannelChoice, ChannelRegistry
from launch_worker.dispatch import repository as repo
from launch_worker.dispatch.context import LaunchContext, load_context
from launch_worker.dispatch.controls import Control, LaunchControls
from launch_worker.dispatch.ratelimit import SendRateLimiter
from launch_worker.launches.repository import ClaimedLaunch, sending_launches
from launch_worker.spend.service import BudgetGuard, Reservation, Wanted

log = structlog.get_logger(__name__)

RECORD_ATTEMPTS = 5
LAUNCH_LIST_TTL_S = 0.5
"""How long a busy dispatcher keeps the list of sending launches."""
LEASE_SHARE = 0.6
"""The share of a delivery lease a worker may spend sending its batch."""
RATE_WAIT_SLICE_S = 0.25
"""The longest a dispatcher waits on the rate limit before looking at its launch's state."""
RATED_BATCH_S = 1.0
"""A rate-limited launch claims what its rate sends in about this long: its batches are
recorded (and its progress moves) every second or so, and a pause or cancel finds little
claimed."""
PARALLEL_LAUNCHES = 16
"""Launches a dispatcher has a batch in flight for at once. A batch holds at most one
database connection at a time (to claim, reserve, record): fewer than the pool's 20, so the
batches never wait out the pool's timeout for one."""
ROUND_WAIT_S = 0.05
"""The longest a dispatch round waits for a batch in flight to end before it looks for
launches that have none."""


_REFUSED = {
    "no_consent": "consent withdrawn or ended since the launch started",
    "suppressed": "suppressed since the launch started",
}


@dataclass(frozen=True)
class Pending:
    delivery: repo.ClaimedDelivery
    message: OutgoingMessage
    links: Sequence[str]


def recipient_of(channel: str, contact: dict[str, object]) -> str | None:
    if channel == "email":
        return str(contact["email"]) if contact.get("email") else None
    if channel == "sms":
        return str(contact["phone"]) if contact.get("phone") else None
    name = " ".join(str(contact[p]) for p in ("first_name", "last_name") if contact.get(p))
    return name or str(contact.get("external_id") or "")


def postal_address(contact: dict[str, object]) -> dict[str, object]:
    attributes = contact.get("attributes")
    extra = attributes if isinstance(attributes, dict) else {}
    return {
        "address_line1": extra.get("address_line1"),
        "address_line2": extra.get("address_line2"),
        "city": contact.get("city"),
        "region": contact.get("region"),
        "postal_code": contact.get("postal_code"),
        "country": contact.get("country"),
    }


class Dispatcher:
    """One per worker process; any number of them share every launch's deliveries."""

    def __init__(
        self,
        resources: Resources,
        registry: ChannelRegistry,
        owner: str,
        controls: LaunchControls | None = None,
    ) -> None:
        self.resources = resources
        self.settings = resources.settings
        self.registry = registry
        self.owner = owner
        self.controls = controls or LaunchControls(resources.db)
        self.limiter = SendRateLimiter(resources.redis)
        self.signer = TrackingSigner.from_settings(resources.settings)
        self.budget = BudgetGuard(resources.db)
        self.alerts = PerformanceAlerts(resources)
        self._contexts: dict[uuid.UUID, LaunchContext] = {}
        self._fresh: dict[uuid.UUID, repo.FreshCursor] = {}
        """Where this worker looks for each sending launch's fresh deliveries."""
        self._launches: list[ClaimedLaunch] | None = None
        self._launches_read_at = 0.0
        self._in_flight: dict[uuid.UUID, asyncio.Task[int]] = {}
        """Each launch's batch in flight."""

    async def _sending_launches(self) -> list[ClaimedLaunch]:
        """The launches in `sending`, re-read at most every LAUNCH_LIST_TTL_S while batches
        keep coming (a launch that stops sending is caught by its control before each chunk)."""
        now = time.monotonic()
        if self._launches is None or now - self._launches_read_at > LAUNCH_LIST_TTL_S:
            async with self.resources.db.system_session() as session:
                self._launches = await sending_launches(session)
            self._launches_read_at = now
        return self._launches

    @property
    def busy(self) -> bool:
        """Whether batches are in flight (the dispatch loop then does not nap)."""
        return bool(self._in_flight)

    async def run_round(self) -> int:
        """Start a batch of every sending launch that has none in flight (at most
        PARALLEL_LAUNCHES in flight), then wait up to ROUND_WAIT_S for one to end; the number
        of deliveries the ended batches handled. Each launch goes at its own pace: one waiting
        on its rate limit, or on a slow provider, keeps only its own batch in flight while
        the others' batches go on, round after round."""
        launches = await self._sending_launches()
        live = {launch.id for launch in launches}
        for gone in (set(self._contexts) | set(self._fresh)) - live - set(self._in_flight):
            self._contexts.pop(gone, None)
            self._fresh.pop(gone, None)
            self.controls.forget(gone)
            self.alerts.forget(gone)
        for launch in launches:
            if len(self._in_flight) >= PARALLEL_LAUNCHES:
                break
            if launch.id not in self._in_flight:
                self._in_flight[launch.id] = asyncio.create_task(
                    self._dispatch_apart(launch), name=f"dispatch-{launch.id}"
                )
        if not self._in_flight:  # idle: the next round looks for launches afresh
            self._launches = None
            return 0
        await asyncio.wait(
            self._in_flight.values(), timeout=ROUND_WAIT_S, return_when=asyncio.FIRST_COMPLETED
        )
        handled = self._collect()
        if handled == 0 and self._in_flight:
            # Only batches that found nothing ended (a paused launch): wait out the round
            # rather than start them again at once.
            await asyncio.wait(self._in_flight.values(), timeout=ROUND_WAIT_S)
            handled = self._collect()
        if handled == 0 and not self._in_flight:
            self._launches = None
        return handled

    def _collect(self) -> int:
        """Take the ended batches out of those in flight; the deliveries they handled."""
        handled = 0
        for launch_id, task in list(self._in_flight.items()):
            if task.done():
                del self._in_flight[launch_id]
                handled += task.result()
        return handled

    async def cancel_in_flight(self) -> None:
        """Stop the batches in flight (the worker is stopping: their leases lapse and
        another worker sends what they had claimed and not recorded)."""
        tasks = list(self._in_flight.values())
        self._in_flight = {}
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _dispatch_apart(self, launch: ClaimedLaunch) -> int:
        """One batch of `launch`; its trouble is logged and stops no other launch."""
        try:
            return await self.dispatch_batch(launch)
        except Exception as exc:
            log.exception("dispatch_batch_failed", launch_id=str(launch.id), error=repr(exc))
            return 0

    async def _context(self, launch: ClaimedLaunch) -> LaunchContext | None:
        context = self._contexts.get(launch.id)
        if context is None:
            async with self.resources.db.tenant_session(launch.company_id) as session:
                scope = TenantScope(session, launch.company_id)
                row = await scope.get(Launch, launch.id)
                campaign = await scope.get(Campaign, launch.campaign_id)
                if row is None or campaign is None:
                    return None
                context = await load_context(scope, row, campaign)
            self._contexts[launch.id] = context
        return context

    async def dispatch_batch(self, launch: ClaimedLaunch) -> int:
        """Claim, send and record one batch of a launch; 0 when nothing was due."""
        if await self.controls.control(launch.id) != Control.RUN:
            # Paused (or stopping): a paused campaign may change its message and have it
            # approved again, and a resumed launch sends the message as it then is.
            self._contexts.pop(launch.id, None)
            return 0
        context = await self._context(launch)
        if context is None:
            return 0
        fresh = self._fresh.get(launch.id) or repo.FreshCursor.of(launch.id)
        async with self.resources.db.tenant_session(launch.company_id) as session:
            claimed, fresh = await repo.claim_batch(
                session,
                launch.company_id,
                launch.id,
                self.owner,
                self.settings.delivery_lease_s,
                self._batch_size(context),
                fresh,
            )
        self._fresh[launch.id] = fresh  # committed: the claim stands
        if not claimed:
            return 0
        # Nothing of the batch goes out once most of its lease is spent: another worker may
        # claim what is left as soon as the lease lapses.
        deadline = time.monotonic() + self.settings.delivery_lease_s * LEASE_SHARE
        reservation = Reservation()
        outcomes = await self._process(context, claimed, deadline, reservation)
        await self._record(context, outcomes, reservation)
        await self.alerts.maybe_check(context.company_id, context.campaign_id, launch.id)
        return len(claimed)

    def _batch_size(self, context: LaunchContext) -> int:
        """The batch size, or for a launch whose channels are all rate limited, what the
        fastest of them sends in RATED_BATCH_S (at least one)."""
        size = self.settings.dispatch_batch_size
        rates = [
            self._rate(context, self.registry.choice(context.company_settings, channel))
            for channel in context.channels
        ]
        if rates and all(rate is not None for rate in rates):
            fastest = max(rate for rate in rates if rate is not None)
            size = min(size, max(1, math.ceil(fastest * RATED_BATCH_S)))
        return size

    async def _process(
        self,
        context: LaunchContext,
        claimed: Sequence[repo.ClaimedDelivery],
        deadline: float,
        reservation: Reservation,
    ) -> list[repo.Outcome]:
        now = datetime.now(UTC)
        outcomes: list[repo.Outcome] = []
        by_channel: dict[str, list[Pending]] = defaultdict(list)
        senders = {channel: self._sender(context, channel) for channel in context.channels}
        for delivery in claimed:
            sender = senders.get(delivery.channel) or self._sender(context, delivery.channel)
            outcome, pending = self._prepare(context, delivery, now, sender)
            if outcome is not None:
                outcomes.append(outcome)
            if pending is not None:
                by_channel[delivery.channel].append(pending)
        outcomes.extend(await self._reserve(context, by_channel, reservation))
        for channel, items in by_channel.items():
            outcomes.extend(await self._send_channel(context, channel, items, deadline))
        return outcomes

    async def _reserve(
        self, context: LaunchContext, by_channel: dict[str, list[Pending]], reservation: Reservation
    ) -> list[repo.Outcome]:
        """Reserve the batch's cost on the budgets; what does not fit goes back to the queue
        (the campaign is paused when the batch is recorded)."""
        wanted = {
            channel: Wanted(
                len(items),
                self.registry.choice(context.company_settings, channel).unit_cost or Decimal(0),
            )
            for channel, items in by_channel.items()
        }
        granted, held = await self.budget.reserve(context, wanted)
        reservation.amount, reservation.parts = held.amount, held.parts
        reservation.cheapest_unmet, reservation.limited_by = held.cheapest_unmet, held.limited_by
        refused: list[repo.Outcome] = []
        for channel, items in by_channel.items():
            allowed = granted.get(channel, len(items))
            refused.extend(
                repo.Outcome(item.delivery.id, "pending", refund=1, code="budget_exhausted")
                for item in items[allowed:]
            )
            by_channel[channel] = items[:allowed]
        return refused

    def _sender(self, context: LaunchContext, channel: str) -> str | None:
        """Who a launch's messages on `channel` come from (worked out once per batch)."""
        choice = self.registry.choice(context.company_settings, channel)
        if choice.sender:
            return choice.sender
        return context.sender.from_header if channel == "email" else context.sender.sms_sender

    def _prepare(
        self,
        context: LaunchContext,
        delivery: repo.ClaimedDelivery,
        now: datetime,
        sender: str | None,
    ) -> tuple[repo.Outcome | None, Pending | None]:
        contact = delivery.contact
        if delivery.refused is not None:
            return repo.Outcome(
                delivery.id,
                "skipped",
                error=_REFUSED[delivery.refused],
                code=delivery.refused,
            ), None
        if context.quiet is not None and context.quiet.applies_to(delivery.channel):
            timezone = contact.get("timezone")
            held = context.quiet.held_until(now, timezone if isinstance(timezone, str) else None)
            if held is not None:
                return repo.Outcome(
                    delivery.id, "pending", next_at=held, refund=1, code="quiet_hours"
                ), None
        recipient = recipient_of(delivery.channel, contact)
        if not recipient:
            return repo.Outcome(
                delivery.id, "skipped", error="no address on this channel", code="no_address"
            ), None
        try:
            rendered = render_message(
                context.message(delivery.channel, delivery.variant_id),
                RenderContext(
                    company_id=context.company_id,
                    campaign_id=context.campaign_id,
                    delivery_id=delivery.id,
                    contact_id=delivery.contact_id,
                    contact=contact_fields(contact),
                    campaign=context.campaign,
                    sender=context.sender,
                    tracking_base_url=self.settings.public_base_url,
                ),
                self.signer,
            )
        except RenderFailed as exc:
            return repo.Outcome(delivery.id, "failed", error=exc.reason, code="render_failed"), None
        message = OutgoingMessage(
            delivery_id=delivery.id,
            company_id=context.company_id,
            campaign_id=context.campaign_id,
            contact_id=delivery.contact_id,
            channel=delivery.channel,
            recipient=recipient,
            idempotency_key=str(delivery.id),
            text=rendered.text,
            subject=rendered.subject,
            html=rendered.html,
            sender=sender,
            headers=dict(rendered.headers),
            postal_address=postal_address(contact) if delivery.channel == "direct_mail" else None,
            launch_id=context.launch_id,
        )
        return None, Pending(delivery, message, rendered.links)

    def _rate(self, context: LaunchContext, choice: ChannelChoice) -> float | None:
        limits: list[float] = []
        if context.throttle_per_s:
            limits.append(context.throttle_per_s)
        if choice.rate_limit_per_s:
            limits.append(float(choice.rate_limit_per_s))
        default = self.settings.send_rate_limits.get(choice.provider)
        if default:
            limits.append(float(default))
        return min(limits) if limits else None

    async def _send_channel(
        self, context: LaunchContext, channel: str, items: list[Pending], deadline: float
    ) -> list[repo.Outcome]:
        choice = self.registry.choice(context.company_settings, channel)
        try:
            adapter = self.registry.adapter(channel, choice.provider)
        except SendError as exc:
            return [self._failure(item, exc, choice) for item in items]
        rate = self._rate(context, choice)
        key = self.limiter.key(context.company_id, channel, choice.provider)
        outcomes: list[repo.Outcome] = []
        index = 0
        while index < len(items):
            control = await self.controls.control(context.launch_id)
            if control != Control.RUN:
                # Paused mid-batch: the message may change before the resume (see
                # `dispatch_batch`), so the launch reads it again then.
                self._contexts.pop(context.launch_id, None)
            elif time.monotonic() > deadline:
                control = Control.HOLD
            if control != Control.RUN:
                outcomes.extend(self._release(items[index:], control))
                break
            wanted = min(self.settings.dispatch_concurrency, len(items) - index)
            if rate is not None:
                grant = await self.limiter.take(key, rate, wanted)
                if grant.granted == 0:
                    await asyncio.sleep(min(max(grant.wait_s, 0.001), RATE_WAIT_SLICE_S))
                    continue
                wanted = grant.granted
            chunk = items[index : index + wanted]
            index += wanted
            outcomes.extend(
                await asyncio.gather(*(self._send(adapter, item, choice) for item in chunk))
            )
        return outcomes

    def _release(self, items: Sequence[Pending], control: Control) -> list[repo.Outcome]:
        if control == Control.STOP:
            return [
                repo.Outcome(item.delivery.id, "skipped", error="launch ended", code="launch_ended")
                for item in items
            ]
        return [repo.Outcome(item.delivery.id, "pending", refund=1) for item in items]

    async def _send(
        self, adapter: ChannelAdapter, item: Pending, choice: ChannelChoice
    ) -> repo.Outcome:
        try:
            result = await adapter.send(item.message)
        except SendError as exc:
            return self._failure(item, exc, choice)
        except Exception as exc:  # an adapter bug or a network error it did not classify
            log.warning("send_unclassified_error", provider=adapter.name, error=repr(exc))
            return self._failure(item, TransientSendError(type(exc).__name__), choice)
        cost = result.cost if result.cost is not None else (choice.unit_cost or Decimal(0))
        return repo.Outcome(
            item.delivery.id,
            "sent",
            provider=result.provider,
            message_id=result.provider_message_id,
            cost=cost,
            links=item.links,
        )

    def _failure(self, item: Pending, exc: SendError, choice: ChannelChoice) -> repo.Outcome:
        attempts = item.delivery.attempts
        if isinstance(exc, TransientSendError) and attempts < self.settings.send_max_attempts:
            return repo.Outcome(
                item.delivery.id,
                "pending",
                provider=choice.provider,
                error=exc.reason,
                code=exc.code or "transient",
                next_at=datetime.now(UTC) + timedelta(seconds=self.backoff(attempts, exc)),
            )
        reason = exc.reason
        if isinstance(exc, TransientSendError):
            reason = f"gave up after {attempts} attempts: {exc.reason}"
        code = exc.code or ("permanent" if isinstance(exc, PermanentSendError) else "transient")
        return repo.Outcome(
            item.delivery.id, "failed", provider=choice.provider, error=reason, code=code
        )

    def backoff(self, attempts: int, exc: TransientSendError) -> float:
        """Exponential back-off with jitter, or the provider's Retry-After when longer."""
        base = self.settings.send_retry_base_s * (2 ** max(0, attempts - 1))
        delay = min(self.settings.send_retry_max_s, base) * random.uniform(0.8, 1.2)  # noqa: S311
        return float(max(delay, exc.retry_after_s or 0.0))

    async def _record(
        self,
        context: LaunchContext,
        outcomes: Sequence[repo.Outcome],
        reservation: Reservation | None = None,
    ) -> None:
        """Record a sent batch, retrying a few times when the database hiccups: messages
        already handed to providers must not wait for their lease to lapse and go again."""
        for attempt in range(1, RECORD_ATTEMPTS + 1):
            try:
                await self._record_once(context, outcomes, reservation or Reservation())
                return
            except DBAPIError as exc:
                if attempt == RECORD_ATTEMPTS:
                    raise
                log.warning("record_batch_retry", attempt=attempt, error=type(exc).__name__)
                await asyncio.sleep(0.05 * attempt)

    async def _record_once(
        self,
        context: LaunchContext,
        outcomes: Sequence[repo.Outcome],
        reservation: Reservation,
    ) -> None:
        async with self.resources.db.tenant_session(context.company_id) as session:
            totals = await repo.record_batch(
                session,
                context.company_id,
                context.campaign_id,
                context.launch_id,
                self.owner,
                outcomes,
                datetime.now(UTC).date(),
            )
            paused = await self.budget.settle(
                session, context, reservation, totals.spend, context.launch_id
            )
            if totals or paused:
                await invalidate_campaign(
                    self.resources.redis,
                    context.company_id,
                    context.campaign_id,
                    self.settings.campaign_cache_ttl_s,
                    session=session,
                )
