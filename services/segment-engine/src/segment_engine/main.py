"""The segment engine app: contacts, events, consent, segments, estimates, tracking."""

from __future__ import annotations

from fastapi import FastAPI

from crm_common.app import create_service_app
from crm_common.resources import Resources
from crm_common.settings import Settings
from segment_engine.contacts.endpoints import router as contacts_router
from segment_engine.events.endpoints import router as contact_events_router
from segment_engine.segments.endpoints import router as segments_router
from segment_engine.suppressions.endpoints import router as suppressions_router

SERVICE = "segment-engine"

ROUTERS = [contacts_router, contact_events_router, suppressions_router, segments_router]


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Segment Engine",
        description="Contacts, behavioural events, consent, segment rules and tracking.",
        settings=settings,
        resources=resources,
        routers=ROUTERS,
    )
