"""Callback requests: verify the provider's signature, read the payload, apply each outcome."""

from __future__ import annotations

import json
import time
import uuid
from functools import lru_cache
from urllib.parse import parse_qs

import structlog
from cryptography.hazmat.primitives.asymmetric import ec
from pydantic import BaseModel

from crm_common.resources import Resources
from launch_worker.channels.callbacks import service
from launch_worker.channels.callbacks.errors import (
    CallbackNotConfigured,
    CallbackPayloadInvalid,
    InvalidCallbackSignature,
)
from launch_worker.channels.callbacks.signatures import (
    BadSignature,
    load_sendgrid_key,
    verify_sendgrid,
    verify_twilio,
)

log = structlog.get_logger(__name__)

MAX_EVENTS = 5000


class CallbackResult(BaseModel):
    """How many events a callback carried and how many changed something we hold."""

    received: int
    applied: int
    ignored: int


@lru_cache(maxsize=4)
def _sendgrid_key(value: str) -> ec.EllipticCurvePublicKey:
    return load_sendgrid_key(value)


async def sendgrid_events(
    resources: Resources, body: bytes, signature: str | None, timestamp: str | None
) -> CallbackResult:
    """Verify and apply one Event Webhook post."""
    settings = resources.settings
    if not settings.sendgrid_webhook_public_key:
        raise CallbackNotConfigured(details={"setting": "CRM_SENDGRID_WEBHOOK_PUBLIC_KEY"})
    try:
        key = _sendgrid_key(settings.sendgrid_webhook_public_key)
    except ValueError:
        log.error("sendgrid_webhook_key_invalid")
        raise CallbackNotConfigured() from None
    try:
        verify_sendgrid(
            key,
            body,
            signature,
            timestamp,
            max_age_s=settings.provider_callback_max_age_s,
            now=time.time(),
        )
    except BadSignature as exc:
        log.warning("provider_callback_refused", provider="sendgrid", problem=str(exc))
        raise InvalidCallbackSignature() from None
    try:
        events = json.loads(body)
    except ValueError:
        raise CallbackPayloadInvalid() from None
    if not isinstance(events, list) or len(events) > MAX_EVENTS:
        raise CallbackPayloadInvalid(
            details={"expected": f"a JSON array of at most {MAX_EVENTS} events"}
        )
    applied = ignored = 0
    for event in events:
        outcome = service.sendgrid_outcome(event) if isinstance(event, dict) else None
        if outcome is not None and await service.apply(resources.db, outcome):
            applied += 1
        else:
            ignored += 1
    return CallbackResult(received=len(events), applied=applied, ignored=ignored)


def twilio_callback_url(
    public_base: str | None, url_path: str, url_query: str, request_url: str
) -> str:
    """The URL Twilio signed: the configured public base (what Twilio was given, whatever
    proxies rewrote on the way), else the URL as this server saw it."""
    if not public_base:
        return request_url
    return public_base.rstrip("/") + url_path + (f"?{url_query}" if url_query else "")


async def twilio_status(
    resources: Resources,
    *,
    url_path: str,
    url_query: str,
    request_url: str,
    params: list[tuple[str, str]],
    signature: str | None,
) -> bool:
    """Verify and apply one status callback; True when it changed a delivery we hold."""
    settings = resources.settings
    token = settings.twilio_auth_token.get_secret_value() if settings.twilio_auth_token else ""
    if not token:
        raise CallbackNotConfigured(details={"setting": "CRM_TWILIO_AUTH_TOKEN"})
    url = twilio_callback_url(
        settings.twilio_status_callback_base_url, url_path, url_query, request_url
    )
    try:
        verify_twilio(token, url, params, signature)
    except BadSignature as exc:
        log.warning("provider_callback_refused", provider="twilio", problem=str(exc))
        raise InvalidCallbackSignature() from None
    form = dict(params)
    if settings.twilio_account_sid and form.get("AccountSid") not in (
        None,
        settings.twilio_account_sid,
    ):
        raise InvalidCallbackSignature()
    delivery_id = _delivery_id(url_query)
    outcome = service.twilio_outcome(form, delivery_id)
    return outcome is not None and await service.apply(resources.db, outcome)


def _delivery_id(url_query: str) -> uuid.UUID | None:
    values = parse_qs(url_query).get("delivery_id")
    try:
        return uuid.UUID(values[0]) if values else None
    except ValueError:
        return None
