"""The hub: this process's clients indexed by tenant and campaign, so dispatching an event
touches only the clients that may receive it; plus heartbeats, leases and shutdown."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import Iterator

import structlog
from redis.exceptions import RedisError

from notify_gateway.ws import metrics
from notify_gateway.ws.client import Client, Subscription
from notify_gateway.ws.events import StreamEvent
from notify_gateway.ws.limits import ConnectionLimiter
from notify_gateway.ws.protocol import PING, CloseCode

log = structlog.get_logger(__name__)


class TenantClients:
    """One company's clients: those taking every campaign, and those naming campaigns."""

    __slots__ = ("by_campaign", "everything")

    def __init__(self) -> None:
        self.everything: set[Client] = set()
        self.by_campaign: dict[str, set[Client]] = {}

    def add(self, client: Client) -> None:
        campaigns = client.subscription.campaign_ids
        if campaigns is None:
            self.everything.add(client)
            return
        for campaign_id in campaigns:
            self.by_campaign.setdefault(campaign_id, set()).add(client)

    def remove(self, client: Client) -> None:
        self.everything.discard(client)
        for campaign_id in client.subscription.campaign_ids or ():
            members = self.by_campaign.get(campaign_id)
            if members is not None:
                members.discard(client)
                if not members:
                    del self.by_campaign[campaign_id]

    def candidates(self, event: StreamEvent) -> Iterator[Client]:
        """Clients whose campaign filter admits `event` (each at most once: an event has
        one campaign, and a client is either in `everything` or in its campaigns' sets)."""
        yield from self.everything
        if event.campaign_id is not None:
            yield from self.by_campaign.get(event.campaign_id, ())

    def __bool__(self) -> bool:
        return bool(self.everything or self.by_campaign)


class Hub:
    """Registers clients, dispatches stream events to them, keeps them alive or closes them."""

    def __init__(
        self,
        limiter: ConnectionLimiter,
        *,
        ping_interval_s: float,
        pong_timeout_s: float,
    ) -> None:
        self.limiter = limiter
        self.ping_interval_s = ping_interval_s
        self.pong_timeout_s = pong_timeout_s
        self.accepting = True
        self._tenants: dict[uuid.UUID, TenantClients] = {}
        self._clients: set[Client] = set()
        self._drained = asyncio.Event()
        self._drained.set()

    def __len__(self) -> int:
        return len(self._clients)

    def clients(self) -> list[Client]:
        """The registered clients, as a list safe to iterate while they come and go."""
        return list(self._clients)

    async def register(self, client: Client) -> tuple[int, str] | None:
        """Add `client`; or the close code and reason refusing it."""
        if not self.accepting:
            return CloseCode.SERVICE_RESTART, "server shutting down"
        try:
            granted = await self.limiter.acquire(client.user_id, client.connection_id)
        except RedisError:
            return CloseCode.TRY_AGAIN_LATER, "connection registry unavailable"
        if not granted:
            metrics.CONNECTIONS_REJECTED.labels("too_many_connections").inc()
            return CloseCode.TOO_MANY_CONNECTIONS, "too many connections for this user"
        if not self.accepting:
            await self._release(client)
            return CloseCode.SERVICE_RESTART, "server shutting down"
        self._tenants.setdefault(client.company_id, TenantClients()).add(client)
        self._clients.add(client)
        self._drained.clear()
        metrics.CONNECTED_CLIENTS.inc()
        return None

    async def unregister(self, client: Client) -> None:
        if client not in self._clients:
            return
        self._clients.discard(client)
        tenant = self._tenants.get(client.company_id)
        if tenant is not None:
            tenant.remove(client)
            if not tenant:
                del self._tenants[client.company_id]
        metrics.CONNECTED_CLIENTS.dec()
        if not self._clients:
            self._drained.set()
        await self._release(client)

    async def _release(self, client: Client) -> None:
        try:
            await self.limiter.release(client.user_id, client.connection_id)
        except RedisError:
            log.warning("ws_lease_release_failed", connection=client.connection_id)

    def subscribe(self, client: Client, subscription: Subscription) -> None:
        """Change what `client` receives, from the next dispatched event on."""
        tenant = self._tenants.get(client.company_id)
        if tenant is None or client not in self._clients:
            client.subscription = subscription
            return
        tenant.remove(client)
        client.subscription = subscription
        tenant.add(client)

    def dispatch(self, event: StreamEvent) -> None:
        """Queue `event` for every local client of its tenant that asked for it."""
        tenant = self._tenants.get(event.company_id)
        if tenant is None:
            return
        for client in tenant.candidates(event):
            types = client.subscription.event_types
            if types is None or event.type in types:
                client.offer_event(event)

    def close_all(self, code: int, reason: str) -> None:
        for client in list(self._clients):
            client.close(code, reason)

    async def shutdown(self, grace_s: float = 5.0) -> None:
        """Stop accepting, close every client with 1012 (reconnect elsewhere), and wait
        briefly for their connections to finish."""
        self.accepting = False
        self.close_all(CloseCode.SERVICE_RESTART, "server shutting down")
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._drained.wait(), grace_s)

    def check_heartbeats(self, now: float) -> None:
        """Ping clients quiet for a ping interval; close those that ignored a ping."""
        for client in list(self._clients):
            if client.closing:
                continue
            pinged = client.ping_sent_at
            if pinged is not None and client.last_seen < pinged:
                if now - pinged >= self.pong_timeout_s:
                    metrics.CLIENTS_DROPPED.labels("heartbeat_timeout").inc()
                    client.close(CloseCode.HEARTBEAT_TIMEOUT, "heartbeat timeout")
                continue
            if now - client.last_seen >= self.ping_interval_s:
                client.ping_sent_at = now
                client.offer(PING)

    async def run_heartbeats(self, stop: asyncio.Event) -> None:
        """Heartbeat checks about every second; connection leases renewed every third of
        a lease."""
        tick = min(1.0, self.ping_interval_s / 4, self.pong_timeout_s / 4)
        renew_every = self.limiter.lease_s / 3
        last_renew = time.monotonic()
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), tick)
            now = time.monotonic()
            self.check_heartbeats(now)
            if now - last_renew >= renew_every:
                last_renew = now
                try:
                    await self.limiter.renew(
                        (client.user_id, client.connection_id) for client in self._clients
                    )
                except RedisError as exc:
                    log.warning("ws_lease_renew_failed", error=type(exc).__name__)
