"""Pure-ASGI middleware: request id and log context, metrics, and request hygiene
(body size limit, NUL bytes refused) so bad input is a 4xx, never a 500."""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm_common.events.outbox import correlation_id_var
from crm_common.metrics import REQUEST_LATENCY, REQUESTS

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def _error(status: int, code: str, message: str, request_id: str) -> tuple[Message, Message]:
    body = json.dumps({"error_code": code, "message": message, "details": {}}).encode()
    return (
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"x-request-id", request_id.encode()),
            ],
        },
        {"type": "http.response.body", "body": body},
    )


class _BodyTooLarge(Exception):
    pass


class _NulInBody(Exception):
    pass


class RequestContextMiddleware:
    """Assigns a request id, binds log context, records metrics and guards the input."""

    def __init__(self, app: ASGIApp, *, service: str, max_body_bytes: int) -> None:
        self.app = app
        self.service = service
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id, service=self.service)
        token = correlation_id_var.set(request_id)
        started = time.perf_counter()
        status_holder = {"status": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            rejection = self._reject(scope, headers)
            if rejection:
                status_holder["status"] = rejection[0]
                for message in _error(*rejection, request_id):
                    await send(message)
                return
            guarded = self._guard_body(receive)
            try:
                await self.app(scope, guarded, send_wrapper)
            except _BodyTooLarge:
                status_holder["status"] = 413
                for message in _error(
                    413, "payload_too_large", "The request body is too large.", request_id
                ):
                    await send(message)
            except _NulInBody:
                status_holder["status"] = 422
                for message in _error(
                    422, "validation_error", "NUL characters are not allowed.", request_id
                ):
                    await send(message)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            method = scope.get("method", "GET")
            REQUESTS.labels(self.service, method, path, str(status_holder["status"])).inc()
            REQUEST_LATENCY.labels(self.service, method, path).observe(elapsed)
            correlation_id_var.reset(token)

    def _reject(self, scope: Scope, headers: dict[bytes, bytes]) -> tuple[int, str, str] | None:
        length = headers.get(b"content-length")
        if length is not None:
            try:
                if int(length) > self.max_body_bytes:
                    return 413, "payload_too_large", "The request body is too large."
            except ValueError:
                return 400, "bad_request", "Content-Length is not a number."
        query: bytes = scope.get("query_string", b"")
        if b"%00" in query or b"\x00" in query:
            return 422, "validation_error", "NUL characters are not allowed."
        if "\x00" in scope.get("path", ""):
            return 422, "validation_error", "NUL characters are not allowed."
        return None

    def _guard_body(self, receive: Receive) -> Receive:
        seen = 0
        tail = b""
        limit = self.max_body_bytes

        async def guarded() -> Message:
            nonlocal seen, tail
            message: dict[str, Any] = dict(await receive())
            if message["type"] == "http.request":
                chunk: bytes = message.get("body", b"")
                seen += len(chunk)
                if seen > limit:
                    raise _BodyTooLarge()
                # PostgreSQL text cannot hold NUL: refuse it raw or JSON-escaped.
                window = tail + chunk
                if b"\x00" in window or b"\\u0000" in window:
                    raise _NulInBody()
                tail = window[-6:]
            return message

        return guarded
