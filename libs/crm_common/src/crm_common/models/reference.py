"""Templates and budgets: a company's reference data."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.enums import BudgetType, TemplateType
from crm_common.models.base import Base, RowVersion, TenantOwned, Timestamps, UUIDPk, enum_check


class CampaignTemplate(UUIDPk, TenantOwned, Timestamps, RowVersion, Base):
    """A reusable campaign configuration and content. Written by campaign-api."""

    __tablename__ = "crm_campaign_templates"
    __table_args__ = (
        Index("idx_template_code", "template_code"),
        Index("idx_template_type", "template_type"),
        Index("idx_is_default", "is_default"),
        Index("uk_company_template_code", "company_id", "template_code", unique=True),
        CheckConstraint("usage_count >= 0", name="usage_count_non_negative"),
        enum_check("template_type", TemplateType),
    )

    template_name: Mapped[str] = mapped_column(String(100))
    template_code: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    template_type: Mapped[str] = mapped_column(String(50))
    campaign_structure: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    default_settings: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    content_template: Mapped[str | None] = mapped_column(Text)
    asset_references: Mapped[list[Any]] = mapped_column(server_default=text("'[]'"))
    is_active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    is_default: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    usage_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class CampaignBudget(UUIDPk, TenantOwned, Timestamps, RowVersion, Base):
    """A pot of money (`total_amount`) for a fiscal year, optionally carved from a parent
    budget (`parent_budget_id`: a quarterly budget drawn from the annual one). Written by
    campaign-api."""

    __tablename__ = "crm_campaign_budgets"
    __table_args__ = (
        Index("idx_budget_code", "budget_code"),
        Index("idx_budget_type", "budget_type"),
        Index("idx_fiscal_year", "fiscal_year"),
        Index("uk_company_budget_code", "company_id", "budget_code", unique=True),
        CheckConstraint("total_amount >= 0", name="total_amount_non_negative"),
        CheckConstraint("approval_threshold >= 0", name="approval_threshold_non_negative"),
        CheckConstraint("currency_code ~ '^[A-Z]{3}$'", name="currency_code_format"),
        CheckConstraint("fiscal_year BETWEEN 1900 AND 9999", name="fiscal_year_range"),
        CheckConstraint(
            "parent_budget_id IS NULL OR parent_budget_id <> id", name="parent_not_self"
        ),
        Index("idx_parent_budget", "parent_budget_id"),
        enum_check("budget_type", BudgetType),
    )

    budget_name: Mapped[str] = mapped_column(String(100))
    budget_code: Mapped[str] = mapped_column(String(20))
    description: Mapped[str | None] = mapped_column(Text)
    budget_type: Mapped[str] = mapped_column(String(50))
    allocation_rules: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    approval_threshold: Mapped[Decimal] = mapped_column(server_default=text("0"))
    total_amount: Mapped[Decimal] = mapped_column(server_default=text("0"))
    currency_code: Mapped[str] = mapped_column(String(3), server_default="USD")
    cost_centers: Mapped[list[Any]] = mapped_column(server_default=text("'[]'"))
    is_active: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    fiscal_year: Mapped[int] = mapped_column(Integer)
    parent_budget_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_campaign_budgets.id", ondelete="RESTRICT")
    )
