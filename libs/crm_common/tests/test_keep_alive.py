"""A 500 leaves the keep-alive connection usable: over a real uvicorn server, the request after
an unhandled exception is served on the same connection."""

import asyncio
import socket
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn
from fastapi import APIRouter, Request

from crm_common.app import create_service_app


def _app(settings, resources):
    router = APIRouter()

    @router.get("/api/boom")
    async def boom() -> dict:
        raise RuntimeError("secret internal detail")

    @router.get("/api/peer")
    async def peer(request: Request) -> dict:
        assert request.client is not None
        return {"port": request.client.port}

    return create_service_app(
        "keep-alive-probe", title="probe", routers=[router], settings=settings, resources=resources
    )


@pytest.fixture
async def base_url(settings, resources) -> AsyncIterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(_app(settings, resources), log_level="critical", lifespan="on")
    )
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


async def test_500_keeps_connection_alive(base_url: str) -> None:
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    async with httpx.AsyncClient(base_url=base_url, limits=limits) as client:
        first = (await client.get("/api/peer")).json()["port"]

        failed = await client.get("/api/boom", headers={"X-Request-ID": "req-keep"})
        assert failed.status_code == 500
        assert failed.json() == {
            "error_code": "internal_error",
            "message": "An unexpected error occurred.",
            "details": {"request_id": "req-keep"},
        }
        assert failed.headers["x-request-id"] == "req-keep"
        assert failed.headers.get("connection", "keep-alive").lower() != "close"

        after = await client.get("/api/peer")
        assert after.status_code == 200
        assert after.json()["port"] == first
