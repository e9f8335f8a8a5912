"""Test send request and response bodies."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from crm_common.enums import TestSendStatus

_EMAIL = re.compile(
    r"^[^@\s<>\"(),;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_PHONE = re.compile(r"^\+[1-9][0-9]{6,14}$")

Address = Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=254)]

_RENDERED_EXAMPLE: dict[str, Any] = {
    "subject": "Spring sale starts today, Ann",
    "html": "<p>Hi Ann …</p>",
    "text": "Hi Ann …",
    "headers": {
        "List-Unsubscribe": "<https://crm.example.com/t/u/AX…>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    "links": ["https://shop.example.com/spring"],
}


class TestSendRequest(BaseModel):
    """Where to send the test, and whose data and which variant to render it with."""

    __test__ = False
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"to": "ann.marketer@example.com", "contact_id": None, "variant_id": None}]
        },
    )

    to: Address = Field(
        description="An email address (sent by email) or an E.164 phone number (sent by SMS)."
    )
    contact_id: uuid.UUID | None = Field(
        default=None,
        description="Render with this contact's data; omitted: a sample contact of the "
        "company, or placeholder data when it has none.",
    )
    variant_id: uuid.UUID | None = Field(
        default=None, description="Render this A/B variant; omitted: the campaign's template."
    )

    @field_validator("to")
    @classmethod
    def _email_or_phone(cls, value: str) -> str:
        if _EMAIL.match(value):
            return value.lower()
        compact = re.sub(r"[\s().-]", "", value)
        if _PHONE.match(compact):
            return compact
        raise ValueError("must be an email address or an E.164 phone number (+15551234567)")

    @property
    def channel(self) -> str:
        return "email" if "@" in self.to else "sms"


class RenderedMessageRead(BaseModel):
    """The message exactly as the recipient gets it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_RENDERED_EXAMPLE]})

    subject: str | None
    html: str | None
    text: str
    headers: dict[str, str]
    links: list[str] = Field(description="The original URLs of the tracked links, in order.")


class TestSendRead(BaseModel):
    """A test send: the rendered message and where it is."""

    __test__ = False
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "0b6a4f8e-3f55-4c43-9d0e-8c1b2d3e4f50",
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "channel": "email",
                    "to": "ann.marketer@example.com",
                    "contact_id": None,
                    "variant_id": None,
                    "send_status": "pending",
                    "provider": None,
                    "provider_message_id": None,
                    "last_error": None,
                    "sent_at": None,
                    "created_at": "2026-03-20T12:00:00Z",
                    "message": _RENDERED_EXAMPLE,
                }
            ]
        }
    )

    id: uuid.UUID
    campaign_id: uuid.UUID
    channel: str
    to: str = Field(description="The address it went to (masked without view_pii).")
    contact_id: uuid.UUID | None = Field(
        description="The contact whose data filled the message (the one asked for, else a "
        "sample contact of the company); null when placeholder data did."
    )
    variant_id: uuid.UUID | None
    send_status: TestSendStatus
    provider: str | None
    provider_message_id: str | None
    last_error: str | None
    sent_at: datetime | None
    created_at: datetime
    message: RenderedMessageRead | None = Field(
        description="The rendered message; null for a reader without view_pii when a "
        "contact's personal data filled it."
    )


class MessagePreview(BaseModel):
    """A campaign's message as a recipient would get it, sent to nobody."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "channel": "email",
                    "variant_id": None,
                    "contact_id": "7d4c1e0a-2b3c-4d5e-8f90-a1b2c3d4e5f6",
                    "message": _RENDERED_EXAMPLE,
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    channel: str
    variant_id: uuid.UUID | None
    contact_id: uuid.UUID | None = Field(
        description="The contact whose data filled the message (masked without view_pii); "
        "null: placeholder data, the company having no contact to show it with."
    )
    message: RenderedMessageRead
