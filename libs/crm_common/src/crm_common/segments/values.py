"""Parsing of the values inside segment rules; every failure is recorded with its path."""

from __future__ import annotations

import contextlib
import math
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, TypedDict, cast

from crm_common.segments import fields as F
from crm_common.segments.fields import FieldKind, Op
from crm_common.segments.nodes import ConditionValue, Instant, Radius, instant_start


class RuleError(TypedDict):
    path: str
    message: str


class Invalid(Exception):
    """A value that failed validation; the message is already recorded."""


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def safe_key(key: Any) -> bool:
    """Whether an unknown key is harmless enough to be echoed in an error path."""
    return isinstance(key, str) and len(key) <= 64 and key.isidentifier()


class ValueParser:
    """Typed values of conditions (strings, dates, numbers, JSON scalars, radii, lists)."""

    def __init__(self) -> None:
        self.errors: list[RuleError] = []

    def fail(self, path: str, message: str) -> Invalid:
        self.errors.append({"path": path, "message": message})
        return Invalid(message)

    def unknown_keys(self, raw: dict[str, Any], allowed: frozenset[str], path: str) -> bool:
        extra = sorted(set(raw) - allowed)
        for key in extra:
            self.fail(f"{path}.{key}" if safe_key(key) else path, "is not an allowed key")
        return bool(extra)

    def sized_list(self, value: Any, path: str, low: int, high: int) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(path, "must be a list")
        if low == high and len(value) != low:
            raise self.fail(path, f"must have exactly {low} items")
        if len(value) < low:
            raise self.fail(path, f"must have at least {low} item{'s' if low > 1 else ''}")
        if len(value) > high:
            raise self.fail(path, f"must have at most {high} items")
        return value

    def ordered(self, low: Any, high: Any, path: str) -> None:
        if isinstance(low, date) and isinstance(high, date):
            low_key: Any = instant_start(low)
            high_key: Any = instant_start(high)
        else:
            low_key, high_key = low, high
        if type(low_key) is not type(high_key):
            raise self.fail(path, "both bounds must have the same type")
        if low_key > high_key:
            raise self.fail(path, "the lower bound must not be greater than the upper bound")

    def text(self, value: Any, path: str, *, non_empty: bool = False) -> str:
        if not isinstance(value, str):
            raise self.fail(path, "must be a string")
        if non_empty and not value:
            raise self.fail(path, "must not be empty")
        if len(value) > F.MAX_STRING:
            raise self.fail(path, f"must be at most {F.MAX_STRING} characters")
        if "\x00" in value:
            raise self.fail(path, "must not contain NUL characters")
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise self.fail(path, "must be valid Unicode text (no lone surrogates)") from None
        return value

    def scalar(self, value: Any, kind: FieldKind, op: Op, path: str) -> ConditionValue:
        if kind == FieldKind.STRING:
            return self.text(value, path)
        if kind == FieldKind.DATE:
            return self.date_value(value, path)
        if kind == FieldKind.DATETIME:
            return self.instant(value, path)
        if kind == FieldKind.INTEGER:
            if not is_int(value):
                raise self.fail(path, "must be an integer")
            if not 0 <= value <= F.MAX_AGE:
                raise self.fail(path, f"must be between 0 and {F.MAX_AGE}")
            return cast(int, value)
        if kind == FieldKind.UUID:
            return self.uuid_value(value, path)
        return self.json_scalar(value, op, path)

    def uuid_value(self, value: Any, path: str) -> uuid.UUID:
        if isinstance(value, str) and len(value) <= 40:
            with contextlib.suppress(ValueError):
                return uuid.UUID(value)
        raise self.fail(path, "must be a UUID")

    def json_scalar(self, value: Any, op: Op, path: str) -> ConditionValue:
        ordered = op in F.ORDER_OPS or op == Op.BETWEEN
        if isinstance(value, bool):
            if ordered:
                raise self.fail(path, "must be a number or a string")
            return value
        if is_number(value):
            if isinstance(value, float) and not math.isfinite(value):
                raise self.fail(path, "must be a finite number")
            if not -F.MAX_NUMBER <= value <= F.MAX_NUMBER:
                raise self.fail(path, "must be between -10^15 and 10^15")
            return Decimal(value) if is_int(value) else Decimal(str(value))
        if isinstance(value, str):
            return self.text(value, path)
        expected = "a number or a string" if ordered else "a string, a number or a boolean"
        raise self.fail(path, f"must be {expected}")

    def date_value(self, value: Any, path: str) -> date:
        if isinstance(value, str) and len(value) == 10:
            with contextlib.suppress(ValueError):
                return date.fromisoformat(value)
        raise self.fail(path, "must be a date (YYYY-MM-DD)")

    def instant(self, value: Any, path: str) -> Instant:
        if isinstance(value, str) and len(value) == 10:
            return self.date_value(value, path)
        if isinstance(value, str) and len(value) <= 40:
            parsed: datetime | None = None
            with contextlib.suppress(ValueError):
                parsed = datetime.fromisoformat(value)
            if parsed is not None:
                if parsed.tzinfo is None:
                    parsed = parsed.replace(tzinfo=UTC)
                if 1 < parsed.year < 9999:
                    return parsed.astimezone(UTC)
        raise self.fail(path, "must be a date (YYYY-MM-DD) or an ISO 8601 date-time")

    def radius(self, value: Any, path: str) -> Radius:
        if not isinstance(value, dict):
            raise self.fail(path, "must be an object {lat, lon, km}")
        bad = self.unknown_keys(value, frozenset({"lat", "lon", "km"}), path)
        bounds = {"lat": (-90.0, 90.0), "lon": (-180.0, 180.0)}
        parts: dict[str, float] = {}
        for key in ("lat", "lon", "km"):
            item: Any = value.get(key)
            if not is_number(item) or not math.isfinite(item):
                self.fail(f"{path}.{key}", "must be a number")
                continue
            if key == "km":
                if item <= 0:
                    self.fail(f"{path}.km", "must be greater than 0")
                    continue
                if item > F.MAX_RADIUS_KM:
                    self.fail(f"{path}.km", f"must be at most {F.MAX_RADIUS_KM:g}")
                    continue
            else:
                low, high = bounds[key]
                if not low <= item <= high:
                    self.fail(f"{path}.{key}", f"must be between {low:g} and {high:g}")
                    continue
            parts[key] = float(item)
        if bad or len(parts) != 3:
            raise Invalid(path)
        return Radius(parts["lat"], parts["lon"], parts["km"])
