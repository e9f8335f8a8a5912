"""Normalisation and validation of contact fields and addresses.

Every function returns the normalised value or raises ValueError with a message meant for the
caller (pydantic turns it into a per-field error). Suppressions normalise their addresses with
the same functions, so an address matches whether it came from a contact or a suppression.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import available_timezones

from segment_engine.contacts.countries import ISO_COUNTRIES

MAX_EMAIL_LENGTH = 254
MAX_TAGS = 50
MAX_TAG_LENGTH = 50
MAX_ATTRIBUTES = 100
MAX_ATTRIBUTES_BYTES = 16 * 1024
MAX_ATTRIBUTE_DEPTH = 4

_LOCAL_PART = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$")
_DOMAIN_LABEL = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
_TLD = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_PHONE_SEPARATORS = re.compile(r"[\s().\-/]")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")
_ATTRIBUTE_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_EARLIEST_BIRTH_DATE = date(1900, 1, 1)

GENDERS = ("female", "male", "non_binary", "other", "unknown")


def clean_text(value: str, *, field_max: int) -> str | None:
    """Trim; empty means unset; refuse control characters and over-long values."""
    value = value.strip()
    if not value:
        return None
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError("must not contain control characters")
    if len(value) > field_max:
        raise ValueError(f"must be at most {field_max} characters")
    return value


def normalize_email(value: str) -> str:
    """`  Jane.Doe@Example.COM ` → `jane.doe@example.com`; refuses what cannot be an address."""
    address = value.strip().lower()
    if len(address) > MAX_EMAIL_LENGTH:
        raise ValueError(f"must be at most {MAX_EMAIL_LENGTH} characters")
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise ValueError("is not a valid email address")
    if len(local) > 64 or not _LOCAL_PART.match(local):
        raise ValueError("is not a valid email address")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise ValueError("is not a valid email address") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.match(label) for label in labels):
        raise ValueError("is not a valid email address")
    if not _TLD.match(labels[-1]):
        raise ValueError("is not a valid email address")
    return f"{local}@{ascii_domain}"


def normalize_phone(value: str) -> str:
    """International numbers to E.164: `+44 20 7946-0958` → `+442079460958`, `0044…` →
    `+44…`; a number without its country code is refused (it cannot be dialled unambiguously)."""
    compact = _PHONE_SEPARATORS.sub("", value.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not compact.startswith("+"):
        raise ValueError("must be in international format, starting with + and the country code")
    if not _E164.match(compact):
        raise ValueError("is not a valid E.164 phone number (+ then 7 to 15 digits)")
    return compact


def normalize_country(value: str) -> str:
    code = value.strip().upper()
    if code not in ISO_COUNTRIES:
        raise ValueError("must be an ISO 3166-1 alpha-2 country code")
    return code


def normalize_language(value: str) -> str:
    tag = value.strip()
    if not _LANGUAGE.match(tag) or len(tag) > 12:
        raise ValueError("must be a language tag such as 'en' or 'pt-BR'")
    primary, *rest = tag.split("-")
    parts = [primary.lower()] + [p.upper() if len(p) == 2 else p for p in rest]
    return "-".join(parts)


@lru_cache(maxsize=1)
def _timezones() -> frozenset[str]:
    return frozenset(available_timezones())


def normalize_timezone(value: str) -> str:
    name = value.strip()
    if name not in _timezones():
        raise ValueError("must be an IANA time zone such as 'Europe/Paris'")
    return name


def normalize_gender(value: str) -> str:
    gender = value.strip().lower().replace("-", "_").replace(" ", "_")
    if gender not in GENDERS:
        raise ValueError(f"must be one of {', '.join(GENDERS)}")
    return gender


def check_birth_date(value: date) -> date:
    if value > datetime.now(UTC).date():
        raise ValueError("must not be in the future")
    if value < _EARLIEST_BIRTH_DATE:
        raise ValueError("must be on or after 1900-01-01")
    return value


def normalize_tags(values: list[Any]) -> list[str]:
    """Trimmed, de-duplicated (first spelling kept) short strings."""
    if len(values) > MAX_TAGS:
        raise ValueError(f"must have at most {MAX_TAGS} tags")
    seen: dict[str, None] = {}
    for index, raw in enumerate(values):
        if not isinstance(raw, str):
            raise ValueError(f"item {index} must be a string")
        tag = clean_text(raw, field_max=MAX_TAG_LENGTH)
        if tag is None:
            raise ValueError(f"item {index} must not be empty")
        seen.setdefault(tag, None)
    return list(seen)


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


def check_json_object(
    value: dict[str, Any], *, max_keys: int, max_bytes: int, max_depth: int
) -> dict[str, Any]:
    """A JSON object with field-safe keys, bounded in keys, size and nesting."""
    if len(value) > max_keys:
        raise ValueError(f"must have at most {max_keys} keys")
    for key in value:
        if not _ATTRIBUTE_KEY.match(key):
            raise ValueError(
                f"key {key[:70]!r} must start with a letter or _ and use only letters, "
                "digits and _ (at most 64)"
            )
    if _depth(value) > max_depth:
        raise ValueError(f"must not nest deeper than {max_depth} levels")
    size = len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())
    if size > max_bytes:
        raise ValueError(f"must be at most {max_bytes} bytes as JSON")
    return value


def check_attributes(value: dict[str, Any]) -> dict[str, Any]:
    return check_json_object(
        value,
        max_keys=MAX_ATTRIBUTES,
        max_bytes=MAX_ATTRIBUTES_BYTES,
        max_depth=MAX_ATTRIBUTE_DEPTH,
    )


def normalize_postal_address(value: str) -> str:
    """Direct-mail and social handles: trimmed, single-spaced, case-folded."""
    cleaned = clean_text(" ".join(value.split()), field_max=MAX_EMAIL_LENGTH)
    if cleaned is None:
        raise ValueError("must not be empty")
    return cleaned.casefold()
