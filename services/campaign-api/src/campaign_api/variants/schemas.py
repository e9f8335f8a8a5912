"""A/B variant request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import ConfigDict, Field, StrictBool, StringConstraints, model_validator

from crm_common.messages import validate_variant_fields
from crm_common.schemas import Schema, WriteSchema

VariantName = Annotated[str, StringConstraints(min_length=1, max_length=50)]
Subject = Annotated[str, StringConstraints(max_length=255)]
Content = Annotated[str, StringConstraints(max_length=200_000)]
Weight = Annotated[int, Field(ge=0, le=100, strict=True)]

_EXAMPLE: dict[str, Any] = {
    "variant_name": "B: shorter subject",
    "subject": "{{ first_name | default('Hi') }}, 20 % off today",
    "content": "<p>Hello {{ first_name | default('there') }}, the sale ends tonight.</p>",
    "template_id": None,
    "weight": 50,
    "is_control": False,
}


class VariantCreate(WriteSchema):
    """A new A/B variant: its own subject and/or content (or template), and its weight."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    variant_name: VariantName
    subject: Subject | None = None
    content: Content | None = None
    template_id: uuid.UUID | None = None
    weight: Weight = 50
    is_control: StrictBool = False

    @model_validator(mode="after")
    def _message_parses(self) -> VariantCreate:
        validate_variant_fields(self.subject, self.content)  # 422 naming line and column
        return self


class VariantUpdate(WriteSchema):
    """Some fields of an A/B variant."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"weight": 30}]})
    nullable_fields = frozenset({"subject", "content", "template_id"})

    variant_name: VariantName | None = None
    subject: Subject | None = None
    content: Content | None = None
    template_id: uuid.UUID | None = None
    weight: Weight | None = None
    is_control: StrictBool | None = None

    @model_validator(mode="after")
    def _message_parses(self) -> VariantUpdate:
        validate_variant_fields(self.subject, self.content)
        return self


VARIANT_EXAMPLE: dict[str, Any] = {
    "id": "3f1d2a4e-8c55-4d7b-9a8e-6f0e1c2b3a4d",
    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    **_EXAMPLE,
    "created_at": "2026-03-01T09:30:00Z",
    "updated_at": "2026-03-01T09:30:00Z",
}


class VariantRead(Schema):
    """An A/B variant of a campaign."""

    model_config = ConfigDict(json_schema_extra={"examples": [VARIANT_EXAMPLE]})

    id: uuid.UUID
    campaign_id: uuid.UUID
    variant_name: str
    subject: str | None
    content: str | None
    template_id: uuid.UUID | None
    weight: int
    is_control: bool
    created_at: datetime
    updated_at: datetime


class VariantPage(Schema):
    """A campaign's variants, control first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [VARIANT_EXAMPLE], "total": 1, "page": 1, "page_size": 50, "filters": {}}
            ]
        }
    )

    items: list[VariantRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = Field(default_factory=dict)


class VariantResult(Schema):
    """What one variant's messages achieved: sent, unique opens and clicks, and their rates."""

    variant_id: uuid.UUID
    variant_name: str
    is_control: bool
    weight: int
    sent: int
    opens: int
    clicks: int
    open_rate: float
    click_rate: float


class VariantResults(Schema):
    """Results per variant over every launch of the campaign, and the A/B test's winner."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": VARIANT_EXAMPLE["campaign_id"],
                    "metric": "open_rate",
                    "winner_variant_id": VARIANT_EXAMPLE["id"],
                    "decided_at": "2026-03-01T10:30:00Z",
                    "items": [
                        {
                            "variant_id": VARIANT_EXAMPLE["id"],
                            "variant_name": "B: shorter subject",
                            "is_control": False,
                            "weight": 50,
                            "sent": 1000,
                            "opens": 310,
                            "clicks": 42,
                            "open_rate": 0.31,
                            "click_rate": 0.042,
                        }
                    ],
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    metric: str | None
    """The A/B test's metric (`open_rate` or `click_rate`), when a launch ran a test phase."""
    winner_variant_id: uuid.UUID | None
    """The variant the test phase chose, once it has (else the best by `metric`, or null)."""
    decided_at: datetime | None
    items: list[VariantResult]
