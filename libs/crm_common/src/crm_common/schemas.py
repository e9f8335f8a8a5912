"""The base models of every API schema, and the field-level security of responses.

Budget figures (`crm_common.masking.BUDGET_FIELDS`, at any depth) are left out of a response
whose reader lacks `view_budget`. The endpoint names its reader with `respond_to` as it
returns; `BudgetRedactionMiddleware` then removes those figures from the JSON body FastAPI
serialised from the route's `response_model`. The choice holds for the request it was made
in (its request id) and nowhere else. Serialising in Python never redacts: the models stay
plain pydantic models that pydantic serialises without calling back into Python, and what a
service caches or publishes is never cut down for one reader by accident.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar

import pydantic_core
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm_common.events.outbox import correlation_id_var
from crm_common.masking import redact_budget
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal

# (request id, whether the response's reader may see budget figures)
_response_reader: ContextVar[tuple[str | None, bool] | None] = ContextVar(
    "response_reader", default=None
)


def respond_to(principal: Principal) -> None:
    """Send this request's response as `principal` may see it (FastAPI serialises the
    response after the endpoint returns, so the endpoint names its reader here)."""
    _response_reader.set((correlation_id_var.get(), principal.has(Permission.VIEW_BUDGET)))


def _redacting() -> bool:
    """Whether the current request's response must go without budget figures."""
    reader = _response_reader.get()
    return reader is not None and reader[0] == correlation_id_var.get() and not reader[1]


class BudgetRedactionMiddleware:
    """Removes budget figures from a JSON response whose reader lacks `view_budget` (as named
    by `respond_to`). Every other response passes through untouched, unbuffered."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []

        async def redacting_send(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                if _redacting() and _is_json(message):
                    start = message
                    return
            elif message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = _redacted_json(b"".join(chunks))
                kept = [(k, v) for k, v in start.get("headers") or [] if k != b"content-length"]
                kept.append((b"content-length", str(len(body)).encode()))
                await send({**start, "headers": kept})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, redacting_send)


def _is_json(start: Message) -> bool:
    content_type = dict(start.get("headers") or []).get(b"content-type", b"")
    return bool(content_type.startswith(b"application/json"))


def _redacted_json(body: bytes) -> bytes:
    """`body` without budget figures: parsed and written again by pydantic-core (about
    twice as fast as the standard library's json on a page of campaigns)."""
    if not body:
        return body
    return pydantic_core.to_json(redact_budget(pydantic_core.from_json(body)))


class Schema(BaseModel):
    """Base of schemas read from the database (ORM objects or rows) and of response bodies."""

    model_config = ConfigDict(from_attributes=True)


class WholeList(Schema):
    """A list given whole (a campaign's templates, collaborators, allocations), in the list
    contract's shape: one page holding every item, no filters."""

    total: int
    page: int = 1
    page_size: int = Field(default=0, description="The page holds the whole list.")
    filters: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _one_page(self) -> WholeList:
        self.page_size = max(self.total, 1)
        return self


class WriteSchema(BaseModel):
    """Base of request bodies: unknown fields refused, surrounding whitespace stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    nullable_fields: ClassVar[frozenset[str] | None] = None
    """For a partial update (PATCH): the fields that may be set to null. When given, every
    other field may be left out but not sent as null: the JSON schema says so, and the model
    refuses such nulls (`_refuse_nulls`)."""

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        schema = handler(core_schema)
        if cls.nullable_fields is None:
            return schema
        target = handler.resolve_ref_schema(schema)
        for name, field in target.get("properties", {}).items():
            options = field.get("anyOf")
            if name in cls.nullable_fields or not options:
                continue
            kept = [option for option in options if option.get("type") != "null"]
            del field["anyOf"]
            if "default" in field and field["default"] is None:
                del field["default"]
            if len(kept) == 1:
                field.update(kept[0])
            else:
                field["anyOf"] = kept
        return schema

    def nulls_refused(self) -> list[str]:
        """The fields of this write set to null though not in `nullable_fields`."""
        allowed = self.nullable_fields or frozenset()
        return sorted(
            name for name in self.model_fields_set - allowed if getattr(self, name) is None
        )

    @model_validator(mode="after")
    def _refuse_nulls(self) -> WriteSchema:
        """A validation error naming each field set to null that may not be (the error format
        reports it under each of those fields)."""
        nulls = self.nulls_refused() if self.nullable_fields is not None else []
        if nulls:
            raise PydanticCustomError(
                NULL_REFUSED,
                "these fields cannot be null: {names}",
                {"names": ", ".join(nulls), "fields": nulls},
            )
        return self


NULL_REFUSED = "null_refused"
"""The error type of `WriteSchema.refuse_nulls`: its context names the fields."""

_NUMBER = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")


def _iso_only(value: Any) -> Any:
    """Dates travel as ISO 8601 strings: pydantic's lax mode would read `12345` (or "12345" in
    a query string) as seconds since 1970, so numbers are refused before it sees them."""
    if isinstance(value, int | float):  # bool included
        raise ValueError("must be an ISO 8601 string, not a number")
    if isinstance(value, str | bytes) and _NUMBER.match(
        value.decode() if isinstance(value, bytes) else value
    ):
        raise ValueError("must be an ISO 8601 string, not a number")
    return value


def _in_utc_range(value: datetime) -> datetime:
    """A moment is stored and compared in UTC: one that falls outside years 1-9999 there
    (`9999-12-31T23:59:59-12:00`) is refused here, as its field's error, not by the database."""
    if value.tzinfo is not None:
        try:
            value.astimezone(UTC)
        except OverflowError:
            raise ValueError("is out of range once converted to UTC") from None
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_only)]
"""A calendar date written `YYYY-MM-DD` (numbers refused)."""
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only), AfterValidator(_in_utc_range)]
"""A date and time in ISO 8601 (numbers refused); a missing offset is read as UTC by callers."""
IsoAwareDateTime = Annotated[
    AwareDatetime, BeforeValidator(_iso_only), AfterValidator(_in_utc_range)
]
"""A date and time in ISO 8601 with its offset (numbers refused)."""

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _day_through(value: Any) -> Any:
    """A bare date as an upper bound means that whole day: its last microsecond (the
    resolution of a stored moment), so `end_to=2026-12-31` keeps what ends that afternoon."""
    if isinstance(value, str) and _DATE_ONLY.match(value):
        return f"{value}T23:59:59.999999"
    return value


IsoDateTimeThrough = Annotated[IsoDateTime, BeforeValidator(_day_through)]
"""An inclusive upper bound in ISO 8601: a date and time, or a date for the whole of it."""


def _true_or_false(value: Any) -> Any:
    """A flag in a query string is `true` or `false` (any case), as bodies take JSON's only:
    not `1`, `yes` or `on`, which the lax parsing of a plain `bool` would read."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise PydanticCustomError("bool_parsing", "must be true or false")


QueryFlag = Annotated[bool, BeforeValidator(_true_or_false)]
"""A query parameter that is a flag: `true` or `false`."""


def as_utc(value: datetime) -> datetime:
    """A filter's moment: one written without an offset is read as UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


UtcFrom = Annotated[IsoDateTime, AfterValidator(as_utc)]
"""A list filter's lower bound (inclusive): ISO 8601, without an offset read as UTC."""
UtcThrough = Annotated[IsoDateTimeThrough, AfterValidator(as_utc)]
"""A list filter's upper bound (inclusive): a date and time, or a date for the whole of it,
without an offset read as UTC."""


def iso_z(value: datetime) -> str:
    """A moment as the API writes it: ISO 8601 in UTC with `Z` (a filter's echo)."""
    return as_utc(value).astimezone(UTC).isoformat().replace("+00:00", "Z")


RowVersionField = Annotated[
    int, Field(description="Bumped by every change; its ETag. Send it back in If-Match.")
]
"""A versioned row's `version` in the API (`crm_common.models.base.RowVersion`)."""
