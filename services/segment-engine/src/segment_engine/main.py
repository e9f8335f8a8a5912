"""The segment engine app: contacts, events, consent, segments, estimates, tracking."""

from __future__ import annotations

from fastapi import FastAPI

from crm_common.app import create_service_app
from crm_common.resources import Resources
from crm_common.settings import Settings
from segment_engine.contacts.endpoints import router as contacts_router

SERVICE = "segment-engine"

ROUTERS = [contacts_router]


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Segment Engine",
        description="Contacts, behavioural events, consent, segment rules and tracking.",
        settings=settings,
        resources=resources,
        routers=ROUTERS,
    )
