"""pytest fixtures giving every test a real PostgreSQL database and a real Redis.

Each xdist worker gets its own database (built by `alembic upgrade head`, never create_all)
and its own Redis database number; every test starts from empty tables and an empty Redis.
"""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common import migrate
from crm_common.db import Database
from crm_common.models import Base
from crm_common.reference import sync_roles
from crm_common.resources import Resources
from crm_common.settings import Settings, load_settings, to_asyncpg_url
from crm_common.testing.servers import ServerUrls, find_servers


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw0")


def _run_id() -> str:
    """Shared by the workers of one pytest run, distinct between concurrent runs."""
    uid = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"p{os.getpid()}"
    return re.sub(r"[^a-z0-9]", "", uid.lower())[:10]


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def with_redis_db(url: str, index: int) -> str:
    if url.startswith("unix://"):
        base = url.split("?", 1)[0]
        return f"{base}?db={index}"
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{index}"))


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


_REDIS_DATABASES = range(1, 16)
_LEASE_S = 3 * 3600


@pytest.fixture(scope="session")
async def redis_url(test_server_urls: ServerUrls) -> AsyncIterator[str]:
    """A Redis database number leased to this worker alone (concurrent runs on one server
    never flush each other's data); the lease is a key in database 0."""
    owner = f"{_run_id()}:{_worker()}:{os.getpid()}"
    lessor = Redis.from_url(with_redis_db(test_server_urls.redis_url, 0))
    try:
        for _ in range(600):
            for index in _REDIS_DATABASES:
                if await lessor.set(f"crm:test-redis-db:{index}", owner, nx=True, ex=_LEASE_S):
                    break
            else:
                await asyncio.sleep(1)
                continue
            break
        else:
            raise RuntimeError("no free Redis database (1-15) for the tests")
        yield with_redis_db(test_server_urls.redis_url, index)
        await lessor.delete(f"crm:test-redis-db:{index}")
    finally:
        await lessor.aclose()


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
async def clean(resources: Resources, database_url: str) -> Resources:
    """Empty tables (roles kept) and an empty Redis database before the test."""
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.begin() as connection:
            await connection.execute(text(f"TRUNCATE {_TRUNCATE} RESTART IDENTITY CASCADE"))
    finally:
        await engine.dispose()
    await resources.redis.flushdb()
    return resources


@pytest.fixture
def db(clean: Resources) -> Database:
    """The worker's Database (app and system engines) over empty tables."""
    return clean.db


def pytest_configure(config: Any) -> None:
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds")
