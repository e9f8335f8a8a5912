"""One WebSocket connection: the authentication handshake, then a receive loop (subscribe,
pong, token refresh) and a sender task (resume backlog, then live frames) until either side
closes. Every frame to the client goes through the sender task."""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

import structlog
from redis.exceptions import RedisError
from sqlalchemy.exc import SQLAlchemyError
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from notify_gateway.ws import metrics, protocol
from notify_gateway.ws.auth import AuthFailed, Credential
from notify_gateway.ws.client import Client, Subscription
from notify_gateway.ws.events import StreamId, parse_stream_id
from notify_gateway.ws.protocol import (
    AuthMessage,
    CloseCode,
    InvalidMessage,
    PingMessage,
    PongMessage,
    SubscribeMessage,
    parse_client_message,
)
from notify_gateway.ws.replay import Backlog, ReloadRequired
from notify_gateway.ws.runtime import GatewayRuntime
from notify_gateway.ws.visibility import CampaignVisibility

log = structlog.get_logger(__name__)

_SEND_FAILURES = (WebSocketDisconnect, RuntimeError, OSError)
CLOSE_TIMEOUT_S = 10.0


class Connection:
    """Serves one accepted-or-about-to-be WebSocket for its whole life."""

    def __init__(self, websocket: WebSocket, runtime: GatewayRuntime) -> None:
        self.ws = websocket
        self.runtime = runtime
        self.settings = runtime.settings
        self.hub = runtime.hub
        self.disconnected = False
        self.invalid_messages = 0
        self.visibility = CampaignVisibility(runtime.resources.db)
        self._timers: list[asyncio.TimerHandle] = []

    async def serve(self) -> None:
        await self.ws.accept()
        opening = await self._handshake()
        if opening is None:
            return
        message, credential = opening
        client = Client(credential.principal, self.settings.ws_send_queue_size)
        client.subscription = Subscription(message.campaign_set(), message.event_type_set())
        refused = await self.hub.register(client)
        if refused is not None:
            await self._close(*refused)
            return
        tasks: list[asyncio.Task[None]] = []
        try:
            await self.ws.send_text(protocol.auth_ok(credential.expires_at))
            self._arm_expiry(client, credential.expires_at)
            tasks.append(asyncio.create_task(self._send_loop(client, message.last_event_id)))
            tasks.append(asyncio.create_task(self._receive_loop(client)))
            for task in tasks:
                task.add_done_callback(lambda done: _close_on_failure(done, client))
            await client.wait_closed()
        except _SEND_FAILURES:
            self.disconnected = True
        finally:
            self._disarm_expiry()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await self.hub.unregister(client)
        if client.close_code is not None:
            await self._close(client.close_code, client.close_reason)

    async def _handshake(self) -> tuple[AuthMessage, Credential] | None:
        """The first message must authenticate within the auth timeout; else close 4401."""
        try:
            raw = await asyncio.wait_for(self._receive_text(), self.settings.ws_auth_timeout_s)
        except TimeoutError:
            await self._refuse(CloseCode.UNAUTHENTICATED, "authentication timeout")
            return None
        if raw is None:
            return None
        try:
            message = parse_client_message(raw)
        except InvalidMessage as exc:
            await self._send_quietly(protocol.error("invalid_message", exc.message, exc.details))
            await self._refuse(*protocol.handshake_refusal(exc))
            return None
        if not isinstance(message, AuthMessage):
            await self._refuse(CloseCode.UNAUTHENTICATED, "authentication required")
            return None
        try:
            credential = await self.runtime.authenticator.authenticate(message.token)
        except AuthFailed as exc:
            await self._refuse(exc.code, exc.reason)
            return None
        except RedisError:
            await self._refuse(CloseCode.TRY_AGAIN_LATER, "ticket registry unavailable")
            return None
        try:
            hidden = await self.visibility.hidden(credential.principal, message.campaign_set())
        except SQLAlchemyError:
            await self._refuse(CloseCode.TRY_AGAIN_LATER, "campaign directory unavailable")
            return None
        if hidden:
            await self._send_quietly(protocol.subscription_refused(hidden))
            await self._refuse(CloseCode.FORBIDDEN, "subscription refused")
            return None
        return message, credential

    async def _refuse(self, code: int, reason: str) -> None:
        metrics.CONNECTIONS_REJECTED.labels(reason.replace(" ", "_")).inc()
        await self._close(code, reason)

    async def _receive_text(self) -> str | None:
        """The next text frame, or None once the client is gone. Binary frames are refused
        with an error (they count as invalid messages)."""
        while True:
            message = await self.ws.receive()
            if message["type"] == "websocket.disconnect":
                self.disconnected = True
                return None
            text = message.get("text")
            if text is not None:
                return str(text)
            await self._send_quietly(
                protocol.error("invalid_message", "Only text frames are accepted.")
            )

    # -- receiving -----------------------------------------------------------------------

    async def _receive_loop(self, client: Client) -> None:
        while True:
            message = await self.ws.receive()
            if message["type"] == "websocket.disconnect":
                self.disconnected = True
                client.close(CloseCode.NORMAL, "client disconnected")
                return
            client.touch()
            text = message.get("text")
            if text is None:
                self._invalid(client, "Only text frames are accepted.")
            elif len(text) > self.settings.ws_max_message_bytes:
                self._invalid(client, "The message is too large.")
            else:
                await self._handle(client, text)

    async def _handle(self, client: Client, text: str) -> None:
        try:
            message = parse_client_message(text)
        except InvalidMessage as exc:
            self._invalid(client, exc.message, exc.details)
            return
        self.invalid_messages = 0
        if isinstance(message, SubscribeMessage):
            await self._subscribe(client, message)
        elif isinstance(message, PongMessage):
            client.ping_sent_at = None
        elif isinstance(message, PingMessage):
            client.offer(protocol.PONG)
        else:
            await self._refresh(client, message)

    async def _subscribe(self, client: Client, message: SubscribeMessage) -> None:
        """Change the subscription, unless it names campaigns the client may not see."""
        subscription = Subscription(message.campaign_set(), message.event_type_set())
        try:
            hidden = await self.visibility.hidden(client.principal, subscription.campaign_ids)
        except SQLAlchemyError:
            client.offer(protocol.error("unavailable", "Subscribing failed; try again."))
            return
        if hidden:
            client.offer(protocol.subscription_refused(hidden))
            return
        self.hub.subscribe(client, subscription)
        client.offer(protocol.subscribed(subscription.campaign_ids, subscription.event_types))

    def _invalid(self, client: Client, message: str, details: dict[str, Any] | None = None) -> None:
        self.invalid_messages += 1
        if self.invalid_messages > self.settings.ws_max_invalid_messages:
            client.close(CloseCode.PROTOCOL_ERROR, "too many invalid messages")
            return
        client.offer(protocol.error("invalid_message", message, details))

    async def _refresh(self, client: Client, message: AuthMessage) -> None:
        """A new token on the open connection: same user and company, new expiry."""
        try:
            credential = await self.runtime.authenticator.authenticate(message.token)
        except AuthFailed as exc:
            if exc.code == CloseCode.FORBIDDEN:
                client.close(exc.code, exc.reason)
            else:
                refused = f"Token refresh refused: {exc.reason}."
                client.offer(protocol.error("unauthenticated", refused))
            return
        except RedisError:
            client.offer(protocol.error("unavailable", "Token refresh failed; try again."))
            return
        principal = credential.principal
        if principal.user_id != client.user_id or principal.company_id != client.company_id:
            client.close(CloseCode.UNAUTHENTICATED, "token belongs to another user")
            return
        client.update_principal(principal)
        self._arm_expiry(client, credential.expires_at)
        client.offer(protocol.auth_ok(credential.expires_at))

    def _arm_expiry(self, client: Client, expires_at: int) -> None:
        """Warn shortly before the credential lapses; close 4401 when it does."""
        self._disarm_expiry()
        loop = asyncio.get_running_loop()
        remaining = max(0.0, expires_at - time.time())
        warn_in = max(0.0, remaining - self.settings.ws_token_expiry_notice_s)
        self._timers = [
            loop.call_later(warn_in, client.offer, protocol.token_expiring(expires_at)),
            loop.call_later(remaining, client.close, CloseCode.UNAUTHENTICATED, "token expired"),
        ]

    def _disarm_expiry(self) -> None:
        for timer in self._timers:
            timer.cancel()
        self._timers = []

    # -- sending -------------------------------------------------------------------------

    async def _send_loop(self, client: Client, last_event_id: str | None) -> None:
        try:
            floor = None
            if last_event_id is not None:
                floor = await self._replay(client, last_event_id)
            await self._send_live(client, floor)
        except _SEND_FAILURES:
            self.disconnected = True
            client.close(CloseCode.NORMAL, "client disconnected")

    async def _replay(self, client: Client, last_event_id: str) -> StreamId:
        """Send the missed events after `last_event_id`, in order; live frames queue up
        meanwhile. Returns the position below which queued live frames are duplicates."""
        floor = parse_stream_id(last_event_id)
        client.allow_backlog(self.settings.ws_replay_max_entries)
        backlog = Backlog(
            self.runtime.resources.redis,
            self.settings.events_stream,
            last_event_id,
            max_entries=self.settings.ws_replay_max_entries,
        )
        try:
            async for event in backlog.events():
                if client.closing:
                    break
                floor = event.position
                if client.wants(event):
                    outgoing = event.outgoing(client.view_budget)
                    await self.ws.send_text(outgoing.text)
                    metrics.EVENTS_REPLAYED.inc()
        except ReloadRequired:
            metrics.RELOADS_REQUIRED.inc()
            await self.ws.send_text(protocol.RELOAD_REQUIRED)
        except RedisError as exc:
            log.warning("ws_replay_failed", error=type(exc).__name__)
            metrics.RELOADS_REQUIRED.inc()
            await self.ws.send_text(protocol.RELOAD_REQUIRED)
        return floor

    async def _send_live(self, client: Client, floor: StreamId | None) -> None:
        """Write queued frames in order; those at or below `floor` were already sent."""
        latency = metrics.FANOUT_LATENCY
        queue = client.queue
        send_text = self.ws.send_text
        wait_for_frames = client.wait_for_frames
        while True:
            await wait_for_frames()
            events = 0
            try:
                while queue and not client.closing:
                    item = queue.popleft()
                    if item.position is not None and floor is not None:
                        if item.position <= floor:
                            continue
                        floor = None
                    await send_text(item.text)
                    if item.occurred_at is not None:
                        events += 1
                        latency.observe(time.time() - item.occurred_at)
            finally:
                metrics.EVENTS_OUT.inc(events)
            client.settle_backlog()
            if client.closing:
                return

    # -- closing -------------------------------------------------------------------------

    async def _send_quietly(self, text: str) -> None:
        with contextlib.suppress(*_SEND_FAILURES):
            await self.ws.send_text(text)

    async def _close(self, code: int, reason: str) -> None:
        """Send the close frame; a peer that stopped reading gets `CLOSE_TIMEOUT_S` before
        the handler lets go (the server then drops the socket)."""
        if self.disconnected or self.ws.application_state == WebSocketState.DISCONNECTED:
            return
        with contextlib.suppress(TimeoutError, *_SEND_FAILURES):
            await asyncio.wait_for(self.ws.close(code, reason), CLOSE_TIMEOUT_S)


def _close_on_failure(task: asyncio.Task[None], client: Client) -> None:
    """A sender or receiver that died of a bug must not leave a silent connection open."""
    if task.cancelled() or task.exception() is None:
        return
    log.error("ws_connection_task_failed", exc_info=task.exception())
    client.close(CloseCode.INTERNAL_ERROR, "internal error")
