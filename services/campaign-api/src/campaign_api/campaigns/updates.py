"""Updating campaigns: the change summary, re-approval when an approved budget grows, the
limits on live campaigns, and approval re-assessed when budget allocations change."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from campaign_api.audit.service import record_change
from campaign_api.budgets import service as budget_service
from campaign_api.budgets.service import FiscalPosition
from campaign_api.campaigns import rules
from campaign_api.campaigns.errors import (
    ApprovalRequired,
    InvalidCampaign,
    LiveChangeRefused,
)
from campaign_api.campaigns.schemas import (
    TRACKED_FIELDS,
    WRITABLE_FIELDS,
    ValidationWarning,
)
from campaign_api.campaigns.service import (
    ENTITY,
    WriteOutcome,
    approval_requirement,
    flush_code,
    mark_changed,
    request_approval_event,
)
from campaign_api.governance import service as governance
from campaign_api.governance.content import CAMPAIGN_FIELDS
from campaign_api.shared.policy import load_policy
from campaign_api.shared.values import differences, snapshot
from campaign_api.templates import service as template_service
from crm_common.enums import ApprovalStatus, CampaignStatus
from crm_common.events import EventType
from crm_common.models import Campaign
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

GOVERNED_FIELDS = frozenset(CAMPAIGN_FIELDS)
"""The campaign's own fields in its approved content: a write changing none of them leaves
the approval's fingerprint as it was."""
SCHEDULING_FIELDS = frozenset({"start_date", "end_date", "primary_channel"})
BUDGET_FIELDS = frozenset({"total_budget", "currency_code", "start_date"})
"""The fields the budget position and the approval assessment depend on: a write that
changes none of them re-checks neither."""
POLICY_FIELDS = BUDGET_FIELDS | SCHEDULING_FIELDS
"""The fields the company's policy judges (scheduling window, fiscal year, schedule rules): a
write that changes none of them — a name, a description, an audience size — reads no policy."""


def _proposed(campaign: Campaign, values: dict[str, Any]) -> dict[str, Any]:
    """The campaign's writable fields after `values` (a None code or currency keeps it)."""
    proposed = {name: getattr(campaign, name) for name in WRITABLE_FIELDS}
    for name, value in values.items():
        if name in ("campaign_code", "currency_code") and value is None:
            continue
        proposed[name] = value
    return proposed


def _check_live_change(campaign: Campaign, changed: set[str]) -> None:
    """A live (active or paused) campaign keeps its channel and currency; an active one also
    keeps its start date."""
    frozen = {"primary_channel", "currency_code"}
    if campaign.campaign_status == CampaignStatus.ACTIVE:
        frozen.add("start_date")
    if campaign.campaign_status in (CampaignStatus.ACTIVE, CampaignStatus.PAUSED):
        refused = sorted(changed & frozen)
        if refused:
            raise LiveChangeRefused(
                details={"fields": refused, "campaign_status": campaign.campaign_status}
            )


async def update_campaign(
    scope: TenantScope, principal: Principal, campaign: Campaign, values: dict[str, Any]
) -> WriteOutcome:
    """Apply `values` to a locked campaign after every rule; returns the change summary.
    Approval is requested again when an approved budget grows."""
    rules.ensure_editable(campaign)
    now = datetime.now(UTC)
    proposed = _proposed(campaign, values)
    changed = {name for name in WRITABLE_FIELDS if proposed[name] != getattr(campaign, name)}
    policy = await load_policy(scope) if changed & POLICY_FIELDS else None
    rules.check_dates(
        proposed["start_date"],
        proposed["end_date"],
        now,
        window=policy if "start_date" in changed else None,
    )
    _check_live_change(campaign, changed)
    rules.check_amount_currency(proposed["total_budget"], proposed["currency_code"])
    if "campaign_code" in changed:
        await rules.ensure_code_free(scope, proposed["campaign_code"], campaign.id)
    if "primary_channel" in changed:
        await template_service.check_linked_templates(
            scope, campaign.id, proposed["primary_channel"]
        )
    if "total_budget" in changed:
        if proposed["total_budget"] < campaign.actual_spend:
            raise InvalidCampaign(
                details={
                    "fields": {
                        "total_budget": [
                            f"is below what the campaign has spent ({campaign.actual_spend})"
                        ]
                    }
                }
            )
        allocated = await budget_service.allocated_total(scope, campaign.id)
        if proposed["total_budget"] < allocated:
            raise InvalidCampaign(
                details={
                    "fields": {
                        "total_budget": ["is below what the campaign's budget allocations hold"]
                    }
                }
            )
    raised = proposed["total_budget"] > campaign.total_budget
    position: FiscalPosition | None = None
    if policy is not None and changed & BUDGET_FIELDS:
        moved = bool(changed & {"currency_code"}) or (
            policy.fiscal_year_of(proposed["start_date"])
            != policy.fiscal_year_of(campaign.start_date)
        )
        if moved:
            await _check_allocations_follow(
                scope,
                campaign,
                proposed["currency_code"],
                policy.fiscal_year_of(proposed["start_date"]),
            )
        position = await rules.check_budget(
            scope,
            policy,
            campaign_id=campaign.id,
            total_budget=proposed["total_budget"],
            currency=proposed["currency_code"],
            start_date=proposed["start_date"],
            must_fit=raised or moved,
        )
    warnings: list[ValidationWarning] = []
    if policy is not None and changed & SCHEDULING_FIELDS:
        warnings = await rules.check_schedule(
            scope,
            policy,
            proposed["primary_channel"],
            proposed["start_date"],
            proposed["end_date"],
            campaign.id,
            scheduling=campaign.campaign_status in (CampaignStatus.PLANNED, CampaignStatus.ACTIVE),
        )
    if position is not None:
        required = await approval_requirement(
            scope, campaign.id, proposed["total_budget"], position
        )
        approval = rules.next_approval_status(
            campaign.approval_status, required, material_change=raised or "currency_code" in changed
        )
    else:
        # Neither budget, currency nor fiscal year changed: approval stands as it was assessed
        # when they last did (a budget allocation change re-assesses it on its own).
        required = campaign.approval_status != ApprovalStatus.NOT_REQUIRED
        approval = campaign.approval_status
    if not changed and approval == campaign.approval_status:
        return WriteOutcome(campaign, required, warnings)
    if campaign.campaign_status == CampaignStatus.ACTIVE and approval not in (
        ApprovalStatus.NOT_REQUIRED,
        ApprovalStatus.APPROVED,
    ):
        raise LiveChangeRefused(
            "An active campaign's budget cannot grow beyond its approval; pause it first.",
            details={"fields": ["total_budget"], "approval_status": approval},
        )
    before = snapshot(campaign, TRACKED_FIELDS)
    for name in changed:
        setattr(campaign, name, proposed[name])
    requested = approval == ApprovalStatus.PENDING_APPROVAL and campaign.approval_status != approval
    if approval != campaign.approval_status:
        campaign.approval_status = approval
        if approval != ApprovalStatus.APPROVED:
            campaign.approved_by_user_id = None
            campaign.approved_at = None
    mark_changed(campaign, principal, now)
    await flush_code(scope, campaign.campaign_code)
    after = snapshot(campaign, TRACKED_FIELDS)
    changes = differences(before, after)
    await record_update(
        scope,
        principal,
        campaign,
        {name: before[name] for name in changes},
        {name: after[name] for name in changes},
    )
    if requested:
        reason = (
            "budget_increased"
            if before["approval_status"] == ApprovalStatus.APPROVED
            else "budget_above_threshold"
        )
        await request_approval_event(scope, principal, campaign, reason)
    if changed & GOVERNED_FIELDS:
        # Only these of the row are governed content (the rest of it — templates, variants,
        # segments, allocations — changes through its own paths, which check on their own).
        await governance.content_changed(
            scope, principal, campaign, "campaign_updated", approval_required=required
        )
    warnings += rules.warnings_for(campaign, position=position, approval_required=required, now=now)
    return WriteOutcome(campaign, required, warnings, changes)


async def _check_allocations_follow(
    scope: TenantScope, campaign: Campaign, currency: str, fiscal_year: int
) -> None:
    """A campaign draws only on budgets of its currency and fiscal year: one that would move
    away from those of its allocations releases them first (422 naming the field)."""
    budgets = [budget for _, budget in await budget_service.allocations_of(scope, campaign.id)]
    stranded = [
        budget.budget_code
        for budget in budgets
        if budget.currency_code != currency or budget.fiscal_year != fiscal_year
    ]
    if not stranded:
        return
    field = "currency_code" if any(b.currency_code != currency for b in budgets) else "start_date"
    raise InvalidCampaign(
        details={
            "fields": {
                field: [
                    "the campaign draws on budgets of another currency or fiscal year "
                    f"({', '.join(stranded)}): release those allocations first"
                ]
            }
        }
    )


async def record_update(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    before: dict[str, Any],
    after: dict[str, Any],
) -> None:
    """Audit and emit `campaign.updated` for the fields that changed (`before` → `after`)."""
    await record_change(
        scope,
        principal,
        action="campaign.updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values=before,
        new_values=after,
        event_type=EventType.CAMPAIGN_UPDATED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "version": campaign.version,
            "before": before,
            "after": after,
            "changed": sorted(after),
        },
    )


async def approval_needed(scope: TenantScope, campaign: Campaign) -> bool:
    """Whether the campaign's budget is above its applicable approval threshold."""
    policy = await load_policy(scope)
    position = await rules.check_budget(
        scope,
        policy,
        campaign_id=campaign.id,
        total_budget=campaign.total_budget,
        currency=campaign.currency_code,
        start_date=campaign.start_date,
        must_fit=False,
    )
    return await approval_requirement(scope, campaign.id, campaign.total_budget, position)


async def ensure_exemption_holds(scope: TenantScope, campaign: Campaign) -> None:
    """A campaign that needed no approval when its budget was last assessed may need it now (a
    budget's threshold was lowered since, or the year's budgets changed): it is not activated
    before it is approved (409 `approval_required`; submit it for approval)."""
    if campaign.approval_status != ApprovalStatus.NOT_REQUIRED:
        return
    if await approval_needed(scope, campaign):
        raise ApprovalRequired(
            "The campaign's budget is above its approval threshold now: submit it for approval "
            "before it is activated.",
            details={"approval_status": campaign.approval_status, "approval_required": True},
        )


async def reassess_approval(scope: TenantScope, principal: Principal, campaign: Campaign) -> bool:
    """Re-evaluate a locked campaign's approval after its budget allocations changed (the
    applicable threshold may have moved); returns whether approval is required."""
    required = await approval_needed(scope, campaign)
    approval = rules.next_approval_status(campaign.approval_status, required, material_change=False)
    if approval == campaign.approval_status:
        return required
    if (
        campaign.campaign_status == CampaignStatus.ACTIVE
        and approval == ApprovalStatus.PENDING_APPROVAL
    ):
        raise LiveChangeRefused(
            "This allocation would put an active campaign back under approval; pause it first.",
            details={"approval_status": approval},
        )
    before = campaign.approval_status
    campaign.approval_status = approval
    mark_changed(campaign, principal, datetime.now(UTC))
    await scope.session.flush()
    await record_update(
        scope,
        principal,
        campaign,
        {"approval_status": before},
        {"approval_status": approval},
    )
    if approval == ApprovalStatus.PENDING_APPROVAL:
        await request_approval_event(scope, principal, campaign, "budget_above_threshold")
    return required
