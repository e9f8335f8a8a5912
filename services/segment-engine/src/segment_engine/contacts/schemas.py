"""Contact write and read shapes (README "Contacts")."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    field_validator,
    model_validator,
)

from crm_common.enums import ConsentAction, ConsentStatus, DeliveryChannel, LegalBasis
from crm_common.models.audience import CONTACT_PROFILE_COLUMNS, CONTACT_TAG_COLUMNS
from crm_common.schemas import IsoAwareDateTime, IsoDate, RowVersionField, Schema
from segment_engine.contacts import normalize as norm

# Strict: a JSON number only (lax mode would take `false` as 0.0).
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False, strict=True)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False, strict=True)]

TEXT_LIMITS = {
    "first_name": 100,
    "last_name": 100,
    "region": 100,
    "city": 100,
    "postal_code": 20,
}
_NORMALIZERS: dict[str, Callable[[str], str]] = {
    "email": norm.normalize_email,
    "phone": norm.normalize_phone,
    "gender": norm.normalize_gender,
    "language": norm.normalize_language,
    "country": norm.normalize_country,
    "timezone": norm.normalize_timezone,
}
TAG_FIELDS = CONTACT_TAG_COLUMNS
# The contact columns a write may set (no mass assignment: everything else is server-owned).
WRITABLE_COLUMNS = CONTACT_PROFILE_COLUMNS


class ContactFields(BaseModel):
    """The writable fields; every one optional, an empty string or null clears it."""

    model_config = ConfigDict(extra="forbid")

    email: str | None = None
    phone: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    gender: str | None = None
    birth_date: IsoDate | None = None
    language: str | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    postal_code: str | None = None
    timezone: str | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    interests: list[Any] | None = None
    lifestyle: list[Any] | None = None
    values: list[Any] | None = None
    attributes: dict[str, Any] | None = None
    consent: dict[DeliveryChannel, StrictBool] | None = Field(
        default=None, description='Per-channel consent, e.g. {"email": true, "sms": false}.'
    )
    consent_source: str | None = Field(
        default=None, description="Where the consent in this write was given (e.g. signup_form)."
    )
    consent_legal_basis: LegalBasis | None = Field(
        default=None,
        description="Legal basis of the consent granted in this write (default express; "
        "implied consent ends after two years unless consent_expires_at says otherwise).",
    )
    consent_expires_at: IsoAwareDateTime | None = Field(
        default=None, description="When the consent granted in this write ends (future)."
    )

    @field_validator(*_NORMALIZERS)
    @classmethod
    def _normalized(cls, value: str | None, info: Any) -> str | None:
        if value is None:
            return None
        cleaned = norm.clean_text(value, field_max=norm.MAX_EMAIL_LENGTH)
        return None if cleaned is None else _NORMALIZERS[info.field_name](cleaned)

    @field_validator(*TEXT_LIMITS)
    @classmethod
    def _text(cls, value: str | None, info: Any) -> str | None:
        return (
            None
            if value is None
            else norm.clean_text(value, field_max=TEXT_LIMITS[info.field_name])
        )

    @field_validator("consent_source")
    @classmethod
    def _source(cls, value: str | None) -> str | None:
        return None if value is None else norm.clean_text(value, field_max=100)

    @field_validator("consent_expires_at")
    @classmethod
    def _consent_ends_later(cls, value: datetime | None) -> datetime | None:
        if value is not None and value <= datetime.now(UTC):
            raise ValueError("must be in the future")
        return value

    @field_validator("birth_date")
    @classmethod
    def _birth(cls, value: date | None) -> date | None:
        return None if value is None else norm.check_birth_date(value)

    @field_validator(*TAG_FIELDS)
    @classmethod
    def _tags(cls, value: list[Any] | None) -> list[str]:
        return [] if value is None else norm.normalize_tags(value)

    @field_validator("attributes")
    @classmethod
    def _attributes(cls, value: dict[str, Any] | None) -> dict[str, Any]:
        return {} if value is None else norm.check_attributes(value)

    @model_validator(mode="after")
    def _coordinates_together(self) -> ContactFields:
        given = {"latitude", "longitude"} & self.model_fields_set
        if len(given) == 1 or (self.latitude is None) != (self.longitude is None):
            raise ValueError("latitude and longitude must be given together")
        return self

    def column_values(self) -> dict[str, Any]:
        """The contact columns this write sets (only the fields it names)."""
        return {
            name: getattr(self, name) for name in WRITABLE_COLUMNS if name in self.model_fields_set
        }

    def consent_changes(self) -> dict[str, bool]:
        return {str(channel): granted for channel, granted in (self.consent or {}).items()}

    def consent_terms(self) -> dict[str, Any]:
        """The legal basis and end of the consent this write grants."""
        return {
            "legal_basis": self.consent_legal_basis or LegalBasis.EXPRESS,
            "expires_at": self.consent_expires_at,
        }


class ContactCreate(ContactFields):
    """A new contact; `external_id` is the key of the Contact Management module."""

    external_id: str = Field(min_length=1, max_length=100)

    @field_validator("external_id")
    @classmethod
    def _external_id(cls, value: str) -> str:
        cleaned = norm.clean_text(value, field_max=100)
        if cleaned is None:
            raise ValueError("must not be empty")
        return cleaned


class ContactUpdate(ContactFields):
    """A partial change; only the fields sent are changed."""

    external_id: str | None = Field(default=None, min_length=1, max_length=100)

    @field_validator("external_id")
    @classmethod
    def _external_id(cls, value: str | None) -> str | None:
        if value is None:
            raise ValueError("cannot be cleared")
        return ContactCreate._external_id(value)


class ContactRead(Schema):
    id: uuid.UUID
    external_id: str
    email: str | None
    phone: str | None
    first_name: str | None
    last_name: str | None
    gender: str | None
    birth_date: date | None
    language: str | None
    country: str | None
    region: str | None
    city: str | None
    postal_code: str | None
    timezone: str | None
    latitude: float | None
    longitude: float | None
    interests: list[str]
    lifestyle: list[str]
    values: list[str]
    attributes: dict[str, Any]
    consent: dict[str, bool] = Field(
        default_factory=dict, description="Recorded consent per channel (granted or withdrawn)."
    )
    consented_channels: list[str]
    do_not_sell: bool = Field(
        default=False,
        description="CCPA do not sell or share: never handed to other modules or outside "
        "parties (set through PUT /api/contacts/{id}/do-not-sell/).",
    )
    erased_at: datetime | None = Field(
        default=None, description="When the contact's personal data was erased."
    )
    created_at: datetime
    updated_at: datetime
    version: RowVersionField


class ContactPage(Schema):
    items: list[ContactRead]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}


class ItemError(Schema):
    path: str
    message: str


class BulkItemResult(Schema):
    index: int
    external_id: str | None = None
    status: Literal["created", "updated", "unchanged", "error"]
    id: uuid.UUID | None = None
    errors: list[ItemError] = []


class BulkContacts(BaseModel):
    """Up to 5,000 contacts, upserted by `external_id`. Items are validated one by one, so a
    bad item is reported in the results instead of failing the whole batch."""

    model_config = ConfigDict(extra="forbid")

    contacts: list[Any] = Field(min_length=1, max_length=5000)
    consent_source: str | None = Field(default=None, max_length=100)


class BulkResult(Schema):
    created: int
    updated: int
    unchanged: int
    failed: int
    results: list[BulkItemResult]


class RowError(Schema):
    row: int = Field(description="Row number in the file; the header is row 1.")
    line: int = Field(description="Physical line where the record ends (quoted fields span).")
    column: str | None
    message: str


class ImportReport(Schema):
    rows: int
    created: int
    updated: int
    unchanged: int
    failed: int
    errors: list[RowError]
    errors_truncated: bool = False


class ConsentEntry(Schema):
    channel: str
    granted: bool
    status: ConsentStatus = Field(
        description="granted, pending (awaiting the contact's double opt-in) or withdrawn."
    )
    legal_basis: LegalBasis
    expires_at: datetime | None = Field(description="When this consent ends (implied consent).")
    source: str
    recorded_at: datetime

    @classmethod
    def from_row(cls, row: Any) -> ConsentEntry:
        status = (
            ConsentStatus.GRANTED
            if row.granted
            else ConsentStatus.PENDING
            if row.pending
            else ConsentStatus.WITHDRAWN
        )
        return cls(
            channel=row.channel,
            granted=row.granted,
            status=status,
            legal_basis=row.legal_basis,
            expires_at=row.expires_at,
            source=row.source,
            recorded_at=row.recorded_at,
        )


class ConsentHistoryEntry(Schema):
    """One consent ledger entry."""

    id: uuid.UUID
    channel: str
    action: ConsentAction
    status: ConsentStatus
    granted: bool
    previous: bool | None = Field(description="Whether consent was granted before this entry.")
    previous_status: ConsentStatus | None
    legal_basis: LegalBasis | None
    expires_at: datetime | None
    source: str | None
    recorded_at: datetime = Field(description="When the consent was given or withdrawn.")
    changed_at: datetime = Field(description="When this system recorded the change.")
    actor_user_id: uuid.UUID | None
    proof: dict[str, Any] = Field(
        description="IP, user agent, request, form or import id, opt-in request (IP and user "
        "agent masked without view_pii)."
    )


class ConsentHistoryPage(Schema):
    items: list[ConsentHistoryEntry]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}


class ConsentState(Schema):
    contact_id: uuid.UUID
    channels: list[ConsentEntry]
    consented_channels: list[str]
    history: list[ConsentHistoryEntry]


class ConsentChange(BaseModel):
    """Grant or withdraw consent on some channels."""

    model_config = ConfigDict(extra="forbid")

    consent: dict[DeliveryChannel, StrictBool] = Field(min_length=1)
    source: str = Field(default="api", min_length=1, max_length=100)
    recorded_at: IsoAwareDateTime | None = Field(
        default=None, description="When it was given (defaults to now; never in the future)."
    )
    legal_basis: LegalBasis = Field(
        default=LegalBasis.EXPRESS,
        description="Why the contact may be sent to; implied consent ends after two years "
        "unless `expires_at` says otherwise.",
    )
    expires_at: IsoAwareDateTime | None = Field(
        default=None, description="When the granted consent ends (in the future)."
    )
    form_id: str | None = Field(
        default=None, max_length=100, description="The form the consent was given on (proof)."
    )

    @field_validator("expires_at")
    @classmethod
    def _future(cls, value: datetime | None) -> datetime | None:
        if value is not None and value <= datetime.now(UTC):
            raise ValueError("must be in the future")
        return value

    @field_validator("source")
    @classmethod
    def _source(cls, value: str) -> str:
        cleaned = norm.clean_text(value, field_max=100)
        if cleaned is None:
            raise ValueError("must not be empty")
        return cleaned

    @field_validator("recorded_at")
    @classmethod
    def _not_future(cls, value: datetime | None) -> datetime | None:
        if value is not None and value > datetime.now(UTC):
            raise ValueError("must not be in the future")
        return value


def error_path(prefix: str, loc: tuple[int | str, ...]) -> str:
    """`("consent", "fax", "[key]")` under `contacts[3]` → `contacts[3].consent.fax`."""
    path = prefix
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path = f"{path}.{part}" if path else str(part)
    return path or "body"


def validation_errors(exc: ValidationError, prefix: str = "") -> list[ItemError]:
    """Per-field errors with dotted paths and messages without pydantic's prefixes."""
    errors = []
    for error in exc.errors():
        message = str(error.get("msg", "is not valid"))
        message = message.removeprefix("Value error, ")
        errors.append(
            ItemError(path=error_path(prefix, tuple(error.get("loc", ()))), message=message)
        )
    return errors
