"""Budget and allocation queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select

from campaign_api.budgets.schemas import BudgetRead
from campaign_api.shared.pages import ListQuery
from campaign_api.shared.statuses import is_finished, is_live
from crm_common.models import Campaign, CampaignBudget, CampaignBudgetAllocation
from crm_common.tenancy import TenantScope, owned

CENT = Decimal("0.01")


def _money(value: object) -> Decimal:
    """A sum as an amount in cents (an empty sum is 0.00)."""
    return Decimal(str(value or 0)).quantize(CENT)


async def get(
    scope: TenantScope, budget_id: uuid.UUID, *, for_update: bool = False
) -> CampaignBudget | None:
    """A budget by id (locked with `for_update`)."""
    return await scope.get(CampaignBudget, budget_id, for_update=for_update)


async def code_taken(scope: TenantScope, code: str, exclude_id: uuid.UUID | None = None) -> bool:
    """Whether another budget of the company (than `exclude_id`) has this code."""
    criteria: list[ColumnElement[bool]] = [CampaignBudget.budget_code == code]
    if exclude_id is not None:
        criteria.append(CampaignBudget.id != exclude_id)
    statement = scope.select(CampaignBudget, *criteria).exists().select()
    return bool((await scope.session.execute(statement)).scalar_one())


BUDGET_LIST = ListQuery(
    model=CampaignBudget,
    columns=tuple(getattr(CampaignBudget, name) for name in BudgetRead.model_fields),
    filters=("is_active", "fiscal_year", "budget_type", "currency_code"),
    searched=("budget_name", "budget_code"),
    order=(CampaignBudget.fiscal_year.desc(), CampaignBudget.budget_code, CampaignBudget.id),
)
"""The budget list: newest fiscal year first; filtered by activity, year, type or currency,
searched by name or code literally."""


async def drawn_by_children(
    scope: TenantScope, budget_id: uuid.UUID, exclude_child_id: uuid.UUID | None = None
) -> Decimal:
    """What a budget's active child budgets (those drawn from it) hold of it."""
    criteria: list[ColumnElement[bool]] = [
        CampaignBudget.parent_budget_id == budget_id,
        CampaignBudget.is_active.is_(True),
    ]
    if exclude_child_id is not None:
        criteria.append(CampaignBudget.id != exclude_child_id)
    statement = scope.select(CampaignBudget, *criteria).with_only_columns(
        func.coalesce(func.sum(CampaignBudget.total_amount), 0)
    )
    return _money((await scope.session.execute(statement)).scalar_one())


async def child_ids(scope: TenantScope, budget_id: uuid.UUID, *, active: bool) -> list[uuid.UUID]:
    """The budgets drawn from `budget_id` (only the active ones with `active`)."""
    criteria: list[ColumnElement[bool]] = [CampaignBudget.parent_budget_id == budget_id]
    if active:
        criteria.append(CampaignBudget.is_active.is_(True))
    statement = (
        scope.select(CampaignBudget, *criteria)
        .with_only_columns(CampaignBudget.id)
        .order_by(CampaignBudget.budget_code)
    )
    return list((await scope.session.execute(statement)).scalars().all())


async def allocation_threshold(
    scope: TenantScope, campaign_id: uuid.UUID
) -> tuple[Decimal | None, Decimal]:
    """The lowest approval threshold among the budgets a campaign draws on (None: it draws on
    none), and the sum of its allocations."""
    statement = (
        scope.select(CampaignBudgetAllocation, CampaignBudgetAllocation.campaign_id == campaign_id)
        .join(CampaignBudget, CampaignBudget.id == CampaignBudgetAllocation.budget_id)
        .with_only_columns(
            func.min(CampaignBudget.approval_threshold),
            func.sum(CampaignBudgetAllocation.allocated_amount),
        )
    )
    threshold, allocated = (await scope.session.execute(statement)).one()
    return (_money(threshold) if threshold is not None else None), _money(allocated)


def _live_allocations(scope: TenantScope, *criteria: ColumnElement[bool]) -> Any:
    return (
        scope.select(CampaignBudgetAllocation, *criteria)
        .join(Campaign, Campaign.id == CampaignBudgetAllocation.campaign_id)
        .where(is_live())
    )


_HOLDS = func.greatest(
    CampaignBudgetAllocation.allocated_amount, CampaignBudgetAllocation.drawn_amount
)
"""What a live campaign's allocation holds: the amount allocated, or what its sending drew
on the budget when that is more (a provider charging above the price)."""


async def committed_to_campaigns(
    scope: TenantScope, budget_id: uuid.UUID, exclude_campaign_id: uuid.UUID | None = None
) -> tuple[Decimal, Decimal]:
    """In one statement, of one budget: what live campaigns' allocations hold, and what the
    sending of finished (completed, cancelled, deleted) campaigns drew on it — money spent
    stays spent."""
    criteria: list[ColumnElement[bool]] = [CampaignBudgetAllocation.budget_id == budget_id]
    if exclude_campaign_id is not None:
        criteria.append(CampaignBudgetAllocation.campaign_id != exclude_campaign_id)
    statement = (
        scope.select(CampaignBudgetAllocation, *criteria)
        .join(Campaign, Campaign.id == CampaignBudgetAllocation.campaign_id)
        .with_only_columns(
            func.coalesce(func.sum(_HOLDS).filter(is_live()), 0),
            func.coalesce(func.sum(CampaignBudgetAllocation.drawn_amount).filter(is_finished()), 0),
        )
    )
    held, spent = (await scope.session.execute(statement)).one()
    return _money(held), _money(spent)


async def live_allocation_count(scope: TenantScope, budget_id: uuid.UUID) -> int:
    """How many live campaigns draw on the budget."""
    statement = _live_allocations(
        scope, CampaignBudgetAllocation.budget_id == budget_id
    ).with_only_columns(func.count())
    return int((await scope.session.execute(statement)).scalar_one())


async def allocations_of(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """(allocation, budget) pairs of one campaign."""
    statement = (
        scope.select(CampaignBudgetAllocation, CampaignBudgetAllocation.campaign_id == campaign_id)
        .join(CampaignBudget, CampaignBudget.id == CampaignBudgetAllocation.budget_id)
        .add_columns(CampaignBudget)
        .order_by(CampaignBudget.budget_code)
    )
    return (await scope.session.execute(statement)).all()


async def allocation(
    scope: TenantScope, campaign_id: uuid.UUID, budget_id: uuid.UUID, *, for_update: bool = False
) -> CampaignBudgetAllocation | None:
    """A campaign's allocation from one budget (locked with `for_update`)."""
    statement = scope.select(
        CampaignBudgetAllocation,
        CampaignBudgetAllocation.campaign_id == campaign_id,
        CampaignBudgetAllocation.budget_id == budget_id,
    )
    if for_update:
        statement = statement.with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def allocated_total(
    scope: TenantScope, campaign_id: uuid.UUID, exclude_budget_id: uuid.UUID | None = None
) -> Decimal:
    """The sum of a campaign's allocations, optionally leaving one budget out."""
    criteria: list[ColumnElement[bool]] = [CampaignBudgetAllocation.campaign_id == campaign_id]
    if exclude_budget_id is not None:
        criteria.append(CampaignBudgetAllocation.budget_id != exclude_budget_id)
    statement = scope.select(CampaignBudgetAllocation, *criteria).with_only_columns(
        func.coalesce(func.sum(CampaignBudgetAllocation.allocated_amount), 0)
    )
    return _money((await scope.session.execute(statement)).scalar_one())


def _fiscal_totals_statement() -> Select[Any]:
    """`fiscal_totals` as one statement: the company, currency, year, window and the
    campaign left out (None: none) are bound at execution."""
    funds = (
        select(
            func.coalesce(
                func.sum(CampaignBudget.total_amount).filter(
                    CampaignBudget.parent_budget_id.is_(None)
                ),
                0,
            ).label("total"),
            func.min(CampaignBudget.approval_threshold).label("threshold"),
        )
        .where(
            owned(CampaignBudget),
            CampaignBudget.is_active.is_(True),
            CampaignBudget.fiscal_year == bindparam("fiscal_year"),
            CampaignBudget.currency_code == bindparam("currency"),
        )
        .subquery()
    )
    of_the_year = (
        owned(Campaign),
        Campaign.currency_code == bindparam("currency"),
        Campaign.start_date >= bindparam("window_start"),
        Campaign.start_date < bindparam("window_end"),
        Campaign.id.is_distinct_from(bindparam("excluded_campaign")),
    )
    # A live campaign holds its budget, or what it spent if that is more; a finished (or
    # deleted) one holds what it spent: money spent stays spent.
    held = (
        select(
            func.coalesce(func.sum(func.greatest(Campaign.total_budget, Campaign.actual_spend)), 0)
        ).where(*of_the_year, is_live())
    ).scalar_subquery()
    spent = (
        select(func.coalesce(func.sum(Campaign.actual_spend), 0)).where(
            *of_the_year, Campaign.actual_spend > 0, is_finished()
        )
    ).scalar_subquery()
    return select(funds.c.total, funds.c.threshold, held, spent)


FISCAL_TOTALS = _fiscal_totals_statement()


async def fiscal_totals(
    scope: TenantScope,
    currency: str,
    fiscal_year: int,
    window: tuple[datetime, datetime],
    exclude_campaign_id: uuid.UUID | None = None,
) -> tuple[Decimal, Decimal | None, Decimal, Decimal]:
    """In one statement, for the fiscal year in `currency`: the total of the company's active
    budgets and their lowest approval threshold (None when there are no such budgets), what
    live (not cancelled, completed or deleted) campaigns starting in `window` hold (each its
    total_budget, or its actual_spend when that is more), and what the others spent. A budget
    drawn from a parent budget is part of its parent's money, so only budgets without a parent
    are added up."""
    [(total, threshold, held_amount, spent_amount)] = await scope.records(
        FISCAL_TOTALS,
        currency=currency,
        fiscal_year=fiscal_year,
        window_start=window[0],
        window_end=window[1],
        excluded_campaign=exclude_campaign_id,
    )
    return (
        _money(total),
        _money(threshold) if threshold is not None else None,
        _money(held_amount),
        _money(spent_amount),
    )
