"""Engines and sessions: one pair per process, built in a lifespan, never at import.

Two engines share the same server and owner URL but switch role at connect time:
- the application engine runs as `crm_app`; row-level security limits it to the company set
  per transaction with `set_config('app.company_id', …, true)` (SET LOCAL) and fails when unset;
- the system engine runs as `crm_system` for cross-tenant platform work (outbox relay, sign-in
  lookup, seeding), which has its own policy.

A tenant transaction costs two round trips besides its own statements: `BEGIN` and the
tenant's `set_config` travel together in one simple-protocol message, and `COMMIT` ends it.
Both engines therefore leave the driver in autocommit mode (SQLAlchemy's own `BEGIN` would be
a round trip of its own) and `tenant_session` / `system_session` own their transactions. Nor
is a connection pinged before each use (SQLAlchemy's asyncpg ping is BEGIN, `;`, ROLLBACK:
three round trips): the first message is the ping — a connection that died while pooled (a
server restart, an idle timeout) fails it at once, is discarded and the transaction starts on
another. Whoever uses an engine's connection directly gets autocommit, and opts into a
driver transaction with `execution_options(isolation_level="READ COMMITTED")`.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import Any, cast

import asyncpg
import structlog
from sqlalchemy import Boolean, Executable, bindparam, insert, text
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    ProgrammingError,
)
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from crm_common.settings import Settings

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"

log = structlog.get_logger(__name__)

AfterCommitHook = Callable[[], Awaitable[None]]
_AFTER_COMMIT = "crm_after_commit"
_STAGED = "crm_staged_rows"


def make_engine(
    settings: Settings,
    role: str,
    *,
    pool_size: int | None = None,
    name: str = "crm",
) -> AsyncEngine:
    """An asyncpg engine whose every connection acts as `role`. The driver stays in
    autocommit mode: `Database.tenant_session` and `Database.system_session` begin and end
    each transaction themselves (see the module docstring)."""
    return create_async_engine(
        settings.async_database_url,
        pool_size=pool_size or settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        pool_recycle=1800,
        isolation_level="AUTOCOMMIT",
        pool_pre_ping=False,
        connect_args={
            "server_settings": {
                "role": role,
                "application_name": name[:63],
                "statement_timeout": str(settings.db_statement_timeout_ms),
                "timezone": "UTC",
            }
        },
    )


@dataclass
class Database:
    """The process's engines and session factories."""

    app_engine: AsyncEngine
    system_engine: AsyncEngine

    @classmethod
    def from_settings(cls, settings: Settings, name: str = "crm", services: int = 1) -> Database:
        """The engines of a process running `services` services: the application pool holds
        `CRM_DB_POOL_SIZE` connections for each (the all-in-one runs four in one process, and
        each keeps the pool it would have on its own), the platform pool a quarter of that."""
        app_pool = settings.db_pool_size * max(1, services)
        return cls(
            app_engine=make_engine(settings, APP_ROLE, pool_size=app_pool, name=name),
            system_engine=make_engine(
                settings, SYSTEM_ROLE, pool_size=max(2, app_pool // 4), name=name
            ),
        )

    def __post_init__(self) -> None:
        self._app_sessions = async_sessionmaker(self.app_engine, expire_on_commit=False)
        self._system_sessions = async_sessionmaker(self.system_engine, expire_on_commit=False)

    @asynccontextmanager
    async def tenant_session(self, company_id: uuid.UUID) -> AsyncIterator[AsyncSession]:
        """A transaction limited to one company; commits on success, rolls back on error."""
        session = self._app_sessions()
        async with (
            _session_closed(session),
            _transaction(session, self.app_engine, _tenant_begin(company_id)),
        ):
            yield session
        await run_after_commit(session)

    @asynccontextmanager
    async def system_session(self) -> AsyncIterator[AsyncSession]:
        """A cross-tenant platform transaction; commits on success, rolls back on error."""
        session = self._system_sessions()
        async with _session_closed(session), _transaction(session, self.system_engine, "BEGIN"):
            yield session
        await run_after_commit(session)

    async def platform_records(
        self, statement: ClauseElement, values: dict[str, Any]
    ) -> list[asyncpg.Record]:
        """Run one read built once under the platform role, outside any transaction and
        straight through the driver (`fetch_records`): one round trip, for a read on a hot
        path that names its company itself (the role is not limited to one). A pooled
        connection found dead is discarded and the next one tried."""
        for attempt in range(_checkout_attempts(self.system_engine)):
            async with self.system_engine.connect() as connection:
                try:
                    return await fetch_records(connection, statement, values)
                except _DISCONNECTED as exc:
                    await connection.invalidate(exc)
                    if attempt == 0:
                        log.info("pooled_connection_lost", error=type(exc).__name__)
        raise ConnectionError("no live database connection could be checked out")

    async def ping(self) -> None:
        """Raise unless the database answers."""
        async with self.system_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.app_engine.dispose()
        await self.system_engine.dispose()


@asynccontextmanager
async def _transaction(
    session: AsyncSession, engine: AsyncEngine, begin: str
) -> AsyncIterator[None]:
    """Run `begin` on a live connection of `engine` for `session`, then COMMIT when the body
    succeeds and roll back when it fails."""
    connection, driver = await _begin_on_live_connection(session, engine, begin)
    committed = False
    try:
        yield
        if session.new or session.dirty or session.deleted:
            await session.flush()
        await _write_staged(session, connection)
        await driver.execute("COMMIT")
        committed = True
    finally:
        if not committed:
            await _roll_back(connection, driver)
    # The session's own bookkeeping needs no commit: the driver committed, and closing the
    # session (the caller's `async with`) ends its transaction without a round trip (the
    # driver is in autocommit mode) and hands the connection back.


def _driver_of(connection: AsyncConnection) -> Any:
    """The asyncpg connection under a checked-out `connection`, read without a round trip
    or a greenlet (SQLAlchemy's `get_raw_connection` spawns one to read the same attribute)."""
    return connection.sync_connection.connection.driver_connection  # type: ignore[union-attr]


@asynccontextmanager
async def _session_closed(session: AsyncSession) -> AsyncIterator[None]:
    """Close `session` when the block ends. After a COMMIT the close is bookkeeping only (the
    driver is in autocommit mode, so handing the connection back to the pool sends nothing)
    and runs in place; after an error or a cancellation it runs as AsyncSession's own exit
    does, in a task of its own and to completion, so the connection is never left behind."""
    async with AsyncExitStack() as on_error:
        on_error.push_async_exit(session)  # AsyncSession's own exit: the shielded close
        yield
        on_error.pop_all()  # committed: the close below, in place
    await session.close()


def _checkout_attempts(engine: AsyncEngine) -> int:
    """How many pooled connections to try before giving up: every one the pool may hold
    (each may have died while pooled) and a new one."""
    pool = engine.pool
    return max(3, pool.size() + pool.overflow() + 2)  # type: ignore[attr-defined,no-any-return]


async def _begin_on_live_connection(
    session: AsyncSession, engine: AsyncEngine, begin: str
) -> tuple[AsyncConnection, Any]:
    """Check out a connection and run `begin` on it; a connection found dead is
    discarded and the next one tried. (The connection, its asyncpg connection.)"""
    for attempt in range(_checkout_attempts(engine)):
        connection = await session.connection()
        driver = _driver_of(connection)
        try:
            await driver.execute(begin)
        except _DISCONNECTED as exc:
            await connection.invalidate(exc)
            await session.rollback()
            if attempt == 0:
                log.info("pooled_connection_lost", error=type(exc).__name__)
            continue
        return connection, driver
    raise ConnectionError("no live database connection could be checked out")


def after_commit(session: AsyncSession, hook: AfterCommitHook) -> None:
    """Run `hook` once the session's transaction has committed (never after a rollback):
    for side effects other readers must not see before the data, such as cache invalidation."""
    session.info.setdefault(_AFTER_COMMIT, []).append(hook)


async def run_after_commit(session: AsyncSession) -> None:
    """Run and forget the hooks registered with `after_commit`; the commit stands even if
    one fails, so a failure is logged rather than raised."""
    hooks: list[AfterCommitHook] = session.info.pop(_AFTER_COMMIT, [])
    for hook in hooks:
        try:
            await hook()
        except Exception as exc:
            log.exception("after_commit_hook_failed", error=type(exc).__name__)


def stage_row(session: AsyncSession, model: type[Any], row: dict[str, Any]) -> None:
    """Stage a row of `model`'s table, inserted just before the transaction's COMMIT (never
    after a rollback), in the order staged. For append-only rows nothing reads back in the
    transaction that wrote them: the audit log and the outbox. Rows of one table must name
    the same columns; columns left out take their defaults."""
    staged: dict[type[Any], list[dict[str, Any]]] = session.info.setdefault(_STAGED, {})
    staged.setdefault(model, []).append(row)


StagedShape = tuple[tuple[type[Any], tuple[str, ...]], ...]
"""The staged tables (one row each) and their columns, in the order first staged."""


@functools.lru_cache(maxsize=128)
def _staged_insert(shape: StagedShape) -> Executable:
    """One statement inserting a row into each table of `shape`: the last table's INSERT
    carries the others as data-modifying WITH clauses (PostgreSQL runs each exactly once).
    Its values are bound parameters, so it is built and compiled once per shape."""
    parts = [
        insert(model).values(
            {
                column: bindparam(f"s{part}_{column}", type_=model.__table__.c[column].type)
                for column in columns
            }
        )
        for part, (model, columns) in enumerate(shape)
    ]
    statement = parts[-1]
    for part, cte in enumerate(parts[:-1]):
        statement = statement.add_cte(cte.cte(f"staged_{part}"))
    return statement


async def _write_staged(session: AsyncSession, connection: AsyncConnection) -> None:
    """Insert the transaction's staged rows: one statement when each table has one row (a
    change's audit row and its event: one round trip), else a batch per table."""
    staged: dict[type[Any], list[dict[str, Any]]] = session.info.pop(_STAGED, {})
    if any(len(rows) > 1 for rows in staged.values()):
        for model, rows in staged.items():
            await connection.execute(insert(model), rows)
    elif staged:
        shape = tuple((model, tuple(rows[0])) for model, rows in staged.items())
        values = {
            f"s{part}_{column}": value
            for part, rows in enumerate(staged.values())
            for column, value in rows[0].items()
        }
        await connection.execute(_staged_insert(shape), values)


_DISCONNECTED = (asyncpg.InterfaceError, asyncpg.ConnectionDoesNotExistError, OSError)


def _tenant_begin(company_id: uuid.UUID) -> str:
    """`BEGIN` and the tenant's `set_config` as one message. The simple query protocol that
    carries two statements takes no parameters, so the id is written into the text: only
    the canonical form of a `uuid.UUID` (hex digits and dashes) ever is."""
    if not isinstance(company_id, uuid.UUID):
        raise TypeError(f"company_id must be a UUID, not {type(company_id).__name__}")
    return f"BEGIN; SELECT set_config('app.company_id', '{company_id}', true)"


async def _roll_back(connection: AsyncConnection, driver: Any) -> None:
    """End a failed or abandoned tenant transaction. A connection that cannot roll back (it
    broke, or the task was cancelled meanwhile) is discarded, never pooled mid-transaction."""
    try:
        if not driver.is_closed() and driver.is_in_transaction():
            await driver.execute("ROLLBACK")
    except BaseException as exc:
        await connection.invalidate(exc if isinstance(exc, Exception) else None)
        if not isinstance(exc, Exception):
            raise


@dataclass(frozen=True)
class DriverStatement:
    """A statement compiled once for the driver: its SQL, the names of its parameters in
    the order of their `$n` placeholders, and the values the statement itself carries
    (a literal such as `last_value + 1` is a parameter too)."""

    sql: str
    names: tuple[str, ...]
    carried: tuple[tuple[str, Any], ...] = ()

    def arguments(self, values: dict[str, Any]) -> list[Any]:
        """The driver's arguments: `values` by name, then what the statement carries."""
        merged = {**dict(self.carried), **values} if self.carried else values
        return [merged[name] for name in self.names]


@functools.lru_cache(maxsize=512)
def driver_statement(statement: ClauseElement, dialect: Any) -> DriverStatement:
    """`statement` compiled for `dialect`, once (statements are built once, see
    `crm_common.tenancy`). Only a statement whose values go to the driver as they are can be
    run this way: none needing SQLAlchemy's conversion of a value, none expanding a list
    into several placeholders (bind a list to `= ANY(...)` instead)."""
    compiled = cast(SQLCompiler, statement.compile(dialect=dialect))
    converted = [
        name
        for name in compiled._bind_processors
        # A Boolean's conversion only checks that the value is a bool, as the driver does.
        if not isinstance(compiled.binds[name].type, Boolean)
    ]
    if converted or "__[POSTCOMPILE_" in compiled.string:
        raise ValueError("this statement needs SQLAlchemy to convert or expand its values")
    names = tuple(compiled.positiontup or ())
    carried = tuple(
        (name, compiled.binds[name].effective_value)
        for name in dict.fromkeys(names)
        if not compiled.binds[name].required
    )
    return DriverStatement(compiled.string, names, carried)


async def fetch_records(
    connection: AsyncConnection, statement: ClauseElement, values: dict[str, Any]
) -> list[asyncpg.Record]:
    """Run a read on the transaction's `connection` straight through the driver and return
    its records: for a read returning many rows on a hot path, where SQLAlchemy's execution
    and row objects cost more than the driver itself (a page of 50 campaigns: a fifth less
    CPU). The records hold the driver's values (JSON decoded by the codec the dialect set on
    the connection); a database error is raised as SQLAlchemy raises it: the `DBAPIError`
    of its class (a constraint violated: `IntegrityError`, a bad value: `DataError`, …)
    with the driver's exception as the cause."""
    prepared = driver_statement(statement, connection.dialect)
    try:
        records: list[asyncpg.Record] = await _driver_of(connection).fetch(
            prepared.sql, *prepared.arguments(values)
        )
    except asyncpg.PostgresError as exc:
        kind = _ERROR_CLASSES.get(str(getattr(exc, "sqlstate", "") or "")[:2], DBAPIError)
        raised = kind(prepared.sql, None, _DriverError(str(exc)))
        raised.orig.__cause__ = exc  # type: ignore[union-attr]
        raise raised from exc
    return records


_ERROR_CLASSES: dict[str, type[DBAPIError]] = {
    "22": DataError,
    "23": IntegrityError,
    "40": OperationalError,  # serialization failure, deadlock
    "42": ProgrammingError,
    "53": OperationalError,  # insufficient resources
    "55": OperationalError,  # lock not available
    "57": OperationalError,  # statement timeout, shutdown
}
"""SQLAlchemy's error class for a class of SQLSTATE, as its driver adapter chooses it."""


async def session_records(
    session: AsyncSession, statement: ClauseElement, values: dict[str, Any]
) -> list[asyncpg.Record]:
    """`fetch_records` on the session's transaction: a statement built once, run without
    SQLAlchemy's execution (a third of the CPU of `session.execute` for a one-row read). What
    the session holds unsent is flushed first, as its autoflush would before a query, so the
    statement sees every change made so far."""
    if session.new or session.dirty or session.deleted:
        await session.flush()
    return await fetch_records(await session.connection(), statement, values)


class _DriverError(Exception):
    """The DBAPI-level error of a driver read (its cause is the driver's exception)."""
