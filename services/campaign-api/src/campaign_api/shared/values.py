"""Turning model values into JSON-ready values for audit rows and event data."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

_READY = frozenset({str, int, float, bool, type(None)})
"""Types that are JSON-ready as they are (exactly these: an `Enum` of `str` is not)."""


def jsonable(value: Any) -> Any:
    """A JSON-ready copy: Decimal as string (no float rounding), datetimes as ISO 8601."""
    if type(value) in _READY:
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def snapshot(obj: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    """The JSON-ready values of `fields` of `obj`."""
    return {name: jsonable(getattr(obj, name)) for name in fields}


def differences(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`{field: {"old": …, "new": …}}` for every field whose value changed."""
    return {
        name: {"old": before.get(name), "new": value}
        for name, value in after.items()
        if before.get(name) != value
    }
