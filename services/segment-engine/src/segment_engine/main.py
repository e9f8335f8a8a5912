"""The segment engine app: contacts, events, consent, segments, estimates, tracking."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.middleware import Middleware

from crm_common.app import create_service_app
from crm_common.ratelimit import RateLimitMiddleware
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.supervise import supervisor_of
from segment_engine.consent.endpoints import public_router as opt_in_router
from segment_engine.consent.endpoints import router as consent_router
from segment_engine.contacts.endpoints import router as contacts_router
from segment_engine.events.endpoints import router as contact_events_router
from segment_engine.privacy.endpoints import router as privacy_router
from segment_engine.segments.endpoints import router as segments_router
from segment_engine.suppressions.endpoints import router as suppressions_router
from segment_engine.tracking.endpoints import router as tracking_router
from segment_engine.tracking.throttle import PerformanceThrottle, TrailingUpdates

SERVICE = "segment-engine"
# Routes anyone may call (the signed token is the credential): limited per client address.
PUBLIC_PREFIXES = ("/t/",)

ROUTERS = [
    privacy_router,
    contacts_router,
    contact_events_router,
    suppressions_router,
    tracking_router,
    segments_router,
    consent_router,
    opt_in_router,
]


@asynccontextmanager
async def run_trailing_updates(app: FastAPI) -> AsyncIterator[Any]:
    """Publish the performance updates the tracking throttle deferred (supervised)."""
    resources = app.state.resources
    publisher = TrailingUpdates(resources.db, PerformanceThrottle(resources.redis))
    async with supervisor_of(app).running("trailing_updates", publisher.run) as state:
        yield state


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Segment Engine",
        description="Contacts, behavioural events, consent, segment rules and tracking.",
        settings=settings,
        resources=resources,
        routers=ROUTERS,
        middleware=[Middleware(RateLimitMiddleware, public_prefixes=PUBLIC_PREFIXES)],
        background=[run_trailing_updates],
    )
