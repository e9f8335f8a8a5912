"""Tracking tokens: round trips, and every kind of forgery or misuse refused."""

import base64
import uuid

import pytest

from crm_common.tracking_tokens import (
    InvalidTrackingToken,
    TrackingClaims,
    TrackingKind,
    TrackingSigner,
    tracking_links,
)

SECRET = "a-tracking-secret-of-at-least-32-characters"


def _claims(kind: TrackingKind, position: int | None = None) -> TrackingClaims:
    return TrackingClaims(kind, uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), position)


@pytest.mark.parametrize(
    ("kind", "position"),
    [
        (TrackingKind.OPEN, None),
        (TrackingKind.CLICK, 0),
        (TrackingKind.CLICK, 65535),
        (TrackingKind.UNSUBSCRIBE, None),
    ],
)
def test_minted_token_verifies_to_the_same_claims(kind, position) -> None:
    signer = TrackingSigner(SECRET)
    claims = _claims(kind, position)
    token = signer.mint(claims)
    assert signer.verify(token, kind) == claims
    assert len(token) <= 200
    assert all(c.isalnum() or c in "-_" for c in token)


def test_every_single_byte_change_is_refused() -> None:
    signer = TrackingSigner(SECRET)
    token = signer.mint(_claims(TrackingKind.CLICK, 3))
    raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    for index in range(len(raw)):
        tampered = bytearray(raw)
        tampered[index] ^= 0x01
        forged = base64.urlsafe_b64encode(bytes(tampered)).rstrip(b"=").decode()
        with pytest.raises(InvalidTrackingToken):
            signer.verify(forged, TrackingKind.CLICK)


def test_token_is_refused_for_another_purpose() -> None:
    signer = TrackingSigner(SECRET)
    open_token = signer.mint(_claims(TrackingKind.OPEN))
    unsubscribe_token = signer.mint(_claims(TrackingKind.UNSUBSCRIBE))
    with pytest.raises(InvalidTrackingToken):
        signer.verify(open_token, TrackingKind.UNSUBSCRIBE)
    with pytest.raises(InvalidTrackingToken):
        signer.verify(unsubscribe_token, TrackingKind.OPEN)
    with pytest.raises(InvalidTrackingToken):
        signer.verify(open_token, TrackingKind.CLICK)


def test_token_signed_with_another_secret_is_refused() -> None:
    token = TrackingSigner("another-secret-of-at-least-32-characters!").mint(
        _claims(TrackingKind.OPEN)
    )
    with pytest.raises(InvalidTrackingToken):
        TrackingSigner(SECRET).verify(token, TrackingKind.OPEN)


@pytest.mark.parametrize(
    "garbage",
    ["", "a", "not a token", "../../etc/passwd", "%00", "A" * 201, "é" * 20, "AAAA+/==", "=" * 8],
)
def test_malformed_tokens_are_refused(garbage: str) -> None:
    with pytest.raises(InvalidTrackingToken):
        TrackingSigner(SECRET).verify(garbage, TrackingKind.OPEN)


def test_claims_must_match_their_kind() -> None:
    with pytest.raises(ValueError, match="position"):
        _claims(TrackingKind.CLICK)
    with pytest.raises(ValueError, match="position"):
        _claims(TrackingKind.OPEN, 1)
    with pytest.raises(ValueError, match="between"):
        _claims(TrackingKind.CLICK, 70000)


def test_tracking_links_build_public_urls() -> None:
    signer = TrackingSigner(SECRET)
    ids = {
        name: uuid.uuid4() for name in ("company_id", "delivery_id", "contact_id", "campaign_id")
    }
    links = tracking_links(signer, "https://crm.example.com/", link_positions=[0, 1], **ids)
    assert links.open_pixel.startswith("https://crm.example.com/t/o/")
    assert links.open_pixel.endswith(".gif")
    token = links.clicks[1].rsplit("/", 1)[1]
    assert signer.verify(token, TrackingKind.CLICK).position == 1
    assert (
        signer.verify(links.unsubscribe.rsplit("/", 1)[1], TrackingKind.UNSUBSCRIBE).contact_id
        == ids["contact_id"]
    )


def test_message_tokens_are_the_tokens_mint_gives() -> None:
    signer = TrackingSigner(SECRET)
    ids = [uuid.uuid4() for _ in range(4)]
    tokens = signer.message_tokens(*ids)
    for kind, position in (
        (TrackingKind.OPEN, None),
        (TrackingKind.UNSUBSCRIBE, None),
        (TrackingKind.CLICK, 0),
        (TrackingKind.CLICK, 65535),
    ):
        assert tokens.token(kind, position) == signer.mint(TrackingClaims(kind, *ids, position))
    with pytest.raises(ValueError, match="position"):
        tokens.token(TrackingKind.CLICK)
    with pytest.raises(ValueError, match="position"):
        tokens.token(TrackingKind.CLICK, 65536)
