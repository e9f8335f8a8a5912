"""Masking of contact PII for principals without `view_pii`."""

from __future__ import annotations

from typing import Any

PII_FIELDS = ("email", "phone", "first_name", "last_name", "birth_date", "postal_code")
PII_DROPPED = ("latitude", "longitude")


def mask_email(value: str | None) -> str | None:
    """`jane.doe@example.com` → `j***@e***.com`."""
    if not value or "@" not in value:
        return None if value is None else "***"
    local, _, domain = value.partition("@")
    name, dot, tld = domain.rpartition(".")
    masked_domain = f"{name[:1]}***{dot}{tld}" if dot else f"{domain[:1]}***"
    return f"{local[:1]}***@{masked_domain}"


def mask_phone(value: str | None) -> str | None:
    """Keep only the last two digits."""
    if not value:
        return value
    digits = [c for c in value if c.isdigit()]
    return "***" + "".join(digits[-2:])


def mask_name(value: str | None) -> str | None:
    return f"{value[:1]}." if value else value


def mask_contact(contact: dict[str, Any]) -> dict[str, Any]:
    """A copy of a contact dict with PII masked or removed."""
    masked = dict(contact)
    if "email" in masked:
        masked["email"] = mask_email(masked["email"])
    if "phone" in masked:
        masked["phone"] = mask_phone(masked["phone"])
    for key in ("first_name", "last_name"):
        if key in masked:
            masked[key] = mask_name(masked[key])
    for key in ("birth_date", "postal_code", *PII_DROPPED):
        if key in masked:
            masked[key] = None
    return masked


BUDGET_FIELDS = frozenset(
    {
        "total_budget",
        "actual_spend",
        "allocated_amount",
        "total_amount",
        "approval_threshold",
        "available_amount",
        "spend",
        "revenue",
        "cost",
    }
)


def redact_budget(value: Any) -> Any:
    """A copy of `value` (dicts and lists, any depth) without budget figures, for principals
    lacking `view_budget`."""
    if isinstance(value, dict):
        return {k: redact_budget(v) for k, v in value.items() if k not in BUDGET_FIELDS}
    if isinstance(value, list):
        return [redact_budget(item) for item in value]
    return value
