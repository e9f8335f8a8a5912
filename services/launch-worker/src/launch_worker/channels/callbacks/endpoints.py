"""Provider callbacks (public: the provider's signature is the credential), under `/hooks/`:

- `POST /hooks/sendgrid/events` — SendGrid's signed Event Webhook (a JSON array of events);
- `POST /hooks/twilio/status` — Twilio's message status callback (form-encoded), signed with
  the account's auth token.

A missing, forged or stale signature is a 401 in the standard error format; a replayed
callback is accepted again and changes nothing.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request, Response

from crm_common.deps import AppResources
from crm_common.errors import error_responses
from launch_worker.channels.callbacks import handlers
from launch_worker.channels.callbacks.errors import (
    CallbackNotConfigured,
    CallbackPayloadInvalid,
    InvalidCallbackSignature,
)
from launch_worker.channels.callbacks.handlers import CallbackResult
from launch_worker.channels.callbacks.signatures import (
    SENDGRID_SIGNATURE_HEADER,
    SENDGRID_TIMESTAMP_HEADER,
    TWILIO_SIGNATURE_HEADER,
)

router = APIRouter(prefix="/hooks", tags=["provider callbacks (public)"])


@router.post(
    "/sendgrid/events",
    response_model=CallbackResult,
    responses=error_responses(
        InvalidCallbackSignature, CallbackNotConfigured, CallbackPayloadInvalid
    ),
)
async def sendgrid_events(
    request: Request,
    resources: AppResources,
    signature: Annotated[str | None, Header(alias=SENDGRID_SIGNATURE_HEADER)] = None,
    timestamp: Annotated[str | None, Header(alias=SENDGRID_TIMESTAMP_HEADER)] = None,
) -> CallbackResult:
    """SendGrid's Event Webhook: deliveries, bounces, drops and spam reports."""
    body = await request.body()
    return await handlers.sendgrid_events(resources, body, signature, timestamp)


@router.post(
    "/twilio/status",
    status_code=204,
    response_class=Response,
    responses=error_responses(InvalidCallbackSignature, CallbackNotConfigured),
)
async def twilio_status(
    request: Request,
    resources: AppResources,
    signature: Annotated[str | None, Header(alias=TWILIO_SIGNATURE_HEADER)] = None,
) -> Response:
    """Twilio's message status callback: delivered, undelivered, failed."""
    form = await request.form(max_files=0, max_fields=100)
    params = [(name, value) for name, value in form.multi_items() if isinstance(value, str)]
    await handlers.twilio_status(
        resources,
        url_path=request.url.path,
        url_query=request.url.query,
        request_url=str(request.url),
        params=params,
        signature=signature,
    )
    return Response(status_code=204)
