"""The launch worker's process: the arq worker, the outbox relay, and a small app for
/healthz, /readyz and /metrics."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from arq import create_pool
from fastapi import APIRouter, FastAPI
from starlette.middleware import Middleware

from crm_common.app import background_task, create_service_app
from crm_common.events.relay import OutboxRelay
from crm_common.health import Check
from crm_common.ratelimit import RateLimitMiddleware
from crm_common.resources import Resources
from crm_common.settings import Settings, get_settings
from launch_worker.channels.callbacks.endpoints import router as callbacks_router
from launch_worker.channels.registry import close_registries
from launch_worker.channels.sink_pages import router as mail_sink_router
from launch_worker.runtime import LaunchRuntime
from launch_worker.test_sends.consumers import run_test_sends
from launch_worker.worker import build_worker, redis_settings

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
    async with background_task("outbox-relay", make_relay(app.state.resources).run) as task:
        app.state.relay_task = task
        yield task


@asynccontextmanager
async def run_launches(app: FastAPI) -> AsyncIterator[Any]:
    """Launchers, dispatchers and the launch_requested consumer (docs/launching.md); arq
    wakes them at scheduled launch times."""
    resources: Resources = app.state.resources
    pool = await create_pool(redis_settings(resources.settings))

    async def schedule(at: datetime) -> None:
        await pool.enqueue_job(
            "wake_launches", _job_id=f"wake-launches:{at.isoformat()}", _defer_until=at
        )

    runtime = LaunchRuntime(resources, schedule=schedule)
    app.state.launch_runtime = runtime
    try:
        async with background_task("launch-runtime", runtime.run) as task:
            app.state.launch_task = task
            yield task
    finally:
        await pool.aclose()


@asynccontextmanager
async def run_worker(app: FastAPI) -> AsyncIterator[Any]:
    worker = build_worker(
        app.state.resources, ctx={"launch_runtime": getattr(app.state, "launch_runtime", None)}
    )
    task = asyncio.create_task(worker.async_run(), name="arq-worker")
    app.state.worker_task = task
    try:
        yield task
    finally:
        await worker.close()
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)


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


def _task_alive(app: FastAPI, attribute: str) -> Check:
    async def check() -> None:
        task: asyncio.Task[Any] | None = getattr(app.state, attribute, None)
        if task is None or task.done():
            raise RuntimeError(f"{attribute} is not running")

    return check


def worker_checks(app: FastAPI) -> dict[str, Check]:
    return {
        "worker": _task_alive(app, "worker_task"),
        "relay": _task_alive(app, "relay_task"),
        "launches": _task_alive(app, "launch_task"),
    }


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    settings = settings or (resources.settings if resources else get_settings())
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Launch Worker",
        description="Provider callbacks, health and metrics of the worker process.",
        settings=settings,
        resources=resources,
        routers=routers(settings),
        background=[close_channels, run_relay, run_launches, run_test_sends, run_worker],
        extra_checks=worker_checks,
        middleware=[Middleware(RateLimitMiddleware)],
    )
