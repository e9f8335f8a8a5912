"""The arq worker: in-service jobs. arq only triggers work; durable state lives in Postgres."""

from __future__ import annotations

import os
from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import Worker

from crm_common.logging import configure_logging
from crm_common.resources import Resources
from crm_common.settings import Settings, get_settings
from launch_worker.maintenance.jobs import purge_expired

QUEUE_NAME = "crm:launch-worker"
FUNCTIONS: list[Any] = [purge_expired]
CRON_JOBS = [cron(purge_expired, hour={3}, minute={17}, run_at_startup=False)]


async def _startup(ctx: dict[str, Any]) -> None:
    if "resources" not in ctx:
        settings = get_settings()
        configure_logging(settings.log_level, settings.log_json)
        ctx["resources"] = Resources.open(settings, name="launch-worker")
        ctx["owns_resources"] = True


async def _shutdown(ctx: dict[str, Any]) -> None:
    if ctx.get("owns_resources"):
        await ctx["resources"].close()


def redis_settings(settings: Settings) -> RedisSettings:
    if settings.redis_url is None:
        raise ValueError("REDIS_URL is required")
    return RedisSettings.from_dsn(settings.redis_url)


class WorkerSettings:
    """`arq launch_worker.worker.WorkerSettings` runs the worker on its own."""

    functions = FUNCTIONS
    cron_jobs = CRON_JOBS
    queue_name = QUEUE_NAME
    on_startup = _startup
    on_shutdown = _shutdown
    max_jobs = 20
    job_timeout = 600
    keep_result = 3600
    redis_settings = RedisSettings.from_dsn(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379"))


def build_worker(resources: Resources, *, handle_signals: bool = False) -> Worker:
    """A worker sharing this process's resources (all-in-one mode and tests)."""
    return Worker(
        functions=FUNCTIONS,
        cron_jobs=CRON_JOBS,
        queue_name=QUEUE_NAME,
        redis_settings=redis_settings(resources.settings),
        ctx={"resources": resources},
        handle_signals=handle_signals,
        max_jobs=20,
        job_timeout=600,
        keep_result=3600,
    )
