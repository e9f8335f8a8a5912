"""The campaign rules (README, campaign API "Rules") that need more than one field or the
database: dates and scheduling windows, codes, scheduling conflicts, budget availability,
approval requirement, status transitions, and the warnings that do not block a write."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from decimal import Decimal

from campaign_api.budgets import service as budget_service
from campaign_api.budgets.service import FiscalPosition
from campaign_api.campaigns import repository
from campaign_api.campaigns.errors import (
    ApprovalRequired,
    BudgetExceeded,
    CampaignEnded,
    CampaignLocked,
    DuplicateCampaignCode,
    InvalidCampaign,
    InvalidStatusTransition,
    ScheduleConflict,
)
from campaign_api.campaigns.schemas import ValidationWarning
from campaign_api.shared import locks
from campaign_api.shared.currency import amount_fits_currency
from campaign_api.shared.policy import CompanyPolicy
from crm_common.enums import ApprovalStatus, CampaignStatus, Channel, DeliveryChannel
from crm_common.models import Campaign
from crm_common.tenancy import TenantScope

S = CampaignStatus
A = ApprovalStatus

FINAL_STATUSES = frozenset({S.COMPLETED, S.CANCELLED})

# action → (statuses it may start from, status it leads to); anything else is a 409.
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "plan": (frozenset({S.DRAFT}), S.PLANNED),
    "launch": (frozenset({S.PLANNED, S.ACTIVE}), S.ACTIVE),
    "pause": (frozenset({S.ACTIVE}), S.PAUSED),
    "resume": (frozenset({S.PAUSED}), S.ACTIVE),
    "complete": (frozenset({S.ACTIVE}), S.COMPLETED),
    "cancel": (frozenset({S.DRAFT, S.PLANNED, S.ACTIVE, S.PAUSED}), S.CANCELLED),
}

PAST = {
    "plan": "planned",
    "launch": "launched",
    "pause": "paused",
    "resume": "resumed",
    "complete": "completed",
    "cancel": "cancelled",
}

# Channels whose messages cost money per recipient: a zero budget deserves a warning.
PAID_CHANNELS = frozenset({Channel.SMS, Channel.DIRECT_MAIL, Channel.MULTI_CHANNEL})
NEARLY_EXHAUSTED_SHARE = Decimal("0.10")


def ensure_editable(campaign: Campaign) -> None:
    if campaign.campaign_status in FINAL_STATUSES:
        raise CampaignLocked(details={"campaign_status": campaign.campaign_status})


def check_transition(campaign: Campaign, action: str) -> str:
    """The status `action` leads to from the campaign's status, or a 409."""
    allowed_from, target = TRANSITIONS[action]
    if campaign.campaign_status not in allowed_from:
        raise InvalidStatusTransition(
            f"A {campaign.campaign_status} campaign cannot be {PAST[action]}.",
            details={
                "action": action,
                "from": campaign.campaign_status,
                "to": target,
                "allowed_from": sorted(allowed_from),
            },
        )
    return target


def ensure_may_be_active(campaign: Campaign, now: datetime) -> None:
    """An unapproved campaign never becomes active, nor one whose end date has passed."""
    if campaign.approval_status not in (A.NOT_REQUIRED, A.APPROVED):
        raise ApprovalRequired(details={"approval_status": campaign.approval_status})
    if campaign.end_date <= now:
        raise CampaignEnded(details={"end_date": campaign.end_date.isoformat()})


def check_dates(
    start: datetime,
    end: datetime,
    now: datetime,
    *,
    window: CompanyPolicy | None,
    new: bool = False,
) -> None:
    """Start before end (reported on both dates); the start date within the scheduling
    window of `window` (a company's policy; None when the start date is not being set); a
    `new` campaign cannot have ended already."""
    if start >= end:
        raise InvalidCampaign(
            details={
                "fields": {
                    "start_date": ["must be before end_date"],
                    "end_date": ["must be after start_date"],
                }
            }
        )
    if new and end <= now:
        raise InvalidCampaign(details={"fields": {"end_date": ["must be in the future"]}})
    if window is not None and start > now + timedelta(days=window.scheduling_window_days):
        raise InvalidCampaign(
            details={
                "fields": {
                    "start_date": [f"must be within {window.scheduling_window_days} days from now"]
                }
            }
        )


def check_amount_currency(total_budget: Decimal, currency: str) -> None:
    if not amount_fits_currency(total_budget, currency):
        raise InvalidCampaign(
            details={
                "fields": {"total_budget": [f"{currency} has no minor units; use a whole amount"]}
            }
        )


async def ensure_code_free(
    scope: TenantScope, code: str, exclude_id: uuid.UUID | None = None
) -> None:
    if await repository.code_taken(scope, code, exclude_id):
        raise DuplicateCampaignCode(details={"campaign_code": code})


def channels_covered(primary_channel: str) -> frozenset[str]:
    """The channels a campaign sends on: a multi-channel campaign covers every delivery
    channel, any other campaign its own."""
    if primary_channel == Channel.MULTI_CHANNEL:
        return frozenset(channel.value for channel in DeliveryChannel)
    return frozenset({primary_channel})


def overlapping_primary_channels(primary_channel: str) -> frozenset[str]:
    """The primary channels of campaigns that share a channel with a `primary_channel`
    campaign: those it covers, and multi-channel campaigns (which cover every channel)."""
    return channels_covered(primary_channel) | {Channel.MULTI_CHANNEL.value}


async def check_schedule(
    scope: TenantScope,
    policy: CompanyPolicy,
    channel: str,
    start: datetime,
    end: datetime,
    exclude_id: uuid.UUID | None,
    *,
    scheduling: bool,
) -> list[ValidationWarning]:
    """Scheduling conflicts (docs/campaign-api.md): no overlap with a planned or active
    campaign on any channel the campaign covers (a multi-channel campaign covers them all),
    unless the company allows overlaps (then it is a warning). When the campaign itself is
    being `scheduling` (made or kept planned or active) each channel it covers is locked
    first, in one order, so two campaigns cannot be scheduled onto the same dates at once; a
    draft needs no lock, since it is checked again when it is planned."""
    covered = channels_covered(channel)
    if scheduling:
        for each in sorted(covered):
            await locks.lock(scope.session, scope.company_id, "schedule", each)
    conflicts = await repository.schedule_conflicts(
        scope, overlapping_primary_channels(channel), start, end, exclude_id
    )
    if not conflicts:
        return []
    listed = [
        {
            "id": str(cid),
            "campaign_code": code,
            "primary_channel": other,
            "shared_channels": sorted(covered & channels_covered(other)),
        }
        for cid, code, other in conflicts
    ]
    if not policy.allow_schedule_overlap:
        raise ScheduleConflict(
            details={
                "primary_channel": channel,
                "channels": sorted(covered),
                "conflicting_campaigns": listed,
            }
        )
    return [
        ValidationWarning(
            code="schedule_overlap",
            field="start_date",
            message="Planned or active campaigns on the same channels overlap these dates: "
            + ", ".join(code for _, code, _ in conflicts),
        )
    ]


async def check_budget(
    scope: TenantScope,
    policy: CompanyPolicy,
    *,
    campaign_id: uuid.UUID | None,
    total_budget: Decimal,
    currency: str,
    start_date: datetime,
    must_fit: bool,
) -> FiscalPosition:
    """The fiscal year's position without this campaign; with `must_fit`, refuse a budget
    above what the year has left (422). The year is locked so concurrent writes cannot
    together overspend it."""
    fiscal_year = policy.fiscal_year_of(start_date)
    must_fit = must_fit and total_budget > 0
    if must_fit:
        await budget_service.lock_fiscal_year(scope, currency, fiscal_year)
    position = await budget_service.fiscal_position(
        scope, policy, currency, fiscal_year, exclude_campaign_id=campaign_id
    )
    if must_fit and total_budget > position.available:
        raise BudgetExceeded(
            details={
                "fields": {"total_budget": ["exceeds the budget available for the fiscal year"]},
                "fiscal_year": fiscal_year,
                "currency_code": currency,
                "requested": str(total_budget),
                "available": str(max(position.available, Decimal("0.00"))),
            }
        )
    return position


def next_approval_status(current: str, required: bool, *, material_change: bool) -> str:
    """Where approval stands after a write: a budget above the threshold needs approval
    (pending until decided); a material change to an approved budget needs it again; a
    budget back under the threshold needs none."""
    if not required:
        return A.APPROVED if current == A.APPROVED else A.NOT_REQUIRED
    if current == A.NOT_REQUIRED or (current == A.APPROVED and material_change):
        return A.PENDING_APPROVAL
    return current


def warnings_for(
    campaign: Campaign,
    *,
    position: FiscalPosition | None,
    approval_required: bool,
    now: datetime,
) -> list[ValidationWarning]:
    """What did not block the write of `campaign` but deserves attention (the fiscal year's
    position only when the write computed it: it changed the budget, currency or dates)."""
    start_date, total_budget = campaign.start_date, campaign.total_budget
    primary_channel, approval_status = campaign.primary_channel, campaign.approval_status
    target_audience_size = campaign.target_audience_size
    warnings: list[ValidationWarning] = []
    if start_date < now:
        warnings.append(
            ValidationWarning(
                code="start_date_in_past", field="start_date", message="The start date has passed."
            )
        )
    if approval_required and approval_status != A.APPROVED:
        warnings.append(
            ValidationWarning(
                code="approval_required",
                field="total_budget",
                message="The budget is above the approval threshold: the campaign must be "
                "approved before it can become active.",
            )
        )
    if position is not None and total_budget > 0 and position.total > 0:
        left = position.available - total_budget
        if left < position.total * NEARLY_EXHAUSTED_SHARE:
            warnings.append(
                ValidationWarning(
                    code="fiscal_budget_nearly_exhausted",
                    field="total_budget",
                    message=f"Less than 10% of fiscal year {position.fiscal_year}'s budget "
                    "would be left.",
                )
            )
    if total_budget == 0 and primary_channel in PAID_CHANNELS:
        warnings.append(
            ValidationWarning(
                code="no_budget",
                field="total_budget",
                message=f"{primary_channel} messages cost money but the campaign has no budget.",
            )
        )
    if target_audience_size == 0:
        warnings.append(
            ValidationWarning(
                code="no_target_audience",
                field="target_audience_size",
                message="No target audience size is set.",
            )
        )
    return warnings
