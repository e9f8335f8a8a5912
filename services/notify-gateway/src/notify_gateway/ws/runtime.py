"""The gateway's process-wide parts, built in the app lifespan: hub, stream reader,
authenticator, and the background tasks that run them."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from fastapi import FastAPI
from redis.exceptions import RedisError

from crm_common.health import Check, NotReady
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.supervise import TaskState, supervisor_of
from notify_gateway.ws.auth import Authenticator
from notify_gateway.ws.hub import Hub
from notify_gateway.ws.limits import ConnectionLimiter
from notify_gateway.ws.reader import StreamReader

READER_TASK = "stream_reader"


class ReaderNotRunning(Exception):
    """The stream reader task is not running or has not reached Redis lately."""


@dataclass
class GatewayRuntime:
    settings: Settings
    resources: Resources
    hub: Hub
    reader: StreamReader
    authenticator: Authenticator
    reader_state: TaskState | None = None

    @classmethod
    def build(cls, resources: Resources) -> GatewayRuntime:
        settings = resources.settings
        lease_s = 3 * (settings.ws_ping_interval_s + settings.ws_pong_timeout_s)
        limiter = ConnectionLimiter(resources.redis, settings.ws_max_connections_per_user, lease_s)
        hub = Hub(
            limiter,
            ping_interval_s=settings.ws_ping_interval_s,
            pong_timeout_s=settings.ws_pong_timeout_s,
        )
        reader = StreamReader(
            resources.redis,
            settings.events_stream,
            hub,
            batch_size=settings.ws_reader_batch_size,
            block_ms=settings.ws_reader_block_ms,
        )
        return cls(
            settings=settings,
            resources=resources,
            hub=hub,
            reader=reader,
            authenticator=Authenticator(resources.codec, resources.redis, resources),
        )


@asynccontextmanager
async def gateway_runtime(app: FastAPI) -> AsyncIterator[GatewayRuntime]:
    """Start the reader and heartbeat tasks (supervised: restarted after a failure); on exit
    close every client with 1012."""
    runtime = GatewayRuntime.build(app.state.resources)
    app.state.ws_runtime = runtime
    # Everything alive at start-up (modules, apps, schemas) lives as long as the process:
    # keep it out of the cyclic collector, whose full passes over thousands of connections
    # otherwise pause every client's delivery.
    gc.freeze()
    # Fix the live starting point before serving, so nothing published after startup is
    # missed; when Redis is not reachable yet the reader fixes it on its first read.
    with contextlib.suppress(RedisError, OSError):
        runtime.reader.cursor = await runtime.reader.start_position()
    supervisor = supervisor_of(app)
    async with AsyncExitStack() as stack:
        runtime.reader_state = await stack.enter_async_context(
            supervisor.running(READER_TASK, runtime.reader.run)
        )
        await stack.enter_async_context(
            supervisor.running("ws_heartbeats", runtime.hub.run_heartbeats)
        )
        try:
            yield runtime
        finally:
            await runtime.hub.shutdown()


def readiness_checks(app: FastAPI) -> dict[str, Check]:
    """Readiness includes the stream reader running and in touch with Redis."""

    async def stream_reader() -> None:
        runtime: GatewayRuntime | None = getattr(app.state, "ws_runtime", None)
        if runtime is None or runtime.reader_state is None:
            raise ReaderNotRunning()
        problem = runtime.reader_state.problem()
        if problem is not None:
            raise NotReady(problem)
        if not runtime.reader.healthy():
            raise ReaderNotRunning()

    return {READER_TASK: stream_reader}
