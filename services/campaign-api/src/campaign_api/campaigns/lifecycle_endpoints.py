"""Status actions: plan, pause, resume, complete, cancel (launch has its own endpoint)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from campaign_api.campaigns import lifecycle
from campaign_api.campaigns.deps import (
    CampaignEditor,
    CampaignLauncher,
    EditableCampaign,
    LaunchableCampaign,
)
from campaign_api.campaigns.errors import (
    ApprovalRequired,
    CampaignEnded,
    CampaignNotFound,
    InvalidStatusTransition,
    ScheduleConflict,
)
from campaign_api.campaigns.schemas import (
    ActionComment,
    CampaignTransitioned,
    ValidationWarning,
)
from campaign_api.shared.responses import respond
from crm_common.concurrency import etag
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors
from crm_common.models import Campaign
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

router = APIRouter(prefix="/api/campaigns", tags=["campaign lifecycle"], responses=COMMON_RESPONSES)

_ERRORS = errors(CampaignNotFound, PreconditionFailed, InvalidStatusTransition)


def _done(
    campaign: Campaign,
    warnings: list[ValidationWarning],
    principal: Principal,
    response: Response,
) -> CampaignTransitioned:
    body = CampaignTransitioned.of(campaign, validation_warnings=warnings)
    return respond(body, principal, response, headers={"ETag": etag(campaign.version)})


async def _run(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    action: str,
    body: ActionComment | None,
    response: Response,
) -> CampaignTransitioned:
    comment = body.comment if body is not None else None
    warnings = await lifecycle.transition(scope, principal, campaign, action, comment)
    return _done(campaign, warnings, principal, response)


@router.post(
    "/{campaign_id}/plan/",
    response_model=CampaignTransitioned,
    summary="Plan a campaign",
    responses=errors(
        CampaignNotFound,
        PreconditionFailed,
        InvalidStatusTransition,
        ScheduleConflict,
        CampaignEnded,
        ApprovalRequired,
    ),
)
async def plan_campaign(
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    body: ActionComment | None = None,
) -> CampaignTransitioned:
    """Move a draft to planned; its dates must not clash with others on its channel, and a
    rejected campaign is submitted for approval again first."""
    return await _run(scope, principal, campaign, "plan", body, response)


@router.post(
    "/{campaign_id}/pause/",
    response_model=CampaignTransitioned,
    summary="Pause a campaign",
    responses=_ERRORS,
)
async def pause_campaign(
    campaign: LaunchableCampaign,
    principal: CampaignLauncher,
    scope: Scope,
    response: Response,
    body: ActionComment | None = None,
) -> CampaignTransitioned:
    """Pause an active campaign."""
    return await _run(scope, principal, campaign, "pause", body, response)


@router.post(
    "/{campaign_id}/resume/",
    response_model=CampaignTransitioned,
    summary="Resume a campaign",
    responses=errors(
        CampaignNotFound,
        PreconditionFailed,
        InvalidStatusTransition,
        ApprovalRequired,
        ScheduleConflict,
        CampaignEnded,
    ),
)
async def resume_campaign(
    campaign: LaunchableCampaign,
    principal: CampaignLauncher,
    scope: Scope,
    response: Response,
    body: ActionComment | None = None,
) -> CampaignTransitioned:
    """Make a paused campaign active again (it must be approved when approval is required)."""
    return await _run(scope, principal, campaign, "resume", body, response)


@router.post(
    "/{campaign_id}/complete/",
    response_model=CampaignTransitioned,
    summary="Complete a campaign",
    responses=_ERRORS,
)
async def complete_campaign(
    campaign: LaunchableCampaign,
    principal: CampaignLauncher,
    scope: Scope,
    response: Response,
    body: ActionComment | None = None,
) -> CampaignTransitioned:
    """Mark an active campaign completed (final)."""
    return await _run(scope, principal, campaign, "complete", body, response)


@router.post(
    "/{campaign_id}/cancel/",
    response_model=CampaignTransitioned,
    summary="Cancel a campaign",
    responses=_ERRORS,
)
async def cancel_campaign(
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    body: ActionComment | None = None,
) -> CampaignTransitioned:
    """Cancel a campaign that is not completed or cancelled (final; releases its budget)."""
    return await _run(scope, principal, campaign, "cancel", body, response)
