"""The approval workflow: not_required/rejected → pending_approval → approved | rejected.
Approving a budget above the company's MFA threshold needs a step-up."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.approvals.errors import (
    AlreadyApproved,
    ApprovalAlreadyPending,
    ApprovalNotPending,
)
from campaign_api.audit.service import record_change
from campaign_api.auth.mfa import require_step_up
from campaign_api.campaigns import rules
from campaign_api.campaigns.service import ENTITY, mark_changed
from campaign_api.shared.policy import load_settings
from crm_common.audit import RequestMeta
from crm_common.enums import ApprovalStatus
from crm_common.events import EventType
from crm_common.models import Campaign
from crm_common.security.principal import Principal

A = ApprovalStatus


async def submit(
    session: AsyncSession,
    principal: Principal,
    meta: RequestMeta,
    campaign: Campaign,
    comment: str | None,
) -> None:
    """Ask for approval (again, after a rejection)."""
    rules.ensure_editable(campaign)
    if campaign.approval_status == A.PENDING_APPROVAL:
        raise ApprovalAlreadyPending()
    if campaign.approval_status == A.APPROVED:
        raise AlreadyApproved()
    previous = campaign.approval_status
    campaign.approval_status = A.PENDING_APPROVAL
    campaign.approval_comment = comment
    mark_changed(campaign, principal, datetime.now(UTC))
    await session.flush()
    await record_change(
        session,
        principal,
        meta,
        action="campaign.approval_requested",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"approval_status": previous},
        new_values={"approval_status": A.PENDING_APPROVAL, "comment": comment},
        event_type=EventType.CAMPAIGN_APPROVAL_REQUESTED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "total_budget": campaign.total_budget,
            "currency_code": campaign.currency_code,
            "requested_by_user_id": principal.user_id,
            "reason": "submitted",
            "version": campaign.version,
        },
    )


async def decide(
    session: AsyncSession,
    request: Request | None,
    principal: Principal,
    meta: RequestMeta,
    campaign: Campaign,
    *,
    approve: bool,
    comment: str | None,
) -> None:
    """Approve or reject a pending campaign; approving above the MFA threshold needs the
    caller's step-up token."""
    rules.ensure_editable(campaign)
    if campaign.approval_status != A.PENDING_APPROVAL:
        raise ApprovalNotPending(details={"approval_status": campaign.approval_status})
    if approve:
        if request is None:
            raise ValueError("approving needs the request for its MFA step-up header")
        settings = await load_settings(session, principal.company_id)
        await require_step_up(request, principal, campaign.total_budget, settings)
    now = datetime.now(UTC)
    outcome = A.APPROVED if approve else A.REJECTED
    campaign.approval_status = outcome
    campaign.approval_comment = comment
    campaign.approved_by_user_id = principal.user_id if approve else None
    campaign.approved_at = now if approve else None
    mark_changed(campaign, principal, now)
    await session.flush()
    await record_change(
        session,
        principal,
        meta,
        action="campaign.approved" if approve else "campaign.rejected",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"approval_status": A.PENDING_APPROVAL},
        new_values={"approval_status": outcome, "comment": comment},
        event_type=EventType.CAMPAIGN_APPROVED if approve else EventType.CAMPAIGN_REJECTED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "approval_status": outcome,
            "decided_by_user_id": principal.user_id,
            "total_budget": campaign.total_budget,
            "currency_code": campaign.currency_code,
            "version": campaign.version,
        },
    )
