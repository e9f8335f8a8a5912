"""Vacuum and planner statistics, run as the role that owns the tables.

`VACUUM` and `ANALYZE` may only be run by a table's owner (PostgreSQL 15 has no narrower
privilege) and never inside a transaction, so they run on a connection of their own in
autocommit mode, as the user of `DATABASE_URL` without the role switch the services' pools
make (`crm_common.db`). Table names cannot be bound parameters: only names of this schema's
tables (`_TABLE_NAME`) are ever written into the statement, and only tables the connecting
role owns are touched; the others are reported as skipped (a deployment whose services
connect as a role that does not own the schema leaves vacuuming to autovacuum).
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy import bindparam, pool, text
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from crm_common.settings import to_asyncpg_url

_TABLE_NAME = re.compile(r"crm_[a-z0-9_]+|alembic_version")

_OWNED = text(
    """
    SELECT c.relname
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema()
      AND c.relname IN :names
      AND pg_has_role(current_user, c.relowner, 'USAGE')
    """
).bindparams(bindparam("names", expanding=True))


@dataclass(frozen=True)
class MaintenanceReport:
    """What one maintenance pass did: the tables vacuumed (and analyzed), those only
    analyzed, those skipped because the connecting role does not own them, and how long
    the pass took."""

    vacuumed: tuple[str, ...]
    analyzed: tuple[str, ...]
    skipped: tuple[str, ...]
    seconds: float


@asynccontextmanager
async def owner_connection(database_url: str) -> AsyncIterator[AsyncConnection]:
    """One autocommit connection as the user of `database_url` (no role switch), closed
    after the block."""
    engine = create_async_engine(
        to_asyncpg_url(database_url),
        poolclass=pool.NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={"server_settings": {"application_name": "crm-maintenance"}},
    )
    try:
        async with engine.connect() as connection:
            yield connection
    finally:
        await engine.dispose()


async def vacuum_and_analyze(
    connection: AsyncConnection,
    *,
    vacuum: Sequence[str] = (),
    analyze: Sequence[str] = (),
) -> MaintenanceReport:
    """`VACUUM (ANALYZE)` each table of `vacuum` and `ANALYZE` each of `analyze` that the
    connection's role owns, one statement per table (each its own transaction), in the
    order given; `connection` must be in autocommit mode."""
    names = [*vacuum, *analyze]
    for name in names:
        if not _TABLE_NAME.fullmatch(name):
            raise ValueError(f"not a table of this schema: {name!r}")
    started = time.monotonic()
    owned: set[str] = set()
    if names:
        owned = set((await connection.execute(_OWNED, {"names": names})).scalars())
    for name in vacuum:
        if name in owned:
            await connection.execute(text(f"VACUUM (ANALYZE) {name}"))
    for name in analyze:
        if name in owned:
            await connection.execute(text(f"ANALYZE {name}"))
    return MaintenanceReport(
        vacuumed=tuple(name for name in vacuum if name in owned),
        analyzed=tuple(name for name in analyze if name in owned),
        skipped=tuple(name for name in names if name not in owned),
        seconds=round(time.monotonic() - started, 3),
    )
