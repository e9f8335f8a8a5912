"""Signed, expiring tokens of double opt-in confirmation links.

A token is URL-safe base64 of `version (1) | company (16) | contact (16) | request (16) |
expires (8, unix seconds)` followed by a truncated HMAC-SHA256 tag over all of it. The key is
derived from CRM_TRACKING_SECRET for this one use (a tracking token is never an opt-in token,
and the reverse). `request` is the ledger entry of the opt-in request the link confirms, so a
link stops working once a newer request or a withdrawal replaced it; `expires` makes it stop
after `OPT_IN_TTL` whatever happens.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
import struct
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crm_common.settings import Settings

VERSION = 1
TAG_BYTES = 16
OPT_IN_TTL = timedelta(days=7)
MAX_TOKEN_CHARS = 200
_BODY = struct.Struct("!B16s16s16sQ")
_KEY_CONTEXT = b"crm-opt-in-token-v1"
_ALPHABET = re.compile(r"^[A-Za-z0-9_-]+$")


class InvalidOptInToken(Exception):
    """The token is malformed or forged."""


class ExpiredOptInToken(InvalidOptInToken):
    """A genuine token past its expiry."""


@dataclass(frozen=True)
class OptInClaims:
    company_id: uuid.UUID
    contact_id: uuid.UUID
    request_id: uuid.UUID
    expires_at: datetime


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


class OptInSigner:
    """Mints and verifies opt-in tokens with a key derived from the tracking secret."""

    def __init__(self, secret: str | bytes) -> None:
        raw = secret.encode() if isinstance(secret, str) else secret
        self._key = hmac.new(raw, _KEY_CONTEXT, hashlib.sha256).digest()

    @classmethod
    def from_settings(cls, settings: Settings) -> OptInSigner:
        return cls(settings.tracking_secret.get_secret_value())

    def _tag(self, body: bytes) -> bytes:
        return hmac.digest(self._key, body, "sha256")[:TAG_BYTES]

    def mint(
        self,
        company_id: uuid.UUID,
        contact_id: uuid.UUID,
        request_id: uuid.UUID,
        *,
        now: datetime | None = None,
        ttl: timedelta = OPT_IN_TTL,
    ) -> str:
        expires = int(((now or datetime.now(UTC)) + ttl).timestamp())
        body = _BODY.pack(VERSION, company_id.bytes, contact_id.bytes, request_id.bytes, expires)
        return _b64encode(body + self._tag(body))

    def verify(self, token: str, *, now: datetime | None = None) -> OptInClaims:
        """The claims of a genuine, unexpired token; raises InvalidOptInToken (or its
        subclass ExpiredOptInToken) otherwise."""
        if not token or len(token) > MAX_TOKEN_CHARS or not _ALPHABET.match(token):
            raise InvalidOptInToken("bad length or characters")
        try:
            raw = base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True)
        except (binascii.Error, ValueError):
            raise InvalidOptInToken("not base64url") from None
        if len(raw) != _BODY.size + TAG_BYTES:
            raise InvalidOptInToken("bad length")
        body, tag = raw[: _BODY.size], raw[_BODY.size :]
        if not hmac.compare_digest(tag, self._tag(body)):
            raise InvalidOptInToken("bad signature")
        version, company, contact, request, expires = _BODY.unpack(body)
        if version != VERSION:
            raise InvalidOptInToken("wrong version")
        expires_at = datetime.fromtimestamp(expires, UTC)
        if expires_at <= (now or datetime.now(UTC)):
            raise ExpiredOptInToken("expired")
        return OptInClaims(
            company_id=uuid.UUID(bytes=company),
            contact_id=uuid.UUID(bytes=contact),
            request_id=uuid.UUID(bytes=request),
            expires_at=expires_at,
        )


def confirmation_url(base_url: str, token: str) -> str:
    """The public confirmation link (served by the segment engine's tracking routes)."""
    return f"{base_url.rstrip('/')}/t/opt-in/{token}"
