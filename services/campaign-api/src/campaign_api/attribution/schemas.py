"""Conversion, attribution-settings and ROI bodies."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, field_validator

from campaign_api.shared.types import CurrencyCode, Money, UtcDateTime
from crm_common.schemas import Schema, WriteSchema

CLOCK_SKEW = timedelta(days=1)

Source = Annotated[
    str,
    StringConstraints(min_length=1, max_length=50, pattern=r"^[a-z0-9][a-z0-9_.-]*$"),
    Field(examples=["sales"], description="The CRM module that reports it (a-z, 0-9, _ . -)."),
]
ExternalId = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100, pattern=r"^[^\x00]+$"),
    Field(description="Unique per source: the same id again is the same conversion."),
]
UtmValue = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200, pattern=r"^[^\x00]+$"),
]


def _positive(value: Decimal) -> Decimal:
    if value <= 0:
        raise ValueError("must be greater than 0")
    return value


class AttributionModel(StrEnum):
    FIRST_TOUCH = "first_touch"
    LAST_TOUCH = "last_touch"
    LINEAR = "linear"


class ConversionCreate(WriteSchema):
    """A conversion reported by another CRM module."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "source": "sales",
                    "external_id": "OPP-2026-0042",
                    "contact_id": "3c2b1a4e-2f6d-4e8a-9b1c-7d5e6f708192",
                    "conversion_type": "opportunity_won",
                    "amount": "1250.00",
                    "currency_code": "EUR",
                    "occurred_at": "2026-04-12T15:30:00+00:00",
                    "utm_campaign": "SPRING-26",
                }
            ]
        }
    )

    source: Source
    external_id: ExternalId
    contact_id: uuid.UUID
    conversion_type: str = Field(
        default="purchase", min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_.:-]*$"
    )
    amount: Annotated[Money, AfterValidator(_positive)]
    currency_code: CurrencyCode
    occurred_at: UtcDateTime
    campaign_id: uuid.UUID | None = Field(
        default=None, description="A campaign the reporting module knows the conversion came from."
    )
    utm_source: UtmValue | None = None
    utm_medium: UtmValue | None = None
    utm_campaign: UtmValue | None = Field(
        default=None, description="Matched exactly against the company's campaign codes."
    )

    @field_validator("occurred_at")
    @classmethod
    def _not_future(cls, value: datetime) -> datetime:
        if value > datetime.now(UTC) + CLOCK_SKEW:
            raise ValueError("must not be more than a day in the future")
        return value


class AttributionRead(Schema):
    campaign_id: uuid.UUID
    touches: int
    total_touches: int
    is_first_touch: bool
    is_last_touch: bool


class ConversionRead(Schema):
    """A recorded conversion and the campaigns it is attributed to."""

    id: uuid.UUID
    source: str
    external_id: str
    contact_id: uuid.UUID
    conversion_type: str
    amount: Decimal
    currency_code: str
    exchange_rate: Decimal
    amount_base: Decimal
    base_currency: str
    occurred_at: datetime
    campaign_id: uuid.UUID | None
    utm_source: str | None
    utm_medium: str | None
    utm_campaign: str | None
    event_id: str | None
    created_at: datetime
    attributions: list[AttributionRead]


class ConversionPage(Schema):
    items: list[ConversionRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, object]


Rate = Annotated[
    Decimal,
    Field(gt=0, le=Decimal("9999999999"), decimal_places=8, examples=["1.08"]),
]


class AttributionSettingsWrite(WriteSchema):
    """The attribution window and the full exchange-rate table (replaced as a whole)."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"window_days": 30, "exchange_rates": {"EUR": "1.08"}}]}
    )

    window_days: int = Field(ge=1, le=365)
    exchange_rates: dict[CurrencyCode, Rate] = Field(
        default_factory=dict,
        max_length=200,
        description="Units of the company's default currency per unit of each currency.",
    )


class AttributionSettingsRead(Schema):
    """The attribution window, the currency every roll-up and ROI is stated in, and the
    rate table converting other currencies to it."""

    window_days: int
    base_currency: str
    exchange_rates: dict[str, Decimal]


class RoiRead(Schema):
    """A campaign's return under one attribution model, in the company's default currency."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "model": "linear",
                    "currency_code": "USD",
                    "window_days": 30,
                    "revenue": "295.00",
                    "actual_spend": "200.00",
                    "conversions": "1.1667",
                    "clicks": 50,
                    "delivered": 1000,
                    "roi": "0.4750",
                    "roi_percent": "47.50",
                    "target_roi": "150.00",
                    "roi_vs_target": "-102.50",
                    "meets_target_roi": False,
                    "cost_per_click": "4.00",
                    "cost_per_conversion": "171.42",
                    "conversion_rate": "0.12",
                    "expected_conversion_rate": "2.50",
                    "conversion_rate_vs_expected": "-2.38",
                    "meets_expected_conversion_rate": False,
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    model: AttributionModel
    currency_code: str
    window_days: int
    revenue: Decimal = Field(description="Attributed revenue.")
    actual_spend: Decimal = Field(description="The campaign's actual spend (its cost).")
    conversions: Decimal = Field(
        description="Attributed conversions (fractional under the linear model)."
    )
    clicks: int
    delivered: int
    roi: Decimal | None = Field(description="(revenue - spend) / spend; null without spend.")
    roi_percent: Decimal | None
    target_roi: Decimal = Field(description="The campaign's target, in percent.")
    roi_vs_target: Decimal | None = Field(description="roi_percent - target_roi (points).")
    meets_target_roi: bool | None
    cost_per_click: Decimal | None
    cost_per_conversion: Decimal | None
    conversion_rate: Decimal | None = Field(description="conversions / delivered, in percent.")
    expected_conversion_rate: Decimal
    conversion_rate_vs_expected: Decimal | None
    meets_expected_conversion_rate: bool | None
