"""SMS through Twilio's Messages API
(`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, HTTP basic auth).

Twilio answers `201 Created` with the Message resource (`sid`, `status`, `price` — usually
null until the message is sent — `price_unit`, `error_code` …). When a public callback base
is configured, `StatusCallback` points at `/hooks/twilio/status?delivery_id=…`, so the status
callback names its delivery; its signature is verified there.

Errors carry `{"code", "message", "more_info", "status"}`: 429 / code 20429 (too many
requests) and 5xx are transient; 400 with codes such as 21211 (invalid `To`), 21614 (not a
mobile number), 21610 (recipient replied STOP), 21408 (region not enabled), and 401/403/404
are permanent. Timeouts and connection errors are transient.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import urlencode

import httpx

from launch_worker.channels.base import (
    OutgoingMessage,
    PermanentSendError,
    SendError,
    SendResult,
    TransientSendError,
)

NAME = "twilio"
STATUS_CALLBACK_PATH = "/hooks/twilio/status"
TRANSIENT_CODES = frozenset({20429, 20500, 20503, 30001})
"""Twilio error codes worth retrying (rate limit, internal error, unavailable, queue full)."""


@dataclass(frozen=True, slots=True)
class TwilioConfig:
    account_sid: str
    auth_token: str = field(repr=False)
    from_number: str | None = None
    base_url: str = "https://api.twilio.com"
    status_callback_base_url: str | None = None
    timeout_s: float = 15.0
    max_connections: int = 20


def status_callback_url(base_url: str, message: OutgoingMessage) -> str:
    """Where Twilio reports the message's status (the URL its signature covers)."""
    query = urlencode({"delivery_id": str(message.delivery_id)})
    return f"{base_url.rstrip('/')}{STATUS_CALLBACK_PATH}?{query}"


def request_form(message: OutgoingMessage, config: TwilioConfig) -> dict[str, str]:
    """The Messages API form fields for one message."""
    sender = message.sender or config.from_number
    if not sender:
        raise PermanentSendError("no SMS sender number is configured", code="no_sender")
    form = {"To": message.recipient, "From": sender, "Body": message.text}
    if config.status_callback_base_url:
        form["StatusCallback"] = status_callback_url(config.status_callback_base_url, message)
    return form


def _price(resource: dict[str, Any]) -> Decimal | None:
    raw = resource.get("price")
    if raw in (None, ""):
        return None
    try:
        return abs(Decimal(str(raw)))  # Twilio reports what it charged as a negative amount
    except InvalidOperation:
        return None


def classify(response: httpx.Response) -> SendError:
    """What a non-2xx Messages API answer means for the delivery."""
    try:
        body = response.json()
    except ValueError:
        body = {}
    code = body.get("code") if isinstance(body, dict) else None
    text = body.get("message") if isinstance(body, dict) else None
    reason = f"Twilio {response.status_code}" + (f" ({code})" if code else "")
    reason += f": {text or response.reason_phrase}"
    error_code = str(code or response.status_code)
    status = response.status_code
    if status == 429 or status >= 500 or code in TRANSIENT_CODES:
        retry = response.headers.get("Retry-After")
        retry_after = float(retry) if retry and retry.isdigit() else None
        return TransientSendError(reason[:500], code=error_code, retry_after_s=retry_after)
    return PermanentSendError(reason[:500], code=error_code)


class TwilioAdapter:
    """Sends SMS through Twilio over one pooled HTTP client."""

    name = NAME
    channel = "sms"

    def __init__(self, config: TwilioConfig, *, client: httpx.AsyncClient | None = None):
        self.config = config
        self._path = f"/2010-04-01/Accounts/{config.account_sid}/Messages.json"
        self._client = client or httpx.AsyncClient(
            base_url=config.base_url,
            auth=(config.account_sid, config.auth_token),
            timeout=config.timeout_s,
            limits=httpx.Limits(max_connections=config.max_connections),
        )

    async def send(self, message: OutgoingMessage) -> SendResult:
        form = request_form(message, self.config)
        try:
            response = await self._client.post(
                self._path, data=form, headers={"Idempotency-Key": message.idempotency_key}
            )
        except httpx.TimeoutException:
            raise TransientSendError("Twilio timeout", code="timeout") from None
        except httpx.TransportError as exc:
            raise TransientSendError(
                f"Twilio connection: {type(exc).__name__}", code="connection"
            ) from None
        if response.status_code not in (200, 201):
            raise classify(response)
        resource = response.json()
        if resource.get("status") == "failed" and resource.get("error_code"):
            raise PermanentSendError(
                f"Twilio ({resource['error_code']}): {resource.get('error_message') or 'failed'}",
                code=str(resource["error_code"]),
            )
        return SendResult(
            provider=NAME, provider_message_id=str(resource["sid"]), cost=_price(resource)
        )

    async def close(self) -> None:
        await self._client.aclose()
