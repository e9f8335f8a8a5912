"""Outbound webhooks (permission `manage_webhooks`): subscriptions, secret rotation, test
pings, re-enabling, the delivery log and the company's allow-list of private targets."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response, status

from campaign_api.webhooks import service
from campaign_api.webhooks.deps import UrlResolver, WebhookPinger, WebhooksAdmin
from campaign_api.webhooks.errors import WebhookNotFound, WebhookUrlNotAllowed
from campaign_api.webhooks.schemas import (
    AllowListRead,
    AllowListUpdate,
    EventTypesRead,
    WebhookCreate,
    WebhookDeliveryPage,
    WebhookDeliveryRead,
    WebhookPage,
    WebhookRead,
    WebhookSecretRead,
    WebhookUpdate,
)
from crm_common.concurrency import ExpectedVersion, check_row_version, etag
from crm_common.deps import AppResources, NoStore, Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed, RateLimited, error_responses
from crm_common.models import WebhookSubscription
from crm_common.pagination import Pagination
from crm_common.webhooks.enums import WebhookDeliveryStatus, WebhookStatus

WEBHOOK_TAGS: list[dict[str, Any]] = [
    {
        "name": "webhooks",
        "description": "Signed HTTP callbacks of the company's events to its own URLs, with "
        "retries, a delivery log and an allow-list for private targets.",
    }
]

router = APIRouter(prefix="/api/webhooks", tags=["webhooks"], responses=COMMON_RESPONSES)

WebhookId = Annotated[uuid.UUID, Path(description="The webhook subscription's id.")]
_MISSING = error_responses(WebhookNotFound)


@router.get("/", response_model=WebhookPage, summary="List webhook subscriptions")
async def list_webhooks(
    principal: WebhooksAdmin,
    scope: Scope,
    pagination: Pagination,
    status: Annotated[WebhookStatus | None, Query(description="Only this status.")] = None,
) -> dict[str, Any]:
    """The company's webhook subscriptions, oldest first, with their health."""
    return await service.list_webhooks(scope, pagination, status=status)


@router.post(
    "/",
    response_model=WebhookSecretRead,
    status_code=status.HTTP_201_CREATED,
    summary="Subscribe a URL to events",
    responses=error_responses(WebhookUrlNotAllowed),
    dependencies=[NoStore],
)
async def create_webhook(
    body: WebhookCreate,
    principal: WebhooksAdmin,
    scope: Scope,
    resources: AppResources,
    resolver: UrlResolver,
) -> WebhookSecretRead:
    """Subscribe an http(s) URL of a public address (or one on the allow-list) to event
    types; the answer carries the signing secret, shown this once."""
    return await service.create_webhook(scope, principal, resources.settings, resolver, body)


@router.get("/event-types/", response_model=EventTypesRead, summary="List event types")
async def list_event_types(principal: WebhooksAdmin) -> EventTypesRead:
    """The event types a subscription can pick."""
    return service.event_types()


@router.get("/allow-list/", response_model=AllowListRead, summary="Get the allow-list")
async def get_allow_list(principal: WebhooksAdmin, scope: Scope) -> AllowListRead:
    """The hosts and networks the company's webhooks may reach although not public."""
    return await service.get_allow_list(scope)


@router.put("/allow-list/", response_model=AllowListRead, summary="Replace the allow-list")
async def set_allow_list(
    body: AllowListUpdate, principal: WebhooksAdmin, scope: Scope, resources: AppResources
) -> AllowListRead:
    """Replace the hosts (`name`, `*.domain`) and networks (IP, CIDR) the company's webhooks
    may reach although they are not public; cloud metadata addresses and the platform's own
    networks stay refused."""
    return await service.set_allow_list(scope, principal, resources.settings, body)


@router.get(
    "/{webhook_id}/", response_model=WebhookRead, summary="Get a webhook", responses=_MISSING
)
async def get_webhook(
    webhook_id: WebhookId, principal: WebhooksAdmin, scope: Scope, response: Response
) -> WebhookRead:
    """One subscription with its health (never its secret); the ETag is its version."""
    webhook = await service.get_webhook(scope, webhook_id)
    response.headers["ETag"] = etag(webhook.version)
    return webhook


@router.patch(
    "/{webhook_id}/",
    response_model=WebhookRead,
    summary="Update a webhook",
    responses=error_responses(WebhookNotFound, WebhookUrlNotAllowed, PreconditionFailed),
)
async def update_webhook(
    webhook_id: WebhookId,
    body: WebhookUpdate,
    principal: WebhooksAdmin,
    scope: Scope,
    resolver: UrlResolver,
    resources: AppResources,
    expected: ExpectedVersion,
    response: Response,
) -> WebhookRead:
    """Change the name, URL (checked again), event types, or pause / resume deliveries. With
    If-Match, a subscription whose settings changed since that version is a 412."""
    await check_row_version(scope, WebhookSubscription, webhook_id, expected)
    webhook = await service.update_webhook(
        scope, principal, resources.settings, resolver, webhook_id, body
    )
    response.headers["ETag"] = etag(webhook.version)
    return webhook


@router.delete(
    "/{webhook_id}/",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a webhook",
    responses=error_responses(WebhookNotFound, PreconditionFailed),
)
async def delete_webhook(
    webhook_id: WebhookId, principal: WebhooksAdmin, scope: Scope, expected: ExpectedVersion
) -> Response:
    """Remove a subscription and its delivery log (with If-Match: only the version read)."""
    await check_row_version(scope, WebhookSubscription, webhook_id, expected)
    await service.delete_webhook(scope, principal, webhook_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/{webhook_id}/rotate-secret/",
    response_model=WebhookSecretRead,
    summary="Rotate the signing secret",
    responses=_MISSING,
    dependencies=[NoStore],
)
async def rotate_secret(
    webhook_id: WebhookId, principal: WebhooksAdmin, scope: Scope, resources: AppResources
) -> WebhookSecretRead:
    """A new signing secret, shown this once; the old one also signs deliveries for
    `CRM_WEBHOOK_SECRET_GRACE_S` (default 24 h)."""
    return await service.rotate_secret(scope, principal, resources.settings, webhook_id)


@router.post(
    "/{webhook_id}/enable/",
    response_model=WebhookRead,
    summary="Re-enable a webhook",
    responses=_MISSING,
)
async def enable_webhook(
    webhook_id: WebhookId, principal: WebhooksAdmin, scope: Scope
) -> WebhookRead:
    """Deliver again to a subscription disabled after repeated failures (or paused)."""
    return await service.enable_webhook(scope, principal, webhook_id)


@router.post(
    "/{webhook_id}/test/",
    response_model=WebhookDeliveryRead,
    status_code=status.HTTP_202_ACCEPTED,
    summary="Send a test ping",
    responses=error_responses(WebhookNotFound, RateLimited),
)
async def send_ping(
    webhook_id: WebhookId, principal: WebhookPinger, scope: Scope
) -> WebhookDeliveryRead:
    """Queue a signed `webhook.ping` to the subscription's URL; the launch worker sends it
    within a second or two and its outcome appears in the delivery log."""
    return await service.send_ping(scope, principal, webhook_id)


@router.get(
    "/{webhook_id}/deliveries/",
    response_model=WebhookDeliveryPage,
    summary="List a webhook's deliveries",
    responses=_MISSING,
)
async def list_deliveries(
    webhook_id: WebhookId,
    principal: WebhooksAdmin,
    scope: Scope,
    pagination: Pagination,
    status: Annotated[
        WebhookDeliveryStatus | None, Query(description="Only deliveries in this state.")
    ] = None,
    event_type: Annotated[
        str | None, Query(max_length=100, description="Only this event type.")
    ] = None,
) -> dict[str, Any]:
    """The delivery log, newest first: each event's state and every attempt (status code,
    the start of the response, latency, error)."""
    return await service.list_deliveries(
        scope, pagination, webhook_id, status=status, event_type=event_type
    )
