"""Template and template-link request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import ConfigDict, Field, StrictBool, StringConstraints, model_validator

from campaign_api.shared.types import Name100, ReferenceCode
from campaign_api.shared.types import Text as LongText
from crm_common.enums import TemplateType
from crm_common.messages import validate_template_fields
from crm_common.schemas import RowVersionField, Schema, WholeList, WriteSchema

Content = Annotated[str, StringConstraints(max_length=200_000)]

_EXAMPLE: dict[str, Any] = {
    "template_name": "Monthly newsletter",
    "template_code": "NEWSLETTER",
    "description": "Editorial newsletter with three stories and a call to action.",
    "template_type": "email",
    "campaign_structure": {"sections": ["hero", "stories", "cta"]},
    "default_settings": {"campaign_type": "newsletter", "primary_channel": "email"},
    "content_template": "<h1>{{ headline }}</h1><p>Hi {{ first_name }},</p>{{ body }}",
    "asset_references": ["assets/logo.png"],
    "is_active": True,
    "is_default": False,
}


class TemplateCreate(WriteSchema):
    """A new template."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    template_name: Name100
    template_code: ReferenceCode
    description: LongText | None = None
    template_type: TemplateType
    campaign_structure: dict[str, Any] = Field(default_factory=dict)
    default_settings: dict[str, Any] = Field(default_factory=dict)
    content_template: Content | None = None
    asset_references: list[Any] = Field(default_factory=list, max_length=500)
    is_active: StrictBool = True
    is_default: StrictBool = False

    @model_validator(mode="after")
    def _message_parses(self) -> TemplateCreate:
        validate_template_fields(self.content_template, self.default_settings)  # 422 on error
        return self


class TemplateUpdate(WriteSchema):
    """Some fields of a template (PATCH); PUT takes every field of TemplateCreate."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"is_default": True}]})
    nullable_fields = frozenset({"description", "content_template"})

    template_name: Name100 | None = None
    template_code: ReferenceCode | None = None
    description: LongText | None = None
    template_type: TemplateType | None = None
    campaign_structure: dict[str, Any] | None = None
    default_settings: dict[str, Any] | None = None
    content_template: Content | None = None
    asset_references: list[Any] | None = Field(default=None, max_length=500)
    is_active: StrictBool | None = None
    is_default: StrictBool | None = None

    @model_validator(mode="after")
    def _message_parses(self) -> TemplateUpdate:
        validate_template_fields(self.content_template, self.default_settings)  # 422 on error
        return self


TEMPLATE_WRITABLE: tuple[str, ...] = tuple(TemplateCreate.model_fields)


TEMPLATE_EXAMPLE: dict[str, Any] = {
    "id": "8a6e0804-2bd0-4672-b79d-d97027f9071a",
    **_EXAMPLE,
    "usage_count": 4,
    "created_at": "2026-01-10T08:00:00Z",
    "updated_at": "2026-02-01T08:00:00Z",
    "version": 1,
}
LINK_EXAMPLE: dict[str, Any] = {
    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "template_id": TEMPLATE_EXAMPLE["id"],
    "template_code": "NEWSLETTER",
    "template_name": "Monthly newsletter",
    "template_type": "email",
    "is_active": True,
    "is_primary": True,
    "created_at": "2026-03-01T09:30:00Z",
}


class TemplateRead(Schema):
    """A template as stored."""

    model_config = ConfigDict(
        from_attributes=True, json_schema_extra={"examples": [TEMPLATE_EXAMPLE]}
    )

    id: uuid.UUID
    template_name: str
    template_code: str
    description: str | None
    template_type: TemplateType
    campaign_structure: dict[str, Any]
    default_settings: dict[str, Any]
    content_template: str | None
    asset_references: list[Any]
    is_active: bool
    is_default: bool
    usage_count: int
    created_at: datetime
    updated_at: datetime
    version: RowVersionField


class TemplatePage(Schema):
    """One page of templates."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [TEMPLATE_EXAMPLE],
                    "total": 1,
                    "page": 1,
                    "page_size": 50,
                    "filters": {"template_type": "email"},
                }
            ]
        }
    )

    items: list[TemplateRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]


class TemplateLinkCreate(WriteSchema):
    """Link a template to a campaign."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"template_id": "8a6e0804-2bd0-4672-b79d-d97027f9071a", "is_primary": True}
            ]
        }
    )

    template_id: uuid.UUID
    is_primary: StrictBool = False


class TemplateLinkRead(Schema):
    """A template used by a campaign."""

    model_config = ConfigDict(json_schema_extra={"examples": [LINK_EXAMPLE]})

    campaign_id: uuid.UUID
    template_id: uuid.UUID
    template_code: str
    template_name: str
    template_type: TemplateType
    is_active: bool
    is_primary: bool
    created_at: datetime


class TemplateLinkList(WholeList):
    """The templates a campaign uses."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"campaign_id": LINK_EXAMPLE["campaign_id"], "items": [LINK_EXAMPLE], "total": 1}
            ]
        }
    )

    campaign_id: uuid.UUID
    items: list[TemplateLinkRead]
