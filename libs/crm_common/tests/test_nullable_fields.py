"""A partial update's JSON schema says which fields may be null: one that may be left out but
not sent as null is documented without null (and without a null default)."""

import pytest
from pydantic import ValidationError, model_validator

from crm_common.schemas import WriteSchema


class ThingUpdate(WriteSchema):
    nullable_fields = frozenset({"note"})

    name: str | None = None
    size: int | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _no_null(self) -> "ThingUpdate":
        if nulls := self.nulls_refused():
            raise ValueError(f"these fields cannot be null: {', '.join(nulls)}")
        return self


def test_patch_schema_omits_null_for_fields_that_refuse_it() -> None:
    properties = ThingUpdate.model_json_schema()["properties"]
    assert properties["name"] == {"title": "Name", "type": "string"}
    assert properties["size"] == {"title": "Size", "type": "integer"}
    assert {"type": "null"} in properties["note"]["anyOf"]


def test_null_refused_where_the_schema_omits_it() -> None:
    assert ThingUpdate.model_validate({"note": None}).note is None
    with pytest.raises(ValidationError, match="name, size"):
        ThingUpdate.model_validate({"name": None, "size": None})
