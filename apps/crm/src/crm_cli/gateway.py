"""The all-in-one composition: the four service apps behind one ASGI app, routed by the
same path-prefix table as the nginx gateway of the distributed mode (README "What runs where")."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.types import ASGIApp, Receive, Scope, Send

from campaign_api.main import create_app as campaign_api_app
from crm_cli.openapi import TITLE, merged_document
from crm_common import apidocs
from crm_common.errors import install_error_handlers
from crm_common.health import MetricsForbidden, app_checks, record_pool_metrics, run_checks
from crm_common.http_methods import AllowedMethodsMiddleware, answer_method
from crm_common.metrics import metrics_allowed
from crm_common.middleware import SecurityHeadersMiddleware
from crm_common.proxies import TrustedProxyMiddleware
from crm_common.resources import Resources
from launch_worker.main import create_app as launch_worker_app
from notify_gateway.main import create_app as notify_gateway_app
from segment_engine.main import create_app as segment_engine_app

SEGMENT_PREFIXES = (
    "/api/segments",
    "/api/contacts",
    "/api/contact-events",
    "/api/suppressions",
    "/t/",
)
WS_PREFIX = "/ws"
LAUNCH_WORKER_PREFIXES = ("/hooks/", "/dev/mail")
DOCS_PATHS = ("/openapi.json", apidocs.DOCS_PATH, apidocs.REDOC_PATH)


@dataclass
class ServiceApps:
    campaign_api: FastAPI
    segment_engine: FastAPI
    notify_gateway: FastAPI
    launch_worker: FastAPI

    def named(self) -> dict[str, FastAPI]:
        return {
            "campaign-api": self.campaign_api,
            "segment-engine": self.segment_engine,
            "notify-gateway": self.notify_gateway,
            "launch-worker": self.launch_worker,
        }


SERVICE_FACTORIES: dict[str, Callable[..., FastAPI]] = {
    "campaign-api": campaign_api_app,
    "segment-engine": segment_engine_app,
    "notify-gateway": notify_gateway_app,
    "launch-worker": launch_worker_app,
}
"""Each service's app factory: `factory(settings, resources=None)`."""


def build_apps(resources: Resources) -> ServiceApps:
    """The four apps sharing one set of resources (one pool, one Redis client)."""
    return ServiceApps(
        campaign_api=campaign_api_app(resources.settings, resources),
        segment_engine=segment_engine_app(resources.settings, resources),
        notify_gateway=notify_gateway_app(resources.settings, resources),
        launch_worker=launch_worker_app(resources.settings, resources),
    )


def route(path: str) -> str:
    """Which service answers `path` (the gateway's prefix table)."""
    if path == WS_PREFIX or path.startswith(WS_PREFIX + "/"):
        return "notify-gateway"
    if any(path == p.rstrip("/") or path.startswith(p) for p in SEGMENT_PREFIXES):
        return "segment-engine"
    if any(path == p.rstrip("/") or path.startswith(p) for p in LAUNCH_WORKER_PREFIXES):
        return "launch-worker"
    if path.startswith("/api/"):
        return "campaign-api"
    if path in DOCS_PATHS or path.startswith(apidocs.ASSETS_PATH + "/"):
        return "docs"
    return "spa"


class Gateway:
    """Routes by path prefix; owns the lifespans of the service apps; answers the combined
    /healthz, /readyz and /metrics and the product's one API document (/openapi.json, /docs,
    /redoc); serves the built SPA (web/dist) at /. It is the proxy in front of the services:
    it resolves the client (trusting CRM_TRUSTED_PROXIES only), rewrites X-Forwarded-For/-Proto
    to what it resolved, and puts the security headers on every response."""

    def __init__(
        self,
        resources: Resources,
        apps: ServiceApps,
        spa_dir: Path | None,
        *,
        owns_resources: bool = True,
    ) -> None:
        self.resources = resources
        self.owns_resources = owns_resources
        self.apps = apps
        self.spa: ASGIApp | None = None
        if spa_dir is not None and (spa_dir / "index.html").exists():
            self.spa = _SpaFiles(directory=str(spa_dir), html=True)
        self.docs = _docs_app(self.apps)
        settings = resources.settings
        self.edge: ASGIApp = TrustedProxyMiddleware(
            SecurityHeadersMiddleware(self._route, hsts_max_age_s=settings.hsts_max_age_s),
            trusted_proxies=settings.trusted_proxies,
            edge=True,
        )

    @asynccontextmanager
    async def lifespan(self) -> AsyncIterator[None]:
        # The shared resources close after every service's lifespan has ended (and with it
        # its background tasks, which would otherwise meet closed connections).
        try:
            async with AsyncExitStack() as stack:
                for app in self.apps.named().values():
                    await stack.enter_async_context(app.router.lifespan_context(app))
                yield
        finally:
            if self.owns_resources:
                await self.resources.close()

    async def readiness(self) -> tuple[bool, dict[str, object]]:
        services: dict[str, object] = {}
        ready = True
        for name, app in self.apps.named().items():
            checks = await run_checks(app_checks(app))
            ok = all(value == "ok" for value in checks.values())
            ready &= ok
            services[name] = {"status": "ready" if ok else "not_ready", "checks": checks}
        return ready, {"status": "ready" if ready else "not_ready", "services": services}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        await self.edge(scope, receive, send)

    async def _route(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "/")
        if scope["type"] == "http" and path in ("/healthz", "/readyz", "/metrics"):
            if scope["method"] not in ("GET", "HEAD"):
                await answer_method(scope["method"], ["GET", "HEAD", "OPTIONS"], send)
                return
            await self._own(path, scope, send)
            return
        target = route(path)
        if target == "docs":
            await self.docs(scope, receive, send)
            return
        if target == "spa":
            if self.spa is None and path == "/":
                # No built SPA (web/dist): the API documentation is the front page.
                await send(
                    {
                        "type": "http.response.start",
                        "status": 307,
                        "headers": [(b"location", b"/docs"), (b"content-length", b"0")],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return
            if self.spa is None:
                await _send_json(
                    send, 404, {"error_code": "not_found", "message": "Not found.", "details": {}}
                )
                return
            await self.spa(scope, receive, send)
            return
        await self.apps.named()[target](scope, receive, send)

    async def _own(self, path: str, scope: Scope, send: Send) -> None:
        if path == "/healthz":
            await _send_json(send, 200, {"status": "ok", "service": "all-in-one"})
        elif path == "/readyz":
            ready, body = await self.readiness()
            await _send_json(send, 200 if ready else 503, body)
        elif not self._metrics_allowed(scope):
            forbidden = MetricsForbidden()
            body = {"error_code": forbidden.error_code, "message": forbidden.message}
            await _send_json(send, 403, {**body, "details": {}})
        else:
            for name in self.apps.named():
                record_pool_metrics(name, self.resources)
            metrics = generate_latest()
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [(b"content-type", CONTENT_TYPE_LATEST.encode())],
                }
            )
            await send({"type": "http.response.body", "body": metrics})

    def _metrics_allowed(self, scope: Scope) -> bool:
        client = scope.get("client")
        authorization = next(
            (v.decode("latin-1") for k, v in scope.get("headers") or [] if k == b"authorization"),
            None,
        )
        return metrics_allowed(
            self.resources.settings, client[0] if client else None, authorization
        )

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        message = await receive()
        assert message["type"] == "lifespan.startup"
        stack = AsyncExitStack()
        try:
            await stack.enter_async_context(self.lifespan())
        except Exception as exc:
            await send({"type": "lifespan.startup.failed", "message": repr(exc)})
            return
        await send({"type": "lifespan.startup.complete"})
        message = await receive()
        try:
            await stack.aclose()
        finally:
            await send({"type": "lifespan.shutdown.complete"})


def _docs_app(apps: ServiceApps) -> FastAPI:
    """The merged document (built on first request, then kept) and the pages over it."""
    docs = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    install_error_handlers(docs)
    docs.add_middleware(AllowedMethodsMiddleware, router=docs.router)
    docs.include_router(apidocs.docs_router("/openapi.json", TITLE))
    cached: list[bytes] = []

    @docs.get("/openapi.json", include_in_schema=False)
    async def openapi() -> Response:
        if not cached:
            cached.append(json.dumps(merged_document(apps.named())).encode())
        return Response(cached[0], media_type="application/json")

    return docs


class _SpaFiles:
    """Static files with a fallback to index.html for client-side routes."""

    def __init__(self, directory: str, html: bool) -> None:
        from starlette.staticfiles import StaticFiles

        self.files = StaticFiles(directory=directory, html=html)
        self.index = Path(directory) / "index.html"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        from starlette.exceptions import HTTPException
        from starlette.responses import FileResponse

        try:
            await self.files(scope, receive, send)
        except HTTPException as exc:
            if exc.status_code != 404:
                raise
            await FileResponse(self.index)(scope, receive, send)


async def _send_json(send: Send, status: int, body: object) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
