"""A real gateway for each test: the app under uvicorn on a free loopback port, its own
stream on a real Redis, and real WebSocket clients (the `websockets` library)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import uvicorn
import websockets
from fastapi import FastAPI
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection
from websockets.exceptions import ConnectionClosed

from crm_common.db import Database
from crm_common.events.envelope import EventEnvelope
from crm_common.models import Campaign, Company
from crm_common.redis import create_redis
from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.settings import Settings
from crm_common.testing.builders import make_user
from notify_gateway.main import create_app

RECEIVE_TIMEOUT_S = 10.0


@dataclass
class Tenant:
    company_id: uuid.UUID = field(default_factory=uuid.uuid4)

    def user(self, *roles: str) -> User:
        return User(self, uuid.uuid4(), roles or ("marketing_manager",))


@dataclass
class User:
    tenant: Tenant
    user_id: uuid.UUID
    roles: tuple[str, ...]


class Tokens:
    """Mints the project's tokens the way campaign-api does."""

    def __init__(self, codec: TokenCodec) -> None:
        self.codec = codec

    def access(self, user: User, ttl: timedelta = timedelta(minutes=15)) -> str:
        return self.codec.encode(TokenType.ACCESS, str(user.user_id), ttl, self._claims(user))

    def refresh(self, user: User) -> str:
        return self.codec.encode(
            TokenType.REFRESH, str(user.user_id), timedelta(hours=1), self._claims(user)
        )

    def ticket(
        self,
        user: User,
        ttl: timedelta = timedelta(seconds=30),
        session: timedelta = timedelta(minutes=15),
    ) -> str:
        session_exp = int((datetime.now(UTC) + session).timestamp())
        claims = {**self._claims(user), "session_exp": session_exp}
        return self.codec.encode(TokenType.WS_TICKET, str(user.user_id), ttl, claims)

    @staticmethod
    def _claims(user: User) -> dict[str, Any]:
        return {"company_id": str(user.tenant.company_id), "roles": list(user.roles)}


class Closed(Exception):
    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(f"closed {code} {reason}")
        self.code = code
        self.reason = reason


class WsClient:
    """A thin protocol client over a `websockets` connection."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    def drop(self) -> None:
        """Lose the connection abruptly, as a network failure would (no close handshake)."""
        self.connection.transport.abort()

    async def send(self, payload: dict[str, Any] | str) -> None:
        await self.connection.send(payload if isinstance(payload, str) else json.dumps(payload))

    async def recv(self, timeout: float = RECEIVE_TIMEOUT_S) -> dict[str, Any]:
        try:
            raw = await asyncio.wait_for(self.connection.recv(), timeout)
        except ConnectionClosed as exc:
            frame = exc.rcvd
            raise Closed(frame.code if frame else None, frame.reason if frame else "") from None
        message: dict[str, Any] = json.loads(raw)
        return message

    async def auth(self, token: str, **extra: Any) -> dict[str, Any]:
        await self.send({"type": "auth", "token": token, **extra})
        reply = await self.recv()
        assert reply["type"] == "auth_ok", reply
        return reply

    async def next(self, kind: str, answer_pings: bool = True) -> dict[str, Any]:
        """The next message of type `kind`, answering pings on the way; any other message
        in between fails the test."""
        while True:
            message = await self.recv()
            if message["type"] == "ping" and answer_pings and kind != "ping":
                await self.send({"type": "pong"})
                continue
            assert message["type"] == kind, message
            return message

    async def events(self, count: int) -> list[dict[str, Any]]:
        return [await self.next("event") for _ in range(count)]

    async def closed(self, timeout: float = RECEIVE_TIMEOUT_S) -> Closed:
        """Read until the server closes; the close frame's code and reason."""
        while True:
            try:
                await self.recv(timeout)
            except Closed as closed:
                return closed


@dataclass
class Gateway:
    """A running gateway process (in this event loop) and the stream it follows."""

    app: FastAPI
    server: uvicorn.Server
    task: asyncio.Task[None]
    settings: Settings
    port: int
    redis: Redis
    tokens: Tokens

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def stream(self) -> str:
        return self.settings.events_stream

    @contextlib.asynccontextmanager
    async def client(self, **options: Any) -> AsyncIterator[WsClient]:
        options.setdefault("close_timeout", 2)
        async with websockets.connect(self.url, open_timeout=10, **options) as connection:
            yield WsClient(connection)

    @contextlib.asynccontextmanager
    async def authed(self, user: User, **auth: Any) -> AsyncIterator[WsClient]:
        async with self.client() as client:
            await client.auth(self.tokens.access(user), **auth)
            yield client

    async def publish(
        self, tenant: Tenant, event_type: str = "campaign.updated", **data: Any
    ) -> str:
        envelope = EventEnvelope(type=event_type, company_id=tenant.company_id, data=data)
        stream_id: str = await self.redis.xadd(self.stream, {"event": envelope.to_json()})
        return stream_id

    async def stop(self) -> None:
        self.server.should_exit = True
        await self.task


StartGateway = Callable[..., Awaitable[Gateway]]


@pytest.fixture
def gateway_settings(settings: Settings) -> Settings:
    """Test settings with a stream of its own on the worker's leased Redis database (each
    test also has its own users and tickets, so nothing here needs flushing)."""
    return settings.model_copy(
        update={
            "events_stream": f"test.ws.{uuid.uuid4().hex}",
            "ws_ping_interval_s": 60.0,
            "ws_pong_timeout_s": 30.0,
            "ws_reader_block_ms": 200,
        }
    )


@pytest.fixture
async def start_gateway(gateway_settings: Settings) -> AsyncIterator[StartGateway]:
    """Start gateways (with setting overrides) on free ports; all stopped at teardown."""
    started: list[Gateway] = []
    redis = create_redis(str(gateway_settings.redis_url))

    async def start(**overrides: Any) -> Gateway:
        settings = gateway_settings.model_copy(update=overrides)
        app = create_app(settings)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        config = uvicorn.Config(
            app,
            lifespan="on",
            log_level="warning",
            ws="websockets-sansio",
            ws_per_message_deflate=settings.ws_per_message_deflate,
        )
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started:
            if task.done():
                task.result()
            await asyncio.sleep(0.01)
        gateway = Gateway(app, server, task, settings, port, redis, Tokens(TokenCodec(settings)))
        started.append(gateway)
        return gateway

    yield start
    for gateway in started:
        if not gateway.task.done():
            await gateway.stop()
    await redis.delete(gateway_settings.events_stream)
    await redis.aclose()


@pytest.fixture
async def gateway(start_gateway: StartGateway) -> Gateway:
    return await start_gateway()


@pytest.fixture
def acme() -> Tenant:
    return Tenant()


@pytest.fixture
def globex() -> Tenant:
    return Tenant()


MakeCampaigns = Callable[..., Awaitable[list[str]]]


@pytest.fixture
def campaigns(db: Database) -> MakeCampaigns:
    """`await campaigns(tenant, n)`: ids of n real campaigns of the tenant (its company row
    and an author made on first use), which its users may subscribe to."""
    companies: dict[uuid.UUID, Company] = {}

    async def make(tenant: Tenant, count: int = 1, *, deleted: bool = False) -> list[str]:
        company = companies.get(tenant.company_id)
        if company is None:
            slug = f"ws-{tenant.company_id.hex[:12]}"
            company = Company(id=tenant.company_id, name=slug, slug=slug, settings={})
            async with db.system_session() as session:
                session.add(company)
            companies[tenant.company_id] = company
        author = await make_user(db, company, "admin")
        now = datetime.now(UTC)
        rows = [
            Campaign(
                id=uuid.uuid4(),
                company_id=company.id,
                created_by_user_id=author.id,
                campaign_name="Watched",
                campaign_code=f"WS-{uuid.uuid4().hex[:8]}",
                campaign_type="promotional",
                primary_channel="email",
                start_date=now,
                end_date=now + timedelta(days=30),
                is_deleted=deleted,
            )
            for _ in range(count)
        ]
        async with db.system_session() as session:
            session.add_all(rows)
        return [str(row.id) for row in rows]

    return make
