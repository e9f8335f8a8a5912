"""The budget guard's spend ledgers and a campaign's performance alerts (migration 0010)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, TenantOwned, UUIDPk

Spend = Numeric(18, 6)


class CampaignSpend(TenantOwned, Base):
    """The money a campaign's sending has drawn: spent plus reserved for batches in flight.
    Written by launch-worker (reserve before a batch, settle after it)."""

    __tablename__ = "crm_campaign_spend"
    __table_args__ = (CheckConstraint("reserved_amount >= 0", name="reserved_non_negative"),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    reserved_amount: Mapped[Decimal] = mapped_column(Spend, server_default=text("0"))
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class BudgetSpend(TenantOwned, Base):
    """The money every campaign's sending has drawn on one shared budget. Written by
    launch-worker with conditional updates that keep it within the budget's total_amount."""

    __tablename__ = "crm_budget_spend"
    __table_args__ = (CheckConstraint("reserved_amount >= 0", name="reserved_non_negative"),)

    budget_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaign_budgets.id", ondelete="CASCADE"), primary_key=True
    )
    reserved_amount: Mapped[Decimal] = mapped_column(Spend, server_default=text("0"))
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class CampaignAlertSettings(TenantOwned, Base):
    """A campaign's performance thresholds and the severity that pauses it. Written by
    campaign-api."""

    __tablename__ = "crm_campaign_alert_settings"
    __table_args__ = (
        CheckConstraint(
            "pause_at_severity IS NULL OR pause_at_severity IN ('info', 'warning', 'critical')",
            name="pause_at_severity_valid",
        ),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    rules: Mapped[list[Any]] = mapped_column(server_default=text("'[]'"))
    pause_at_severity: Mapped[str | None] = mapped_column(String(20))
    updated_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class CampaignAlert(UUIDPk, TenantOwned, Base):
    """An alert raised on a campaign (a budget threshold or a performance rule), once per
    campaign, metric and threshold. Written by launch-worker."""

    __tablename__ = "crm_campaign_alerts"
    __table_args__ = (
        UniqueConstraint("campaign_id", "metric", "threshold"),
        Index(None, "launch_id"),
        CheckConstraint("alert_kind IN ('budget', 'performance')", name="alert_kind_valid"),
        CheckConstraint("severity IN ('info', 'warning', 'critical')", name="severity_valid"),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE")
    )
    launch_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_launches.id", ondelete="SET NULL")
    )
    alert_kind: Mapped[str] = mapped_column(String(20))
    metric: Mapped[str] = mapped_column(String(40))
    severity: Mapped[str] = mapped_column(String(20))
    observed: Mapped[Decimal] = mapped_column(Spend)
    threshold: Mapped[Decimal] = mapped_column(Spend)
    paused: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    details: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    raised_at: Mapped[datetime] = mapped_column(server_default=func.now())
