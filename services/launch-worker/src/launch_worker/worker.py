"""The arq worker: in-service jobs. arq only triggers work; durable state lives in Postgres."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import Worker, run_worker
from redis.exceptions import RedisError

from crm_common.logging import configure_logging
from crm_common.resources import Resources
from crm_common.settings import Settings, get_settings
from crm_common.supervise import Run
from launch_worker.launches.jobs import wake_launches
from launch_worker.maintenance.jobs import check_contacts_clustering, purge_expired
from launch_worker.opt_in.jobs import expire_consent_job
from launch_worker.retention.jobs import enforce_retention, retention_dry_run

QUEUE_NAME = "crm:launch-worker"
FUNCTIONS: list[Any] = [
    purge_expired,
    check_contacts_clustering,
    wake_launches,
    enforce_retention,
    retention_dry_run,
    expire_consent_job,
]
CRON_JOBS = [
    # The purge and the vacuum after it may outlast the default job timeout on a big database.
    cron(purge_expired, hour={3}, minute={17}, run_at_startup=False, timeout=3600),
    cron(check_contacts_clustering, weekday="sun", hour={4}, minute={5}, run_at_startup=False),
    cron(enforce_retention, hour={2}, minute={43}, run_at_startup=False),
    cron(expire_consent_job, minute={7, 37}, run_at_startup=False),
]


async def _startup(ctx: dict[str, Any]) -> None:
    if "resources" not in ctx:
        settings = get_settings()
        configure_logging(settings.log_level, settings.log_json)
        ctx["resources"] = Resources.open(settings, name="launch-worker")
        ctx["owns_resources"] = True


async def _shutdown(ctx: dict[str, Any]) -> None:
    if ctx.get("owns_resources"):
        await ctx["resources"].close()


class WorkerExited(RuntimeError):
    """The arq worker's main loop returned although nobody asked it to stop."""


def redis_settings(settings: Settings, *, conn_retries: int | None = None) -> RedisSettings:
    if settings.redis_url is None:
        raise ValueError("REDIS_URL is required")
    parsed = RedisSettings.from_dsn(settings.redis_url)
    if conn_retries is not None:
        parsed = dataclasses.replace(parsed, conn_retries=conn_retries)
    return parsed


def worker_settings(settings: Settings, *, conn_retries: int | None = None) -> dict[str, Any]:
    """arq's worker options, Redis read from `settings` (REDIS_URL) when called, not at import."""
    return {
        "functions": FUNCTIONS,
        "cron_jobs": CRON_JOBS,
        "queue_name": QUEUE_NAME,
        "redis_settings": redis_settings(settings, conn_retries=conn_retries),
        "max_jobs": 20,
        "job_timeout": 600,
        "keep_result": 3600,
    }


def build_worker(
    resources: Resources, *, handle_signals: bool = False, ctx: dict[str, Any] | None = None
) -> Worker:
    """A worker sharing this process's resources (all-in-one mode and tests); `ctx` adds to
    what jobs see (the launch runtime). It does not retry its first connection itself: its
    supervisor does (`supervised_worker`)."""
    return Worker(
        **worker_settings(resources.settings, conn_retries=0),
        ctx={"resources": resources, **(ctx or {})},
        handle_signals=handle_signals,
    )


async def _discard(worker: Worker) -> None:
    """Drop a worker whose Redis failed: cancel its jobs, close its connections quietly."""
    for task in worker.tasks.values():
        task.cancel()
    await asyncio.gather(*worker.tasks.values(), return_exceptions=True)
    pool = getattr(worker, "_pool", None)
    if pool is not None:
        with contextlib.suppress(RedisError, OSError):
            await pool.close(close_connection_pool=True)


def supervised_worker(resources: Resources, ctx: dict[str, Any] | None = None) -> Run:
    """The arq worker as a supervised loop: a fresh worker per run; when its main loop dies
    (Redis went away) the run raises and the supervisor starts a new one after a back-off."""

    async def run(stop: asyncio.Event) -> None:
        worker = build_worker(resources, ctx=ctx)
        main = asyncio.ensure_future(worker.async_run())
        stopping = asyncio.ensure_future(stop.wait())
        try:
            await asyncio.wait({main, stopping}, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            main.cancel()
            await asyncio.gather(main, return_exceptions=True)
            await _discard(worker)
            raise
        finally:
            stopping.cancel()
        if main.done():
            await _discard(worker)
            main.result()
            raise WorkerExited("the arq worker stopped on its own")
        with contextlib.suppress(RedisError, OSError, asyncio.CancelledError):
            await worker.close()
        main.cancel()
        await asyncio.gather(main, return_exceptions=True)

    return run


def main() -> None:
    """`python -m launch_worker.worker` runs the worker on its own, from the environment's
    settings (README, "Configuration"); `crm run launch-worker` adds the relay and /healthz."""
    settings = get_settings()
    run_worker({**worker_settings(settings), "on_startup": _startup, "on_shutdown": _shutdown})


if __name__ == "__main__":
    main()
