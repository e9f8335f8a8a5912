"""Email through SendGrid's v3 Mail Send API (`POST /v3/mail/send`, httpx).

One personalization per message. `custom_args` carry the delivery, campaign and company ids
and the idempotency key: SendGrid copies them into every Event Webhook event of the message,
which is how callbacks find the delivery (and how a resend after a crash between SendGrid's
accept and our commit is recognised: both carry the same key).

SendGrid answers `202 Accepted` with the message id in `X-Message-Id`. Errors: 429 (rate
limit; `Retry-After` or `X-RateLimit-Reset`) and 5xx are transient; 400 (with
`{"errors": [{"message", "field", "help"}]}`), 401, 403, 413 and other 4xx are permanent.
Timeouts and connection errors are transient.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from email.utils import parseaddr
from typing import Any

import httpx

from launch_worker.channels.base import (
    OutgoingMessage,
    PermanentSendError,
    SendError,
    SendResult,
    TransientSendError,
)

NAME = "sendgrid"
SEND_PATH = "/v3/mail/send"
# Headers SendGrid refuses in `headers` (it sets them itself).
_RESERVED_HEADERS = frozenset(
    {
        "x-sg-id",
        "x-sg-eid",
        "received",
        "dkim-signature",
        "content-type",
        "content-transfer-encoding",
        "to",
        "from",
        "subject",
        "reply-to",
        "cc",
        "bcc",
    }
)


@dataclass(frozen=True, slots=True)
class SendgridConfig:
    api_key: str = field(repr=False)
    base_url: str = "https://api.sendgrid.com"
    timeout_s: float = 15.0
    default_sender: str = "campaigns@crm.localhost"
    max_connections: int = 20


def _address(value: str) -> dict[str, str]:
    name, email = parseaddr(value)
    return {"email": email or value, **({"name": name} if name else {})}


def request_body(message: OutgoingMessage, sender: str) -> dict[str, Any]:
    """The Mail Send request for one message."""
    content = [{"type": "text/plain", "value": message.text}]
    if message.html:
        content.append({"type": "text/html", "value": message.html})
    body: dict[str, Any] = {
        "personalizations": [{"to": [_address(message.recipient)]}],
        "from": _address(sender),
        "subject": message.subject or "",
        "content": content,
        "custom_args": {
            "delivery_id": str(message.delivery_id),
            "campaign_id": str(message.campaign_id),
            "company_id": str(message.company_id),
            "idempotency_key": message.idempotency_key,
        },
    }
    headers = {k: v for k, v in message.headers.items() if k.lower() not in _RESERVED_HEADERS}
    if headers:
        body["headers"] = headers
    return body


def _error_text(response: httpx.Response) -> str:
    try:
        errors = response.json().get("errors") or []
    except (ValueError, AttributeError):
        errors = []
    messages = [str(e.get("message")) for e in errors if isinstance(e, dict) and e.get("message")]
    return "; ".join(messages)[:500] or response.reason_phrase or "error"


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is not None:
        try:
            return max(0.0, float(value))
        except ValueError:
            return None
    reset = response.headers.get("X-RateLimit-Reset")
    if reset is not None:
        try:
            return max(0.0, float(reset) - time.time())
        except ValueError:
            return None
    return None


def classify(response: httpx.Response) -> SendError:
    """What a non-2xx Mail Send answer means for the delivery."""
    status = response.status_code
    reason = f"SendGrid {status}: {_error_text(response)}"
    if status == 429:
        return TransientSendError(reason, code="429", retry_after_s=_retry_after(response))
    if status >= 500:
        return TransientSendError(reason, code=str(status))
    return PermanentSendError(reason, code=str(status))


class SendgridAdapter:
    """Sends email through SendGrid over one pooled HTTP client."""

    name = NAME
    channel = "email"

    def __init__(self, config: SendgridConfig, *, client: httpx.AsyncClient | None = None):
        self.config = config
        self._client = client or httpx.AsyncClient(
            base_url=config.base_url,
            headers={"Authorization": f"Bearer {config.api_key}"},
            timeout=config.timeout_s,
            limits=httpx.Limits(max_connections=config.max_connections),
        )

    async def send(self, message: OutgoingMessage) -> SendResult:
        body = request_body(message, message.sender or self.config.default_sender)
        try:
            response = await self._client.post(
                SEND_PATH, json=body, headers={"Idempotency-Key": message.idempotency_key}
            )
        except httpx.TimeoutException:
            raise TransientSendError("SendGrid timeout", code="timeout") from None
        except httpx.TransportError as exc:
            raise TransientSendError(
                f"SendGrid connection: {type(exc).__name__}", code="connection"
            ) from None
        if response.status_code not in (200, 202):
            raise classify(response)
        provider_id = response.headers.get("X-Message-Id") or message.idempotency_key
        return SendResult(provider=NAME, provider_message_id=provider_id)

    async def close(self) -> None:
        await self._client.aclose()
