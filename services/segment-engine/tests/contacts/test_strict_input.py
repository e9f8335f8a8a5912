"""Contact writes: consent flags take true or false only, coordinates JSON numbers only, and
the birth date an ISO string only (lax mode would read 0, false or 12345)."""

import pytest
from pydantic import ValidationError

from segment_engine.contacts.schemas import ContactUpdate


@pytest.mark.parametrize(
    "body",
    [
        {"consent": {"email": 0}},
        {"latitude": False, "longitude": 10.0},
        {"latitude": 10.0, "longitude": "10"},
        {"birth_date": 12345},
        {"birth_date": "12345"},
    ],
)
def test_numeric_or_lax_values_refused(body) -> None:
    with pytest.raises(ValidationError):
        ContactUpdate.model_validate(body)


def test_proper_values_accepted() -> None:
    contact = ContactUpdate.model_validate(
        {"consent": {"email": True}, "latitude": 52.5, "longitude": 13, "birth_date": "1990-04-01"}
    )
    assert contact.latitude == 52.5
    assert str(contact.birth_date) == "1990-04-01"
