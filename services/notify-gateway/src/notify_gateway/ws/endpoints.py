"""`/ws`: the tenant's events, live and resumable (docs/notify-gateway.md)."""

from __future__ import annotations

from fastapi import APIRouter, WebSocket

from notify_gateway.ws.connection import Connection
from notify_gateway.ws.deps import Runtime

router = APIRouter(tags=["events"])


@router.websocket("/ws")
async def events_socket(websocket: WebSocket, runtime: Runtime) -> None:
    """Authenticate with the first message, then receive the tenant's events."""
    await Connection(websocket, runtime).serve()
