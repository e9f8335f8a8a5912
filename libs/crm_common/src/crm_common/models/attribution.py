"""Conversions, their attribution to campaigns, and the company's attribution settings and
exchange-rate table."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, TenantOwned, UUIDPk


class Conversion(UUIDPk, TenantOwned, Base):
    """A purchase, won opportunity or other revenue event of a contact. Written by campaign-api
    (`POST /api/conversions/`) and segment-engine (conversion-type contact events), both
    through `crm_common.attribution`."""

    __tablename__ = "crm_conversions"
    __table_args__ = (
        UniqueConstraint("company_id", "source", "external_id"),
        Index("ix_crm_conversions_company_occurred", "company_id", "occurred_at"),
        CheckConstraint("amount > 0", name="amount_positive"),
        CheckConstraint("exchange_rate > 0", name="exchange_rate_positive"),
        CheckConstraint("currency_code ~ '^[A-Z]{3}$'", name="currency_code_format"),
        CheckConstraint("base_currency ~ '^[A-Z]{3}$'", name="base_currency_format"),
    )

    source: Mapped[str] = mapped_column(String(50))
    external_id: Mapped[str] = mapped_column(String(100))
    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_contacts.id", ondelete="CASCADE"), index=True
    )
    conversion_type: Mapped[str] = mapped_column(String(64))
    amount: Mapped[Decimal]
    currency_code: Mapped[str] = mapped_column(String(3))
    exchange_rate: Mapped[Decimal] = mapped_column(Numeric(18, 8))
    """Units of `base_currency` per unit of `currency_code` when the conversion was recorded."""
    amount_base: Mapped[Decimal]
    """`amount` in the company's default currency, rounded to cents."""
    base_currency: Mapped[str] = mapped_column(String(3))
    occurred_at: Mapped[datetime]
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="SET NULL"), index=True
    )
    utm_source: Mapped[str | None] = mapped_column(String(200))
    utm_medium: Mapped[str | None] = mapped_column(String(200))
    utm_campaign: Mapped[str | None] = mapped_column(String(200))
    event_id: Mapped[str | None] = mapped_column(String(100))
    """The contact event the conversion was recorded from, if any."""
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class ConversionAttribution(TenantOwned, Base):
    """How much of a conversion's credit one campaign earns under each model: first touch,
    last touch, and linear (`touches` of the conversion's `total_touches`). Written with the
    conversion."""

    __tablename__ = "crm_conversion_attributions"
    __table_args__ = (
        Index("ix_crm_conversion_attributions_company_campaign", "company_id", "campaign_id"),
        CheckConstraint("touches >= 1 AND touches <= total_touches", name="touches_within_total"),
    )

    conversion_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_conversions.id", ondelete="CASCADE"), primary_key=True
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    touches: Mapped[int] = mapped_column(Integer)
    total_touches: Mapped[int] = mapped_column(Integer)
    is_first_touch: Mapped[bool] = mapped_column(Boolean)
    is_last_touch: Mapped[bool] = mapped_column(Boolean)


class ExchangeRate(TenantOwned, Base):
    """One currency's rate to the company's default currency. Written by campaign-api."""

    __tablename__ = "crm_exchange_rates"
    __table_args__ = (
        CheckConstraint("rate > 0", name="rate_positive"),
        CheckConstraint("currency_code ~ '^[A-Z]{3}$'", name="currency_code_format"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="CASCADE"), primary_key=True
    )
    currency_code: Mapped[str] = mapped_column(String(3), primary_key=True)
    rate: Mapped[Decimal] = mapped_column(Numeric(18, 8))
    """Units of the company's default currency per unit of `currency_code`."""
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class AttributionSettings(TenantOwned, Base):
    """A company's attribution window. Written by campaign-api."""

    __tablename__ = "crm_attribution_settings"
    __table_args__ = (CheckConstraint("window_days BETWEEN 1 AND 365", name="window_days_range"),)

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="CASCADE"), primary_key=True
    )
    window_days: Mapped[int] = mapped_column(Integer, server_default=text("30"))
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())
