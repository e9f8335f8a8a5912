"""One connected client as the hub sees it: who it is, what it asked for, and its bounded
queue of outgoing frames. Nothing here awaits: the hub offers frames synchronously and the
client's own sender task writes them, so a slow socket only ever delays itself."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections import deque
from dataclasses import dataclass

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from notify_gateway.ws import metrics
from notify_gateway.ws.events import Outgoing, StreamEvent
from notify_gateway.ws.protocol import CloseCode


@dataclass(frozen=True, slots=True)
class Subscription:
    campaign_ids: frozenset[str] | None = None
    event_types: frozenset[str] | None = None


class Client:
    """A connection's routing state and outgoing queue."""

    __slots__ = (
        "_closed",
        "_wakeup",
        "close_code",
        "close_reason",
        "company_id",
        "connection_id",
        "last_seen",
        "ping_sent_at",
        "principal",
        "queue",
        "queue_limit",
        "queue_size",
        "subscription",
        "user_id",
        "view_budget",
    )

    def __init__(self, principal: Principal, queue_size: int) -> None:
        self.connection_id = uuid.uuid4().hex
        self.principal = principal
        self.user_id = principal.user_id
        self.company_id = principal.company_id
        self.view_budget = principal.has(Permission.VIEW_BUDGET)
        self.subscription = Subscription()
        self.queue: deque[Outgoing] = deque()
        self.queue_size = queue_size
        self.queue_limit = queue_size
        self.last_seen = time.monotonic()
        self.ping_sent_at: float | None = None
        self.close_code: int | None = None
        self.close_reason = ""
        self._wakeup = asyncio.Event()
        self._closed = asyncio.Event()

    @property
    def closing(self) -> bool:
        return self.close_code is not None

    def update_principal(self, principal: Principal) -> None:
        """A refreshed token for the same user and company; permissions may have changed."""
        self.principal = principal
        self.view_budget = principal.has(Permission.VIEW_BUDGET)

    def wants(self, event: StreamEvent) -> bool:
        """Tenant, campaign and event-type match (the hub's index already narrowed most)."""
        if event.company_id != self.company_id:
            return False
        campaigns = self.subscription.campaign_ids
        if campaigns is not None and event.campaign_id not in campaigns:
            return False
        types = self.subscription.event_types
        return types is None or event.type in types

    def offer_event(self, event: StreamEvent) -> None:
        self._offer(event.outgoing(self.view_budget))

    def offer(self, text: str) -> None:
        self._offer(Outgoing(text))

    def _offer(self, item: Outgoing) -> None:
        if self.close_code is not None:
            return
        if len(self.queue) >= self.queue_limit:
            metrics.CLIENTS_DROPPED.labels("slow_consumer").inc()
            self.close(CloseCode.SLOW_CONSUMER, "send queue full")
            return
        self.queue.append(item)
        self._wakeup.set()

    def close(self, code: int, reason: str) -> None:
        """Ask the connection to close with `code`; the first request wins."""
        if self.close_code is not None:
            return
        self.close_code = code
        self.close_reason = reason
        self.queue.clear()
        self._wakeup.set()
        self._closed.set()

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def wait_for_frames(self) -> None:
        await self._wakeup.wait()
        self._wakeup.clear()

    def allow_backlog(self, extra: int) -> None:
        """While a resume replays, live frames wait in the queue: let it hold `extra` more."""
        self.queue_limit = self.queue_size + extra

    def settle_backlog(self) -> None:
        """Back to the normal bound once the queue has drained below it."""
        if self.queue_limit != self.queue_size and len(self.queue) < self.queue_size:
            self.queue_limit = self.queue_size

    def touch(self) -> None:
        """The client said something: it is alive."""
        self.last_seen = time.monotonic()
