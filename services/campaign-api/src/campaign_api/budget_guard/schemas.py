"""Bodies of the budget guard: unit costs, launch forecasts and overrides."""

from __future__ import annotations

from decimal import Decimal

from pydantic import ConfigDict, Field

from crm_common.enums import DeliveryChannel
from crm_common.schemas import Schema, WriteSchema

UnitCost = Decimal


class ChannelCost(WriteSchema):
    """One channel's price per message, and the prices of particular providers."""

    unit_cost: Decimal | None = Field(
        default=None,
        ge=0,
        le=1000,
        max_digits=10,
        decimal_places=6,
        description="Price of one message on the channel; null: free unless a provider says.",
    )
    providers: dict[str, Decimal] = Field(
        default_factory=dict,
        max_length=10,
        description="Price of one message through a provider; wins over the channel's price.",
    )


class ChannelCostsWrite(WriteSchema):
    """The company's unit costs; channels left out cost nothing."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "channels": {
                        "email": {"unit_cost": "0.0008", "providers": {"sendgrid": "0.0006"}},
                        "sms": {"unit_cost": "0.0079", "providers": {}},
                    }
                }
            ]
        }
    )

    channels: dict[DeliveryChannel, ChannelCost] = Field(default_factory=dict, max_length=4)


class ChannelCostRead(Schema):
    unit_cost: Decimal | None
    providers: dict[str, Decimal]
    available_providers: list[str]


class ChannelCostsRead(Schema):
    """The company's unit costs per delivery channel (every channel listed)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "channels": {
                        "email": {
                            "unit_cost": "0.0008",
                            "providers": {"sendgrid": "0.0006"},
                            "available_providers": ["smtp", "sendgrid", "sandbox"],
                        }
                    }
                }
            ]
        }
    )

    channels: dict[str, ChannelCostRead]


class BudgetOverride(WriteSchema):
    """Send although the forecast exceeds the remaining budget (needs approve_campaign)."""

    reason: str = Field(min_length=3, max_length=500, description="Why, for the audit trail.")


class ChannelForecast(Schema):
    audience: int
    unit_cost: Decimal
    provider: str | None
    cost: Decimal


class BudgetForecast(Schema):
    """What a launch would cost against what the campaign may still spend."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "currency_code": "USD",
                    "audience": 3000,
                    "forecast_cost": "2.40",
                    "remaining": "1500.00",
                    "total_budget": "2000.00",
                    "drawn": "500.00",
                    "limited_by": "campaign",
                    "within_budget": True,
                    "per_channel": {
                        "email": {
                            "audience": 3000,
                            "unit_cost": "0.0008",
                            "provider": None,
                            "cost": "2.40",
                        }
                    },
                    "shared_budgets": [],
                }
            ]
        }
    )

    campaign_id: str
    currency_code: str
    audience: int
    forecast_cost: Decimal
    remaining: Decimal
    total_budget: Decimal
    drawn: Decimal = Field(description="What sending has drawn so far (spent plus in flight).")
    limited_by: str = Field(description="campaign or shared_budget: which limit `remaining` is.")
    within_budget: bool
    per_channel: dict[str, ChannelForecast]
    shared_budgets: list[dict[str, str]]
