"""pytest fixtures giving every test a real PostgreSQL database and a real Redis.

Each xdist worker gets its own database (built by `alembic upgrade head`, never create_all)
and its own Redis database number; every test starts from empty tables and an empty Redis.

Redis: the tests use the database named in TEST_REDIS_URL, or another database of the same
server they lease by the rule in `crm_common.testing.redis_lease` (a lease key inside the
database, taken only on an empty database, renewed while the run lasts). A database is
emptied only by the worker holding its lease, so data of anyone else on a shared server is
never touched.
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common import migrate
from crm_common.db import Database
from crm_common.models import Base
from crm_common.reference import sync_roles
from crm_common.resources import Resources
from crm_common.settings import Settings, load_settings, to_asyncpg_url
from crm_common.testing.redis_lease import RedisLease, reset_redis, with_redis_db
from crm_common.testing.redis_server import PrivateRedis
from crm_common.testing.servers import ServerUrls, find_servers

__all__ = ["with_database", "with_redis_db"]


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


def _run_id() -> str:
    """Shared by the workers of one pytest run, distinct between concurrent runs."""
    uid = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"p{os.getpid()}"
    return re.sub(r"[^a-z0-9]", "", uid.lower())[:10]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


@pytest.fixture(scope="session")
def test_server_urls() -> Iterator[ServerUrls]:
    with find_servers() as servers:
        yield servers


async def _recreate_database(admin_url: str, name: str) -> None:
    engine = create_async_engine(to_asyncpg_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            await connection.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        await engine.dispose()


async def _drop_database(admin_url: str, name: str) -> None:
    engine = create_async_engine(to_asyncpg_url(admin_url), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
async def database_url(test_server_urls: ServerUrls) -> AsyncIterator[str]:
    """A fresh database for this worker of this run, migrated to head, dropped at the end."""
    name = f"crm_test_{_run_id()}_{_worker()}"
    await _recreate_database(test_server_urls.database_url, name)
    url = with_database(test_server_urls.database_url, name)
    await migrate.upgrade(url)
    yield url
    await _drop_database(test_server_urls.database_url, name)


@pytest.fixture(scope="session")
def redis_lease(test_server_urls: ServerUrls) -> Iterator[RedisLease]:
    """This worker's lease on a Redis database of the test server, emptied at the end."""
    lease = RedisLease.acquire(test_server_urls.redis_url, f"{_run_id()}:{_worker()}:{os.getpid()}")
    try:
        yield lease
    finally:
        lease.release()


@pytest.fixture(scope="session")
def redis_url(redis_lease: RedisLease) -> str:
    """The URL of this worker's leased Redis database."""
    return redis_lease.url


@pytest.fixture(scope="session")
def settings(database_url: str, redis_url: str) -> Settings:
    return load_settings(
        database_url=database_url,
        redis_url=redis_url,
        env="test",
        log_json=False,
        log_level="WARNING",
        db_pool_size=20,
        db_max_overflow=40,
    )


@pytest.fixture(scope="session")
async def resources(settings: Settings) -> AsyncIterator[Resources]:
    active = Resources.open(settings, name="crm-tests")
    async with active.db.system_session() as session:
        await sync_roles(session)
    yield active
    await active.close()


_TRUNCATE = ", ".join(
    table.name for table in Base.metadata.sorted_tables if table.name != "crm_roles"
)


@pytest.fixture
async def clean(resources: Resources, database_url: str, redis_lease: RedisLease) -> Resources:
    """Empty tables (roles kept) and an empty Redis database before the test."""
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {_TRUNCATE} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()
    await reset_redis(resources.redis, redis_lease.owner)
    return resources


@pytest.fixture
async def private_redis() -> AsyncIterator[PrivateRedis]:
    """A Redis server of the test's own (free port, append-only file), for tests that kill it."""
    server = PrivateRedis()
    server.start()
    await server.wait_ready()
    yield server
    server.remove()


@pytest.fixture
def db(clean: Resources) -> Database:
    """The worker's Database (app and system engines) over empty tables."""
    return clean.db


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds")
