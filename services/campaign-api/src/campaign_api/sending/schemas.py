"""The company's sending settings: who its messages come from (From, Reply-To, the postal
address CAN-SPAM and CASL require in commercial email, the SMS sender) and its quiet hours.
Kept in the company's settings JSON, read by the launch worker as each launch starts."""

from __future__ import annotations

from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, model_validator

from crm_common.enums import DeliveryChannel
from crm_common.messages.sender import is_sender_address
from crm_common.schemas import Schema, WriteSchema

_NO_CONTROL = r"^[^\x00-\x1f\x7f]*$"
Line = Annotated[str, StringConstraints(min_length=1, max_length=100, pattern=_NO_CONTROL)]
"""One line of text: no control character (a sender's name goes into a mail header)."""


def _sender_address(value: str) -> str:
    if not is_sender_address(value):
        raise ValueError("is not an email address a message can come from")
    return value


SenderAddress = Annotated[
    str, StringConstraints(min_length=3, max_length=254), AfterValidator(_sender_address)
]


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("is not an IANA time zone, like Europe/Paris") from None
    return value


TimeZoneName = Annotated[str, StringConstraints(min_length=1, max_length=64), AfterValidator(_zone)]
Clock = Annotated[
    str,
    StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
    Field(examples=["21:00"], description="A time of day, HH:MM (24 hours)."),
]


class PostalAddress(WriteSchema):
    line1: Line
    line2: Line | None = None
    city: Line
    region: Line | None = None
    postal_code: Annotated[str, StringConstraints(min_length=1, max_length=20)] | None = None
    country: Annotated[str, StringConstraints(min_length=2, max_length=60, pattern=_NO_CONTROL)]


class SenderSettings(WriteSchema):
    """Who the company's messages come from; what is left out falls back to the defaults
    (the company's name, `campaigns@example.com`, the demo's postal address)."""

    from_name: Line | None = None
    from_address: SenderAddress | None = None
    reply_to: SenderAddress | None = None
    postal_address: PostalAddress | None = Field(
        default=None,
        description="Printed in every commercial email (CAN-SPAM, CASL): set it before sending "
        "for real.",
    )
    unsubscribe_mailto: SenderAddress | None = Field(
        default=None, description="The mailto: of the List-Unsubscribe header, besides the link."
    )
    sms_sender: (
        Annotated[str, StringConstraints(pattern=r"^(\+[1-9][0-9]{6,14}|[A-Za-z0-9]{1,11})$")]
        | None
    ) = Field(default=None, description="An E.164 number or an alphanumeric id (≤ 11).")


class QuietHoursSettings(WriteSchema):
    """No message goes out between `start` and `end` in the contact's time zone (the period
    may wrap midnight): it is held until the end, never dropped."""

    start: Clock
    end: Clock
    channels: list[DeliveryChannel] | None = Field(
        default=None, max_length=4, description="The channels it applies to (all when left out)."
    )
    default_timezone: TimeZoneName | None = Field(
        default=None, description="For contacts without a valid time zone (else UTC)."
    )

    @model_validator(mode="after")
    def _a_period(self) -> QuietHoursSettings:
        if self.start == self.end:
            raise ValueError("start and end must differ")
        if self.channels is not None and len(set(self.channels)) != len(self.channels):
            raise ValueError("channels are listed once each")
        return self


_EXAMPLE: dict[str, Any] = {
    "sender": {
        "from_name": "Acme News",
        "from_address": "news@acme.example",
        "reply_to": "help@acme.example",
        "postal_address": {
            "line1": "1 Main St",
            "city": "Ottawa",
            "region": "ON",
            "postal_code": "K1A 0B1",
            "country": "CA",
        },
        "sms_sender": "ACME",
    },
    "quiet_hours": {"start": "21:00", "end": "08:00", "channels": ["sms"]},
}


class SendingSettingsUpdate(WriteSchema):
    """The whole of the sending settings (both parts are replaced; `quiet_hours: null` turns
    them off)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    sender: SenderSettings
    quiet_hours: QuietHoursSettings | None = None


class EffectiveSender(Schema):
    """What messages carry now, defaults included."""

    from_header: str
    reply_to: str | None
    postal_address: str
    sms_sender: str | None


class SendingSettings(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    sender: SenderSettings
    quiet_hours: QuietHoursSettings | None
    effective_sender: EffectiveSender
    postal_address_set: bool = Field(
        description="False while email carries the demo's postal address: set yours first."
    )
