"""The approval workflow: not_required/rejected → pending_approval → approved | rejected.
Approving a budget above the company's MFA threshold needs a step-up. Separation of duties:
nobody approves a campaign they created or last edited, unless the company allows it for
admins (`allow_admin_self_approval`), and then the approval's audit row says so."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from campaign_api.approvals import repository
from campaign_api.approvals.errors import (
    AlreadyApproved,
    ApprovalAlreadyPending,
    ApprovalNotPending,
    SelfApprovalForbidden,
)
from campaign_api.audit.service import record_change
from campaign_api.auth.mfa import StepUp, require_step_up
from campaign_api.campaigns import rules
from campaign_api.campaigns.service import ENTITY, mark_changed
from campaign_api.shared.policy import CompanyPolicy, load_settings
from crm_common.enums import ApprovalStatus
from crm_common.events import EventType
from crm_common.models import Campaign
from crm_common.security.permissions import RoleName
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

A = ApprovalStatus


async def submit(
    scope: TenantScope, principal: Principal, campaign: Campaign, comment: str | None
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
    await scope.session.flush()
    await record_change(
        scope,
        principal,
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


def _ensure_pending(campaign: Campaign) -> None:
    rules.ensure_editable(campaign)
    if campaign.approval_status != A.PENDING_APPROVAL:
        raise ApprovalNotPending(details={"approval_status": campaign.approval_status})


async def approve(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    comment: str | None,
    step_up: StepUp,
) -> None:
    """Approve a pending campaign; above the company's MFA threshold `step_up` must carry
    the caller's step-up token."""
    _ensure_pending(campaign)
    settings = await load_settings(scope)
    policy = CompanyPolicy.from_settings(settings)
    waiver = await _separation_of_duties(scope, principal, campaign, policy)
    await require_step_up(step_up, principal, campaign.total_budget, settings)
    await _decide(scope, principal, campaign, A.APPROVED, comment, waiver)


async def _separation_of_duties(
    scope: TenantScope, principal: Principal, campaign: Campaign, policy: CompanyPolicy
) -> dict[str, Any] | None:
    """Refuse the creator and the last editor; an admin of a company allowing self-approval
    passes, and gets back what the audit row records about it."""
    last_editor = await repository.last_editor(scope, ENTITY, campaign.id)
    roles: dict[str, uuid.UUID | None] = {
        "created_by_user_id": campaign.created_by_user_id,
        "last_edited_by_user_id": last_editor,
    }
    own = sorted(name for name, user_id in roles.items() if user_id == principal.user_id)
    if not own:
        return None
    if policy.allow_admin_self_approval and RoleName.ADMIN in principal.roles:
        return {"self_approval": True, "allowed_by": "allow_admin_self_approval", "as": own}
    raise SelfApprovalForbidden(details={"reasons": own})


async def reject(
    scope: TenantScope, principal: Principal, campaign: Campaign, comment: str | None
) -> None:
    """Reject a pending campaign."""
    _ensure_pending(campaign)
    await _decide(scope, principal, campaign, A.REJECTED, comment)


async def _decide(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    outcome: str,
    comment: str | None,
    waiver: dict[str, Any] | None = None,
) -> None:
    approved = outcome == A.APPROVED
    now = datetime.now(UTC)
    campaign.approval_status = outcome
    campaign.approval_comment = comment
    campaign.approved_by_user_id = principal.user_id if approved else None
    campaign.approved_at = now if approved else None
    mark_changed(campaign, principal, now)
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="campaign.approved" if approved else "campaign.rejected",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"approval_status": A.PENDING_APPROVAL},
        new_values={
            "approval_status": outcome,
            "comment": comment,
            **({"separation_of_duties": waiver} if waiver else {}),
        },
        event_type=EventType.CAMPAIGN_APPROVED if approved else EventType.CAMPAIGN_REJECTED,
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
