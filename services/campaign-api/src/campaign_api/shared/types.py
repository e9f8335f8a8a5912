"""Annotated field types shared by the write schemas."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, WithJsonSchema

from campaign_api.shared.currency import normalise_currency
from crm_common.schemas import IsoAwareDateTime

CENT = Decimal("0.01")
MAX_MONEY = Decimal("9999999999999.99")


_DECIMAL_TEXT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def _plain_decimal(value: object) -> object:
    """An amount given as a string is written the way the API document says: ASCII digits,
    an optional minus and decimal point — not `1e3`, `1_000`, `+7`, ` 12.5 `, `.5` or other
    scripts' digits, which Python's Decimal would take."""
    if isinstance(value, str) and not _DECIMAL_TEXT.match(value):
        raise ValueError("must be a decimal number written with the digits 0-9, like 15000.00")
    return value


def _to_cents(value: Decimal) -> Decimal:
    return value.quantize(CENT)


def _to_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


UtcDateTime = Annotated[IsoAwareDateTime, AfterValidator(_to_utc)]
"""A date and time with its offset, kept in UTC: echoed as `…Z` like every stored date."""


def _amount_schema(low: str, high: str, example: str) -> WithJsonSchema:
    """A decimal with at most two places, as a JSON number or a numeric string."""
    digits = len(high.split(".")[0])
    sign = "-?" if low.startswith("-") else ""
    return WithJsonSchema(
        {
            "anyOf": [
                {
                    "type": "number",
                    "minimum": float(low),
                    "maximum": float(high),
                    "multipleOf": 0.01,
                },
                {"type": "string", "pattern": rf"^{sign}[0-9]{{1,{digits}}}(\.[0-9]{{1,2}})?$"},
            ],
            "examples": [example],
        }
    )


Money = Annotated[
    Decimal,
    BeforeValidator(_plain_decimal),
    Field(ge=0, le=MAX_MONEY, decimal_places=2, examples=["15000.00"]),
    AfterValidator(_to_cents),
    _amount_schema("0", str(MAX_MONEY), "15000.00"),
]
Percent = Annotated[
    Decimal,
    BeforeValidator(_plain_decimal),
    Field(ge=0, le=999.99, decimal_places=2, examples=["2.50"]),
    AfterValidator(_to_cents),
    _amount_schema("0", "999.99", "2.50"),
]
SignedPercent = Annotated[
    Decimal,
    BeforeValidator(_plain_decimal),
    BeforeValidator(_plain_decimal),
    Field(ge=-999.99, le=999.99, decimal_places=2, examples=["150.00"]),
    AfterValidator(_to_cents),
    _amount_schema("-999.99", "999.99", "150.00"),
]
CurrencyCode = Annotated[
    str,
    StringConstraints(min_length=3, max_length=3),
    AfterValidator(normalise_currency),
    Field(examples=["USD"], description="A circulating ISO 4217 currency code."),
]
CODE_PATTERN = r"^[A-Za-z0-9-]+$"
CampaignCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=50, pattern=CODE_PATTERN),
    Field(examples=["SPRING-26"], description="Letters, digits and hyphens."),
]
ReferenceCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=20, pattern=CODE_PATTERN),
    Field(examples=["FY2026-MKT"], description="Letters, digits and hyphens."),
]
Text = Annotated[str, StringConstraints(max_length=10_000)]

Name100 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
Name200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
