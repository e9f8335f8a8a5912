"""Local stand-ins for SendGrid's Mail Send API and Twilio's Messages API, served over real
HTTP by uvicorn on 127.0.0.1, answering with the request checks, response shapes and error
codes those APIs document. The recipient picks the scenario (rate limit, outage …)."""

from __future__ import annotations

import asyncio
import base64
import re
import secrets
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

SENDGRID_KEY = "SG.test-key.0123456789abcdef"
TWILIO_SID = "AC" + "0" * 31 + "1"
TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef"
E164 = re.compile(r"^\+[1-9]\d{1,14}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Recorded:
    """What a fake provider accepted (and everything it was asked)."""

    accepted: list[dict[str, Any]] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)


def _sendgrid_errors(status: int, message: str, field_name: str | None = None) -> JSONResponse:
    body = {"errors": [{"message": message, "field": field_name, "help": None}]}
    return JSONResponse(body, status_code=status)


def sendgrid_app(recorded: Recorded) -> FastAPI:
    """`POST /v3/mail/send` as SendGrid documents it."""
    app = FastAPI()

    @app.post("/v3/mail/send")
    async def mail_send(request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {SENDGRID_KEY}":
            return _sendgrid_errors(
                401, "The provided authorization grant is invalid, expired, or revoked"
            )
        body = await request.json()
        recorded.requests.append({"headers": dict(request.headers), "body": body})
        personalizations = body.get("personalizations") or []
        if not personalizations:
            return _sendgrid_errors(
                400, "You must have at least one personalization.", "personalizations"
            )
        recipient = personalizations[0]["to"][0]["email"]
        if not EMAIL.match(body.get("from", {}).get("email", "")):
            return _sendgrid_errors(
                400, "The from email does not contain a valid address.", "from.email"
            )
        content = body.get("content") or []
        if not content or content[0].get("type") != "text/plain":
            return _sendgrid_errors(
                400, "The text/plain content type must be first.", "content.0.type"
            )
        if any(not isinstance(v, str) for v in (body.get("custom_args") or {}).values()):
            return _sendgrid_errors(400, "Custom args values must be strings.", "custom_args")
        local = recipient.split("@", 1)[0]
        if local == "ratelimited":
            response = _sendgrid_errors(429, "too many requests")
            response.headers["X-RateLimit-Limit"] = "600"
            response.headers["X-RateLimit-Remaining"] = "0"
            response.headers["Retry-After"] = "7"
            return response
        if local == "outage":
            return _sendgrid_errors(503, "Service Unavailable")
        if local == "huge":
            return _sendgrid_errors(413, "The JSON payload you have submitted is too large.")
        if local == "forbidden":
            return _sendgrid_errors(403, "access forbidden")
        recorded.accepted.append(body)
        message_id = base64.urlsafe_b64encode(secrets.token_bytes(16)).decode()[:22]
        return Response(status_code=202, headers={"X-Message-Id": message_id})

    return app


def _twilio_error(status: int, code: int, message: str) -> JSONResponse:
    body = {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }
    return JSONResponse(body, status_code=status)


def twilio_app(recorded: Recorded) -> FastAPI:
    """`POST /2010-04-01/Accounts/{sid}/Messages.json` as Twilio documents it."""
    app = FastAPI()
    expected_auth = "Basic " + base64.b64encode(f"{TWILIO_SID}:{TWILIO_TOKEN}".encode()).decode()

    @app.post("/2010-04-01/Accounts/{account_sid}/Messages.json")
    async def create_message(account_sid: str, request: Request) -> Response:
        if request.headers.get("authorization") != expected_auth:
            return _twilio_error(401, 20003, "Authenticate")
        if account_sid != TWILIO_SID:
            return _twilio_error(404, 20404, "The requested resource was not found")
        form = dict((await request.form()).items())
        recorded.requests.append({"headers": dict(request.headers), "form": form})
        to, sender, text = form.get("To", ""), form.get("From"), form.get("Body")
        if not sender:
            return _twilio_error(400, 21603, "A 'From' phone number is required.")
        if not text:
            return _twilio_error(400, 21602, "Message body is required.")
        if not E164.match(str(to)):
            return _twilio_error(400, 21211, f"The 'To' number {to} is not a valid phone number.")
        if to == "+15005550009":
            return _twilio_error(400, 21614, "'To' number is not a valid mobile number")
        if to == "+15005550429":
            response = _twilio_error(429, 20429, "Too Many Requests")
            response.headers["Retry-After"] = "2"
            return response
        if to == "+15005550500":
            return _twilio_error(500, 20500, "Internal Server Error")
        recorded.accepted.append(form)
        sid = "SM" + secrets.token_hex(16)
        resource = {
            "account_sid": TWILIO_SID,
            "api_version": "2010-04-01",
            "body": text,
            "date_created": "Thu, 03 Dec 2026 13:00:00 +0000",
            "date_sent": None,
            "date_updated": "Thu, 03 Dec 2026 13:00:00 +0000",
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": sender,
            "messaging_service_sid": None,
            "num_media": "0",
            "num_segments": "1",
            # Twilio reports a price once it is known, as a negative amount
            "price": "-0.00790" if str(to).endswith("7") else None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "to": to,
            "uri": f"/2010-04-01/Accounts/{TWILIO_SID}/Messages/{sid}.json",
        }
        return JSONResponse(resource, status_code=201)

    return app


@asynccontextmanager
async def serve(app: FastAPI) -> AsyncIterator[str]:
    """Serve `app` on a free local port for the duration; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await asyncio.wait_for(task, timeout=5)
