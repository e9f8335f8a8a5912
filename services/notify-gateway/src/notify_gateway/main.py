"""The notify gateway app: WebSocket fan-out of the crm.events stream at /ws."""

from __future__ import annotations

from fastapi import FastAPI

from crm_common.app import create_service_app
from crm_common.resources import Resources
from crm_common.settings import Settings

SERVICE = "notify-gateway"


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Notify Gateway",
        description="Real-time campaign events over WebSocket.",
        settings=settings,
        resources=resources,
    )
