"""Masking of contact PII for principals without `view_pii`.

Which contact columns are personal data comes from the classification registry
(crm_common.privacy.classification): every `pii` or `sensitive` column of crm_contacts is
masked — to a hint where a masker keeps one (email, phone, names), to None otherwise — and so
is every custom attribute whose key names personal data (`pii_key`)."""

from __future__ import annotations

from typing import Any

from crm_common.privacy.classification import personal_columns

_COORDINATES = ("latitude", "longitude")
PII_DROPPED = tuple(name for name in personal_columns("crm_contacts") if name in _COORDINATES)
PII_FIELDS = tuple(name for name in personal_columns("crm_contacts") if name not in _COORDINATES)


# Custom attribute and event property keys (lower-cased, '-' read as '_') holding personal data.
PII_KEYS = frozenset(
    {
        *PII_FIELDS,
        *PII_DROPPED,
        "name",
        "full_name",
        "given_name",
        "family_name",
        "surname",
        "dob",
        "date_of_birth",
        "birthday",
        "street",
        "zip",
        "zip_code",
        "postcode",
        "ip",
        "ssn",
        "tax_id",
        "passport",
        "iban",
        "mobile",
        "mobile_number",
        "lat",
        "lon",
        "lng",
    }
)
# Any key containing one of these is PII too (`work_email`, `mobile_phone`, `home_address`,
# `ip_address`): the keys above need not list them.
PII_KEY_PARTS = ("email", "e_mail", "phone", "address")


def pii_key(key: str) -> bool:
    """Whether a custom attribute or event property key names personal data."""
    normalised = key.lower().replace("-", "_")
    return normalised in PII_KEYS or any(part in normalised for part in PII_KEY_PARTS)


def mask_attributes(attributes: dict[str, Any]) -> dict[str, Any]:
    """A copy of a contact's custom attributes whose personal data (`pii_key`: a secondary
    email, a mobile number, a home address …) reads `***`, in nested objects too."""
    return {
        key: "***"
        if pii_key(str(key))
        else mask_attributes(value)
        if isinstance(value, dict)
        else value
        for key, value in attributes.items()
    }


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


def mask_address(address: str) -> str:
    """An email address or phone number masked by its kind."""
    if "@" in address:
        return mask_email(address) or "***"
    if address.startswith("+"):
        return mask_phone(address) or "***"
    return f"{address[:1]}***"


def mask_name(value: str | None) -> str | None:
    return f"{value[:1]}." if value else value


_MASKERS = {
    "email": mask_email,
    "phone": mask_phone,
    "first_name": mask_name,
    "last_name": mask_name,
}


def mask_contact(contact: dict[str, Any]) -> dict[str, Any]:
    """A copy of a contact dict with PII masked or removed."""
    masked = dict(contact)
    for key in (*PII_FIELDS, *PII_DROPPED):
        if key in masked:
            masker = _MASKERS.get(key)
            masked[key] = masker(masked[key]) if masker else None
    if isinstance(masked.get("attributes"), dict):
        masked["attributes"] = mask_attributes(masked["attributes"])
    return masked


PROOF_PII_KEYS = ("ip", "user_agent")


def mask_proof(proof: dict[str, Any]) -> dict[str, Any]:
    """A copy of a consent proof (crm_consent_ledger.proof, classified pii) without the
    IP address and user agent."""
    return {key: "***" if key in PROOF_PII_KEYS else value for key, value in proof.items()}


def mask_properties(properties: dict[str, Any]) -> dict[str, Any]:
    """A copy of an event's free-form properties (crm_contact_events.properties, classified
    pii) with every value hidden: which keys the event carried, not what they said."""
    return dict.fromkeys(properties, "***")


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
        # A campaign's governed content (approval snapshots): budget code -> amount.
        "budget_allocations",
        # A launch's budget check (its parameters, its audit row, campaign.launch_requested)
        # and a budget alert's position.
        "budget",
        "forecast_cost",
        "spent",
    }
)
BUDGET_POSITION = frozenset({"forecast_cost", "spent"})
"""Keys that make an object a budget position, whose `remaining` is money too (elsewhere,
`remaining` counts messages left to send)."""
_POSITION_FIELDS = BUDGET_FIELDS | {"remaining"}


def _budget_change(item: Any) -> bool:
    """A field-level change of governed content (`{path, before, after}`) to a budget figure:
    `total_budget`, `budget_allocations.<code>`."""
    if not isinstance(item, dict):
        return False
    path = item.get("path")
    return isinstance(path, str) and path.split(".", 1)[0] in BUDGET_FIELDS


def redact_budget(value: Any) -> Any:
    """A copy of `value` (dicts and lists, any depth) without budget figures, for principals
    lacking `view_budget`: their fields, and the changes of governed content to them."""
    if isinstance(value, dict):
        hidden = BUDGET_FIELDS if BUDGET_POSITION.isdisjoint(value) else _POSITION_FIELDS
        # Only a dict or a list is walked into: a page's values are mostly neither.
        return {
            k: redact_budget(v) if isinstance(v, dict | list) else v
            for k, v in value.items()
            if k not in hidden
        }
    if isinstance(value, list):
        return [
            redact_budget(item) if isinstance(item, dict | list) else item
            for item in value
            if not _budget_change(item)
        ]
    return value
