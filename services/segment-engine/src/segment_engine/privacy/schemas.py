"""Request and response bodies of the data-subject rights feature."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, StrictBool, model_validator

from crm_common.schemas import Schema

RETENTION_DAYS = Field(default=None, ge=1, le=36500)


class ContactExport(Schema):
    """Everything held about one contact, in clear, at `exported_at`."""

    contact_id: uuid.UUID
    exported_at: datetime
    profile: dict[str, Any]
    consents: list[dict[str, Any]]
    events: list[dict[str, Any]]
    deliveries: list[dict[str, Any]]
    rendered_messages: list[dict[str, Any]] = Field(
        description="Test sends rendered with the contact's data, and the tracked links of "
        "messages delivered to the contact."
    )
    segment_memberships: list[dict[str, Any]]
    campaign_audiences: list[dict[str, Any]]
    suppressions: list[dict[str, Any]]
    legal_holds: list[dict[str, Any]]
    data_subject_requests: list[dict[str, Any]]
    audit_trail: list[dict[str, Any]]
    other_records: dict[str, list[dict[str, Any]]] = Field(
        description="Rows of any other table that names the contact, by table."
    )


class ErasureReport(Schema):
    contact_id: uuid.UUID
    status: str = Field(description="erased, or already_erased for a repeated request.")
    erased_at: datetime
    removed: dict[str, int] = Field(description="Rows deleted or pseudonymised, by kind.")
    redis: dict[str, int] = Field(description="Stream entries and cache keys removed.")


class DoNotSellChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    do_not_sell: StrictBool


class DoNotSellState(Schema):
    contact_id: uuid.UUID
    do_not_sell: bool


class DataSubjectRequestRead(Schema):
    id: uuid.UUID
    contact_id: uuid.UUID
    kind: str
    outcome: str
    requested_by_user_id: uuid.UUID | None
    requested_at: datetime
    details: dict[str, Any]
    request_id: str | None


class DataSubjectRequestPage(Schema):
    items: list[DataSubjectRequestRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}


class LegalHoldCreate(BaseModel):
    """A hold on exactly one contact or one campaign."""

    model_config = ConfigDict(extra="forbid")

    contact_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None
    reason: str = Field(min_length=3, max_length=1000)

    @model_validator(mode="after")
    def _one_subject(self) -> LegalHoldCreate:
        if (self.contact_id is None) == (self.campaign_id is None):
            raise ValueError("name exactly one of contact_id and campaign_id")
        return self


class LegalHoldRelease(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=3, max_length=1000)


class LegalHoldRead(Schema):
    id: uuid.UUID
    contact_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    reason: str
    placed_by_user_id: uuid.UUID | None
    placed_at: datetime
    released_at: datetime | None
    released_by_user_id: uuid.UUID | None
    release_reason: str | None
    active: bool


class LegalHoldPage(Schema):
    items: list[LegalHoldRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}


class RetentionPolicies(BaseModel):
    """Days kept per data class; null keeps that class indefinitely."""

    model_config = ConfigDict(extra="forbid")

    events: int | None = RETENTION_DAYS
    deliveries: int | None = RETENTION_DAYS
    rendered_messages: int | None = RETENTION_DAYS
    audit: int | None = RETENTION_DAYS


class RetentionReportRead(Schema):
    as_of: datetime
    dry_run: bool
    cutoffs: dict[str, datetime | None]
    removed: dict[str, dict[str, int]] = Field(
        description="Rows per data class and table the run removes (dry run: would remove)."
    )
    totals: dict[str, int]
