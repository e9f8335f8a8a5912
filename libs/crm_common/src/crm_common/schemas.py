"""The base models of every API schema, and the field-level security of their serialisation.

Budget figures (`crm_common.masking.BUDGET_FIELDS`, at any depth) are left out of a serialised
schema unless its reader holds `view_budget`. The reader comes from the serialisation context
(`model_dump(context={VIEW_BUDGET: False})`) or, for a response that FastAPI serialises (and
validates) against the route's `response_model` without a context, from `respond_to`, which an
endpoint calls as it returns. That choice holds for the rest of the request it was made in (its
request id) and nowhere else, so a later serialisation in the same context is not redacted.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from datetime import date, datetime
from typing import Annotated, Any, ClassVar

from pydantic import (
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetJsonSchemaHandler,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from crm_common.events.outbox import correlation_id_var
from crm_common.masking import redact_budget
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal

VIEW_BUDGET = "view_budget"
"""Serialisation-context key: whether the reader may see budget figures."""

# (request id, whether the response's reader may see budget figures)
_response_reader: ContextVar[tuple[str | None, bool] | None] = ContextVar(
    "response_reader", default=None
)


def respond_to(principal: Principal) -> None:
    """Serialise this request's response as `principal` may see it (FastAPI passes no
    serialisation context, so the endpoint sets it here as it returns)."""
    _response_reader.set((correlation_id_var.get(), principal.has(Permission.VIEW_BUDGET)))


def _views_budget(info: SerializationInfo) -> bool:
    if isinstance(info.context, dict) and VIEW_BUDGET in info.context:
        return bool(info.context[VIEW_BUDGET])
    reader = _response_reader.get()
    if reader is None or reader[0] != correlation_id_var.get():
        return True
    return reader[1]


class _Secured(BaseModel):
    # No return annotation on purpose: pydantic would take it as the serialisation schema and
    # every response in the OpenAPI document would become `{}`.
    @model_serializer(mode="wrap")
    def _field_security(  # type: ignore[no-untyped-def]
        self, handler: SerializerFunctionWrapHandler, info: SerializationInfo
    ):
        data = handler(self)
        return data if _views_budget(info) else redact_budget(data)


class Schema(_Secured):
    """Base of schemas read from the database (ORM objects or rows) and of response bodies."""

    model_config = ConfigDict(from_attributes=True)


class WriteSchema(_Secured):
    """Base of request bodies: unknown fields refused, surrounding whitespace stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    nullable_fields: ClassVar[frozenset[str] | None] = None
    """For a partial update (PATCH): the fields that may be set to null. When given, every
    other field may be left out but not sent as null, and the JSON schema says so (the model
    refuses such nulls with a validator of its own)."""

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


IsoDate = Annotated[date, BeforeValidator(_iso_only)]
"""A calendar date written `YYYY-MM-DD` (numbers refused)."""
IsoDateTime = Annotated[datetime, BeforeValidator(_iso_only)]
"""A date and time in ISO 8601 (numbers refused); a missing offset is read as UTC by callers."""
IsoAwareDateTime = Annotated[AwareDatetime, BeforeValidator(_iso_only)]
"""A date and time in ISO 8601 with its offset (numbers refused)."""
