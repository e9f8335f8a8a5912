"""The service app factory shared by every service."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI
from starlette.middleware import Middleware
from starlette.types import ASGIApp

from crm_common import param_facts, route_index
from crm_common.apidocs import docs_router
from crm_common.errors import document_http_errors, install_error_handlers
from crm_common.health import Check, SchemaCheck, health_router
from crm_common.http_methods import AllowedMethodsMiddleware
from crm_common.logging import configure_logging
from crm_common.middleware import (
    KeepConnectionOnError,
    RequestContextMiddleware,
    SecurityHeadersMiddleware,
)
from crm_common.proxies import TrustedProxyMiddleware
from crm_common.ratelimit import RateLimitMiddleware, document_rate_limits
from crm_common.resources import Resources
from crm_common.schemas import BudgetRedactionMiddleware
from crm_common.settings import Settings, get_settings
from crm_common.supervise import Supervisor
from crm_common.telemetry import instrument

GC_THRESHOLDS = (20_000, 20, 20)
"""Collector thresholds of a started service. A request allocates hundreds of container
objects; at Python's default (700 allocations per young collection) the collector ran
several times per request, each pass walking the young objects of every request in flight."""


def settle_heap() -> None:
    """Once a service has started: move what was built so far (modules, apps, models,
    engines) out of the collector's sight for good, and collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


BackgroundFactory = Callable[[FastAPI], AbstractAsyncContextManager[Any]]


class ServiceApp(FastAPI):
    """FastAPI whose unhandled errors end in the app, never in the server (see
    `KeepConnectionOnError`): a 500 leaves the client's keep-alive connection usable."""

    def build_middleware_stack(self) -> ASGIApp:
        return KeepConnectionOnError(super().build_middleware_stack())


@asynccontextmanager
async def background_task(
    name: str, run: Callable[[asyncio.Event], Any]
) -> AsyncIterator[asyncio.Task[Any]]:
    """Run `run(stop)` for the lifetime of the context, supervised (restarted after a failure,
    crm_common.supervise); stop it cleanly on exit. A service's own tasks use
    `supervisor_of(app).running(...)` instead, so /readyz reports them."""
    supervisor = Supervisor()
    async with supervisor.running(name, run):
        yield supervisor.task(name)


def create_service_app(
    service: str,
    *,
    title: str,
    description: str = "",
    routers: Sequence[APIRouter] = (),
    settings: Settings | None = None,
    resources: Resources | None = None,
    background: Sequence[BackgroundFactory] = (),
    openapi_tags: list[dict[str, Any]] | None = None,
    version: str = "1.0.0",
    extra_checks: Callable[[FastAPI], dict[str, Check]] | None = None,
    middleware: Sequence[Middleware] = (),
) -> FastAPI:
    """A FastAPI app with the error format, request context, health and metrics, and a
    lifespan that opens (or borrows) the process's resources and runs background tasks."""
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = resources is None
        active = resources or Resources.open(settings, name=service)
        app.state.resources = active
        app.state.settings = active.settings
        app.state.token_codec = active.codec
        app.state.service = service
        app.state.extra_checks = extra_checks(app) if extra_checks else {}
        app.state.schema_check = SchemaCheck(active.db)
        instrument(active.settings, service, app, [active.db.app_engine, active.db.system_engine])
        try:
            async with AsyncExitStack() as stack:
                for factory in background:
                    await stack.enter_async_context(factory(app))
                settle_heap()
                yield
        finally:
            if owned:
                await active.close()

    app = ServiceApp(
        title=title,
        description=description,
        version=version,
        lifespan=lifespan,
        openapi_tags=openapi_tags,
        # FastAPI's own pages load their scripts from a CDN; ours serve packaged copies.
        docs_url=None,
        redoc_url=None,
        # Runs inside the request-context middleware, so its responses get ids and metrics.
        middleware=list(middleware),
    )
    install_error_handlers(app)
    # Inside the request context (it reads the request id), around everything that answers.
    app.add_middleware(BudgetRedactionMiddleware)
    app.add_middleware(AllowedMethodsMiddleware, router=app.router)
    app.add_middleware(
        RequestContextMiddleware, service=service, max_body_bytes=settings.max_body_bytes
    )
    # Outermost: headers on every response, the client resolved before anything reads it.
    app.add_middleware(SecurityHeadersMiddleware, hsts_max_age_s=settings.hsts_max_age_s)
    app.add_middleware(TrustedProxyMiddleware, trusted_proxies=settings.trusted_proxies)
    app.include_router(health_router(service))
    app.include_router(docs_router(app.openapi_url or "/openapi.json", title))
    for router in routers:
        app.include_router(router)
    document_http_errors(app)
    if any(getattr(entry, "cls", None) is RateLimitMiddleware for entry in middleware):
        document_rate_limits(app)
    route_index.install(app.router)
    param_facts.install()
    return app
