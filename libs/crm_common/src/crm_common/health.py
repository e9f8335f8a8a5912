"""`/healthz` (alive), `/readyz` (Postgres and Redis answer) and `/metrics` for a service."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from crm_common.metrics import DB_POOL_CHECKED_OUT, DB_POOL_SIZE
from crm_common.resources import Resources

Check = Callable[[], Awaitable[None]]


async def run_checks(checks: dict[str, Check], limit_s: float = 2.0) -> dict[str, str]:
    """Run each named check; 'ok' or the failure's name."""

    async def one(check: Check) -> str:
        try:
            await asyncio.wait_for(check(), limit_s)
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


def app_checks(app: Any) -> dict[str, Check]:
    """The readiness checks of one service app: its resources plus its own extras."""
    return {**resource_checks(app.state.resources), **getattr(app.state, "extra_checks", {})}


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

    @router.get("/readyz", summary="Readiness: Postgres and Redis answer")
    async def readyz(request: Request) -> JSONResponse:
        checks = await run_checks(app_checks(request.app))
        ready = all(value == "ok" for value in checks.values())
        body = {"status": "ready" if ready else "not_ready", "service": service, "checks": checks}
        return JSONResponse(body, status_code=200 if ready else 503)

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        record_pool_metrics(service, request.app.state.resources)
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router
