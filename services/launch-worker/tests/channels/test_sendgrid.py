"""The SendGrid adapter against a local server answering as SendGrid's Mail Send API."""

from __future__ import annotations

import pytest

from launch_worker.channels.base import PermanentSendError, TransientSendError
from launch_worker.channels.sendgrid import SendgridAdapter, SendgridConfig

from .conftest import outgoing
from .fakes import SENDGRID_KEY, Recorded, free_port


def adapter_for(url: str, api_key: str = SENDGRID_KEY) -> SendgridAdapter:
    return SendgridAdapter(
        SendgridConfig(api_key=api_key, base_url=url, timeout_s=5, default_sender="x@acme.example")
    )


async def test_an_accepted_message_returns_sendgrids_message_id(
    sendgrid_server: tuple[str, Recorded],
) -> None:
    url, recorded = sendgrid_server
    adapter = adapter_for(url)
    message = outgoing()
    try:
        result = await adapter.send(message)
    finally:
        await adapter.close()

    assert result.provider == "sendgrid"
    assert len(result.provider_message_id) == 22
    [body] = recorded.accepted
    assert body["personalizations"] == [{"to": [{"email": "ann@example.com"}]}]
    assert body["from"] == {"email": "news@acme.example", "name": "Acme"}
    assert body["subject"] == "Spring sale"
    assert [part["type"] for part in body["content"]] == ["text/plain", "text/html"]
    assert body["custom_args"] == {
        "delivery_id": str(message.delivery_id),
        "campaign_id": str(message.campaign_id),
        "company_id": str(message.company_id),
        "idempotency_key": message.idempotency_key,
    }
    assert body["headers"] == {
        "List-Unsubscribe": "<https://crm.example/t/u/token>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    assert recorded.requests[0]["headers"]["idempotency-key"] == message.idempotency_key


async def test_rate_limiting_is_transient_with_the_advised_wait(
    sendgrid_server: tuple[str, Recorded],
) -> None:
    url, recorded = sendgrid_server
    adapter = adapter_for(url)
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(outgoing(recipient="ratelimited@example.com"))
    finally:
        await adapter.close()
    assert refused.value.code == "429"
    assert refused.value.retry_after_s == 7
    assert recorded.accepted == []


async def test_a_server_error_is_transient(sendgrid_server: tuple[str, Recorded]) -> None:
    url, _ = sendgrid_server
    adapter = adapter_for(url)
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(outgoing(recipient="outage@example.com"))
    finally:
        await adapter.close()
    assert refused.value.code == "503"


@pytest.mark.parametrize(
    ("changes", "code", "reason"),
    [
        ({"sender": "not an address"}, "400", "from email does not contain a valid address"),
        ({"recipient": "huge@example.com"}, "413", "too large"),
        ({"recipient": "forbidden@example.com"}, "403", "forbidden"),
    ],
    ids=["invalid-request", "too-large", "forbidden"],
)
async def test_refusals_are_permanent_with_sendgrids_reason(
    sendgrid_server: tuple[str, Recorded], changes: dict[str, str], code: str, reason: str
) -> None:
    url, _ = sendgrid_server
    adapter = adapter_for(url)
    try:
        with pytest.raises(PermanentSendError) as refused:
            await adapter.send(outgoing(**changes))
    finally:
        await adapter.close()
    assert refused.value.code == code
    assert reason in refused.value.reason


async def test_a_wrong_api_key_is_permanent(sendgrid_server: tuple[str, Recorded]) -> None:
    url, _ = sendgrid_server
    adapter = adapter_for(url, api_key="SG.wrong")
    try:
        with pytest.raises(PermanentSendError) as refused:
            await adapter.send(outgoing())
    finally:
        await adapter.close()
    assert refused.value.code == "401"
    assert "SG.wrong" not in refused.value.reason


async def test_an_unreachable_api_is_transient() -> None:
    adapter = adapter_for(f"http://127.0.0.1:{free_port()}")
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(outgoing())
    finally:
        await adapter.close()
    assert refused.value.code == "connection"
