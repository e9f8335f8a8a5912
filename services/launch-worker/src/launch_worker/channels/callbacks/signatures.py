"""Signatures of provider callbacks.

- SendGrid's signed Event Webhook: ECDSA (P-256, SHA-256) over `timestamp + raw body`, the
  timestamp from `X-Twilio-Email-Event-Webhook-Timestamp`, the base64 DER signature from
  `X-Twilio-Email-Event-Webhook-Signature`, the key the SendGrid console shows (base64 DER
  SubjectPublicKeyInfo, or PEM). A timestamp further than `max_age_s` from now is refused, so a
  captured request cannot be replayed later.
- Twilio's `X-Twilio-Signature`: base64 HMAC-SHA1, keyed with the account's auth token, over
  the full callback URL followed by every POST parameter's name and value, sorted by name.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Iterable

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

SENDGRID_SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature"
SENDGRID_TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp"
TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature"


class BadSignature(Exception):
    """The callback's signature is missing, malformed, forged or stale."""


def load_sendgrid_key(value: str) -> ec.EllipticCurvePublicKey:
    """The verification key from its console form (base64 DER) or PEM."""
    text = value.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_public_key(text.encode())
        else:
            key = serialization.load_der_public_key(base64.b64decode(text, validate=True))
    except (ValueError, binascii.Error) as exc:
        raise ValueError("the SendGrid webhook key is not an EC public key") from exc
    if not isinstance(key, ec.EllipticCurvePublicKey):
        raise ValueError("the SendGrid webhook key is not an EC public key")
    return key


def verify_sendgrid(
    key: ec.EllipticCurvePublicKey,
    body: bytes,
    signature: str | None,
    timestamp: str | None,
    *,
    max_age_s: int,
    now: float | None = None,
) -> None:
    """Raise BadSignature unless SendGrid signed this body at this (recent) timestamp."""
    if not signature or not timestamp:
        raise BadSignature("signature headers missing")
    try:
        signed_at = int(timestamp)
        raw_signature = base64.b64decode(signature, validate=True)
    except (ValueError, binascii.Error):
        raise BadSignature("signature headers malformed") from None
    current = time.time() if now is None else now
    if abs(current - signed_at) > max_age_s:
        raise BadSignature("signature timestamp outside the accepted window")
    try:
        key.verify(raw_signature, timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise BadSignature("signature does not match") from None


def sign_sendgrid(private_key: ec.EllipticCurvePrivateKey, body: bytes, timestamp: str) -> str:
    """A signature as SendGrid computes it (the local test server signs with it)."""
    raw = private_key.sign(timestamp.encode() + body, ec.ECDSA(hashes.SHA256()))
    return base64.b64encode(raw).decode()


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """Twilio's signature of a callback to `url` with these form parameters."""
    payload = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(auth_token.encode(), payload.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode()


def verify_twilio(
    auth_token: str, url: str, params: Iterable[tuple[str, str]], signature: str | None
) -> None:
    """Raise BadSignature unless Twilio signed this callback (constant-time comparison)."""
    if not signature:
        raise BadSignature("signature header missing")
    expected = twilio_signature(auth_token, url, params)
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise BadSignature("signature does not match")
