"""Webhook request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, field_validator

from crm_common.pagination import Page
from crm_common.schemas import RowVersionField, Schema, WriteSchema
from crm_common.webhooks.addresses import MAX_URL_LENGTH, classify_entry
from crm_common.webhooks.enums import WebhookAttemptOutcome, WebhookDeliveryStatus, WebhookStatus
from crm_common.webhooks.payloads import SUBSCRIBABLE_EVENT_TYPES

Name = Annotated[str, StringConstraints(min_length=1, max_length=100)]
Description = Annotated[str, StringConstraints(max_length=1000)]
Url = Annotated[str, StringConstraints(min_length=8, max_length=MAX_URL_LENGTH)]
EventTypes = Annotated[list[str], Field(min_length=1, max_length=len(SUBSCRIBABLE_EVENT_TYPES))]

_WEBHOOK_ID = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
_EXAMPLE: dict[str, Any] = {
    "name": "Data warehouse",
    "description": "Campaign changes for the reporting pipeline",
    "url": "https://hooks.example.com/crm",
    "event_types": ["campaign.created", "campaign.launched"],
}


def _known_event_types(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    unknown = sorted(set(values) - set(SUBSCRIBABLE_EVENT_TYPES))
    if unknown:
        raise ValueError(f"unknown event types: {', '.join(unknown[:10])}")
    return sorted(set(values))


class WebhookCreate(WriteSchema):
    """A new subscription: where to send which events."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    name: Name
    description: Description | None = None
    url: Url = Field(description="An http(s) URL of a public address (or an allowed one).")
    event_types: EventTypes = Field(
        description="The event types to deliver (GET /api/webhooks/event-types/)."
    )

    @field_validator("event_types")
    @classmethod
    def _event_types(cls, values: list[str] | None) -> list[str] | None:
        return _known_event_types(values)


class WebhookUpdate(WriteSchema):
    """Some fields of a subscription; `status` pauses it or sets it active again."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"event_types": ["campaign.launched"], "status": "paused"}]}
    )
    nullable_fields = frozenset({"description"})

    name: Name | None = None
    description: Description | None = None
    url: Url | None = None
    event_types: EventTypes | None = None
    status: Literal["active", "paused"] | None = Field(
        default=None, description="`paused` stops deliveries; `active` resumes (or re-enables)."
    )

    @field_validator("event_types")
    @classmethod
    def _event_types(cls, values: list[str] | None) -> list[str] | None:
        return _known_event_types(values)


WEBHOOK_EXAMPLE: dict[str, Any] = {
    "id": _WEBHOOK_ID,
    **_EXAMPLE,
    "status": "active",
    "consecutive_failures": 0,
    "disabled_at": None,
    "disabled_reason": None,
    "last_success_at": "2026-03-01T09:31:02Z",
    "last_failure_at": None,
    "previous_secret_expires_at": None,
    "created_at": "2026-03-01T09:30:00Z",
    "updated_at": "2026-03-01T09:30:00Z",
    "version": 1,
}


class WebhookRead(Schema):
    """A subscription and its health (the secret is never read back)."""

    model_config = ConfigDict(json_schema_extra={"examples": [WEBHOOK_EXAMPLE]})

    id: uuid.UUID
    name: str
    description: str | None
    url: str
    event_types: list[str]
    status: WebhookStatus
    consecutive_failures: int = Field(description="Failed attempts since the last success.")
    disabled_at: datetime | None
    disabled_reason: str | None = Field(
        description="Why deliveries stopped after repeated failures; null while active."
    )
    last_success_at: datetime | None
    last_failure_at: datetime | None
    previous_secret_expires_at: datetime | None = Field(
        description="After a rotation, deliveries are also signed with the old secret until then."
    )
    created_at: datetime
    updated_at: datetime
    version: RowVersionField


class WebhookSecretRead(WebhookRead):
    """A subscription with its signing secret: shown only when created or rotated."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {**WEBHOOK_EXAMPLE, "secret": "whsec_hV3q0cJ1o5p6X9bq1s2U4w6y8A0C2E4G6I8K0M2O4Q6"}
            ]
        }
    )

    secret: str = Field(
        description="The signing secret (docs/webhooks.md); store it now, it is not shown again."
    )


class WebhookPage(Page[WebhookRead]):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [WEBHOOK_EXAMPLE], "total": 1, "page": 1, "page_size": 50, "filters": {}}
            ]
        }
    )


class WebhookAttemptRead(Schema):
    """One try of a delivery."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "attempt": 1,
                    "url": "https://hooks.example.com/crm",
                    "outcome": "failed",
                    "status_code": 503,
                    "response_body": "upstream unavailable",
                    "error": "HTTP 503",
                    "latency_ms": 182,
                    "started_at": "2026-03-01T09:31:00Z",
                }
            ]
        }
    )

    attempt: int
    url: str = Field(description="The URL last requested (after redirects).")
    outcome: WebhookAttemptOutcome
    status_code: int | None
    response_body: str | None = Field(description="The start of the receiver's answer.")
    error: str | None
    latency_ms: int | None
    started_at: datetime


DELIVERY_EXAMPLE: dict[str, Any] = {
    "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
    "webhook_id": _WEBHOOK_ID,
    "event_id": "9f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "event_type": "campaign.launched",
    "is_test": False,
    "status": "succeeded",
    "attempts": 2,
    "next_attempt_at": None,
    "last_status_code": 200,
    "last_error": None,
    "delivered_at": "2026-03-01T09:31:32Z",
    "created_at": "2026-03-01T09:31:00Z",
    "attempt_log": [],
}


class WebhookDeliveryRead(Schema):
    """One event sent (or being sent) to a subscription, with every attempt."""

    model_config = ConfigDict(json_schema_extra={"examples": [DELIVERY_EXAMPLE]})

    id: uuid.UUID
    webhook_id: uuid.UUID
    event_id: uuid.UUID = Field(description="Also in X-CRM-Event-Id: the same on every retry.")
    event_type: str
    is_test: bool
    status: WebhookDeliveryStatus
    attempts: int
    next_attempt_at: datetime | None = Field(description="When a pending delivery is next tried.")
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime
    attempt_log: list[WebhookAttemptRead]


class WebhookDeliveryPage(Page[WebhookDeliveryRead]):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [DELIVERY_EXAMPLE],
                    "total": 1,
                    "page": 1,
                    "page_size": 50,
                    "filters": {"status": "succeeded"},
                }
            ]
        }
    )


class EventTypesRead(Schema):
    """The event types a subscription can pick."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{"event_types": ["campaign.created", "campaign.launched"]}]}
    )

    event_types: list[str]


_ALLOW_EXAMPLE: dict[str, Any] = {
    "entries": ["hooks.corp.example", "*.intranet.example", "10.20.0.0/16"]
}


class AllowListUpdate(WriteSchema):
    """The hosts (`name`, `*.domain`) and networks (IP or CIDR) the company's webhooks may
    reach although they are not public. Cloud metadata addresses are never allowed."""

    model_config = ConfigDict(json_schema_extra={"examples": [_ALLOW_EXAMPLE]})

    entries: Annotated[
        list[Annotated[str, StringConstraints(max_length=255)]], Field(max_length=100)
    ]

    @field_validator("entries")
    @classmethod
    def _entries(cls, values: list[str]) -> list[str]:
        normalised: list[str] = []
        for index, value in enumerate(values):
            try:
                _, entry = classify_entry(value)
            except ValueError as exc:
                raise ValueError(f"entry {index + 1} ({value[:60]!r}): {exc}") from None
            if entry not in normalised:
                normalised.append(entry)
        return normalised


class AllowListRead(Schema):
    """The company's allow-list of private webhook targets."""

    model_config = ConfigDict(
        json_schema_extra={"examples": [{**_ALLOW_EXAMPLE, "updated_at": "2026-03-01T09:00:00Z"}]}
    )

    entries: list[str]
    updated_at: datetime | None
