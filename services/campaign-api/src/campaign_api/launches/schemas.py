"""Launch request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, Literal

from pydantic import ConfigDict, Field

from campaign_api.budget_guard.schemas import BudgetOverride
from crm_common.enums import CampaignStatus, DeliveryChannel, LaunchStatus
from crm_common.schemas import IsoAwareDateTime, Schema, WriteSchema


class AbTestPhase(WriteSchema):
    """Send the campaign's A/B variants to a sample first; after the wait, the rest of the
    audience gets the variant with the best rate (docs/launching.md, "A/B test phase")."""

    sample_percent: int = Field(
        ge=1, le=99, description="The share of the audience in the test, in percent."
    )
    wait_minutes: int = Field(
        default=60, ge=0, le=10_080, description="How long the test runs before the choice."
    )
    metric: Literal["open_rate", "click_rate"] = Field(
        default="open_rate", description="What chooses the winner."
    )


class LaunchRequest(WriteSchema):
    """How to run the launch: when, on which channels, how fast, to which segments."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "scheduled_at": "2026-04-01T08:00:00+00:00",
                    "channels": ["email"],
                    "throttle_per_minute": 5000,
                    "segment_ids": None,
                }
            ]
        },
    )

    scheduled_at: IsoAwareDateTime | None = Field(
        default=None,
        description="When to start sending; omitted: at the campaign's start date or now, "
        "whichever is later.",
    )
    channels: list[DeliveryChannel] | None = Field(
        default=None,
        min_length=1,
        max_length=4,
        description="Channels to send on; omitted: the campaign's channel (every channel for "
        "multi_channel).",
    )
    throttle_per_minute: int | None = Field(default=None, ge=1, le=1_000_000)
    segment_ids: list[uuid.UUID] | None = Field(
        default=None, min_length=1, max_length=100, description="Omitted: every segment."
    )
    budget_override: BudgetOverride | None = Field(
        default=None,
        description="Launch although the forecast cost exceeds the remaining budget "
        "(approve_campaign only; audited). Sending still stops when the budget runs out.",
    )
    ab_test: AbTestPhase | None = Field(
        default=None,
        description="Test the campaign's A/B variants (at least two) on a sample first; "
        "omitted: every recipient gets a variant by weight at once.",
    )


class LaunchRead(Schema):
    """A recorded launch request."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    campaign_id: uuid.UUID
    launch_status: LaunchStatus
    idempotency_key: str
    requested_by_user_id: uuid.UUID
    parameters: dict[str, Any]
    scheduled_at: datetime | None
    created_at: datetime


class LaunchCampaignState(Schema):
    id: uuid.UUID
    campaign_code: str
    campaign_status: CampaignStatus
    version: int


class LaunchTracking(Schema):
    """Where to follow the launch."""

    launch_id: uuid.UUID
    websocket: str
    events: list[str]
    campaign_path: str


class LaunchAccepted(Schema):
    """The launch confirmation: the recorded request, the campaign's new state, tracking."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "launch": {
                        "id": "1f16c43a-b68c-4777-9213-847c11e96f90",
                        "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                        "launch_status": "scheduled",
                        "idempotency_key": "9d0c1c1e-launch-2026-04",
                        "requested_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
                        "parameters": {
                            "channels": ["email"],
                            "segment_ids": ["0ad7193d-ac70-4d15-a378-652923ea3fa1"],
                            "throttle_per_minute": 5000,
                        },
                        "scheduled_at": "2026-04-01T08:00:00Z",
                        "created_at": "2026-03-20T12:00:00Z",
                    },
                    "campaign": {
                        "id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                        "campaign_code": "SPRING-26",
                        "campaign_status": "active",
                        "version": 5,
                    },
                    "tracking": {
                        "launch_id": "1f16c43a-b68c-4777-9213-847c11e96f90",
                        "websocket": "/ws",
                        "events": ["campaign.launch_progress", "campaign.launched"],
                        "campaign_path": "/api/campaigns/5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b/",
                    },
                    "validation_warnings": [],
                }
            ]
        }
    )

    launch: LaunchRead
    campaign: LaunchCampaignState
    tracking: LaunchTracking
    validation_warnings: list[dict[str, Any]]


class LaunchCounts(Schema):
    queued: int = Field(description="Deliveries in the launch's frozen audience.")
    sent: int
    failed: int
    skipped: int
    remaining: int


class LaunchError(Schema):
    """A delivery of the launch that failed, most recent first."""

    delivery_id: uuid.UUID
    contact_id: uuid.UUID
    channel: str
    error_code: str | None
    error: str | None
    attempts: int
    at: datetime


LAUNCH_EXAMPLE: dict[str, Any] = {
    "id": "1f16c43a-b68c-4777-9213-847c11e96f90",
    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "launch_status": "sending",
    "requested_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
    "parameters": {"channels": ["email"], "segment_ids": []},
    "counts": {
        "queued": 3000,
        "sent": 1800,
        "failed": 3,
        "skipped": 0,
        "remaining": 1197,
    },
    "last_error": None,
    "errors": [],
    "scheduled_at": "2026-04-01T08:00:00Z",
    "resolved_at": "2026-04-01T08:00:01Z",
    "started_at": "2026-04-01T08:00:01Z",
    "finished_at": None,
    "created_at": "2026-03-20T12:00:00Z",
    "updated_at": "2026-04-01T08:00:09Z",
}


class LaunchDetail(Schema):
    """A launch: its state, counts, timings and its latest errors."""

    model_config = ConfigDict(json_schema_extra={"examples": [LAUNCH_EXAMPLE]})

    id: uuid.UUID
    campaign_id: uuid.UUID
    launch_status: LaunchStatus
    requested_by_user_id: uuid.UUID
    parameters: dict[str, Any]
    counts: LaunchCounts
    last_error: str | None = Field(description="Why the launch failed, when it did.")
    errors: list[LaunchError] = Field(
        description="The latest failed deliveries (on a single launch only; empty in lists)."
    )
    scheduled_at: datetime | None
    resolved_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    created_at: datetime
    updated_at: datetime


class LaunchPage(Schema):
    """One page of a campaign's launches, newest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [LAUNCH_EXAMPLE], "total": 1, "page": 1, "page_size": 50, "filters": {}}
            ]
        }
    )

    items: list[LaunchDetail]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]
