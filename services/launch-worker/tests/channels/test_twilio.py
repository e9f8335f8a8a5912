"""The Twilio adapter against a local server answering as Twilio's Messages API."""

from __future__ import annotations

from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from launch_worker.channels.base import PermanentSendError, TransientSendError
from launch_worker.channels.twilio import TwilioAdapter, TwilioConfig

from .conftest import outgoing
from .fakes import TWILIO_SID, TWILIO_TOKEN, Recorded, free_port

CALLBACK_BASE = "https://crm.example.com"


def adapter_for(url: str, *, token: str = TWILIO_TOKEN, **changes: object) -> TwilioAdapter:
    config: dict[str, object] = {
        "account_sid": TWILIO_SID,
        "auth_token": token,
        "from_number": "+15005550006",
        "base_url": url,
        "status_callback_base_url": CALLBACK_BASE,
        "timeout_s": 5,
    }
    config.update(changes)
    return TwilioAdapter(TwilioConfig(**config))  # type: ignore[arg-type]


def sms(**changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "channel": "sms",
        "recipient": "+15551234567",
        "text": "Spring sale today: acme.example/s",
        "subject": None,
        "html": None,
        "sender": None,
        "headers": {},
    }
    values.update(changes)
    return outgoing(**values)


async def test_an_accepted_message_returns_its_sid_price_and_asks_for_status_callbacks(
    twilio_server: tuple[str, Recorded],
) -> None:
    url, recorded = twilio_server
    adapter = adapter_for(url)
    message = sms()
    try:
        result = await adapter.send(message)
    finally:
        await adapter.close()

    assert result.provider == "twilio"
    assert result.provider_message_id.startswith("SM")
    assert len(result.provider_message_id) == 34
    assert result.cost == Decimal("0.00790")
    [form] = recorded.accepted
    assert form["To"] == "+15551234567"
    assert form["From"] == "+15005550006"
    assert form["Body"] == "Spring sale today: acme.example/s"
    callback = urlsplit(form["StatusCallback"])
    assert f"{callback.scheme}://{callback.netloc}{callback.path}" == (
        f"{CALLBACK_BASE}/hooks/twilio/status"
    )
    assert parse_qs(callback.query) == {"delivery_id": [str(message.delivery_id)]}


async def test_no_price_yet_means_no_cost_and_no_callback_base_means_no_callback(
    twilio_server: tuple[str, Recorded],
) -> None:
    url, recorded = twilio_server
    adapter = adapter_for(url, status_callback_base_url=None)
    try:
        result = await adapter.send(sms(recipient="+15551234560", sender="+15005550001"))
    finally:
        await adapter.close()
    assert result.cost is None
    [form] = recorded.accepted
    assert form["From"] == "+15005550001"
    assert "StatusCallback" not in form


@pytest.mark.parametrize(
    ("recipient", "code"),
    [("555-not-a-number", "21211"), ("+15005550009", "21614")],
    ids=["invalid-number", "not-mobile"],
)
async def test_invalid_recipients_are_permanent(
    twilio_server: tuple[str, Recorded], recipient: str, code: str
) -> None:
    url, recorded = twilio_server
    adapter = adapter_for(url)
    try:
        with pytest.raises(PermanentSendError) as refused:
            await adapter.send(sms(recipient=recipient))
    finally:
        await adapter.close()
    assert refused.value.code == code
    assert recorded.accepted == []


async def test_too_many_requests_is_transient_with_the_advised_wait(
    twilio_server: tuple[str, Recorded],
) -> None:
    url, _ = twilio_server
    adapter = adapter_for(url)
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(sms(recipient="+15005550429"))
    finally:
        await adapter.close()
    assert refused.value.code == "20429"
    assert refused.value.retry_after_s == 2


async def test_a_server_error_is_transient(twilio_server: tuple[str, Recorded]) -> None:
    url, _ = twilio_server
    adapter = adapter_for(url)
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(sms(recipient="+15005550500"))
    finally:
        await adapter.close()
    assert refused.value.code == "20500"


async def test_wrong_credentials_are_permanent(twilio_server: tuple[str, Recorded]) -> None:
    url, _ = twilio_server
    adapter = adapter_for(url, token="not-the-token")
    try:
        with pytest.raises(PermanentSendError) as refused:
            await adapter.send(sms())
    finally:
        await adapter.close()
    assert refused.value.code == "20003"
    assert "not-the-token" not in refused.value.reason


async def test_no_sender_number_is_permanent(twilio_server: tuple[str, Recorded]) -> None:
    url, recorded = twilio_server
    adapter = adapter_for(url, from_number=None)
    try:
        with pytest.raises(PermanentSendError) as refused:
            await adapter.send(sms())
    finally:
        await adapter.close()
    assert refused.value.code == "no_sender"
    assert recorded.requests == []


async def test_an_unreachable_api_is_transient() -> None:
    adapter = adapter_for(f"http://127.0.0.1:{free_port()}")
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(sms())
    finally:
        await adapter.close()
    assert refused.value.code == "connection"
