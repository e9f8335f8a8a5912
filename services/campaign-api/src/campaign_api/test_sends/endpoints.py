"""Test sends of a campaign's message."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query

from campaign_api.campaigns.deps import CampaignId, CampaignReader
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.test_sends import service
from campaign_api.test_sends.deps import TestSender
from campaign_api.test_sends.errors import (
    ContactNotFound,
    NoMessageContent,
    TestSendChannelInvalid,
    TestSendNotFound,
    TestSendRenderFailed,
    VariantNotFound,
)
from campaign_api.test_sends.schemas import MessagePreview, TestSendRead, TestSendRequest
from crm_common.deps import AppResources, Scope
from crm_common.enums import DeliveryChannel
from crm_common.errors import COMMON_RESPONSES, RateLimited
from crm_common.errors import error_responses as errors
from crm_common.messages import TemplateInvalid

router = APIRouter(prefix="/api/campaigns", tags=["test sends"], responses=COMMON_RESPONSES)

TestSendId = Annotated[uuid.UUID, Path(description="The test send's id.")]
RENDER_ERRORS = (
    CampaignNotFound,
    ContactNotFound,
    VariantNotFound,
    TestSendChannelInvalid,
    NoMessageContent,
    TemplateInvalid,
    TestSendRenderFailed,
)
"""What rendering a campaign's message may refuse (a test send and a preview alike)."""


@router.post(
    "/{campaign_id}/test-send/",
    status_code=202,
    response_model=TestSendRead,
    summary="Send a test message",
    responses=errors(*RENDER_ERRORS, RateLimited),
)
async def request_test_send(
    campaign_id: CampaignId,
    body: TestSendRequest,
    principal: TestSender,
    scope: Scope,
    resources: AppResources,
) -> TestSendRead:
    """Render the campaign's message exactly as a recipient gets it and send it to one
    address (email or phone); the launch worker sends it through the channel's provider.
    Without `view_pii` the contact's personal data is rendered masked, as the contacts API
    shows it."""
    return await service.request_test_send(scope, principal, resources.settings, campaign_id, body)


@router.get(
    "/{campaign_id}/test-sends/{test_send_id}/",
    response_model=TestSendRead,
    summary="Get a test send",
    responses=errors(TestSendNotFound),
)
async def get_test_send(
    campaign_id: CampaignId, test_send_id: TestSendId, principal: CampaignReader, scope: Scope
) -> TestSendRead:
    """A test send: the message as rendered, and whether the provider accepted it. Without
    `view_pii` the address is masked, and the message is withheld (null) when a contact's
    personal data filled it."""
    return await service.get_test_send(scope, principal, campaign_id, test_send_id)


@router.get(
    "/{campaign_id}/preview/",
    response_model=MessagePreview,
    summary="Preview a campaign's message",
    responses=errors(*RENDER_ERRORS),
)
async def preview_message(
    campaign_id: CampaignId,
    principal: CampaignReader,
    scope: Scope,
    resources: AppResources,
    channel: Annotated[
        DeliveryChannel | None,
        Query(description="The channel; omitted: the campaign's (email for multi-channel)."),
    ] = None,
    variant_id: Annotated[
        uuid.UUID | None, Query(description="This A/B variant's message; omitted: the template's.")
    ] = None,
    contact_id: Annotated[
        uuid.UUID | None,
        Query(description="Render with this contact's data; omitted: a sample contact's."),
    ] = None,
) -> MessagePreview:
    """The message rendered exactly as a recipient gets it (subject, HTML, text, headers,
    tracked links), for a contact of the company or placeholder data; sent to nobody and
    recorded nowhere. Without `view_pii` the contact's personal data is rendered masked."""
    return await service.preview(
        scope,
        principal,
        resources.settings,
        campaign_id,
        channel.value if channel is not None else None,
        variant_id,
        contact_id,
    )
