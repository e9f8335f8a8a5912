"""Engines and sessions: one pair per process, built in a lifespan, never at import.

Two engines share the same server and owner URL but switch role at connect time:
- the application engine runs as `crm_app`; row-level security limits it to the company set
  per transaction with `set_config('app.company_id', …, true)` (SET LOCAL) and fails when unset;
- the system engine runs as `crm_system` for cross-tenant platform work (outbox relay, sign-in
  lookup, seeding), which has its own policy.

A tenant transaction costs two round trips besides its own statements: `BEGIN` and the
tenant's `set_config` travel together in one simple-protocol message, and `COMMIT` ends it.
Both engines therefore leave the driver in autocommit mode (SQLAlchemy's own `BEGIN` would be
a round trip of its own) and `Transaction` owns each transaction (`tenant_transaction`,
`tenant_session`, `system_session`); its ORM session opens only when the block asks for one. Nor
is a connection pinged before each use (SQLAlchemy's asyncpg ping is BEGIN, `;`, ROLLBACK:
three round trips): the first message is the ping — a connection that died while pooled (a
server restart, an idle timeout) fails it at once, is discarded and the transaction starts on
another. Whoever uses an engine's connection directly gets autocommit, and opts into a
driver transaction with `execution_options(isolation_level="READ COMMITTED")`.
"""

from __future__ import annotations

import asyncio
import functools
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
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

    def tenant_transaction(self, company_id: uuid.UUID) -> Transaction:
        """A transaction limited to one company (`async with`); commits on success, rolls back
        on error. Its ORM session opens only if the block asks for it (`Transaction`)."""
        return Transaction(self.app_engine, _tenant_begin(company_id))

    @asynccontextmanager
    async def tenant_session(self, company_id: uuid.UUID) -> AsyncIterator[AsyncSession]:
        """A transaction limited to one company; commits on success, rolls back on error."""
        async with self.tenant_transaction(company_id) as transaction:
            yield transaction.session

    @asynccontextmanager
    async def system_session(self) -> AsyncIterator[AsyncSession]:
        """A cross-tenant platform transaction; commits on success, rolls back on error."""
        async with Transaction(self.system_engine, "BEGIN") as transaction:
            yield transaction.session

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


class Transaction:
    """One transaction on one pooled connection of `engine`: `begin` (BEGIN, and for a tenant
    its `set_config`, in one message) on entering, COMMIT when the block succeeds, a rollback
    when it fails or is cancelled; the connection is handed back either way, to completion.

    Its ORM session is opened on the first use of `session`, bound to the transaction's
    connection: a block that only reads through the driver (`TenantScope.records`: the pages
    of every list) never builds one, and an `AsyncSession`'s checkout and close cost about
    what a round trip does. A connection that died while pooled fails the `begin` message at
    once and is discarded; the transaction starts on the next one."""

    __slots__ = ("_begin", "_connection", "_driver", "_engine", "_session")

    def __init__(self, engine: AsyncEngine, begin: str) -> None:
        self._engine = engine
        self._begin = begin
        self._connection: AsyncConnection | None = None
        self._driver: Any = None
        self._session: AsyncSession | None = None

    @property
    def connection(self) -> AsyncConnection:
        """The transaction's connection (once begun)."""
        if self._connection is None:
            raise RuntimeError("the transaction has not begun")
        return self._connection

    @property
    def session(self) -> AsyncSession:
        """The transaction's ORM session, opened on first use."""
        if self._session is None:
            self._session = AsyncSession(bind=self.connection, expire_on_commit=False)
        return self._session

    @property
    def session_opened(self) -> bool:
        return self._session is not None

    async def records(
        self, statement: ClauseElement, values: dict[str, Any]
    ) -> list[asyncpg.Record]:
        """`fetch_records` on the transaction's connection, after flushing what its session
        (if opened) holds unsent, as its autoflush would before a query."""
        if self._session is not None:
            await _flush_pending(self._session)
        return await fetch_records(self.connection, statement, values)

    async def __aenter__(self) -> Transaction:
        for attempt in range(_checkout_attempts(self._engine)):
            connection = await self._engine.connect()
            driver = _driver_of(connection)
            try:
                await driver.execute(self._begin)
            except _DISCONNECTED as exc:
                await connection.invalidate(exc)
                await connection.close()
                if attempt == 0:
                    log.info("pooled_connection_lost", error=type(exc).__name__)
                continue
            except BaseException:
                # Cancelled or refused mid-BEGIN: never pooled in an unknown state.
                await _abandon(connection, driver, None)
                raise
            self._connection, self._driver = connection, driver
            return self
        raise ConnectionError("no live database connection could be checked out")

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: Any
    ) -> None:
        connection, driver, session = self.connection, self._driver, self._session
        if exc_type is not None:
            await _abandon(connection, driver, session)
            return
        try:
            if session is not None:
                await _flush_pending(session)
                await _write_staged(session, connection)
            await driver.execute("COMMIT")
        except BaseException:
            await _abandon(connection, driver, session)
            raise
        # After the COMMIT closing is bookkeeping only (the driver is in autocommit mode, so
        # neither the session's end nor the pool's check-in sends anything) and runs in place.
        if session is not None:
            await session.close()
        await connection.close()
        if session is not None:
            await run_after_commit(session)


async def _abandon(connection: AsyncConnection, driver: Any, session: AsyncSession | None) -> None:
    """End a failed, cancelled or abandoned transaction: roll back (a connection that cannot
    is discarded, never pooled mid-transaction), then close the session and hand the
    connection back in a task of its own, awaited shielded: a cancellation of the caller does
    not stop it halfway."""

    async def close() -> None:
        try:
            if session is not None:
                await session.close()
        finally:
            await connection.close()

    try:
        await _roll_back(connection, driver)
    finally:
        await asyncio.shield(asyncio.create_task(close()))


def _driver_of(connection: AsyncConnection) -> Any:
    """The asyncpg connection under a checked-out `connection`, read without a round trip
    or a greenlet (SQLAlchemy's `get_raw_connection` spawns one to read the same attribute)."""
    return connection.sync_connection.connection.driver_connection  # type: ignore[union-attr]


def _checkout_attempts(engine: AsyncEngine) -> int:
    """How many pooled connections to try before giving up: every one the pool may hold
    (each may have died while pooled) and a new one."""
    pool = engine.pool
    return max(3, pool.size() + pool.overflow() + 2)  # type: ignore[attr-defined,no-any-return]


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
    await _flush_pending(session)
    return await fetch_records(await session.connection(), statement, values)


async def _flush_pending(session: AsyncSession) -> None:
    """Send what `session` holds unsent (new, changed or deleted objects), if anything."""
    if session.new or session.dirty or session.deleted:
        await session.flush()


class _DriverError(Exception):
    """The DBAPI-level error of a driver read (its cause is the driver's exception)."""
