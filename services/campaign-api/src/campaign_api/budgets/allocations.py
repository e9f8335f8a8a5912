"""Campaign ↔ budget allocations: how much a campaign draws on each budget."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import ROUND_CEILING, Decimal

from campaign_api.audit.service import record_change
from campaign_api.budgets import repository
from campaign_api.budgets import service as budget_service
from campaign_api.budgets.errors import (
    AllocationInUse,
    AllocationNotFound,
    AllocationRefused,
    BudgetNotFound,
)
from campaign_api.budgets.schemas import AllocationList, AllocationRead
from campaign_api.campaigns import updates as campaign_updates
from campaign_api.campaigns.rules import ensure_editable
from campaign_api.governance import service as governance
from campaign_api.shared.policy import load_policy
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignBudget, CampaignBudgetAllocation
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign"


def _cents(amount: Decimal) -> str:
    """A drawn amount (kept to the sixth decimal) as money, rounded up: the allocation has to
    cover all of it."""
    return str(amount.quantize(repository.CENT, rounding=ROUND_CEILING))


def _read(allocation: CampaignBudgetAllocation, budget: CampaignBudget) -> AllocationRead:
    return AllocationRead(
        campaign_id=allocation.campaign_id,
        budget_id=budget.id,
        budget_code=budget.budget_code,
        budget_name=budget.budget_name,
        fiscal_year=budget.fiscal_year,
        currency_code=budget.currency_code,
        allocated_amount=allocation.allocated_amount,
        created_at=allocation.created_at,
        updated_at=allocation.updated_at,
    )


async def list_allocations(scope: TenantScope, campaign: Campaign) -> AllocationList:
    """A campaign's allocations, their sum and its approval state."""
    items = [_read(a, b) for a, b in await repository.allocations_of(scope, campaign.id)]
    approval_required = await campaign_updates.approval_needed(scope, campaign)
    return AllocationList(
        campaign_id=campaign.id,
        items=items,
        total=len(items),
        allocated_amount=sum(
            (i.allocated_amount or Decimal("0.00") for i in items), Decimal("0.00")
        ),
        approval_status=campaign.approval_status,
        approval_required=approval_required,
    )


async def allocate(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    budget_id: uuid.UUID,
    amount: Decimal,
) -> tuple[AllocationRead, bool]:
    """Set how much a locked campaign draws on a budget: an active budget of the campaign's
    currency and fiscal year, within what the budget has left and the campaign's total.
    Returns the allocation and whether the campaign now needs approval."""
    ensure_editable(campaign)
    budget = await repository.get(scope, budget_id, for_update=True)
    if budget is None:
        raise BudgetNotFound()
    policy = await load_policy(scope)
    problems: dict[str, list[str]] = {}
    if not budget.is_active:
        problems.setdefault("budget_id", []).append("the budget is not active")
    if budget.currency_code != campaign.currency_code:
        problems.setdefault("budget_id", []).append(
            f"the budget is in {budget.currency_code}, the campaign in {campaign.currency_code}"
        )
    campaign_year = policy.fiscal_year_of(campaign.start_date)
    if budget.fiscal_year != campaign_year:
        problems.setdefault("budget_id", []).append(
            f"the budget is for fiscal year {budget.fiscal_year}, "
            f"the campaign starts in {campaign_year}"
        )
    others = await repository.allocated_total(scope, campaign.id, exclude_budget_id=budget.id)
    if others + amount > campaign.total_budget:
        problems.setdefault("allocated_amount", []).append(
            "the campaign's allocations would exceed its total_budget"
        )
    # What child budgets drew from this budget is theirs, not the campaign's to take, and
    # what finished campaigns spent of it stays spent.
    position = await budget_service.budget_left(scope, budget, exclude_campaign_id=campaign.id)
    if amount > position.left:
        problems.setdefault("allocated_amount", []).append("exceeds what the budget has left")
    allocation = await repository.allocation(scope, campaign.id, budget.id, for_update=True)
    if allocation is not None and amount < allocation.drawn_amount:
        problems.setdefault("allocated_amount", []).append(
            "below what the campaign's sending already drew on the budget "
            f"({_cents(allocation.drawn_amount)})"
        )
    if problems:
        raise AllocationRefused(details={"fields": problems})
    now = datetime.now(UTC)
    old = allocation.allocated_amount if allocation is not None else None
    if allocation is None:
        allocation = scope.add(
            CampaignBudgetAllocation(
                campaign_id=campaign.id,
                budget_id=budget.id,
                allocated_amount=amount,
                created_at=now,
                updated_at=now,
            )
        )
    else:
        allocation.allocated_amount = amount
        allocation.updated_at = now
    await scope.session.flush()
    if old != amount:
        await record_change(
            scope,
            principal,
            action="budget_allocation.set",
            entity_type=ENTITY,
            entity_id=campaign.id,
            old_values={"budget_id": budget.id, "allocated_amount": old},
            new_values={"budget_id": budget.id, "allocated_amount": amount},
            event_type=EventType.BUDGET_ALLOCATED,
            event_data={
                "campaign_id": campaign.id,
                "budget_id": budget.id,
                "budget_code": budget.budget_code,
                "allocated_amount": amount,
            },
        )
    required = await campaign_updates.reassess_approval(scope, principal, campaign)
    await governance.content_changed(scope, principal, campaign, "budget_allocated")
    return _read(allocation, budget), required


async def release(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    budget_id: uuid.UUID,
) -> bool:
    """Remove a locked campaign's allocation from a budget; returns whether the campaign
    needs approval afterwards."""
    ensure_editable(campaign)
    allocation = await repository.allocation(scope, campaign.id, budget_id, for_update=True)
    if allocation is None:
        raise AllocationNotFound()
    if allocation.drawn_amount > 0:
        raise AllocationInUse(
            details={"budget_id": str(budget_id), "drawn_amount": _cents(allocation.drawn_amount)}
        )
    amount = allocation.allocated_amount
    await scope.session.delete(allocation)
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="budget_allocation.released",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"budget_id": budget_id, "allocated_amount": amount},
        event_type=EventType.BUDGET_RELEASED,
        event_data={"campaign_id": campaign.id, "budget_id": budget_id},
    )
    required = await campaign_updates.reassess_approval(scope, principal, campaign)
    await governance.content_changed(scope, principal, campaign, "budget_released")
    return required
