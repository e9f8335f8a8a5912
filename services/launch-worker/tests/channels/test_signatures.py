"""Signature checks against the providers' own published examples."""

from __future__ import annotations

import pytest

from launch_worker.channels.callbacks.signatures import (
    BadSignature,
    load_sendgrid_key,
    twilio_signature,
    verify_sendgrid,
    verify_twilio,
)

# The example of SendGrid's Event Webhook helper libraries.
SENDGRID_PUBLIC_KEY = (
    "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7"
    "yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA=="
)
SENDGRID_SIGNATURE = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="
SENDGRID_TIMESTAMP = "1588788367"
SENDGRID_PAYLOAD = b'{"category":"example_payload","event":"test_event","message_id":"message_id"}'

# The example of Twilio's request validator.
TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
TWILIO_PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+14158675309",
    "Digits": "1234",
    "From": "+14158675309",
    "To": "+18005551212",
}
TWILIO_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_sendgrids_example_signature_verifies() -> None:
    key = load_sendgrid_key(SENDGRID_PUBLIC_KEY)
    verify_sendgrid(
        key,
        SENDGRID_PAYLOAD,
        SENDGRID_SIGNATURE,
        SENDGRID_TIMESTAMP,
        max_age_s=600,
        now=float(SENDGRID_TIMESTAMP) + 30,
    )


@pytest.mark.parametrize(
    ("payload", "timestamp", "now"),
    [
        (SENDGRID_PAYLOAD.replace(b"test_event", b"bounce"), SENDGRID_TIMESTAMP, 1588788367),
        (SENDGRID_PAYLOAD, "1588788368", 1588788368),
        (SENDGRID_PAYLOAD, SENDGRID_TIMESTAMP, 1588788367 + 601),
    ],
    ids=["changed-body", "changed-timestamp", "too-old"],
)
def test_sendgrid_signatures_of_something_else_or_too_old_are_refused(
    payload: bytes, timestamp: str, now: float
) -> None:
    key = load_sendgrid_key(SENDGRID_PUBLIC_KEY)
    with pytest.raises(BadSignature):
        verify_sendgrid(key, payload, SENDGRID_SIGNATURE, timestamp, max_age_s=600, now=now)


@pytest.mark.parametrize("signature", ["not base64!", "", "AAAA"])
def test_malformed_sendgrid_signatures_are_refused(signature: str) -> None:
    key = load_sendgrid_key(SENDGRID_PUBLIC_KEY)
    with pytest.raises(BadSignature):
        verify_sendgrid(
            key, SENDGRID_PAYLOAD, signature, SENDGRID_TIMESTAMP, max_age_s=600, now=1588788367
        )


def test_a_key_that_is_not_an_ec_public_key_is_refused() -> None:
    with pytest.raises(ValueError, match="not an EC public key"):
        load_sendgrid_key("bm90IGEga2V5")


def test_twilios_example_signature_verifies() -> None:
    assert twilio_signature("12345", TWILIO_URL, TWILIO_PARAMS.items()) == TWILIO_SIGNATURE
    verify_twilio("12345", TWILIO_URL, TWILIO_PARAMS.items(), TWILIO_SIGNATURE)


@pytest.mark.parametrize(
    ("token", "url", "params"),
    [
        ("54321", TWILIO_URL, TWILIO_PARAMS),
        ("12345", TWILIO_URL.replace("foo=1", "foo=2"), TWILIO_PARAMS),
        ("12345", TWILIO_URL, {**TWILIO_PARAMS, "Digits": "9999"}),
    ],
    ids=["other-token", "other-url", "other-params"],
)
def test_twilio_signatures_of_something_else_are_refused(
    token: str, url: str, params: dict[str, str]
) -> None:
    with pytest.raises(BadSignature):
        verify_twilio(token, url, params.items(), TWILIO_SIGNATURE)
