"""Budget endpoints: the company's budgets, their availability, and campaign allocations."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from campaign_api.budgets import allocations, service
from campaign_api.budgets.deps import BudgetManager, BudgetViewer, ReferenceReader
from campaign_api.budgets.errors import (
    AllocationInUse,
    AllocationNotFound,
    AllocationRefused,
    BudgetInUse,
    BudgetNotFound,
    BudgetShrinkRefused,
    DuplicateBudgetCode,
)
from campaign_api.budgets.schemas import (
    AllocationList,
    AllocationRead,
    AllocationWrite,
    BudgetAvailability,
    BudgetCreate,
    BudgetPage,
    BudgetRead,
    BudgetUpdate,
    FiscalYearAvailability,
)
from campaign_api.campaigns.deps import (
    CampaignEditor,
    CampaignReader,
    PartEditableCampaign,
    ReadableCampaign,
    part_written,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound, LiveChangeRefused
from campaign_api.shared.currency import CIRCULATING_CURRENCIES
from campaign_api.shared.policy import load_policy
from campaign_api.shared.responses import respond
from crm_common.concurrency import ExpectedVersion, check_row_version, etag
from crm_common.deps import Scope
from crm_common.enums import BudgetType
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed, ValidationFailed
from crm_common.errors import error_responses as errors
from crm_common.models import CampaignBudget
from crm_common.pagination import Pagination, make_page
from crm_common.schemas import QueryFlag

router = APIRouter(prefix="/api/campaign-budgets", tags=["budgets"], responses=COMMON_RESPONSES)
allocation_router = APIRouter(
    prefix="/api/campaigns", tags=["budget allocations"], responses=COMMON_RESPONSES
)

BudgetId = Annotated[uuid.UUID, Path(description="The budget's id.")]


def _read(budget: object) -> BudgetRead:
    return BudgetRead.model_validate(budget)


def _currency(value: str | None) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if code not in CIRCULATING_CURRENCIES:
        raise ValidationFailed(
            details={"fields": {"currency_code": ["not a supported ISO 4217 code"]}}
        )
    return code


@router.get("/", response_model=BudgetPage, summary="List budgets")
async def list_budgets(
    principal: ReferenceReader,
    scope: Scope,
    pagination: Pagination,
    is_active: Annotated[QueryFlag | None, Query()] = None,
    fiscal_year: Annotated[int | None, Query(ge=1900, le=9999)] = None,
    budget_type: BudgetType | None = None,
    currency_code: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
    search: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
) -> dict[str, Any]:
    """List the company's budgets, filtered by activity, fiscal year, type or currency."""
    filters = {
        "is_active": is_active,
        "fiscal_year": fiscal_year,
        "budget_type": budget_type.value if budget_type else None,
        "currency_code": _currency(currency_code),
        "search": search,
    }
    rows, total = await service.list_budgets(scope, pagination, filters)
    # Rows, validated once: by the page's response model.
    page = make_page([dict(row) for row in rows], total, pagination, filters)
    return respond(page, principal)


@router.post(
    "/",
    status_code=201,
    response_model=BudgetRead,
    summary="Create a budget",
    responses=errors(BudgetNotFound, DuplicateBudgetCode),
)
async def create_budget(
    body: BudgetCreate, principal: BudgetManager, scope: Scope, response: Response
) -> BudgetRead:
    """Create a budget for a fiscal year (its code is unique within the company)."""
    budget = await service.create_budget(scope, principal, body)
    return respond(_read(budget), principal, response, headers={"ETag": etag(budget.version)})


@router.get(
    "/availability/",
    response_model=FiscalYearAvailability,
    summary="Fiscal-year availability",
)
async def fiscal_year_availability(
    principal: BudgetViewer,
    scope: Scope,
    fiscal_year: Annotated[
        int | None, Query(ge=1900, le=9999, description="Default: the current fiscal year.")
    ] = None,
    currency_code: Annotated[
        str | None,
        Query(min_length=3, max_length=3, description="Default: the company's currency."),
    ] = None,
) -> FiscalYearAvailability:
    """What a fiscal year has: active budgets' total, what live campaigns hold, what is left."""
    policy = await load_policy(scope)
    year = fiscal_year or policy.fiscal_year_of(datetime.now(UTC))
    currency = _currency(currency_code) or policy.default_currency
    body = await service.fiscal_year_availability(scope, policy, year, currency)
    return respond(body, principal)


@router.get(
    "/{budget_id}/",
    response_model=BudgetRead,
    summary="Get a budget",
    responses=errors(BudgetNotFound),
)
async def get_budget(
    budget_id: BudgetId, principal: ReferenceReader, scope: Scope, response: Response
) -> BudgetRead:
    """Get one budget; the ETag is its version."""
    budget = await service.get_budget(scope, budget_id)
    return respond(_read(budget), principal, response, headers={"ETag": etag(budget.version)})


@router.get(
    "/{budget_id}/availability/",
    response_model=BudgetAvailability,
    summary="Budget availability",
    responses=errors(BudgetNotFound),
)
async def budget_availability(
    budget_id: BudgetId, principal: BudgetViewer, scope: Scope
) -> BudgetAvailability:
    """What one budget has: its total, what live campaigns' allocations hold, what is left."""
    body = await service.budget_availability(scope, budget_id)
    return respond(body, principal)


_WRITE_ERRORS = errors(
    BudgetNotFound, DuplicateBudgetCode, BudgetInUse, BudgetShrinkRefused, PreconditionFailed
)


@router.put(
    "/{budget_id}/",
    response_model=BudgetRead,
    summary="Replace a budget",
    responses=_WRITE_ERRORS,
)
async def replace_budget(
    budget_id: BudgetId,
    body: BudgetCreate,
    principal: BudgetManager,
    scope: Scope,
    expected: ExpectedVersion,
    response: Response,
) -> BudgetRead:
    """Replace every field of a budget; it cannot drop below what live campaigns hold. With
    If-Match, a budget changed since that version is a 412."""
    await check_row_version(scope, CampaignBudget, budget_id, expected)
    policy = await load_policy(scope)
    budget = await service.update_budget(scope, principal, policy, budget_id, body.model_dump())
    return respond(_read(budget), principal, response, headers={"ETag": etag(budget.version)})


@router.patch(
    "/{budget_id}/",
    response_model=BudgetRead,
    summary="Update a budget",
    responses=_WRITE_ERRORS,
)
async def patch_budget(
    budget_id: BudgetId,
    body: BudgetUpdate,
    principal: BudgetManager,
    scope: Scope,
    expected: ExpectedVersion,
    response: Response,
) -> BudgetRead:
    """Change some fields of a budget; it cannot drop below what live campaigns hold. With
    If-Match, a budget changed since that version is a 412."""
    await check_row_version(scope, CampaignBudget, budget_id, expected)
    policy = await load_policy(scope)
    values = body.model_dump(exclude_unset=True)
    budget = await service.update_budget(scope, principal, policy, budget_id, values)
    return respond(_read(budget), principal, response, headers={"ETag": etag(budget.version)})


@allocation_router.get(
    "/{campaign_id}/budgets/",
    response_model=AllocationList,
    summary="List a campaign's budget allocations",
    responses=errors(CampaignNotFound),
)
async def list_allocations(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> AllocationList:
    """List the budgets a campaign draws on and how much from each."""
    body = await allocations.list_allocations(scope, campaign)
    return respond(body, principal)


@allocation_router.put(
    "/{campaign_id}/budgets/{budget_id}/",
    response_model=AllocationRead,
    summary="Allocate from a budget",
    responses=errors(
        CampaignNotFound,
        BudgetNotFound,
        PreconditionFailed,
        CampaignLocked,
        LiveChangeRefused,
        AllocationRefused,
    ),
)
async def set_allocation(
    budget_id: BudgetId,
    body: AllocationWrite,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> AllocationRead:
    """Set how much the campaign draws on a budget of its currency and fiscal year."""
    allocation, _required = await allocations.allocate(
        scope, principal, campaign, budget_id, body.allocated_amount
    )
    return respond(allocation, principal)


@allocation_router.delete(
    "/{campaign_id}/budgets/{budget_id}/",
    status_code=204,
    summary="Release a budget allocation",
    responses=errors(
        CampaignNotFound, AllocationNotFound, AllocationInUse, PreconditionFailed, CampaignLocked
    ),
)
async def release_allocation(
    budget_id: BudgetId,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> Response:
    """Stop the campaign drawing on a budget."""
    await allocations.release(scope, principal, campaign, budget_id)
    return part_written(campaign)
