"""Signed, expiring tokens of double opt-in confirmation links.

A token is URL-safe base64 of `version (1) | company (16) | contact (16) | request (16) |
expires (8, unix seconds)` followed by a truncated HMAC-SHA256 tag over all of it. The key is
derived from CRM_TRACKING_SECRET for this one use (a tracking token is never an opt-in token,
and the reverse). `request` is the ledger entry of the opt-in request the link confirms, so a
link stops working once a newer request or a withdrawal replaced it; `expires` makes it stop
after `OPT_IN_TTL` whatever happens.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from crm_common.settings import Settings
from crm_common.signed_tokens import BadSignedToken, SignedTokens

VERSION = 1
OPT_IN_TTL = timedelta(days=7)
_BODY = struct.Struct("!B16s16s16sQ")
_KEY_CONTEXT = b"crm-opt-in-token-v1"


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


class OptInSigner:
    """Mints and verifies opt-in tokens with a key derived from the tracking secret."""

    def __init__(self, secret: str | bytes) -> None:
        self._tokens = SignedTokens(secret, _KEY_CONTEXT)

    @classmethod
    def from_settings(cls, settings: Settings) -> OptInSigner:
        return cls(settings.tracking_secret.get_secret_value())

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
        return self._tokens.seal(body)

    def verify(self, token: str, *, now: datetime | None = None) -> OptInClaims:
        """The claims of a genuine, unexpired token; raises InvalidOptInToken (or its
        subclass ExpiredOptInToken) otherwise."""
        try:
            body = self._tokens.open(token, _BODY.size)
        except BadSignedToken as bad:
            raise InvalidOptInToken(str(bad)) from None
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
