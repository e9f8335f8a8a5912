"""Double opt-in tokens: signed, bound to one request, expiring."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from crm_common.privacy.opt_in_tokens import (
    ExpiredOptInToken,
    InvalidOptInToken,
    OptInSigner,
    confirmation_url,
)
from crm_common.tracking_tokens import TrackingClaims, TrackingKind, TrackingSigner

SECRET = "opt-in-test-secret-0123456789abcdef"
IDS = (uuid.uuid4(), uuid.uuid4(), uuid.uuid4())


def test_a_token_names_its_company_contact_and_request() -> None:
    signer = OptInSigner(SECRET)
    claims = signer.verify(signer.mint(*IDS))
    assert (claims.company_id, claims.contact_id, claims.request_id) == IDS
    assert claims.expires_at > datetime.now(UTC) + timedelta(days=6)


def test_an_expired_token_is_refused() -> None:
    signer = OptInSigner(SECRET)
    token = signer.mint(*IDS, now=datetime.now(UTC) - timedelta(days=8))
    with pytest.raises(ExpiredOptInToken):
        signer.verify(token)


@pytest.mark.parametrize("tamper", ["", "a" * 300, "bad token!", "AAAA"])
def test_malformed_tokens_are_refused(tamper: str) -> None:
    with pytest.raises(InvalidOptInToken):
        OptInSigner(SECRET).verify(tamper)


def test_a_token_of_another_key_or_purpose_is_refused() -> None:
    token = OptInSigner("another-secret-0123456789abcdef0123").mint(*IDS)
    with pytest.raises(InvalidOptInToken):
        OptInSigner(SECRET).verify(token)
    claims = TrackingClaims(TrackingKind.UNSUBSCRIBE, *IDS, uuid.uuid4())
    tracking = TrackingSigner(SECRET).mint(claims)
    with pytest.raises(InvalidOptInToken):
        OptInSigner(SECRET).verify(tracking)


def test_a_changed_byte_breaks_the_signature() -> None:
    signer = OptInSigner(SECRET)
    token = signer.mint(*IDS)
    flipped = token[:5] + ("A" if token[5] != "A" else "B") + token[6:]
    with pytest.raises(InvalidOptInToken):
        signer.verify(flipped)


def test_the_link_is_on_the_public_tracking_routes() -> None:
    assert (
        confirmation_url("https://crm.example.com/", "tok")
        == "https://crm.example.com/t/opt-in/tok"
    )
