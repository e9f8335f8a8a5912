"""The envelope of the public links' short tokens (tracking, double opt-in): a fixed binary
body followed by a truncated HMAC-SHA256 tag over it, as URL-safe base64 without padding. Each
use derives its own key from the secret with a context string, so a token of one kind is never
valid as another."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re

TAG_BYTES = 16
MAX_TOKEN_CHARS = 200
_ALPHABET = re.compile(r"^[A-Za-z0-9_-]+$")


class BadSignedToken(ValueError):
    """The token is malformed, of the wrong size, or its tag does not match."""


class SignedTokens:
    """Seal bodies into tokens and open tokens back into bodies for one use (`context`)."""

    def __init__(self, secret: str | bytes, context: bytes) -> None:
        raw = secret.encode() if isinstance(secret, str) else secret
        self._key = hmac.new(raw, context, hashlib.sha256).digest()

    def tag(self, body: bytes) -> bytes:
        return hmac.digest(self._key, body, "sha256")[:TAG_BYTES]

    def seal(self, body: bytes) -> str:
        return base64.urlsafe_b64encode(body + self.tag(body)).rstrip(b"=").decode("ascii")

    def open(self, token: str, body_size: int) -> bytes:
        """The body of a genuine token whose body is `body_size` bytes; BadSignedToken (with
        the reason) otherwise."""
        if not token or len(token) > MAX_TOKEN_CHARS or not _ALPHABET.match(token):
            raise BadSignedToken("bad length or characters")
        try:
            raw = base64.b64decode(token + "=" * (-len(token) % 4), altchars=b"-_", validate=True)
        except (binascii.Error, ValueError):
            raise BadSignedToken("not base64url") from None
        if len(raw) != body_size + TAG_BYTES:
            raise BadSignedToken("bad length")
        body, tag = raw[:body_size], raw[body_size:]
        if not hmac.compare_digest(tag, self.tag(body)):
            raise BadSignedToken("bad signature")
        return body
