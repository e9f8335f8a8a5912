"""Contact event shapes: `{event_id, contact_id | external_id, event_type, occurred_at,
properties}` (docs/segment-engine.md, "Contact events")."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from crm_common.schemas import IsoAwareDateTime
from segment_engine.contacts import normalize as norm
from segment_engine.contacts.schemas import ItemError

EVENT_TYPE = re.compile(r"^[a-z][a-z0-9_.:-]{0,63}$")
MAX_PROPERTIES = 50
MAX_PROPERTIES_BYTES = 8 * 1024
MAX_PROPERTIES_DEPTH = 3
# Events from before the product existed or far ahead of the clock are data errors.
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
CLOCK_SKEW = timedelta(days=1)


class EventIn(BaseModel):
    """One behavioural event of a contact named by id or by external id."""

    model_config = ConfigDict(extra="forbid")

    event_id: str = Field(min_length=1, max_length=100, description="Unique per company.")
    contact_id: uuid.UUID | None = None
    external_id: str | None = Field(default=None, min_length=1, max_length=100)
    event_type: str = Field(
        min_length=1,
        max_length=64,
        pattern=EVENT_TYPE.pattern,
        description="e.g. purchase, page_view: a lower-case letter, then a-z, 0-9, _ . : -",
    )
    occurred_at: IsoAwareDateTime
    properties: dict[str, Any] = Field(default_factory=dict)
    campaign_id: uuid.UUID | None = None

    @field_validator("event_id", "external_id")
    @classmethod
    def _identifier(cls, value: str | None) -> str | None:
        if value is None:
            return None
        cleaned = norm.clean_text(value, field_max=100)
        if cleaned is None:
            raise ValueError("must not be empty")
        return cleaned

    @field_validator("event_type")
    @classmethod
    def _event_type(cls, value: str) -> str:
        if not EVENT_TYPE.match(value):
            raise ValueError(
                "must start with a lower-case letter and use only a-z, 0-9, _ . : - (at most 64)"
            )
        return value

    @field_validator("occurred_at")
    @classmethod
    def _plausible_time(cls, value: datetime) -> datetime:
        if value < EARLIEST:
            raise ValueError("must be on or after 2000-01-01")
        if value > datetime.now(UTC) + CLOCK_SKEW:
            raise ValueError("must not be more than a day in the future")
        return value.astimezone(UTC)

    @field_validator("properties")
    @classmethod
    def _properties(cls, value: dict[str, Any]) -> dict[str, Any]:
        return norm.check_json_object(
            value,
            max_keys=MAX_PROPERTIES,
            max_bytes=MAX_PROPERTIES_BYTES,
            max_depth=MAX_PROPERTIES_DEPTH,
        )

    @model_validator(mode="after")
    def _one_contact_reference(self) -> EventIn:
        if (self.contact_id is None) == (self.external_id is None):
            raise ValueError("give exactly one of contact_id or external_id")
        return self


class EventBatch(BaseModel):
    """Up to 5,000 events; each is validated on its own and reported in the results."""

    model_config = ConfigDict(extra="forbid")

    events: list[Any] = Field(min_length=1, max_length=5000)


class EventResult(BaseModel):
    index: int
    event_id: str | None = None
    status: Literal["created", "duplicate", "error"]
    errors: list[ItemError] = []


class EventBatchResult(BaseModel):
    created: int
    duplicates: int
    failed: int
    results: list[EventResult]


class EventAccepted(BaseModel):
    event_id: str
    status: Literal["created", "duplicate"]


class EventRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    event_id: str
    contact_id: uuid.UUID
    event_type: str
    occurred_at: datetime
    properties: dict[str, Any]
    campaign_id: uuid.UUID | None
    received_at: datetime


class EventPage(BaseModel):
    items: list[EventRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}
