"""Who may manage webhooks, how URLs are resolved, and how often pings may be sent."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.deps import AppResources
from crm_common.ratelimit import Limit, RateLimiter
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require
from crm_common.webhooks.addresses import Resolver, system_resolver

WebhooksAdmin = Annotated[Principal, Depends(require(Permission.MANAGE_WEBHOOKS))]
"""Every webhook endpoint (permission `manage_webhooks`, which only admins hold)."""

PINGS_PER_WINDOW = 30
PING_WINDOW_S = 600


async def url_resolver() -> Resolver:
    """How host names are resolved to check a URL (the system resolver)."""
    return system_resolver


UrlResolver = Annotated[Resolver, Depends(url_resolver)]


async def pinger(principal: WebhooksAdmin, resources: AppResources) -> Principal:
    """The caller, once within the ping limit (each ping is a request to an outside URL)."""
    settings = resources.settings
    if settings.rate_limit_enabled:
        limiter = RateLimiter(resources.redis, settings.rate_limit_prefix)
        await limiter.enforce(
            Limit(
                limiter.key("webhook-ping", str(principal.user_id)),
                PINGS_PER_WINDOW,
                PING_WINDOW_S,
                "webhook_ping",
            )
        )
    return principal


WebhookPinger = Annotated[Principal, Depends(pinger)]
