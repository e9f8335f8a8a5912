"""Suppression shapes; addresses are normalised so one address has one spelling."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from crm_common.enums import DeliveryChannel, SuppressionReason
from segment_engine.contacts import normalize as norm


def normalize_address(channel: str | None, address: str) -> str:
    """Lower-cased email on email, E.164 on sms; on all channels whichever the address is;
    trimmed and case-folded for direct mail and social handles."""
    if channel == DeliveryChannel.EMAIL:
        return norm.normalize_email(address)
    if channel == DeliveryChannel.SMS:
        return norm.normalize_phone(address)
    if channel is None:
        if "@" in address:
            return norm.normalize_email(address)
        try:
            return norm.normalize_phone(address)
        except ValueError:
            raise ValueError(
                "must be an email address or an international phone number on all channels"
            ) from None
    return norm.normalize_postal_address(address)


class SuppressionCreate(BaseModel):
    """Block an address on one channel, or on every channel when `channel` is null."""

    model_config = ConfigDict(extra="forbid")

    channel: DeliveryChannel | None = None
    address: str = Field(min_length=1, max_length=320)
    reason: SuppressionReason = SuppressionReason.MANUAL
    source: str = Field(default="api", min_length=1, max_length=100)
    contact_id: uuid.UUID | None = None
    campaign_id: uuid.UUID | None = None

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        cleaned = norm.clean_text(value, field_max=100)
        if cleaned is None:
            raise ValueError("must not be empty")
        return cleaned

    @model_validator(mode="after")
    def _normalized(self) -> SuppressionCreate:
        try:
            self.address = normalize_address(self.channel, self.address)
        except ValueError as exc:
            raise ValueError(f"address {exc}") from None
        return self


class SuppressionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    channel: str | None = Field(description="null: every channel")
    address: str
    reason: str
    source: str
    contact_id: uuid.UUID | None
    campaign_id: uuid.UUID | None
    created_at: datetime


class SuppressionPage(BaseModel):
    items: list[SuppressionRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}
