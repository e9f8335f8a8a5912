"""Open connections follow their session: when campaign-api announces a revocation on
`crm:auth:revocations` (sign-out, deactivation, role change, password reset, refresh-token
reuse) the affected user's connections are re-checked at once, and every connection is
re-checked every `ws_session_recheck_s` in case an announcement was missed. A connection
whose session ended is closed with 4401; one whose user lost `read_campaign` with 4403; one
whose roles changed otherwise carries on with the new permissions."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import replace

import structlog
from fastapi import FastAPI
from redis.exceptions import RedisError

from crm_common.security.permissions import Permission, permissions_for
from crm_common.security.sessions import REVOCATIONS_CHANNEL, SessionStore, parse_announcement
from crm_common.supervise import supervisor_of
from notify_gateway.ws.client import Client
from notify_gateway.ws.hub import Hub
from notify_gateway.ws.protocol import CloseCode

log = structlog.get_logger(__name__)

_RECONNECT_S = 1.0


class SessionWatch:
    """Re-checks the sessions of this process's open connections."""

    def __init__(self, hub: Hub, sessions: SessionStore, recheck_interval_s: float) -> None:
        self.hub = hub
        self.sessions = sessions
        self.recheck_interval_s = recheck_interval_s

    async def recheck(self, clients: Iterable[Client]) -> None:
        """Close or update each of `clients` as its session stands now."""
        for client in clients:
            if client.closing:
                continue
            principal = client.principal
            if principal.session_id is None:
                continue
            try:
                state = await self.sessions.state(
                    principal.company_id, principal.user_id, principal.session_id, fresh=True
                )
            except Exception as exc:  # a database outage must not end the watch
                log.warning("ws_session_recheck_failed", error=type(exc).__name__)
                continue
            if not state.live:
                client.close(CloseCode.UNAUTHENTICATED, "session revoked")
                continue
            permissions = frozenset(p.value for p in permissions_for(state.roles))
            if Permission.READ_CAMPAIGN.value not in permissions:
                client.close(CloseCode.FORBIDDEN, "read_campaign permission required")
            elif state.roles != principal.roles:
                client.update_principal(
                    replace(principal, roles=state.roles, permissions=permissions)
                )

    async def listen(self, stop: asyncio.Event) -> None:
        """Follow the revocations channel until `stop`; after (re)subscribing, re-check every
        connection, since announcements sent meanwhile were missed."""
        while not stop.is_set():
            try:
                async with self.sessions.redis.pubsub() as pubsub:
                    await pubsub.subscribe(REVOCATIONS_CHANNEL)
                    await self.recheck(self.hub.clients())
                    while not stop.is_set():
                        message = await pubsub.get_message(
                            ignore_subscribe_messages=True, timeout=0.5
                        )
                        if message is not None:
                            await self._announced(str(message.get("data", "")))
            except (RedisError, OSError) as exc:
                log.warning("ws_revocations_unavailable", error=type(exc).__name__)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), _RECONNECT_S)

    async def _announced(self, raw: str) -> None:
        user_ids, _ = parse_announcement(raw)
        if not user_ids:
            return
        self.sessions.forget_local()
        await self.recheck(c for c in self.hub.clients() if str(c.user_id) in user_ids)

    async def run_rechecks(self, stop: asyncio.Event) -> None:
        """Re-check every connection every `recheck_interval_s` until `stop`."""
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.recheck_interval_s)
            if not stop.is_set():
                await self.recheck(self.hub.clients())


@asynccontextmanager
async def session_watch(app: FastAPI) -> AsyncIterator[SessionWatch]:
    """Run the revocation listener and the periodic re-check beside the gateway runtime
    (which must be entered first)."""
    runtime = app.state.ws_runtime
    watch = SessionWatch(
        runtime.hub, runtime.resources.sessions, runtime.settings.ws_session_recheck_s
    )
    supervisor = supervisor_of(app)
    async with (
        supervisor.running("ws_session_revocations", watch.listen),
        supervisor.running("ws_session_rechecks", watch.run_rechecks),
    ):
        yield watch
