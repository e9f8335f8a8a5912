"""The arq worker: in-service jobs. arq only triggers work; durable state lives in Postgres."""

from __future__ import annotations

from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import Worker, run_worker

from crm_common.logging import configure_logging
from crm_common.resources import Resources
from crm_common.settings import Settings, get_settings
from launch_worker.launches.jobs import wake_launches
from launch_worker.maintenance.jobs import purge_expired

QUEUE_NAME = "crm:launch-worker"
FUNCTIONS: list[Any] = [purge_expired, wake_launches]
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


def worker_settings(settings: Settings) -> dict[str, Any]:
    """arq's worker options, Redis read from `settings` (REDIS_URL) when called, not at import."""
    return {
        "functions": FUNCTIONS,
        "cron_jobs": CRON_JOBS,
        "queue_name": QUEUE_NAME,
        "redis_settings": redis_settings(settings),
        "max_jobs": 20,
        "job_timeout": 600,
        "keep_result": 3600,
    }


def build_worker(
    resources: Resources, *, handle_signals: bool = False, ctx: dict[str, Any] | None = None
) -> Worker:
    """A worker sharing this process's resources (all-in-one mode and tests); `ctx` adds to
    what jobs see (the launch runtime)."""
    return Worker(
        **worker_settings(resources.settings),
        ctx={"resources": resources, **(ctx or {})},
        handle_signals=handle_signals,
    )


def main() -> None:
    """`python -m launch_worker.worker` runs the worker on its own, from the environment's
    settings (README, "Configuration"); `crm run launch-worker` adds the relay and /healthz."""
    settings = get_settings()
    run_worker({**worker_settings(settings), "on_startup": _startup, "on_shutdown": _shutdown})


if __name__ == "__main__":
    main()
