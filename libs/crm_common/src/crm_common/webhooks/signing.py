"""The signature scheme of outbound webhooks (docs/webhooks.md).

Every delivery carries `X-CRM-Signature: t=<unix seconds>,v1=<hex>` where the hex is
HMAC-SHA256 keyed with the subscription's secret (the whole `whsec_…` string, UTF-8) over
`f"{t}.{raw body}"`. During the grace period after a secret rotation the header carries one
`v1=` per valid secret. A receiver recomputes the HMAC over the raw body it got, compares in
constant time, and refuses a `t` further than its tolerance from its own clock (a replay).
`X-CRM-Event-Id` names the event: the same on every retry, for the receiver to drop
duplicates.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Iterable

SIGNATURE_HEADER = "X-CRM-Signature"
EVENT_ID_HEADER = "X-CRM-Event-Id"
EVENT_TYPE_HEADER = "X-CRM-Event-Type"
DELIVERY_ID_HEADER = "X-CRM-Delivery-Id"
ATTEMPT_HEADER = "X-CRM-Delivery-Attempt"
SCHEME = "v1"
SECRET_PREFIX = "whsec_"  # noqa: S105 - the prefix of generated secrets, not a secret
DEFAULT_TOLERANCE_S = 300
"""What the documentation recommends receivers accept between `t` and their clock."""


class SignatureInvalid(ValueError):
    """The header is malformed, no signature matches, or the timestamp is out of tolerance."""


def new_secret() -> str:
    """A fresh signing secret: `whsec_` and 32 random bytes, base64url."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The hex HMAC-SHA256 of `f"{timestamp}.{body}"` keyed with `secret`."""
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secrets_: Iterable[str], body: bytes, timestamp: int | None = None) -> str:
    """The `X-CRM-Signature` value: `t=…` then one `v1=…` per secret."""
    t = int(time.time()) if timestamp is None else timestamp
    parts = [f"t={t}", *(f"{SCHEME}={sign(secret, t, body)}" for secret in secrets_)]
    return ",".join(parts)


def verify(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance_s: int = DEFAULT_TOLERANCE_S,
    now: float | None = None,
) -> int:
    """Check a signature header as a receiver does; returns its timestamp or raises
    SignatureInvalid."""
    timestamp: int | None = None
    candidates: list[str] = []
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        if key == "t" and value.isdigit():
            timestamp = int(value)
        elif key == SCHEME and value:
            candidates.append(value)
    if timestamp is None or not candidates:
        raise SignatureInvalid("malformed signature header")
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance_s:
        raise SignatureInvalid("timestamp outside the tolerance")
    expected = sign(secret, timestamp, body)
    if not any(hmac.compare_digest(expected, candidate) for candidate in candidates):
        raise SignatureInvalid("no signature matches")
    return timestamp
