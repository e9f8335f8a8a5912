"""Approval endpoints: submit-for-approval, approve and reject."""

from __future__ import annotations

from fastapi import APIRouter, Response

from campaign_api.approvals import service
from campaign_api.approvals.errors import (
    AlreadyApproved,
    ApprovalAlreadyPending,
    ApprovalNotPending,
    SelfApprovalForbidden,
)
from campaign_api.approvals.schemas import ApprovalComment, RejectionComment
from campaign_api.auth.errors import MFARequired
from campaign_api.auth.mfa import MFATokenHeader, StepUp
from campaign_api.campaigns.deps import (
    ApprovableCampaign,
    CampaignApprover,
    CampaignEditor,
    EditableCampaign,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound
from campaign_api.campaigns.schemas import CampaignTransitioned
from campaign_api.launches.errors import LaunchInProgress
from campaign_api.shared.responses import respond
from crm_common.concurrency import etag
from crm_common.deps import AppResources, Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors
from crm_common.models import Campaign
from crm_common.security.principal import Principal

router = APIRouter(prefix="/api/campaigns", tags=["approvals"], responses=COMMON_RESPONSES)


def _done(campaign: Campaign, principal: Principal, response: Response) -> CampaignTransitioned:
    body = CampaignTransitioned.of(campaign, validation_warnings=[])
    return respond(body, principal, response, headers={"ETag": etag(campaign.version)})


@router.post(
    "/{campaign_id}/submit-for-approval/",
    response_model=CampaignTransitioned,
    summary="Submit a campaign for approval",
    responses=errors(
        CampaignNotFound,
        PreconditionFailed,
        ApprovalAlreadyPending,
        AlreadyApproved,
        CampaignLocked,
        LaunchInProgress,
    ),
)
async def submit_for_approval(
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    body: ApprovalComment | None = None,
) -> CampaignTransitioned:
    """Ask for approval of the campaign's budget (again after a rejection)."""
    await service.submit(scope, principal, campaign, body.comment if body else None)
    return _done(campaign, principal, response)


@router.post(
    "/{campaign_id}/approve/",
    response_model=CampaignTransitioned,
    summary="Approve a campaign",
    responses=errors(
        CampaignNotFound,
        PreconditionFailed,
        ApprovalNotPending,
        CampaignLocked,
        MFARequired,
        SelfApprovalForbidden,
    ),
)
async def approve_campaign(
    campaign: ApprovableCampaign,
    principal: CampaignApprover,
    scope: Scope,
    resources: AppResources,
    response: Response,
    mfa_token: MFATokenHeader = None,
    body: ApprovalComment | None = None,
) -> CampaignTransitioned:
    """Approve a pending campaign (above the MFA threshold with an X-MFA-Token step-up); not
    by its creator or last editor."""
    comment = body.comment if body else None
    step_up = StepUp(resources.codec, mfa_token)
    await service.approve(scope, principal, campaign, comment, step_up)
    return _done(campaign, principal, response)


@router.post(
    "/{campaign_id}/reject/",
    response_model=CampaignTransitioned,
    summary="Reject a campaign",
    responses=errors(CampaignNotFound, PreconditionFailed, ApprovalNotPending, CampaignLocked),
)
async def reject_campaign(
    body: RejectionComment,
    campaign: ApprovableCampaign,
    principal: CampaignApprover,
    scope: Scope,
    response: Response,
) -> CampaignTransitioned:
    """Reject a pending campaign with a comment saying why."""
    await service.reject(scope, principal, campaign, body.comment)
    return _done(campaign, principal, response)
