"""Dates in requests are ISO 8601 strings only: pydantic's lax mode would read a number (or a
numeric query string) as seconds since 1970."""

import pytest
from pydantic import TypeAdapter, ValidationError

from crm_common.schemas import IsoAwareDateTime, IsoDate, IsoDateTime


@pytest.mark.parametrize("annotation", [IsoDate, IsoDateTime, IsoAwareDateTime])
@pytest.mark.parametrize("value", [12345, 0.5, True, "12345", "0.5", "-3", "1e9", " 42 "])
def test_numeric_date_refused(annotation, value) -> None:
    with pytest.raises(ValidationError, match="ISO 8601 string, not a number"):
        TypeAdapter(annotation).validate_python(value)


def test_iso_strings_accepted() -> None:
    assert str(TypeAdapter(IsoDate).validate_python("2026-03-01")) == "2026-03-01"
    moment = TypeAdapter(IsoAwareDateTime).validate_python("2026-03-01T10:00:00+02:00")
    assert moment.utcoffset() is not None
    assert TypeAdapter(IsoDateTime).validate_json('"2026-03-01T10:00:00Z"').year == 2026


def test_schema_still_a_string_with_format() -> None:
    assert TypeAdapter(IsoDate).json_schema() == {"type": "string", "format": "date"}
    assert TypeAdapter(IsoAwareDateTime).json_schema() == {"type": "string", "format": "date-time"}


@pytest.mark.parametrize("annotation", [IsoDateTime, IsoAwareDateTime])
@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"])
def test_moment_outside_the_years_in_utc_refused(annotation, value) -> None:
    with pytest.raises(ValidationError, match="out of range once converted to UTC"):
        TypeAdapter(annotation).validate_python(value)


def test_moments_at_the_edges_of_the_range_accepted() -> None:
    for value in ("9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59+14:00", "0001-01-01T00:00Z"):
        assert TypeAdapter(IsoAwareDateTime).validate_python(value).year in (1, 9999)
