"""The launch endpoint."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from campaign_api.campaigns.deps import (
    CampaignCacheDep,
    CampaignId,
    CampaignLauncher,
    ExpectedVersion,
)
from campaign_api.campaigns.errors import (
    ApprovalRequired,
    CampaignEnded,
    CampaignNotFound,
    InvalidStatusTransition,
    ScheduleConflict,
)
from campaign_api.launches import service
from campaign_api.launches.errors import InvalidLaunch, LaunchInProgress, NoSegments
from campaign_api.launches.schemas import LaunchAccepted, LaunchRequest
from campaign_api.shared.idempotency import (
    REPLAY_HEADER,
    IdempotencyKeyHeader,
    IdempotencyKeyInFlight,
    IdempotencyKeyReused,
)
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors

router = APIRouter(prefix="/api/campaigns", tags=["launches"], responses=COMMON_RESPONSES)


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
        LaunchInProgress,
        ScheduleConflict,
        IdempotencyKeyInFlight,
        InvalidLaunch,
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
    body: LaunchRequest | None = None,
) -> dict[str, Any]:
    """Check everything and record a launch request, once per Idempotency-Key."""
    request = body or LaunchRequest()
    outcome = await service.request_launch(
        scope, principal, campaign_id, request, idempotency_key, expected_version
    )
    headers = {"Location": f"/api/campaigns/{campaign_id}/"}
    if outcome.replayed:
        headers[REPLAY_HEADER] = "true"
    else:
        await cache.invalidate(scope.company_id, campaign_id, session=scope.session)
    return respond(
        outcome.body, principal, response, status_code=outcome.status_code, headers=headers
    )
