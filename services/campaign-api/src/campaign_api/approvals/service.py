"""The approval workflow: not_required/rejected → pending_approval → approved | rejected.
A pending campaign is approved once every step of the company's approval chain that applies
to its budget is approved, each step by a different person, each approval bound to the
campaign's content (governance/). Approving a budget above the company's MFA threshold needs
a step-up. Separation of duties: nobody approves a campaign they created or last edited,
unless the company allows it for admins (`allow_admin_self_approval`), and then the
approval's audit row says so. An approved campaign whose content or audience moved on may be
submitted again."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from campaign_api.approvals import repository
from campaign_api.approvals.errors import (
    AlreadyApproved,
    ApprovalAlreadyPending,
    ApprovalNotPending,
    SelfApprovalForbidden,
)
from campaign_api.audit.service import record_change
from campaign_api.auth.mfa import StepUp, require_step_up, step_up_needed
from campaign_api.campaigns import rules
from campaign_api.campaigns.service import ENTITY, mark_changed
from campaign_api.governance import repository as governance_repository
from campaign_api.governance import service as governance
from campaign_api.governance.chain import Chain, load_chain, may_decide
from campaign_api.governance.errors import DistinctApproverRequired, NotApproverForStep
from campaign_api.governance.schemas import ApprovalStep
from campaign_api.launches import repository as launch_repository
from campaign_api.launches.errors import LaunchInProgress
from campaign_api.shared.policy import CompanyPolicy, load_settings
from crm_common.attribution import ExchangeRateMissing, default_currency, rate_to_base, to_base
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
    """Ask for approval (again, after a rejection). Not while a launch is requested or
    running: the launch would start a campaign that is waiting for approval."""
    rules.ensure_editable(campaign)
    running = await launch_repository.in_flight(scope, campaign.id)
    if running is not None:
        raise LaunchInProgress(
            details={"launch_id": str(running.id), "launch_status": running.launch_status}
        )
    if campaign.approval_status == A.PENDING_APPROVAL:
        raise ApprovalAlreadyPending()
    if campaign.approval_status == A.APPROVED:
        if await governance.withdraw_for_resubmission(scope, principal, campaign):
            return
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
) -> bool:
    """Approve the next step of a pending campaign's approval chain; above the company's MFA
    threshold `step_up` must carry the caller's step-up token. Returns whether the chain is
    complete (the campaign is then approved)."""
    _ensure_pending(campaign)
    settings = await load_settings(scope)
    policy = CompanyPolicy.from_settings(settings)
    chain = await load_chain(scope)
    standing = await governance.standing_approvals(scope, campaign)
    index, step, remaining = _next_step(chain, campaign, {a.step_index for a in standing})
    if not may_decide(step, principal):
        raise NotApproverForStep(
            details={"step_index": index, "step_name": step.name, "role": step.role}
        )
    if any(a.approver_user_id == principal.user_id for a in standing):
        raise DistinctApproverRequired(details={"step_index": index, "step_name": step.name})
    waiver = await _separation_of_duties(scope, principal, campaign, policy)
    amount = await _in_default_currency(scope, campaign, settings)
    await require_step_up(step_up, principal, amount, settings)
    completes = remaining == 1
    approval = await governance.record_step(
        scope,
        principal,
        campaign,
        index,
        step.name,
        comment,
        mfa_verified=step_up_needed(amount, settings),
        completes_chain=completes,
    )
    step_values = {
        "step_index": index,
        "step_name": step.name,
        "approval_id": approval.id,
        "fingerprint": approval.fingerprint,
    }
    if completes:
        await _decide(scope, principal, campaign, A.APPROVED, comment, waiver, step_values)
    else:
        await _record_step(scope, principal, campaign, comment, waiver, step_values)
    return completes


async def _in_default_currency(
    scope: TenantScope, campaign: Campaign, settings: dict[str, Any]
) -> Decimal | None:
    """The campaign's total budget in the company's default currency (the MFA threshold's),
    at the company's exchange rate; None when it has no rate for the campaign's currency."""
    base = default_currency(settings)
    try:
        rate = await rate_to_base(scope, campaign.currency_code or base, base)
    except ExchangeRateMissing:
        return None
    return to_base(campaign.total_budget, rate)


def _next_step(chain: Chain, campaign: Campaign, done: set[int]) -> tuple[int, ApprovalStep, int]:
    """The first required step not yet approved, and how many required steps remain."""
    open_steps = [i for i in chain.required(campaign.total_budget) if i not in done]
    if not open_steps:  # a chain shortened after earlier steps: the last step completes it
        last = chain.required(campaign.total_budget)[-1]
        return last, chain.steps[last], 1
    return open_steps[0], chain.steps[open_steps[0]], len(open_steps)


async def _record_step(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    comment: str | None,
    waiver: dict[str, Any] | None,
    step_values: dict[str, Any],
) -> None:
    """An approved step that leaves the campaign pending for the next one."""
    mark_changed(campaign, principal, datetime.now(UTC))
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="campaign.approval_step_approved",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values={
            **step_values,
            "comment": comment,
            **({"separation_of_duties": waiver} if waiver else {}),
        },
        event_type=EventType.CAMPAIGN_APPROVAL_STEP_APPROVED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            **step_values,
            "decided_by_user_id": principal.user_id,
            "version": campaign.version,
        },
    )


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
    """Reject a pending campaign; the steps approved so far no longer count."""
    _ensure_pending(campaign)
    standing = await governance_repository.current_approvals(scope, campaign.id)
    await governance.end_approvals(standing, "rejected", datetime.now(UTC))
    await _decide(scope, principal, campaign, A.REJECTED, comment)


async def _decide(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    outcome: str,
    comment: str | None,
    waiver: dict[str, Any] | None = None,
    step_values: dict[str, Any] | None = None,
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
            **(step_values or {}),
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
            **(step_values or {}),
        },
    )
