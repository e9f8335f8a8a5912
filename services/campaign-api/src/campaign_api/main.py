"""The campaign API app: users and auth, campaigns, approvals, budgets, templates, audit."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware import Middleware

from campaign_api.auth.endpoints import routers as auth_routers
from campaign_api.campaign_routers import CAMPAIGN_ROUTERS, CAMPAIGN_TAGS
from campaign_api.users.endpoints import router as users_router
from campaign_api.webhooks.endpoints import WEBHOOK_TAGS
from campaign_api.webhooks.endpoints import router as webhooks_router
from campaign_api.ws_tickets.endpoints import router as ws_tickets_router
from crm_common.app import create_service_app
from crm_common.ratelimit import RateLimitMiddleware
from crm_common.resources import Resources
from crm_common.settings import Settings

SERVICE = "campaign-api"


def create_app(settings: Settings | None = None, resources: Resources | None = None) -> FastAPI:
    return create_service_app(
        SERVICE,
        title="Campaign Creation — Campaign API",
        description="Campaigns, approvals, budgets, templates, users and audit.",
        routers=[
            ws_tickets_router,
            *auth_routers,
            users_router,
            *CAMPAIGN_ROUTERS,
            webhooks_router,
        ],
        openapi_tags=[*CAMPAIGN_TAGS, *WEBHOOK_TAGS],
        middleware=[Middleware(RateLimitMiddleware)],
        settings=settings,
        resources=resources,
    )
