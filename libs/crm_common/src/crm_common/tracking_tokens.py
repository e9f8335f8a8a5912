"""Signed tokens of the public tracking links (open pixel, click redirect, unsubscribe).

A token is URL-safe base64 of a fixed binary layout followed by a truncated HMAC-SHA256 tag:

    version (1) | kind (1) | company (16) | delivery (16) | contact (16) | campaign (16)
    | position (2, clicks only) | tag (16)

The tag covers everything before it, including the kind, so a token cannot be altered to
name another contact, message, campaign or link, nor be used for another purpose (an open
token is not an unsubscribe token). The key is derived from CRM_TRACKING_SECRET for this one
use. Tokens do not expire: an unsubscribe link must keep working for as long as the message
can be read. The launch worker mints them with `TrackingSigner.mint` / `tracking_links`.
"""

from __future__ import annotations

import struct
import uuid
from dataclasses import dataclass
from enum import StrEnum

from crm_common.settings import Settings
from crm_common.signed_tokens import BadSignedToken, SignedTokens

VERSION = 1
_BODY = struct.Struct("!BB16s16s16s16s")
_POSITION = struct.Struct("!H")
MAX_POSITION = 65_535
_KEY_CONTEXT = b"crm-tracking-token-v1"


class TrackingKind(StrEnum):
    OPEN = "o"
    CLICK = "c"
    UNSUBSCRIBE = "u"


class InvalidTrackingToken(Exception):
    """The token is malformed, forged, or not of the expected kind."""


@dataclass(frozen=True)
class TrackingClaims:
    kind: TrackingKind
    company_id: uuid.UUID
    delivery_id: uuid.UUID
    contact_id: uuid.UUID
    campaign_id: uuid.UUID
    position: int | None = None

    def __post_init__(self) -> None:
        if (self.kind == TrackingKind.CLICK) != (self.position is not None):
            raise ValueError("a click token, and only a click token, names a link position")
        if self.position is not None and not 0 <= self.position <= MAX_POSITION:
            raise ValueError(f"a link position is between 0 and {MAX_POSITION}")


class TrackingSigner:
    """Mints and verifies tracking tokens with a key derived from the tracking secret."""

    def __init__(self, secret: str | bytes) -> None:
        self._tokens = SignedTokens(secret, _KEY_CONTEXT)

    @classmethod
    def from_settings(cls, settings: Settings) -> TrackingSigner:
        return cls(settings.tracking_secret.get_secret_value())

    def message_tokens(
        self,
        company_id: uuid.UUID,
        delivery_id: uuid.UUID,
        contact_id: uuid.UUID,
        campaign_id: uuid.UUID,
    ) -> MessageTokens:
        """Mints the tokens of one message (the same as `mint` gives, a little faster)."""
        return MessageTokens(self, company_id, delivery_id, contact_id, campaign_id)

    def mint(self, claims: TrackingClaims) -> str:
        body = _BODY.pack(
            VERSION,
            ord(claims.kind.value),
            claims.company_id.bytes,
            claims.delivery_id.bytes,
            claims.contact_id.bytes,
            claims.campaign_id.bytes,
        )
        if claims.position is not None:
            body += _POSITION.pack(claims.position)
        return self._tokens.seal(body)

    def verify(self, token: str, kind: TrackingKind) -> TrackingClaims:
        """The claims of a genuine token of `kind`; raises InvalidTrackingToken otherwise."""
        expected = _BODY.size + (_POSITION.size if kind == TrackingKind.CLICK else 0)
        try:
            body = self._tokens.open(token, expected)
        except BadSignedToken as bad:
            raise InvalidTrackingToken(str(bad)) from None
        version, kind_byte, company, delivery, contact, campaign = _BODY.unpack_from(body)
        if version != VERSION or kind_byte != ord(kind.value):
            raise InvalidTrackingToken("wrong version or kind")
        position = (
            _POSITION.unpack_from(body, _BODY.size)[0] if kind == TrackingKind.CLICK else None
        )
        return TrackingClaims(
            kind=kind,
            company_id=uuid.UUID(bytes=company),
            delivery_id=uuid.UUID(bytes=delivery),
            contact_id=uuid.UUID(bytes=contact),
            campaign_id=uuid.UUID(bytes=campaign),
            position=position,
        )


class MessageTokens:
    """The tokens of one message: the ids are packed once, each token adds its kind (and
    link position) and its tag."""

    __slots__ = ("_ids", "_signer")

    def __init__(
        self,
        signer: TrackingSigner,
        company_id: uuid.UUID,
        delivery_id: uuid.UUID,
        contact_id: uuid.UUID,
        campaign_id: uuid.UUID,
    ) -> None:
        self._signer = signer
        self._ids = company_id.bytes + delivery_id.bytes + contact_id.bytes + campaign_id.bytes

    def token(self, kind: TrackingKind, position: int | None = None) -> str:
        if (kind == TrackingKind.CLICK) != (position is not None):
            raise ValueError("a click token, and only a click token, names a link position")
        body = bytes((VERSION, ord(kind.value))) + self._ids
        if position is not None:
            if not 0 <= position <= MAX_POSITION:
                raise ValueError(f"a link position is between 0 and {MAX_POSITION}")
            body += _POSITION.pack(position)
        return self._signer._tokens.seal(body)


@dataclass(frozen=True)
class TrackingLinks:
    """The public URLs of one delivered message."""

    open_pixel: str
    unsubscribe: str
    clicks: dict[int, str]


def tracking_links(
    signer: TrackingSigner,
    base_url: str,
    *,
    company_id: uuid.UUID,
    delivery_id: uuid.UUID,
    contact_id: uuid.UUID,
    campaign_id: uuid.UUID,
    link_positions: list[int] | tuple[int, ...] = (),
) -> TrackingLinks:
    """The open pixel, unsubscribe and click URLs of a message (`base_url` is the public
    origin, e.g. https://crm.example.com); the launch worker records each link's target in
    crm_message_links under the same position."""
    base = base_url.rstrip("/")

    def token(kind: TrackingKind, position: int | None = None) -> str:
        claims = TrackingClaims(kind, company_id, delivery_id, contact_id, campaign_id, position)
        return signer.mint(claims)

    return TrackingLinks(
        open_pixel=f"{base}/t/o/{token(TrackingKind.OPEN)}.gif",
        unsubscribe=f"{base}/t/u/{token(TrackingKind.UNSUBSCRIBE)}",
        clicks={p: f"{base}/t/c/{token(TrackingKind.CLICK, p)}" for p in link_positions},
    )
