"""Real-time flow across services: campaign-api issues a one-time ws ticket, a change is
emitted in a tenant transaction, the outbox relay publishes it, and the notify gateway
delivers it over a real WebSocket to that tenant's browser only, redacted to its rights."""

import asyncio
import json
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn
import websockets
from websockets.exceptions import ConnectionClosed

from campaign_api.main import create_app as campaign_api_app
from crm_common.db import Database
from crm_common.events import emit
from crm_common.events.relay import OutboxRelay
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client
from notify_gateway.main import create_app as notify_gateway_app


@pytest.fixture
async def gateway_port(
    db: Database, settings: Settings, resources: Resources
) -> AsyncIterator[int]:
    """The notify gateway under uvicorn (after the database and Redis were emptied)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = notify_gateway_app(settings, resources)
    server = uvicorn.Server(
        uvicorn.Config(
            app, log_level="warning", ws="websockets-sansio", ws_per_message_deflate=False
        )
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    yield port
    server.should_exit = True
    await task


async def _recv(connection: Any) -> dict[str, Any]:
    message: dict[str, Any] = json.loads(await asyncio.wait_for(connection.recv(), 10))
    return message


async def _publish(db: Database, resources: Resources, company_id: uuid.UUID, data: dict) -> None:
    async with db.tenant_session(company_id) as session:
        await emit(session, "campaign.updated", company_id, data)
    relay = OutboxRelay(db, resources.redis, stream=resources.settings.events_stream)
    assert (await relay.publish_batch()).published == 1


async def test_change_reaches_only_its_tenant_with_budget_redacted(
    db: Database, settings: Settings, resources: Resources, gateway_port: int
) -> None:
    acme = await make_company(db, "acme-rt")
    globex = await make_company(db, "globex-rt")
    analyst = await make_user(db, acme, "marketing_analyst")
    spy = await make_user(db, globex, "admin")
    async with app_client(campaign_api_app(settings, resources)) as api:
        tickets = [
            (await api.post("/api/ws-ticket/", headers=auth_headers(resources.codec, user))).json()
            for user in (analyst, spy)
        ]
    url = f"ws://127.0.0.1:{gateway_port}/ws"
    campaign_id = str(uuid.uuid4())
    async with websockets.connect(url) as acme_ws, websockets.connect(url) as globex_ws:
        for connection, ticket in zip((acme_ws, globex_ws), tickets, strict=True):
            await connection.send(json.dumps({"type": "auth", "token": ticket["ticket"]}))
            assert (await _recv(connection))["type"] == "auth_ok"
        # Another company's campaign cannot even be subscribed to.
        await globex_ws.send(json.dumps({"type": "subscribe", "campaign_ids": [campaign_id]}))
        assert (await _recv(globex_ws))["error_code"] == "subscription_refused"

        change = {
            "campaign_id": campaign_id,
            "changed": ["total_budget"],
            "before": {"total_budget": "100.00"},
            "after": {"total_budget": "250.00"},
        }
        await _publish(db, resources, acme.id, change)
        frame = await _recv(acme_ws)
        assert frame["type"] == "event"
        assert frame["event"]["company_id"] == str(acme.id)
        assert frame["event"]["data"] == {
            "campaign_id": campaign_id,
            "changed": ["total_budget"],
            "before": {},
            "after": {},
        }

        await globex_ws.send(json.dumps({"type": "subscribe"}))
        assert (await _recv(globex_ws))["type"] == "subscribed"
        await _publish(db, resources, globex.id, {"campaign_id": str(uuid.uuid4())})
        # The first event the Globex client sees is its own: Acme's never reached it.
        assert (await _recv(globex_ws))["event"]["company_id"] == str(globex.id)

    async with websockets.connect(url) as replay:
        await replay.send(json.dumps({"type": "auth", "token": tickets[0]["ticket"]}))
        with pytest.raises(ConnectionClosed) as closed:
            await _recv(replay)
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401
