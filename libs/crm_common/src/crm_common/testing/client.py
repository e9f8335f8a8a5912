"""An httpx client over a service app with its lifespan running (no network)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient


@asynccontextmanager
async def app_client(
    app: FastAPI, *, raise_app_exceptions: bool = True
) -> AsyncIterator[AsyncClient]:
    """Enter the app's lifespan (background tasks included) and yield a client for it.
    With `raise_app_exceptions=False` an unhandled error is seen as the 500 response a real
    server sends, instead of being raised into the test."""
    transport = ASGITransport(app=app, raise_app_exceptions=raise_app_exceptions)
    async with (
        app.router.lifespan_context(app),
        AsyncClient(transport=transport, base_url="http://testserver") as client,
    ):
        yield client
