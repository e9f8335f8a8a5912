"""`/healthz` (alive), `/readyz` (Postgres and Redis answer, the schema is migrated, every
supervised background task is running) and `/metrics` for a service."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from sqlalchemy import text

from crm_common.db import Database
from crm_common.errors import PermissionDenied
from crm_common.metrics import DB_POOL_CHECKED_OUT, DB_POOL_SIZE, metrics_allowed
from crm_common.migrate import schema_state
from crm_common.resources import Resources
from crm_common.supervise import Supervisor, TaskState

Check = Callable[[], Awaitable[None]]


class MetricsForbidden(PermissionDenied):
    error_code = "metrics_forbidden"
    message = "Metrics are served to the metrics network or with the metrics token only."


class NotReady(Exception):
    """A readiness check's failure whose message is safe to show in the /readyz body."""


class SchemaCheck:
    """Not ready while the database's Alembic revision is behind the code's head (or absent).
    A schema found current is trusted for `ttl_s` seconds; a stale one is asked again on every
    probe, so readiness follows `crm migrate` at once."""

    def __init__(self, db: Database, ttl_s: float = 5.0) -> None:
        self.db = db
        self.ttl_s = ttl_s
        self._current_until = 0.0

    async def __call__(self) -> None:
        if time.monotonic() < self._current_until:
            return
        problem = schema_state(await self._revisions()).problem
        if problem is not None:
            raise NotReady(problem)
        self._current_until = time.monotonic() + self.ttl_s

    async def _revisions(self) -> set[str]:
        async with self.db.system_engine.connect() as plain:
            # SET LOCAL needs a transaction: this connection leaves the engine's autocommit.
            connection = await plain.execution_options(isolation_level="READ COMMITTED")
            transaction = await connection.begin()
            try:
                # alembic_version belongs to the owner; the platform role may not read it.
                # The owner's rights last until this transaction ends (always rolled back).
                await connection.execute(text("SET LOCAL ROLE NONE"))
                exists = await connection.scalar(text("SELECT to_regclass('alembic_version')"))
                if exists is None:
                    return set()
                rows = await connection.execute(text("SELECT version_num FROM alembic_version"))
                return {str(row[0]) for row in rows}
            finally:
                await transaction.rollback()


async def run_checks(checks: dict[str, Check], limit_s: float = 2.0) -> dict[str, str]:
    """Run each named check; 'ok' or the failure's name."""

    async def one(check: Check) -> str:
        try:
            await asyncio.wait_for(check(), limit_s)
        except NotReady as exc:
            return f"error: {exc}"
        except Exception as exc:  # readiness reports any failure instead of raising
            return f"error: {type(exc).__name__}"
        return "ok"

    names = list(checks)
    results = await asyncio.gather(*(one(checks[name]) for name in names))
    return dict(zip(names, results, strict=True))


def resource_checks(resources: Resources) -> dict[str, Check]:
    async def redis_ping() -> None:
        await resources.redis.ping()

    return {"postgres": resources.db.ping, "redis": redis_ping}


def task_check(state: TaskState) -> Check:
    """Not ready while the supervised task is failing (waiting out its back-off) or stopped."""

    async def check() -> None:
        problem = state.problem()
        if problem is not None:
            raise NotReady(problem)

    return check


def supervisor_checks(supervisor: Supervisor | None) -> dict[str, Check]:
    if supervisor is None:
        return {}
    return {name: task_check(state) for name, state in supervisor.states().items()}


def app_checks(app: Any) -> dict[str, Check]:
    """The readiness checks of one service app: its resources, its schema, its supervised
    background tasks, its own extras."""
    schema: Check | None = getattr(app.state, "schema_check", None)
    return {
        **resource_checks(app.state.resources),
        **({"schema": schema} if schema is not None else {}),
        **supervisor_checks(getattr(app.state, "supervisor", None)),
        **getattr(app.state, "extra_checks", {}),
    }


def record_pool_metrics(service: str, resources: Resources) -> None:
    for name, engine in (("app", resources.db.app_engine), ("system", resources.db.system_engine)):
        pool: Any = engine.pool
        if hasattr(pool, "checkedout"):
            DB_POOL_CHECKED_OUT.labels(service, name).set(pool.checkedout())
            DB_POOL_SIZE.labels(service, name).set(pool.size())


def health_router(service: str) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", summary="Liveness: the process answers")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "service": service}

    @router.get(
        "/readyz", summary="Readiness: Postgres and Redis answer and the schema is migrated"
    )
    async def readyz(request: Request) -> JSONResponse:
        checks = await run_checks(app_checks(request.app))
        ready = all(value == "ok" for value in checks.values())
        body = {"status": "ready" if ready else "not_ready", "service": service, "checks": checks}
        return JSONResponse(body, status_code=200 if ready else 503)

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        client = request.client.host if request.client else None
        if not metrics_allowed(
            request.app.state.settings, client, request.headers.get("authorization")
        ):
            raise MetricsForbidden()
        record_pool_metrics(service, request.app.state.resources)
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
