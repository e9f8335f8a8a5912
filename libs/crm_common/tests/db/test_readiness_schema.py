"""Readiness means ready: /readyz answers 503 naming the reason while the database schema is
absent or behind the code's Alembic head, and 200 once `crm migrate` has run."""

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common import migrate
from crm_common.app import create_service_app
from crm_common.resources import Resources
from crm_common.settings import to_asyncpg_url
from crm_common.testing.client import app_client
from crm_common.testing.plugin import with_database
from crm_common.testing.servers import ServerUrls


@pytest.fixture
async def fresh_url(test_server_urls: ServerUrls, database_url: str):
    """An empty database on the test server (the roles exist: `database_url` migrated one)."""
    name = f"crm_ready_{uuid.uuid4().hex[:8]}"
    admin = create_async_engine(
        to_asyncpg_url(test_server_urls.database_url), isolation_level="AUTOCOMMIT"
    )
    async with admin.connect() as connection:
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield with_database(test_server_urls.database_url, name)
    async with admin.connect() as connection:
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    await admin.dispose()


def _previous_of_head() -> str:
    heads, _ = migrate.code_revisions()
    script = migrate.ScriptDirectory.from_config(migrate.alembic_config())
    previous = script.get_revision(next(iter(heads))).down_revision
    assert isinstance(previous, str)
    return previous


async def test_readyz_is_503_until_the_database_is_migrated(fresh_url, settings) -> None:
    fresh = settings.model_copy(update={"database_url": fresh_url})
    resources = Resources.open(fresh, name="crm-readiness")
    app = create_service_app("readiness-probe", title="Probe", settings=fresh, resources=resources)
    try:
        async with app_client(app) as client:
            empty = await client.get("/readyz")
            await migrate.upgrade(fresh_url, _previous_of_head())
            behind = await client.get("/readyz")
            await migrate.upgrade(fresh_url)
            current = await client.get("/readyz")
    finally:
        await resources.close()

    assert empty.status_code == 503
    assert empty.json()["status"] == "not_ready"
    assert empty.json()["checks"]["postgres"] == "ok"
    assert "not migrated" in empty.json()["checks"]["schema"]
    assert "crm migrate" in empty.json()["checks"]["schema"]

    assert behind.status_code == 503
    assert "behind" in behind.json()["checks"]["schema"]

    assert current.status_code == 200, current.text
    assert current.json()["checks"]["schema"] == "ok"


async def test_a_schema_newer_than_the_code_stays_ready() -> None:
    heads, known = migrate.code_revisions()
    assert migrate.schema_state(heads).problem is None
    assert migrate.schema_state({"9999_from_a_newer_release"}).problem is None
    assert migrate.schema_state(set()).problem is not None
    older = known - heads
    if older:
        assert "behind" in (migrate.schema_state({min(older)}).problem or "")
