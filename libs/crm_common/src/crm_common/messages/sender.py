"""Who a company's messages come from, read from its settings JSON."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import formataddr
from typing import Any

import structlog

log = structlog.get_logger(__name__)

DEFAULT_FROM_NAME = "Campaign Creation"
DEFAULT_FROM_ADDRESS = "campaigns@example.com"
DEFAULT_POSTAL_ADDRESS = "Campaign Creation, 100 Example Street, Springfield, EX 00000, US"
"""The demo's address. CAN-SPAM requires a real postal address in every commercial email:
a company sets `settings.sender.postal_address` before it sends for real."""

_EMAIL = re.compile(r"^[^@\s<>\"(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_ADDRESS_PARTS = ("line1", "line2", "city", "region", "postal_code", "country")
_MAX_TEXT = 300


@dataclass(frozen=True)
class SenderProfile:
    """The sender of a company's messages: From, Reply-To, postal address (CAN-SPAM / CASL)
    and the optional mailto unsubscribe address of the List-Unsubscribe header."""

    from_name: str
    from_address: str
    reply_to: str | None
    postal_address: str
    unsubscribe_mailto: str | None = None
    sms_sender: str | None = None

    @property
    def from_header(self) -> str:
        """The `From` header: `"Name" <address>`."""
        return formataddr((self.from_name, self.from_address))


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    cleaned = " ".join(_CONTROL.sub(" ", value).split())
    return cleaned[:_MAX_TEXT] or None


def is_sender_address(value: str) -> bool:
    """Whether `value` can stand as a sender's (or reply-to) email address in a header."""
    return bool(_EMAIL.match(value))


def has_own_postal_address(settings: Mapping[str, Any] | None) -> bool:
    """Whether a company set its own postal address (else its email carries the demo's)."""
    raw = (settings or {}).get("sender")
    return isinstance(raw, Mapping) and _postal(raw.get("postal_address")) is not None


def _email(value: Any, key: str) -> str | None:
    cleaned = _clean(value)
    if cleaned is None:
        return None
    if not _EMAIL.match(cleaned):
        log.warning("sender_setting_invalid", setting=f"sender.{key}")
        return None
    return cleaned


def _postal(value: Any) -> str | None:
    if isinstance(value, Mapping):
        parts = [_clean(value.get(part)) for part in _ADDRESS_PARTS]
        return _clean(", ".join(part for part in parts if part))
    return _clean(value)


def sender_profile(
    settings: Mapping[str, Any] | None, company_name: str | None = None
) -> SenderProfile:
    """The sender configured in a company's settings (`{"sender": {"from_name",
    "from_address", "reply_to", "postal_address", "unsubscribe_mailto", "sms_sender"}}`);
    missing or invalid values fall back to the demo defaults (invalid ones are logged).
    `postal_address` is a string or an object with line1, line2, city, region, postal_code
    and country."""
    raw = (settings or {}).get("sender")
    sender: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
    return SenderProfile(
        from_name=_clean(sender.get("from_name")) or _clean(company_name) or DEFAULT_FROM_NAME,
        from_address=_email(sender.get("from_address"), "from_address") or DEFAULT_FROM_ADDRESS,
        reply_to=_email(sender.get("reply_to"), "reply_to"),
        postal_address=_postal(sender.get("postal_address")) or DEFAULT_POSTAL_ADDRESS,
        unsubscribe_mailto=_email(sender.get("unsubscribe_mailto"), "unsubscribe_mailto"),
        sms_sender=_clean(sender.get("sms_sender")),
    )
