"""Dependencies of the /ws endpoint."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, WebSocket

from notify_gateway.ws.runtime import GatewayRuntime


def get_runtime(websocket: WebSocket) -> GatewayRuntime:
    runtime: GatewayRuntime = websocket.app.state.ws_runtime
    return runtime


Runtime = Annotated[GatewayRuntime, Depends(get_runtime)]
