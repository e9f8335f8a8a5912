"""Launching a campaign, and reading its launches."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from campaign_api.budget_guard.errors import BudgetOverrideForbidden, LaunchOverBudget
from campaign_api.campaigns.deps import (
    CampaignCacheDep,
    CampaignId,
    CampaignLauncher,
    CampaignReader,
)
from campaign_api.campaigns.errors import (
    ApprovalRequired,
    CampaignEnded,
    CampaignNotFound,
    InvalidStatusTransition,
    ScheduleConflict,
)
from campaign_api.launches import service
from campaign_api.launches.errors import (
    AudienceTooSmall,
    InvalidLaunch,
    LaunchInProgress,
    LaunchNotFound,
    MessageRenderFailed,
    NoMessage,
    NoSegments,
)
from campaign_api.launches.schemas import LaunchAccepted, LaunchDetail, LaunchPage, LaunchRequest
from campaign_api.shared.idempotency import (
    REPLAY_HEADER,
    IdempotencyKeyHeader,
    IdempotencyKeyInFlight,
    IdempotencyKeyReused,
)
from campaign_api.shared.responses import respond
from crm_common.concurrency import ExpectedVersion
from crm_common.deps import AppResources, Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination, make_page

router = APIRouter(prefix="/api/campaigns", tags=["launches"], responses=COMMON_RESPONSES)
launch_router = APIRouter(prefix="/api/launches", tags=["launches"], responses=COMMON_RESPONSES)

LaunchId = Annotated[uuid.UUID, Path(description="The launch's id.")]


@router.post(
    "/{campaign_id}/launch/",
    status_code=202,
    response_model=LaunchAccepted,
    summary="Launch a campaign",
    responses=errors(
        CampaignNotFound,
        PreconditionFailed,
        InvalidStatusTransition,
        ApprovalRequired,
        CampaignEnded,
        NoSegments,
        NoMessage,
        LaunchInProgress,
        AudienceTooSmall,
        LaunchOverBudget,
        BudgetOverrideForbidden,
        ScheduleConflict,
        IdempotencyKeyInFlight,
        InvalidLaunch,
        MessageRenderFailed,
        IdempotencyKeyReused,
    ),
)
async def launch_campaign(
    campaign_id: CampaignId,
    principal: CampaignLauncher,
    scope: Scope,
    idempotency_key: IdempotencyKeyHeader,
    expected_version: ExpectedVersion,
    cache: CampaignCacheDep,
    response: Response,
    resources: AppResources,
    body: LaunchRequest | None = None,
) -> dict[str, Any]:
    """Check everything and record a launch request, once per Idempotency-Key."""
    request = body or LaunchRequest()
    outcome = await service.request_launch(
        scope,
        principal,
        campaign_id,
        request,
        idempotency_key,
        expected_version,
        resources.settings,
    )
    # The launch this request recorded (or, replayed, recorded the first time): where its
    # progress is read.
    headers = {"Location": f"/api/launches/{outcome.body['launch']['id']}/"}
    if outcome.replayed:
        headers[REPLAY_HEADER] = "true"
    else:
        await cache.invalidate(scope.company_id, campaign_id, session=scope.session)
    return respond(
        outcome.body, principal, response, status_code=outcome.status_code, headers=headers
    )


@router.get(
    "/{campaign_id}/launches/",
    response_model=LaunchPage,
    summary="List a campaign's launches",
    responses=errors(CampaignNotFound),
)
async def campaign_launches(
    campaign_id: CampaignId, principal: CampaignReader, scope: Scope, pagination: Pagination
) -> dict[str, Any]:
    """List a campaign's launches with their state and counts, newest first."""
    items, total = await service.campaign_launches(scope, campaign_id, pagination)
    page = make_page([item.model_dump(mode="json") for item in items], total, pagination)
    return respond(page, principal)


@launch_router.get(
    "/{launch_id}/",
    response_model=LaunchDetail,
    summary="Read a launch",
    responses=errors(LaunchNotFound),
)
async def read_launch(launch_id: LaunchId, principal: CampaignReader, scope: Scope) -> Any:
    """A launch's state, counts (queued, sent, failed, skipped, remaining), timings and its
    latest failed deliveries."""
    detail = await service.launch_detail(scope, launch_id)
    return respond(detail.model_dump(mode="json"), principal)
