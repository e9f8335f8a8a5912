"""Governance endpoints: a campaign's approval state (chain, standing approvals, diff since
the approved version), its audience drift since approval, and the company's approval policy."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from campaign_api.campaigns.deps import ReadableCampaign
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.governance import chain, service, state
from campaign_api.governance.schemas import (
    ApprovalPolicyRead,
    ApprovalPolicyWrite,
    AudienceDrift,
    CampaignApprovalState,
)
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.errors import error_responses as errors
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

router = APIRouter(prefix="/api/campaigns", tags=["approvals"], responses=COMMON_RESPONSES)
policy_router = APIRouter(
    prefix="/api/approval-policy", tags=["approvals"], responses=COMMON_RESPONSES
)

CampaignReader = Annotated[Principal, Depends(require(Permission.READ_CAMPAIGN))]
PolicyAdmin = Annotated[Principal, Depends(require(Permission.MANAGE_USERS))]


@router.get(
    "/{campaign_id}/approval/",
    response_model=CampaignApprovalState,
    summary="Read a campaign's approval state",
    responses=errors(CampaignNotFound),
)
async def campaign_approval(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> Any:
    """The approval chain with each step's standing approval (approver, time, comment,
    fingerprint), the content fingerprint now, and what changed since the approved version."""
    body = await state.approval_state(scope, principal, campaign)
    return respond(body.model_dump(mode="json"), principal)


@router.get(
    "/{campaign_id}/audience-drift/",
    response_model=AudienceDrift,
    summary="Read a campaign's audience drift since approval",
    responses=errors(CampaignNotFound),
)
async def audience_drift(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> Any:
    """Contacts added to and removed from each segment since the campaign was approved, and
    whether the drift is above the company's threshold (a launch then needs re-approval)."""
    body = await service.audience_drift(scope, campaign)
    return respond(body.model_dump(mode="json"), principal)


@policy_router.get("/", response_model=ApprovalPolicyRead, summary="Read the approval policy")
async def read_policy(principal: CampaignReader, scope: Scope) -> Any:
    """The company's approval chain (steps in order) and audience drift threshold."""
    body = await chain.read_policy(scope)
    return respond(body.model_dump(mode="json"), principal)


@policy_router.put("/", response_model=ApprovalPolicyRead, summary="Replace the approval policy")
async def replace_policy(body: ApprovalPolicyWrite, principal: PolicyAdmin, scope: Scope) -> Any:
    """Set the company's approval chain (one to ten steps: name, optional role, optional budget
    above which the step applies) and audience drift threshold in percent (admins)."""
    saved = await chain.update_policy(scope, principal, body)
    return respond(saved.model_dump(mode="json"), principal)
