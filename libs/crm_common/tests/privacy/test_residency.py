"""Data residency: destinations outside the company's region are refused."""

from __future__ import annotations

import pytest

from crm_common.privacy.residency import ResidencyViolation, check_destination, region_of


@pytest.mark.parametrize(
    ("destination", "region"),
    [
        ("eu", "eu"),
        ("https://hooks.example.de/crm", "eu"),
        ("https://eu-west-1.hooks.example.com/x", "eu"),
        ("https://hooks.us.example.com", "us"),
        ("https://partner.example.ca/in", "ca"),
        ("https://example.com/hook", None),
        ("not a url", None),
    ],
)
def test_the_region_of_a_destination(destination: str, region: str | None) -> None:
    assert region_of(destination) == region


def test_without_a_region_nothing_is_enforced() -> None:
    assert check_destination({}, "https://example.com/hook") is None
    assert check_destination({"residency_region": "mars"}, "us") == "us"


def test_a_destination_in_the_region_passes() -> None:
    settings = {"residency_region": "eu"}
    assert check_destination(settings, "https://hooks.example.fr/crm") == "eu"
    assert check_destination(settings, "eu") == "eu"


def test_a_destination_outside_the_region_is_refused() -> None:
    with pytest.raises(ResidencyViolation) as refused:
        check_destination({"residency_region": "eu"}, "https://hooks.us.example.com/crm")
    assert refused.value.status_code == 422
    assert refused.value.error_code == "residency_violation"
    assert refused.value.details == {"residency_region": "eu", "destination_region": "us"}


def test_an_unknown_host_needs_the_companys_word() -> None:
    settings = {"residency_region": "eu", "residency_allowed_hosts": ["hooks.partner.com"]}
    with pytest.raises(ResidencyViolation):
        check_destination(settings, "https://elsewhere.com/hook")
    assert check_destination(settings, "https://hooks.partner.com/hook") == "eu"
    with pytest.raises(ResidencyViolation):  # vouching does not override a named region
        check_destination(
            {**settings, "residency_allowed_hosts": ["hooks.us.partner.com"]},
            "https://hooks.us.partner.com/hook",
        )
