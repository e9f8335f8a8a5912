"""Engines and sessions: one pair per process, built in a lifespan, never at import.

Two engines share the same server and owner URL but switch role at connect time:
- the application engine runs as `crm_app`; row-level security limits it to the company set
  per transaction with `set_config('app.company_id', …, true)` (SET LOCAL) and fails when unset;
- the system engine runs as `crm_system` for cross-tenant platform work (outbox relay, sign-in
  lookup, seeding), which has its own policy.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

import structlog
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from crm_common.settings import Settings

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"

log = structlog.get_logger(__name__)

AfterCommitHook = Callable[[], Awaitable[None]]
_AFTER_COMMIT = "crm_after_commit"


def make_engine(
    settings: Settings, role: str, *, pool_size: int | None = None, name: str = "crm"
) -> AsyncEngine:
    """An asyncpg engine whose every connection acts as `role`."""
    return create_async_engine(
        settings.async_database_url,
        pool_size=pool_size or settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        pool_pre_ping=True,
        pool_recycle=1800,
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
    def from_settings(cls, settings: Settings, name: str = "crm") -> Database:
        system_pool = max(2, settings.db_pool_size // 4)
        return cls(
            app_engine=make_engine(settings, APP_ROLE, name=name),
            system_engine=make_engine(settings, SYSTEM_ROLE, pool_size=system_pool, name=name),
        )

    def __post_init__(self) -> None:
        self._app_sessions = async_sessionmaker(self.app_engine, expire_on_commit=False)
        self._system_sessions = async_sessionmaker(self.system_engine, expire_on_commit=False)

    @asynccontextmanager
    async def tenant_session(self, company_id: uuid.UUID) -> AsyncIterator[AsyncSession]:
        """A transaction limited to one company; commits on success, rolls back on error."""
        async with self._app_sessions() as session:
            async with session.begin():
                await set_tenant(session, company_id)
                yield session
            await run_after_commit(session)

    @asynccontextmanager
    async def system_session(self) -> AsyncIterator[AsyncSession]:
        """A cross-tenant platform transaction; commits on success, rolls back on error."""
        async with self._system_sessions() as session:
            async with session.begin():
                yield session
            await run_after_commit(session)

    async def ping(self) -> None:
        """Raise unless the database answers."""
        async with self.system_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.app_engine.dispose()
        await self.system_engine.dispose()


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


async def set_tenant(session: AsyncSession, company_id: uuid.UUID) -> None:
    """Bind the current transaction to `company_id` (SET LOCAL: it ends with the transaction)."""
    await session.execute(select(func.set_config("app.company_id", str(company_id), True)))
