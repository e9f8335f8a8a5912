"""Hierarchy request and response bodies."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, Field

from crm_common.enums import CampaignStatus
from crm_common.schemas import Schema, WriteSchema

ROLLUP_EXAMPLE: dict[str, Any] = {
    "campaigns": 3,
    "depth": 2,
    "currency_code": "USD",
    "total_budget": "30000.00",
    "actual_spend": "12000.00",
    "audience": 45000,
    "sent": 40000,
    "opens": 12000,
    "clicks": 3100,
    "conversions": 210,
    "revenue": "52000.00",
    "missing_rates": [],
}


class ParentSet(WriteSchema):
    """The campaign's new parent, or null to make it a top-level campaign."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"parent_campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b"}]
        },
    )

    parent_campaign_id: uuid.UUID | None


class Rollup(Schema):
    """Totals of a campaign and every live campaign below it (like Salesforce's Hierarchy*
    fields). Money is in the company's default currency; conversions and revenue are
    last-touch attributed."""

    model_config = ConfigDict(json_schema_extra={"examples": [ROLLUP_EXAMPLE]})

    campaigns: int = Field(description="The campaign itself and its live descendants.")
    depth: int = Field(description="Levels below the campaign (0: no sub-campaigns).")
    currency_code: str
    total_budget: Decimal | None = Field(
        default=None, description="Only for callers with budget visibility."
    )
    actual_spend: Decimal | None = Field(
        default=None, description="Only for callers with budget visibility."
    )
    audience: int = Field(description="Sum of the target audience sizes.")
    sent: int
    opens: int
    clicks: int
    conversions: int
    revenue: Decimal | None = Field(
        default=None, description="Only for callers with budget visibility."
    )
    missing_rates: list[str] = Field(
        description="Currencies of campaigns in the tree with no exchange rate: their budget "
        "and spend are left out of the totals."
    )


class HierarchyNode(Schema):
    """A campaign in a hierarchy, its roll-up and its sub-campaigns."""

    id: uuid.UUID
    campaign_name: str
    campaign_code: str
    campaign_status: CampaignStatus
    parent_campaign_id: uuid.UUID | None
    rollup: Rollup
    children: list[HierarchyNode]


class HierarchyRead(Schema):
    """The whole tree a campaign belongs to, from its top-level ancestor."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "7a1e0c55-4d0e-4f43-9a0b-0f8f3c1d2e3f",
                    "ancestors": ["5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b"],
                    "root": {
                        "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                        "campaign_name": "Spring programme",
                        "campaign_code": "SPRING",
                        "campaign_status": "active",
                        "parent_campaign_id": None,
                        "rollup": ROLLUP_EXAMPLE,
                        "children": [],
                    },
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    ancestors: list[uuid.UUID] = Field(
        description="From the top-level campaign down to the parent."
    )
    root: HierarchyNode
