"""Revocation reaches open WebSockets: a user signs in through campaign-api, opens `/ws` on
a notify gateway running with its own process resources, and the connection is closed with
4401 as soon as the session ends there (announced over Redis, or found by the periodic
re-check when the announcement is missed)."""

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import uvicorn
import websockets
from httpx import AsyncClient
from websockets.exceptions import ConnectionClosed

from campaign_api.main import create_app as campaign_api_app
from crm_common.db import Database
from crm_common.models import Company
from crm_common.resources import Resources
from crm_common.security.jwt import TokenType
from crm_common.security.sessions import session_key
from crm_common.settings import Settings
from crm_common.testing.builders import TEST_PASSWORD, auth_headers, make_company, make_user
from crm_common.testing.client import app_client
from notify_gateway.main import create_app as notify_gateway_app

StartGateway = Callable[..., Awaitable[str]]


@pytest.fixture
async def start_gateway(db: Database, settings: Settings) -> AsyncIterator[StartGateway]:
    """Start a notify gateway under uvicorn with resources of its own (as another process
    would have: its own caches); returns its /ws URL."""
    servers: list[tuple[uvicorn.Server, asyncio.Task[None]]] = []

    async def start(**overrides: Any) -> str:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        app = notify_gateway_app(settings.model_copy(update=overrides))
        server = uvicorn.Server(
            uvicorn.Config(
                app, log_level="warning", ws="websockets-sansio", ws_per_message_deflate=False
            )
        )
        task = asyncio.create_task(server.serve(sockets=[sock]))
        servers.append((server, task))
        while not server.started:
            await asyncio.sleep(0.01)
        return f"ws://127.0.0.1:{port}/ws"

    yield start
    for server, task in servers:
        server.should_exit = True
        await task


@pytest.fixture
async def api(db: Database, settings: Settings, resources: Resources) -> AsyncIterator[AsyncClient]:
    async with app_client(campaign_api_app(settings, resources)) as http:
        yield http


@pytest.fixture
async def acme(db: Database) -> Company:
    return await make_company(db, "acme-revoke")


async def _sign_in(api: AsyncClient, email: str) -> dict[str, Any]:
    response = await api.post(
        "/api/auth/token", data={"username": email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200, response.text
    pair: dict[str, Any] = response.json()
    return pair


def _bearer(pair: dict[str, Any]) -> dict[str, str]:
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def _open(url: str, token: str) -> Any:
    connection = await websockets.connect(url)
    await connection.send(json.dumps({"type": "auth", "token": token}))
    reply = json.loads(await asyncio.wait_for(connection.recv(), 10))
    assert reply["type"] == "auth_ok", reply
    return connection


async def _close_code(connection: Any) -> int | None:
    """Read until the server closes the connection; its close code."""
    try:
        while True:
            await asyncio.wait_for(connection.recv(), 10)
    except ConnectionClosed as exc:
        return exc.rcvd.code if exc.rcvd else None


async def test_open_websocket_closed_after_logout(
    api: AsyncClient, db: Database, acme: Company, start_gateway: StartGateway
) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme-revoke.test")
    url = await start_gateway()
    pair = await _sign_in(api, "m@acme-revoke.test")
    ticket = (await api.post("/api/ws-ticket/", headers=_bearer(pair))).json()["ticket"]
    connection = await _open(url, ticket)

    assert (await api.post("/api/auth/logout", headers=_bearer(pair))).status_code == 204

    assert await _close_code(connection) == 4401


async def test_open_websocket_closed_after_deactivation(
    api: AsyncClient,
    db: Database,
    resources: Resources,
    acme: Company,
    start_gateway: StartGateway,
) -> None:
    admin = await make_user(db, acme, "admin")
    target = await make_user(db, acme, "marketing_analyst", email="a@acme-revoke.test")
    url = await start_gateway()
    pair = await _sign_in(api, "a@acme-revoke.test")
    connection = await _open(url, pair["access_token"])

    response = await api.post(
        f"/api/users/{target.id}/deactivate/", headers=auth_headers(resources.codec, admin)
    )
    assert response.status_code == 200

    assert await _close_code(connection) == 4401


async def test_ws_ticket_of_an_ended_session_refused(
    api: AsyncClient, db: Database, acme: Company, start_gateway: StartGateway
) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme-revoke.test")
    url = await start_gateway()
    pair = await _sign_in(api, "m@acme-revoke.test")
    ticket = (await api.post("/api/ws-ticket/", headers=_bearer(pair))).json()["ticket"]
    await api.post("/api/auth/logout", headers=_bearer(pair))

    async with websockets.connect(url) as connection:
        await connection.send(json.dumps({"type": "auth", "token": ticket}))
        assert await _close_code(connection) == 4401


async def test_open_websocket_closed_by_periodic_recheck_when_announcement_missed(
    api: AsyncClient,
    db: Database,
    resources: Resources,
    acme: Company,
    start_gateway: StartGateway,
) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme-revoke.test")
    url = await start_gateway(ws_session_recheck_s=0.2)
    pair = await _sign_in(api, "m@acme-revoke.test")
    connection = await _open(url, pair["access_token"])

    # The session's tombstone is written but its announcement is lost.
    sid = resources.codec.decode(pair["access_token"], TokenType.ACCESS)["sid"]
    await resources.redis.set(session_key(sid), "0", ex=60)

    assert await _close_code(connection) == 4401
