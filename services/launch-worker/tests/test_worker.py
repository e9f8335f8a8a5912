"""The arq worker takes its Redis from the application settings when it is built, not at import."""

import os
import subprocess
import sys

import pytest

from crm_common.settings import load_settings
from launch_worker.worker import QUEUE_NAME, build_worker, worker_settings


def test_importing_the_worker_reads_no_environment() -> None:
    env = {**os.environ, "REDIS_URL": "not-a-redis-url"}
    result = subprocess.run(
        [sys.executable, "-c", "import launch_worker.worker"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_worker_settings_take_redis_from_the_settings() -> None:
    settings = load_settings(
        database_url="postgresql://postgres@127.0.0.1:5432/postgres",
        redis_url="redis://cache.internal:6390/3",
    )

    options = worker_settings(settings)

    assert options["queue_name"] == QUEUE_NAME
    redis = options["redis_settings"]
    assert (redis.host, redis.port, redis.database) == ("cache.internal", 6390, 3)


def test_worker_settings_require_a_redis_url() -> None:
    settings = load_settings(
        database_url="postgresql://postgres@127.0.0.1:5432/postgres", redis_url=None
    )

    with pytest.raises(ValueError, match="REDIS_URL"):
        worker_settings(settings)


async def test_built_worker_uses_the_resources_settings(resources) -> None:
    worker = build_worker(resources)
    try:
        assert worker.queue_name == QUEUE_NAME
        # No connection retries of its own: its supervisor retries with a back-off.
        expected = worker_settings(resources.settings, conn_retries=0)["redis_settings"]
        assert worker.redis_settings == expected
        assert worker.redis_settings is not None
        assert worker.redis_settings.conn_retries == 0
        assert worker.ctx["resources"] is resources
    finally:
        await worker.close()
