"""Budget rules: reference budgets, fiscal-year availability and approval thresholds."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from campaign_api.audit.service import record_change, record_update
from campaign_api.budgets import repository
from campaign_api.budgets.errors import (
    BudgetInUse,
    BudgetNotFound,
    BudgetShrinkRefused,
    DuplicateBudgetCode,
)
from campaign_api.budgets.schemas import (
    BUDGET_WRITABLE,
    BudgetAvailability,
    BudgetCreate,
    FiscalYearAvailability,
)
from campaign_api.shared import locks
from campaign_api.shared.currency import amount_fits_currency
from campaign_api.shared.policy import CompanyPolicy
from campaign_api.shared.values import snapshot
from crm_common.errors import ValidationFailed
from crm_common.events import EventType
from crm_common.models import CampaignBudget
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign_budget"


@dataclass(frozen=True)
class FiscalPosition:
    """The money of one fiscal year in one currency."""

    fiscal_year: int
    currency: str
    total: Decimal
    held: Decimal
    """What live campaigns hold: each its total_budget, or what it spent when that is more."""
    threshold: Decimal | None
    spent: Decimal
    """What completed, cancelled and deleted campaigns spent (it stays spent)."""

    @property
    def committed(self) -> Decimal:
        return self.held + self.spent

    @property
    def available(self) -> Decimal:
        return self.total - self.committed


async def lock_fiscal_year(scope: TenantScope, currency: str, fiscal_year: int) -> None:
    """Serialise checks that read, then change, what a fiscal year holds."""
    await locks.lock(scope.session, scope.company_id, "fiscal-year", currency, fiscal_year)


async def fiscal_position(
    scope: TenantScope,
    policy: CompanyPolicy,
    currency: str,
    fiscal_year: int,
    exclude_campaign_id: uuid.UUID | None = None,
) -> FiscalPosition:
    """Active budgets of the year minus what other campaigns of the year hold or spent."""
    total, threshold, held, spent = await repository.fiscal_totals(
        scope, currency, fiscal_year, policy.fiscal_year_bounds(fiscal_year), exclude_campaign_id
    )
    return FiscalPosition(fiscal_year, currency, total, held, threshold, spent)


async def approval_threshold(
    scope: TenantScope,
    campaign_id: uuid.UUID | None,
    position: FiscalPosition,
    total_budget: Decimal,
) -> Decimal:
    """The threshold above which a campaign needs approval: the lowest threshold of the
    budgets it draws on; of its fiscal year's active budgets when it draws on none, or when
    its allocations do not cover `total_budget` (the rest is the year's money); else zero."""
    year = position.threshold if position.threshold is not None else Decimal("0.00")
    if campaign_id is not None:
        allocated, covered = await repository.allocation_threshold(scope, campaign_id)
        if allocated is not None:
            return allocated if covered >= total_budget else min(allocated, year)
    return year


async def fiscal_year_availability(
    scope: TenantScope,
    policy: CompanyPolicy,
    fiscal_year: int,
    currency: str,
) -> FiscalYearAvailability:
    """The fiscal-year view: total, held by live campaigns, spent by finished ones,
    available."""
    position = await fiscal_position(scope, policy, currency, fiscal_year)
    start, end = policy.fiscal_year_bounds(fiscal_year)
    return FiscalYearAvailability(
        fiscal_year=fiscal_year,
        currency_code=currency,
        total_amount=position.total,
        held_by_live_campaigns=position.held,
        spent_by_finished_campaigns=position.spent,
        available_amount=position.available,
        approval_threshold=position.threshold,
        period_start=start,
        period_end=end,
    )


async def get_budget(scope: TenantScope, budget_id: uuid.UUID) -> CampaignBudget:
    budget = await repository.get(scope, budget_id)
    if budget is None:
        raise BudgetNotFound()
    return budget


async def list_budgets(
    scope: TenantScope,
    params: PageParams,
    filters: dict[str, Any],
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """One page of budgets matching `filters` (and its `search`): the columns a reader
    gets, as rows."""
    return await repository.BUDGET_LIST.page(
        scope, filters, filters.get("search"), params.page_size, params.offset
    )


@dataclass(frozen=True)
class BudgetPosition:
    """Where one budget's money is; each amount is counted once, on the budget that holds
    it."""

    total: Decimal
    held: Decimal
    """What live campaigns' allocations hold (or drew, when that is more)."""
    spent: Decimal
    """What finished campaigns' sending drew on it."""
    drawn_by_children: Decimal
    """What its active child budgets took out of it."""

    @property
    def left(self) -> Decimal:
        return self.total - self.held - self.spent - self.drawn_by_children


async def budget_left(
    scope: TenantScope,
    budget: CampaignBudget,
    *,
    exclude_campaign_id: uuid.UUID | None = None,
    exclude_child_id: uuid.UUID | None = None,
) -> BudgetPosition:
    """What a budget holds for live campaigns, what finished ones spent of it, what its child
    budgets drew, and what is left."""
    held, spent = await repository.committed_to_campaigns(
        scope, budget.id, exclude_campaign_id=exclude_campaign_id
    )
    drawn = await repository.drawn_by_children(scope, budget.id, exclude_child_id)
    return BudgetPosition(budget.total_amount, held, spent, drawn)


async def budget_availability(scope: TenantScope, budget_id: uuid.UUID) -> BudgetAvailability:
    """A budget's total, what live campaigns' allocations hold of it, what finished campaigns
    spent of it, what its active child budgets took out of it, and what is left."""
    budget = await get_budget(scope, budget_id)
    position = await budget_left(scope, budget)
    return BudgetAvailability(
        budget_id=budget.id,
        budget_code=budget.budget_code,
        fiscal_year=budget.fiscal_year,
        currency_code=budget.currency_code,
        parent_budget_id=budget.parent_budget_id,
        total_amount=budget.total_amount,
        held_by_live_campaigns=position.held,
        spent_by_finished_campaigns=position.spent,
        drawn_by_child_budgets=position.drawn_by_children,
        available_amount=position.left,
        live_allocations=await repository.live_allocation_count(scope, budget.id),
    )


MAX_BUDGET_DEPTH = 10


async def _check_parent(
    scope: TenantScope, merged: dict[str, Any], budget: CampaignBudget | None
) -> None:
    """A budget drawn from a parent: the parent is the company's (else 404), not the budget
    itself nor one drawn from it, in the same currency and fiscal year, active while the
    child is, and has `total_amount` left for an active child. The parent is locked, so two
    children cannot take the same money at once."""
    parent_id = merged["parent_budget_id"]
    parent = await repository.get(scope, parent_id, for_update=True)
    if parent is None:
        raise BudgetNotFound(details={"parent_budget_id": str(parent_id)})
    problems: dict[str, list[str]] = {}
    if budget is not None:
        ancestor: CampaignBudget | None = parent
        for _ in range(MAX_BUDGET_DEPTH):
            if ancestor is None:
                break
            if ancestor.id == budget.id:
                problems["parent_budget_id"] = [
                    "a budget cannot be drawn from itself or from a budget drawn from it"
                ]
                break
            if ancestor.parent_budget_id is None:
                ancestor = None
            else:
                ancestor = await repository.get(scope, ancestor.parent_budget_id)
        else:
            problems["parent_budget_id"] = [f"budgets nest at most {MAX_BUDGET_DEPTH} levels deep"]
    if merged["currency_code"] != parent.currency_code:
        problems["currency_code"] = [f"must be the parent budget's ({parent.currency_code})"]
    if merged["fiscal_year"] != parent.fiscal_year:
        problems["fiscal_year"] = [f"must be the parent budget's ({parent.fiscal_year})"]
    if merged["is_active"] and not parent.is_active:
        problems.setdefault("parent_budget_id", []).append("the parent budget is not active")
    if not problems and merged["is_active"]:
        left = (
            await budget_left(
                scope, parent, exclude_child_id=budget.id if budget is not None else None
            )
        ).left
        if merged["total_amount"] > left:
            problems["total_amount"] = [
                f"exceeds what the parent budget has left ({max(left, Decimal('0.00'))})"
            ]
    if problems:
        raise ValidationFailed(details={"fields": problems})


def _check_amounts(values: dict[str, Any]) -> None:
    currency = values["currency_code"]
    bad = {
        name: [f"{currency} has no minor units; use a whole amount"]
        for name in ("total_amount", "approval_threshold")
        if not amount_fits_currency(values[name], currency)
    }
    if bad:
        raise ValidationFailed(details={"fields": bad})


async def create_budget(
    scope: TenantScope, principal: Principal, body: BudgetCreate
) -> CampaignBudget:
    """Create a budget; its code is unique within the company."""
    values = body.model_dump()
    _check_amounts(values)
    if await repository.code_taken(scope, body.budget_code):
        raise DuplicateBudgetCode(details={"budget_code": body.budget_code})
    if values["parent_budget_id"] is not None:
        await _check_parent(scope, values, None)
    budget = scope.add(CampaignBudget(id=uuid.uuid4(), **values))
    await scope.session.flush()
    await scope.session.refresh(budget)
    after = snapshot(budget, BUDGET_WRITABLE)
    await record_change(
        scope,
        principal,
        action="budget.created",
        entity_type=ENTITY,
        entity_id=budget.id,
        new_values=after,
        event_type=EventType.BUDGET_CREATED,
        event_data={
            "budget_id": budget.id,
            "budget_code": budget.budget_code,
            "fiscal_year": budget.fiscal_year,
            "currency_code": budget.currency_code,
            "total_amount": budget.total_amount,
            "is_active": budget.is_active,
            "parent_budget_id": budget.parent_budget_id,
        },
    )
    return budget


async def _check_fiscal_year_still_covered(
    scope: TenantScope, policy: CompanyPolicy, budget: CampaignBudget, merged: dict[str, Any]
) -> None:
    """What a budget takes away from its fiscal year (by shrinking, moving, deactivating or
    being drawn from a parent) must not leave the year's live campaigns holding more than the
    year has. Only an active budget without a parent counts towards its year."""

    def year_share(active: bool, parent: uuid.UUID | None, total: Decimal) -> Decimal:
        return total if active and parent is None else Decimal("0.00")

    before = year_share(budget.is_active, budget.parent_budget_id, budget.total_amount)
    if before <= 0:
        return
    after = year_share(merged["is_active"], merged["parent_budget_id"], merged["total_amount"])
    stays = (
        merged["fiscal_year"] == budget.fiscal_year
        and merged["currency_code"] == budget.currency_code
    )
    reduction = before - after if stays else before
    if reduction <= 0:
        return
    await lock_fiscal_year(scope, budget.currency_code, budget.fiscal_year)
    position = await fiscal_position(scope, policy, budget.currency_code, budget.fiscal_year)
    if position.total - reduction < position.committed:
        raise BudgetShrinkRefused(
            "The fiscal year would no longer cover what its campaigns hold and spent.",
            details={
                "fiscal_year": budget.fiscal_year,
                "currency_code": budget.currency_code,
                "held_by_live_campaigns": str(position.held),
                "spent_by_finished_campaigns": str(position.spent),
                "total_after_change": str(position.total - reduction),
            },
        )


async def update_budget(
    scope: TenantScope,
    principal: Principal,
    policy: CompanyPolicy,
    budget_id: uuid.UUID,
    values: dict[str, Any],
) -> CampaignBudget:
    """Change a budget; it cannot shrink below what campaigns hold from it and spent of it
    (and its active child budgets drew), nor move away from or be deactivated under what live
    campaigns and child budgets hold from it or from its fiscal year; a new or changed parent
    must have the money (`_check_parent`)."""
    budget = await repository.get(scope, budget_id, for_update=True)
    if budget is None:
        raise BudgetNotFound()
    before = snapshot(budget, BUDGET_WRITABLE)
    merged = {name: values.get(name, getattr(budget, name)) for name in BUDGET_WRITABLE}
    _check_amounts(merged)
    code = values.get("budget_code")
    if (
        code is not None
        and code != budget.budget_code
        and await repository.code_taken(scope, code, budget.id)
    ):
        raise DuplicateBudgetCode(details={"budget_code": code})
    held, spent = await repository.committed_to_campaigns(scope, budget.id)
    if merged["total_amount"] < held + spent:
        raise BudgetShrinkRefused(
            "The budget cannot be reduced below what campaigns hold from it and spent of it.",
            details={
                "held_by_live_campaigns": str(held),
                "spent_by_finished_campaigns": str(spent),
            },
        )
    if held > 0:
        moved = [
            name
            for name in ("fiscal_year", "currency_code")
            if name in values and values[name] != getattr(budget, name)
        ]
        if moved or values.get("is_active") is False:
            raise BudgetInUse(
                details={
                    "fields": moved or ["is_active"],
                    "live_allocations": await repository.live_allocation_count(scope, budget.id),
                }
            )
    children = await repository.child_ids(scope, budget.id, active=True)
    if children:
        moved = [
            name
            for name in ("fiscal_year", "currency_code")
            if name in values and values[name] != getattr(budget, name)
        ]
        if moved or values.get("is_active") is False:
            raise BudgetInUse(
                "Active budgets are drawn from this budget.",
                details={
                    "fields": moved or ["is_active"],
                    "child_budgets": [str(child) for child in children],
                },
            )
        drawn = await repository.drawn_by_children(scope, budget.id)
        if merged["total_amount"] < held + spent + drawn:
            raise BudgetShrinkRefused(
                "The budget cannot be reduced below what campaigns and its child budgets "
                "hold from it.",
                details={
                    "held_by_live_campaigns": str(held),
                    "spent_by_finished_campaigns": str(spent),
                    "drawn_by_child_budgets": str(drawn),
                },
            )
    if merged["parent_budget_id"] is not None:
        await _check_parent(scope, merged, budget)
    await _check_fiscal_year_still_covered(scope, policy, budget, merged)
    for name, value in values.items():
        setattr(budget, name, value)
    await scope.session.flush()
    await scope.session.refresh(budget)
    await record_update(
        scope,
        principal,
        before,
        snapshot(budget, BUDGET_WRITABLE),
        action="budget.updated",
        entity_type=ENTITY,
        entity_id=budget.id,
        event_type=EventType.BUDGET_UPDATED,
        event_data=lambda changed: {
            "budget_id": budget.id,
            "budget_code": budget.budget_code,
            "fiscal_year": budget.fiscal_year,
            "changed": changed,
        },
    )
    return budget


async def allocations_of(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """(allocation, budget) pairs of one campaign."""
    return await repository.allocations_of(scope, campaign_id)


async def allocated_total(scope: TenantScope, campaign_id: uuid.UUID) -> Decimal:
    """The sum of a campaign's allocations."""
    return await repository.allocated_total(scope, campaign_id)
