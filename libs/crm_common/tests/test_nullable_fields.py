"""A partial update's JSON schema says which fields may be null: one that may be left out but
not sent as null is documented without null (and without a null default)."""

import pytest
from pydantic import ValidationError

from crm_common.errors import validation_details
from crm_common.schemas import WriteSchema


class ThingUpdate(WriteSchema):
    nullable_fields = frozenset({"note"})

    name: str | None = None
    size: int | None = None
    note: str | None = None


def test_patch_schema_omits_null_for_fields_that_refuse_it() -> None:
    properties = ThingUpdate.model_json_schema()["properties"]
    assert properties["name"] == {"title": "Name", "type": "string"}
    assert properties["size"] == {"title": "Size", "type": "integer"}
    assert {"type": "null"} in properties["note"]["anyOf"]


def test_null_refused_where_the_schema_omits_it() -> None:
    assert ThingUpdate.model_validate({"note": None}).note is None
    with pytest.raises(ValidationError, match="name, size"):
        ThingUpdate.model_validate({"name": None, "size": None})


def test_each_null_refused_is_reported_under_its_own_field() -> None:
    with pytest.raises(ValidationError) as raised:
        ThingUpdate.model_validate({"name": None, "size": None, "note": None})
    details = validation_details(raised.value.errors())
    assert details == {"fields": {"name": ["cannot be null"], "size": ["cannot be null"]}}
