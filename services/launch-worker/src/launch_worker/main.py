"""The launch worker's process: the arq worker, the outbox relay, the launch loops and the
test-send consumer (each supervised: restarted after a failure, reported by /readyz), and a
small app for /healthz, /readyz and /metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from datetime import datetime
from typing import Any

from arq.connections import ArqRedis
from fastapi import APIRouter, FastAPI
from redis.asyncio import ConnectionPool
from starlette.middleware import Middleware

from crm_common.app import create_service_app
from crm_common.events.relay import OutboxRelay
from crm_common.ratelimit import RateLimitMiddleware
from crm_common.resources import Resources
from crm_common.settings import Settings, get_settings
from crm_common.supervise import supervisor_of
from launch_worker.channels.callbacks.endpoints import router as callbacks_router
from launch_worker.channels.registry import close_registries
from launch_worker.channels.sink_pages import router as mail_sink_router
from launch_worker.opt_in.consumers import run_opt_in
from launch_worker.runtime import LaunchRuntime
from launch_worker.test_sends.consumers import run_test_sends
from launch_worker.webhooks.consumers import run_webhooks
from launch_worker.worker import QUEUE_NAME, supervised_worker

SERVICE = "launch-worker"


def make_relay(resources: Resources) -> OutboxRelay:
    settings = resources.settings
    return OutboxRelay(
        resources.db,
        resources.redis,
        stream=settings.events_stream,
        batch_size=settings.relay_batch_size,
        poll_interval=settings.relay_poll_interval_s,
        retention_s=settings.events_stream_retention_s,
    )


@asynccontextmanager
async def run_relay(app: FastAPI) -> AsyncIterator[Any]:
    async with supervisor_of(app).running("relay", make_relay(app.state.resources).run) as state:
        yield state


def schedule_wakes(settings: Settings) -> tuple[ArqRedis, Callable[[datetime], Awaitable[None]]]:
    """A client enqueueing `wake_launches` on the worker's queue at a launch's scheduled time;
    it connects on first use, so a Redis still down at start-up does not stop the process."""
    assert settings.redis_url is not None
    pool = ArqRedis(connection_pool=ConnectionPool.from_url(settings.redis_url))

    async def schedule(at: datetime) -> None:
        await pool.enqueue_job(
            "wake_launches",
            _job_id=f"wake-launches:{at.isoformat()}",
            _defer_until=at,
            _queue_name=QUEUE_NAME,
        )

    return pool, schedule


@asynccontextmanager
async def run_launches(app: FastAPI) -> AsyncIterator[Any]:
    """Launchers, dispatchers and the launch_requested consumer (docs/launching.md), each
    supervised; arq wakes them at scheduled launch times."""
    resources: Resources = app.state.resources
    pool, schedule = schedule_wakes(resources.settings)
    runtime = LaunchRuntime(resources, schedule=schedule)
    app.state.launch_runtime = runtime
    supervisor = supervisor_of(app)
    try:
        async with AsyncExitStack() as stack:
            for name, loop in runtime.loops().items():
                await stack.enter_async_context(supervisor.running(name, loop))
            yield runtime
    finally:
        await runtime.stop_launchers()
        await pool.aclose()


@asynccontextmanager
async def run_worker(app: FastAPI) -> AsyncIterator[Any]:
    """The arq worker, supervised: a new one replaces a worker whose Redis went away."""
    run = supervised_worker(
        app.state.resources, ctx={"launch_runtime": getattr(app.state, "launch_runtime", None)}
    )
    async with supervisor_of(app).running("worker", run) as state:
        yield state


@asynccontextmanager
async def close_channels(app: FastAPI) -> AsyncIterator[None]:
    """Close the channel adapters (connections, direct-mail exports) at shutdown."""
    try:
        yield
    finally:
        await close_registries()


def routers(settings: Settings) -> list[APIRouter]:
    """Provider callbacks always; the demo mail sink's pages in development only."""
    return [callbacks_router, *([mail_sink_router] if settings.env == "dev" else [])]


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    settings = settings or (resources.settings if resources else get_settings())
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Launch Worker",
        description="Provider callbacks, health and metrics of the worker process.",
        settings=settings,
        resources=resources,
        routers=routers(settings),
        background=[
            close_channels,
            run_relay,
            run_launches,
            run_test_sends,
            run_webhooks,
            run_opt_in,
            run_worker,
        ],
        middleware=[Middleware(RateLimitMiddleware)],
    )
