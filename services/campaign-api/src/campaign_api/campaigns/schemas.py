"""Campaign request and response bodies (write schemas list exactly the writable fields)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, Self

from pydantic import ConfigDict, Field

from campaign_api.hierarchy.schemas import Rollup
from campaign_api.segments.schemas import SegmentCounts
from campaign_api.shared.types import (
    CampaignCode,
    CurrencyCode,
    Money,
    Name200,
    Percent,
    SignedPercent,
    UtcDateTime,
)
from campaign_api.shared.types import Text as LongText
from crm_common.enums import (
    ApprovalStatus,
    CampaignCategory,
    CampaignStatus,
    CampaignType,
    Channel,
    SegmentType,
)
from crm_common.schemas import IsoDateTime, IsoDateTimeThrough, Schema, WriteSchema

_EXAMPLE_WRITE: dict[str, Any] = {
    "campaign_name": "Spring sale 2026",
    "campaign_code": "SPRING-26",
    "description": "Seasonal discounts for returning customers.",
    "campaign_type": "promotional",
    "campaign_category": "sales",
    "primary_channel": "email",
    "start_date": "2026-04-01T08:00:00+00:00",
    "end_date": "2026-04-30T20:00:00+00:00",
    "total_budget": "15000.00",
    "currency_code": "USD",
    "target_audience_size": 12000,
    "expected_conversion_rate": "2.50",
    "target_roi": "150.00",
}


class _CampaignFields(WriteSchema):
    """The writable fields of a campaign, shared by create (POST) and replace (PUT)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE_WRITE]})

    campaign_name: Name200
    campaign_code: CampaignCode | None = None
    description: LongText | None = None
    campaign_type: CampaignType
    campaign_category: CampaignCategory = CampaignCategory.OTHER
    primary_channel: Channel
    start_date: UtcDateTime
    end_date: UtcDateTime
    total_budget: Money = Decimal("0.00")
    currency_code: CurrencyCode | None = None
    target_audience_size: int = Field(default=0, ge=0, le=2_000_000_000)
    expected_conversion_rate: Percent = Decimal("0.00")
    target_roi: SignedPercent = Decimal("0.00")


class CampaignCreate(_CampaignFields):
    """A new campaign; the code is generated when omitted."""

    currency_code: CurrencyCode | None = Field(
        default=None, description="ISO 4217; the company's default currency when omitted."
    )
    template_id: uuid.UUID | None = Field(
        default=None, description="A template to link as the campaign's primary template."
    )


class CampaignReplace(_CampaignFields):
    """Every writable field of a campaign (PUT); an omitted code keeps the current one."""


class CampaignUpdate(WriteSchema):
    """Some writable fields of a campaign (PATCH)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"total_budget": "18000.00", "end_date": "2026-05-15T20:00:00+00:00"}]
        }
    )
    nullable_fields = frozenset({"description"})

    campaign_name: Name200 | None = None
    campaign_code: CampaignCode | None = None
    description: LongText | None = None
    campaign_type: CampaignType | None = None
    campaign_category: CampaignCategory | None = None
    primary_channel: Channel | None = None
    start_date: UtcDateTime | None = None
    end_date: UtcDateTime | None = None
    total_budget: Money | None = None
    currency_code: CurrencyCode | None = None
    target_audience_size: int | None = Field(default=None, ge=0, le=2_000_000_000)
    expected_conversion_rate: Percent | None = None
    target_roi: SignedPercent | None = None


WRITABLE_FIELDS: tuple[str, ...] = (
    "campaign_name",
    "campaign_code",
    "description",
    "campaign_type",
    "campaign_category",
    "primary_channel",
    "start_date",
    "end_date",
    "total_budget",
    "currency_code",
    "target_audience_size",
    "expected_conversion_rate",
    "target_roi",
)

# What before/after snapshots (audit, events, change summaries) carry.
TRACKED_FIELDS: tuple[str, ...] = (
    *WRITABLE_FIELDS,
    "campaign_status",
    "approval_status",
    "actual_spend",
    "approved_by_user_id",
    "approved_at",
    "approval_comment",
    "is_deleted",
)


CAMPAIGN_EXAMPLE: dict[str, Any] = {
    "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "company_id": "0545de9d-3b27-4873-beb0-8d12d88f7525",
    **_EXAMPLE_WRITE,
    "campaign_status": "draft",
    "approval_status": "not_required",
    "actual_spend": "0.00",
    "created_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
    "updated_by_user_id": None,
    "approved_by_user_id": None,
    "approved_at": None,
    "approval_comment": None,
    "created_at": "2026-03-01T09:30:00Z",
    "updated_at": "2026-03-01T09:30:00Z",
    "version": 1,
}


class CampaignRead(Schema):
    """A campaign as stored."""

    model_config = ConfigDict(json_schema_extra={"examples": [CAMPAIGN_EXAMPLE]})

    @classmethod
    def of(cls, campaign: Any, **extra: Any) -> Self:
        """This model of a stored campaign (its columns as `CampaignRead` has them) and the
        `extra` fields of a response built on it, validated once."""
        values = {name: getattr(campaign, name) for name in _READ_FIELDS}
        return cls.model_validate(values | extra)

    id: uuid.UUID
    company_id: uuid.UUID
    campaign_name: str
    campaign_code: str
    description: str | None
    campaign_type: CampaignType
    campaign_category: CampaignCategory
    primary_channel: Channel
    campaign_status: CampaignStatus
    approval_status: ApprovalStatus
    start_date: datetime
    end_date: datetime
    total_budget: Decimal | None = Field(
        default=None, description="Only for callers with budget visibility."
    )
    actual_spend: Decimal | None = Field(
        default=None, description="Only for callers with budget visibility."
    )
    currency_code: str
    target_audience_size: int
    expected_conversion_rate: Decimal
    target_roi: Decimal
    created_by_user_id: uuid.UUID
    updated_by_user_id: uuid.UUID | None
    approved_by_user_id: uuid.UUID | None
    approved_at: datetime | None
    approval_comment: str | None
    created_at: datetime
    updated_at: datetime
    version: int
    parent_campaign_id: uuid.UUID | None = Field(
        default=None, description="The campaign this one belongs to (its programme or parent)."
    )


_READ_FIELDS = tuple(CampaignRead.model_fields)


class CampaignListItem(CampaignRead):
    """A campaign in the list; with include_rollup=true, its roll-up too."""

    rollup: Rollup | None = Field(
        default=None,
        exclude_if=lambda value: value is None,
        description="Only with include_rollup=true.",
    )


class ValidationWarning(Schema):
    """A rule that did not block the write but deserves attention."""

    code: str
    field: str | None = None
    message: str


class CampaignCreated(CampaignRead):
    """The created campaign, what deserves attention, and whether it needs approval."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **CAMPAIGN_EXAMPLE,
                    "approval_required": False,
                    "validation_warnings": [
                        {
                            "code": "no_target_audience",
                            "field": "target_audience_size",
                            "message": "No target audience size is set.",
                        }
                    ],
                }
            ]
        }
    )

    validation_warnings: list[ValidationWarning]
    approval_required: bool


class FieldChange(Schema):
    old: Any
    new: Any


class CampaignUpdated(CampaignRead):
    """The updated campaign with a change summary (field: old → new) and its approval state."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **CAMPAIGN_EXAMPLE,
                    "version": 2,
                    "changes": {"total_budget": {"old": "15000.00", "new": "18000.00"}},
                    "approval_required": False,
                    "validation_warnings": [],
                }
            ]
        }
    )

    changes: dict[str, FieldChange]
    approval_required: bool
    validation_warnings: list[ValidationWarning]


class SegmentSummary(SegmentCounts):
    id: uuid.UUID
    segment_name: str
    segment_type: SegmentType
    demographic_criteria: dict[str, Any]
    behavioral_criteria: dict[str, Any]
    geographic_criteria: dict[str, Any]
    psychographic_criteria: dict[str, Any]
    engagement_rate: Decimal
    last_evaluated_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ChannelPerformance(Schema):
    channel: str
    sent: int
    delivered: int
    failed: int
    opens: int
    unique_opens: int
    clicks: int
    unique_clicks: int
    unsubscribes: int
    bounces: int
    conversions: int
    revenue: Decimal | None = None
    spend: Decimal | None = None


class Performance(Schema):
    """Totals of the campaign's daily metrics, with rates and a per-channel breakdown."""

    totals: ChannelPerformance = Field(
        description="Every channel together; its conversions and revenue are those attributed "
        "to the campaign by last touch (conversions recorded through /api/conversions/ and "
        "conversion events), revenue in the campaign's currency."
    )
    delivery_rate: float | None = Field(
        description="delivered / sent; null until a provider reports a delivery (an SMTP "
        "relay, the default email sender, reports none)."
    )
    open_rate: float | None = Field(
        description="unique opens per message reached: delivered where the provider reports "
        "deliveries, else sent (the base of every engagement rate here and in the live "
        "`campaign.performance_update` event); null before anything was sent."
    )
    click_rate: float | None = Field(description="unique clicks per message reached.")
    conversion_rate: float | None = Field(description="conversions per message reached.")
    unsubscribe_rate: float | None = Field(description="unsubscribes per message reached.")
    roi: float | None = Field(description="(revenue - spend) / spend; hidden without budget view")
    by_channel: list[ChannelPerformance]
    first_day: str | None
    last_day: str | None
    updated_at: datetime | None


class CampaignDetail(CampaignRead):
    """A campaign with, on request, its segments and its performance."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**CAMPAIGN_EXAMPLE, "segments": []}]}
    )

    segments: list[SegmentSummary] | None = None
    performance: Performance | None = None
    rollup: Rollup | None = None


class SortField(StrEnum):
    CREATED_AT = "created_at"
    UPDATED_AT = "updated_at"
    START_DATE = "start_date"
    END_DATE = "end_date"
    CAMPAIGN_NAME = "campaign_name"
    CAMPAIGN_CODE = "campaign_code"
    CAMPAIGN_STATUS = "campaign_status"


class SortOrder(StrEnum):
    ASC = "asc"
    DESC = "desc"


class CampaignFilters(Schema):
    """The list filters; every one optional."""

    campaign_status: list[CampaignStatus] | None = None
    campaign_type: list[CampaignType] | None = None
    primary_channel: list[Channel] | None = None
    approval_status: list[ApprovalStatus] | None = None
    campaign_category: list[CampaignCategory] | None = None
    search: str | None = None
    start_from: IsoDateTime | None = None
    start_to: IsoDateTimeThrough | None = None
    end_from: IsoDateTime | None = None
    end_to: IsoDateTimeThrough | None = None
    sort_by: SortField = SortField.CREATED_AT
    sort_order: SortOrder = SortOrder.DESC


class CampaignPage(Schema):
    """One page of campaigns (the list shape of README "Contracts")."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [CAMPAIGN_EXAMPLE],
                    "total": 1,
                    "page": 1,
                    "page_size": 50,
                    "filters": {
                        "campaign_status": ["draft"],
                        "sort_by": "created_at",
                        "sort_order": "desc",
                    },
                }
            ]
        }
    )

    items: list[CampaignListItem]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]


class DeleteResult(Schema):
    """What a soft delete did."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": CAMPAIGN_EXAMPLE["id"],
                    "deleted_at": "2026-03-02T10:00:00Z",
                    "segments_deleted": 2,
                }
            ]
        }
    )

    id: uuid.UUID
    deleted_at: datetime
    segments_deleted: int


class ActionComment(Schema):
    """An optional note kept in the audit history."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"comment": "Paused for the holidays."}]}
    )

    comment: str | None = Field(default=None, min_length=1, max_length=2000)


class CampaignTransitioned(CampaignRead):
    """The campaign after a status or approval action, with any warnings."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    **CAMPAIGN_EXAMPLE,
                    "campaign_status": "planned",
                    "version": 2,
                    "validation_warnings": [],
                }
            ]
        }
    )

    validation_warnings: list[ValidationWarning]
