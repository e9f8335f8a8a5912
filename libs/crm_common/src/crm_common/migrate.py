"""Run the Alembic history programmatically (as the owner role)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, pool
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common.settings import to_asyncpg_url

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


async def _run(database_url: str, action: str, revision: str) -> None:
    engine = create_async_engine(to_asyncpg_url(database_url), poolclass=pool.NullPool)
    try:
        async with engine.connect() as connection:

            def go(sync_connection: Connection) -> None:
                config = alembic_config(sync_connection)
                getattr(command, action)(config, revision)

            await connection.run_sync(go)
            await connection.commit()
    finally:
        await engine.dispose()


async def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at `database_url` up to `revision`."""
    await _run(database_url, "upgrade", revision)


async def downgrade(database_url: str, revision: str = "base") -> None:
    """Take the database at `database_url` down to `revision` (default: empty)."""
    await _run(database_url, "downgrade", revision)
