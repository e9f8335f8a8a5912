"""The notify gateway app: WebSocket fan-out of the crm.events stream at /ws."""

from __future__ import annotations

from fastapi import FastAPI

from crm_common.app import create_service_app
from crm_common.resources import Resources
from crm_common.settings import Settings
from notify_gateway.ws.endpoints import router as ws_router
from notify_gateway.ws.revocation import session_watch
from notify_gateway.ws.runtime import gateway_runtime, readiness_checks

SERVICE = "notify-gateway"


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Notify Gateway",
        description="Real-time campaign events over WebSocket.",
        routers=[ws_router],
        settings=settings,
        resources=resources,
        background=[gateway_runtime, session_watch],
        extra_checks=readiness_checks,
    )
