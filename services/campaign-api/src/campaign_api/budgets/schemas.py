"""Budget and allocation request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, Field, StrictBool

from campaign_api.shared.types import CurrencyCode, Money, Name100, ReferenceCode
from campaign_api.shared.types import Text as LongText
from crm_common.enums import BudgetType
from crm_common.schemas import RowVersionField, Schema, WholeList, WriteSchema

_EXAMPLE: dict[str, Any] = {
    "budget_name": "FY2026 Marketing",
    "budget_code": "FY2026-MKT",
    "description": "Annual marketing budget.",
    "budget_type": "annual",
    "allocation_rules": {"max_share_per_campaign": "0.25"},
    "approval_threshold": "25000.00",
    "total_amount": "500000.00",
    "currency_code": "USD",
    "cost_centers": ["MKT-100"],
    "is_active": True,
    "fiscal_year": 2026,
    "parent_budget_id": None,
}


PARENT_DESCRIPTION = (
    "The budget this one is drawn from (a quarterly budget from the annual one): same currency "
    "and fiscal year; its amount comes out of what the parent has left, and only budgets "
    "without a parent count towards the fiscal year."
)


class BudgetCreate(WriteSchema):
    """A new budget for a fiscal year."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    budget_name: Name100
    budget_code: ReferenceCode
    description: LongText | None = None
    budget_type: BudgetType
    allocation_rules: dict[str, Any] = Field(default_factory=dict)
    approval_threshold: Money = Decimal("0.00")
    total_amount: Money
    currency_code: CurrencyCode = "USD"
    cost_centers: list[str] = Field(default_factory=list, max_length=100)
    is_active: StrictBool = True
    fiscal_year: int = Field(ge=1900, le=9999)
    parent_budget_id: uuid.UUID | None = Field(default=None, description=PARENT_DESCRIPTION)


class BudgetUpdate(WriteSchema):
    """Some fields of a budget (PATCH); PUT takes every field of BudgetCreate."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"total_amount": "550000.00", "is_active": True}]}
    )
    nullable_fields = frozenset({"description", "parent_budget_id"})

    budget_name: Name100 | None = None
    budget_code: ReferenceCode | None = None
    description: LongText | None = None
    budget_type: BudgetType | None = None
    allocation_rules: dict[str, Any] | None = None
    approval_threshold: Money | None = None
    total_amount: Money | None = None
    currency_code: CurrencyCode | None = None
    cost_centers: list[str] | None = Field(default=None, max_length=100)
    is_active: StrictBool | None = None
    fiscal_year: int | None = Field(default=None, ge=1900, le=9999)
    parent_budget_id: uuid.UUID | None = Field(
        default=None, description=PARENT_DESCRIPTION + " null: no longer drawn from a parent."
    )


BUDGET_WRITABLE: tuple[str, ...] = tuple(BudgetCreate.model_fields)


BUDGET_EXAMPLE: dict[str, Any] = {
    "id": "3b9d6c55-6a43-4c1e-9f43-6a1f0c1f7e21",
    **_EXAMPLE,
    "created_at": "2026-01-02T08:00:00Z",
    "updated_at": "2026-01-02T08:00:00Z",
    "version": 1,
}
ALLOCATION_EXAMPLE: dict[str, Any] = {
    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "budget_id": BUDGET_EXAMPLE["id"],
    "budget_code": "FY2026-MKT",
    "budget_name": "FY2026 Marketing",
    "fiscal_year": 2026,
    "currency_code": "USD",
    "allocated_amount": "12000.00",
    "created_at": "2026-03-01T09:30:00Z",
    "updated_at": "2026-03-01T09:30:00Z",
}


class BudgetRead(Schema):
    """A budget as stored."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [BUDGET_EXAMPLE]}
    )

    id: uuid.UUID
    budget_name: str
    budget_code: str
    description: str | None
    budget_type: BudgetType
    allocation_rules: dict[str, Any]
    approval_threshold: Decimal | None = None
    total_amount: Decimal | None = None
    currency_code: str
    cost_centers: list[Any]
    is_active: bool
    fiscal_year: int
    parent_budget_id: uuid.UUID | None = None
    created_at: datetime
    updated_at: datetime
    version: RowVersionField


class BudgetPage(Schema):
    """One page of budgets."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [BUDGET_EXAMPLE],
                    "total": 1,
                    "page": 1,
                    "page_size": 50,
                    "filters": {"fiscal_year": 2026},
                }
            ]
        }
    )

    items: list[BudgetRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]


class BudgetAvailability(Schema):
    """What a budget holds: its total, what live campaigns' allocations hold (each the amount
    allocated, or what its sending drew when that is more), what finished campaigns' sending
    drew on it, what its active child budgets took out of it, and what is left (total - held -
    spent - drawn)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "budget_id": BUDGET_EXAMPLE["id"],
                    "budget_code": "FY2026-MKT",
                    "fiscal_year": 2026,
                    "currency_code": "USD",
                    "parent_budget_id": None,
                    "total_amount": "500000.00",
                    "held_by_live_campaigns": "120000.00",
                    "spent_by_finished_campaigns": "30000.00",
                    "drawn_by_child_budgets": "125000.00",
                    "available_amount": "225000.00",
                    "live_allocations": 7,
                }
            ]
        }
    )

    budget_id: uuid.UUID
    budget_code: str
    fiscal_year: int
    currency_code: str
    parent_budget_id: uuid.UUID | None
    total_amount: Decimal
    held_by_live_campaigns: Decimal
    spent_by_finished_campaigns: Decimal
    drawn_by_child_budgets: Decimal
    available_amount: Decimal
    live_allocations: int


class FiscalYearAvailability(Schema):
    """The money of a fiscal year: the total of its active budgets that are not drawn from a
    parent (a child budget's money is already in its parent's), what live campaigns hold (each
    its total_budget, or its spend when that is more), what completed, cancelled and deleted
    campaigns spent, and what is left (the ceiling for a campaign's total_budget)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "fiscal_year": 2026,
                    "currency_code": "USD",
                    "total_amount": "620000.00",
                    "held_by_live_campaigns": "210000.00",
                    "spent_by_finished_campaigns": "40000.00",
                    "available_amount": "370000.00",
                    "approval_threshold": "10000.00",
                    "period_start": "2026-01-01T00:00:00Z",
                    "period_end": "2027-01-01T00:00:00Z",
                }
            ]
        }
    )

    fiscal_year: int
    currency_code: str
    total_amount: Decimal
    held_by_live_campaigns: Decimal
    spent_by_finished_campaigns: Decimal
    available_amount: Decimal
    approval_threshold: Decimal | None
    period_start: datetime
    period_end: datetime


class AllocationWrite(WriteSchema):
    """How much a campaign draws on one budget."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"allocated_amount": "12000.00"}]})

    allocated_amount: Money


class AllocationRead(Schema):
    """One budget a campaign draws on."""

    model_config = ConfigDict(json_schema_extra={"examples": [ALLOCATION_EXAMPLE]})

    campaign_id: uuid.UUID
    budget_id: uuid.UUID
    budget_code: str
    budget_name: str
    fiscal_year: int
    currency_code: str
    allocated_amount: Decimal | None = None
    created_at: datetime
    updated_at: datetime


class AllocationList(WholeList):
    """A campaign's allocations and their sum."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": ALLOCATION_EXAMPLE["campaign_id"],
                    "items": [ALLOCATION_EXAMPLE],
                    "total": 1,
                    "allocated_amount": "12000.00",
                    "approval_status": "not_required",
                    "approval_required": False,
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    items: list[AllocationRead]
    allocated_amount: Decimal | None = None
    approval_status: str
    approval_required: bool
