"""Bodies of the alert endpoints."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from crm_common.campaign_alerts import AlertRule, Severity
from crm_common.schemas import Schema, WriteSchema

THRESHOLDS_EXAMPLE: dict[str, Any] = {
    "rules": [
        {"metric": "bounce_rate", "threshold": "0.05", "severity": "critical", "min_sent": 200},
        {"metric": "unsubscribe_rate", "threshold": "0.01", "severity": "warning", "min_sent": 200},
        {"metric": "spend_pace", "threshold": "1.5", "severity": "warning", "min_sent": 0},
    ],
    "pause_at_severity": "critical",
}


class AlertThresholdsWrite(WriteSchema):
    """A campaign's rules (at most one per metric) and the severity that pauses it."""

    model_config = ConfigDict(json_schema_extra={"examples": [THRESHOLDS_EXAMPLE]})

    rules: list[AlertRule] = Field(default_factory=list, max_length=10)
    pause_at_severity: Severity | None = Field(
        default=None, description="An alert this severe or worse pauses the campaign; null: never."
    )

    @model_validator(mode="after")
    def _one_rule_per_metric(self) -> AlertThresholdsWrite:
        metrics = [rule.metric for rule in self.rules]
        if len(metrics) != len(set(metrics)):
            raise ValueError("at most one rule per metric")
        return self


class AlertThresholdsRead(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [THRESHOLDS_EXAMPLE]})

    campaign_id: uuid.UUID
    rules: list[AlertRule]
    pause_at_severity: Severity | None
    updated_at: datetime | None


class AlertRead(Schema):
    """An alert raised on the campaign (once per metric and threshold)."""

    id: uuid.UUID
    campaign_id: uuid.UUID
    launch_id: uuid.UUID | None
    alert_kind: str = Field(description="budget or performance")
    metric: str
    severity: Severity
    observed: Decimal
    threshold: Decimal
    paused: bool = Field(description="Whether this alert paused the campaign.")
    details: dict[str, Any]
    raised_at: datetime


ALERT_EXAMPLE: dict[str, Any] = {
    "id": "8b0f0c7e-3c55-4c55-9a57-1c1e5b7f2a10",
    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "launch_id": "1f16c43a-b68c-4777-9213-847c11e96f90",
    "alert_kind": "budget",
    "metric": "budget_spent",
    "severity": "critical",
    "observed": "100.000000",
    "threshold": "100.000000",
    "paused": True,
    "details": {"threshold_percent": 100, "spent": "2000.00", "remaining": "0.00"},
    "raised_at": "2026-04-01T08:10:00Z",
}


class AlertPage(Schema):
    """One page of a campaign's alerts, newest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [ALERT_EXAMPLE], "total": 1, "page": 1, "page_size": 50, "filters": {}}
            ]
        }
    )

    items: list[AlertRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]
