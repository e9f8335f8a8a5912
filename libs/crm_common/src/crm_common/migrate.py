"""Run the Alembic history programmatically (as the owner role)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, pool, text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common.db_maintenance import vacuum_and_analyze
from crm_common.settings import to_asyncpg_url

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
VACUUM_AFTER = "vacuum_after"
"""Config attribute: a set of tables a migration rewrote. A rewritten table has no visibility
map, so until it is vacuumed every index-only scan reads the heap for each row; VACUUM cannot
run in the migration's transaction, so it runs here after the commit."""
MIGRATION_LOCK_KEY = 0x43524D_4D4947  # "CRM" "MIG": the advisory lock serialising migrations


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def code_revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(heads, every revision) of the packaged migration history."""
    script = ScriptDirectory.from_config(alembic_config())
    known = frozenset(revision.revision for revision in script.walk_revisions())
    return frozenset(script.get_heads()), known


@dataclass(frozen=True)
class SchemaState:
    """How the database's schema compares with what this code expects."""

    current: frozenset[str]
    heads: frozenset[str]
    known: frozenset[str]

    @property
    def problem(self) -> str | None:
        """None when the code can run on this schema, else why not. A revision this code
        does not know belongs to a newer release that already migrated (a rolling upgrade):
        the schema is ahead and the old code keeps serving."""
        if not self.current:
            return f"database not migrated (code expects {_names(self.heads)}): run crm migrate"
        if self.current == self.heads or not self.current <= self.known:
            return None
        return (
            f"database schema {_names(self.current)} is behind the code's "
            f"{_names(self.heads)}: run crm migrate"
        )


def _names(revisions: frozenset[str]) -> str:
    return ", ".join(sorted(revisions)) or "none"


def schema_state(current: set[str] | frozenset[str]) -> SchemaState:
    heads, known = code_revisions()
    return SchemaState(frozenset(current), heads, known)


async def _run(database_url: str, action: str, revision: str) -> None:
    engine = create_async_engine(to_asyncpg_url(database_url), poolclass=pool.NullPool)
    rewritten: set[str] = set()
    try:
        async with engine.connect() as connection:

            def go(sync_connection: Connection) -> None:
                config = alembic_config(sync_connection)
                getattr(command, action)(config, revision)
                rewritten.update(config.attributes.get(VACUUM_AFTER, ()))

            # Several processes (test workers, pods) may migrate one database at once: the
            # first runs the history, the others wait here and then find nothing to do.
            await connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
            await connection.run_sync(go)
            await connection.commit()
        if rewritten:
            autocommit = engine.execution_options(isolation_level="AUTOCOMMIT")
            async with autocommit.connect() as connection:
                await vacuum_and_analyze(connection, vacuum=sorted(rewritten))
    finally:
        await engine.dispose()


async def upgrade(database_url: str, revision: str = "head") -> None:
    """Bring the database at `database_url` up to `revision`."""
    await _run(database_url, "upgrade", revision)


async def downgrade(database_url: str, revision: str = "base") -> None:
    """Take the database at `database_url` down to `revision` (default: empty)."""
    await _run(database_url, "downgrade", revision)
