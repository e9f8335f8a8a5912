"""Pure-ASGI middleware: request id and log context, metrics, and request hygiene
(body size limit, NUL bytes refused) so bad input is a 4xx, never a 500; security headers on
every response."""

from __future__ import annotations

import json
import re
import time
import uuid
from typing import Any

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm_common.audit import PendingRequestMeta, request_meta_var
from crm_common.events.outbox import correlation_id_var
from crm_common.metrics import REQUEST_LATENCY, REQUESTS

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
MAX_JSON_DEPTH = 64
"""The deepest a JSON body may nest. Nothing the API takes comes near it (segment rules stop at
eight groups); far deeper documents would exhaust the recursion of the code that walks them."""
_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


Rejection = tuple[int, str, str, str | None]
"""A request refused before it reaches the app: status, error code, message and the part of
the request at fault (`body`, `query`, `path`), named in `details.fields` when it is input."""


def _error(
    status: int, code: str, message: str, request_id: str, details: dict[str, Any] | None = None
) -> tuple[Message, Message]:
    body = json.dumps({"error_code": code, "message": message, "details": details or {}}).encode()
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
        meta_token = request_meta_var.set(
            PendingRequestMeta(request_id, scope.get("client"), scope.get("headers") or [])
        )
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
            body: bytes | None = None
            if rejection is None and scope.get("method") in ("POST", "PUT", "PATCH", "DELETE"):
                body, rejection = await self._read_body(receive, headers)
            if rejection:
                status_holder["status"] = rejection[0]
                status, code, text, part = rejection
                fields = {"fields": {part: [text]}} if part is not None else None
                for message in _error(status, code, text, request_id, fields):
                    await send(message)
                return
            await self.app(
                scope, _replay(body, receive) if body is not None else receive, send_wrapper
            )
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            elapsed = time.perf_counter() - started
            method = scope.get("method", "GET")
            REQUESTS.labels(self.service, method, path, str(status_holder["status"])).inc()
            REQUEST_LATENCY.labels(self.service, method, path).observe(elapsed)
            correlation_id_var.reset(token)
            request_meta_var.reset(meta_token)

    def _reject(self, scope: Scope, headers: dict[bytes, bytes]) -> Rejection | None:
        length = headers.get(b"content-length")
        if length is not None:
            try:
                if int(length) > self.max_body_bytes:
                    return 413, "payload_too_large", "The request body is too large.", None
            except ValueError:
                return 400, "bad_request", "Content-Length is not a number.", None
        query: bytes = scope.get("query_string", b"")
        if b"%00" in query or b"\x00" in query:
            return 422, "validation_error", "NUL characters are not allowed.", "query"
        if "\x00" in scope.get("path", ""):
            return 422, "validation_error", "NUL characters are not allowed.", "path"
        return None

    async def _read_body(
        self, receive: Receive, headers: dict[bytes, bytes]
    ) -> tuple[bytes, Rejection | None]:
        """Read the whole body (bounded), refusing one that is too large or, unless it is a
        file upload, holds NUL characters (PostgreSQL text cannot store them)."""
        chunks: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk: bytes = message.get("body", b"")
            seen += len(chunk)
            if seen > self.max_body_bytes:
                return b"", (413, "payload_too_large", "The request body is too large.", None)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        encoding = headers.get(b"content-encoding", b"identity").strip().lower()
        if body and encoding not in (b"", b"identity"):
            # Read as it came, a compressed body would be refused for what its bytes happen
            # to hold; say what is wrong instead.
            unsupported = "Request bodies are accepted uncompressed (no Content-Encoding)."
            return b"", (415, "unsupported_media_type", unsupported, None)
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if content_type != b"multipart/form-data" and (b"\x00" in body or b"\\u0000" in body):
            return b"", (422, "validation_error", "NUL characters are not allowed.", "body")
        if content_type.endswith(b"json") and _nests_deeper(body, MAX_JSON_DEPTH):
            too_deep = f"The JSON body nests deeper than {MAX_JSON_DEPTH} levels."
            return b"", (422, "validation_error", too_deep, "body")
        return body, None


def _nests_deeper(body: bytes, limit: int) -> bool:
    """Whether the JSON text `body` opens more than `limit` objects or arrays inside one
    another (brackets inside strings do not count; an invalid document is left to the parser
    to refuse)."""
    if body.count(b"{") + body.count(b"[") <= limit:
        return False
    depth = 0
    for bracket in _JSON_BRACKET.findall(_JSON_STRING.sub(b"", body)):
        if bracket in (b"{", b"["):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


class KeepConnectionOnError:
    """The outermost layer of a service app. Starlette answers an unhandled exception with
    the error handler's 500 and then re-raises it for the server to log; a server that sees it
    drops the keep-alive connection. Here the exception ends once its answer is complete, so
    the client's next request on the same connection is served. An exception before any answer
    gets the standard 500 body; one in the middle of a response still ends the connection (the
    client must not take a truncated body for a whole one)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = {"started": False, "complete": False}

        async def tracking_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["started"] = True
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                state["complete"] = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            if state["complete"]:
                return  # answered (and logged) by the app's error handler
            if state["started"]:
                raise
            request_id = scope.get("state", {}).get("request_id") or uuid.uuid4().hex
            structlog.get_logger(__name__).exception("unhandled_error", path=scope.get("path"))
            start, body = _error(
                500,
                "internal_error",
                "An unexpected error occurred.",
                request_id,
                {"request_id": request_id},
            )
            await send(start)
            await send(body)


PAGE_CSP = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        # The SPA's toasts and dialogs and ReDoc insert <style> elements at run time.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'{websocket}",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    )
)
"""The policy of HTML pages (the SPA, /docs, /redoc): scripts only from our own files.
`{websocket}` becomes this host's ws:/wss: origin (not every browser lets 'self' cover them)."""
_HOST = re.compile(r"^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$|^\[[0-9A-Fa-f:.]{2,45}\](:\d{1,5})?$")
DATA_CSP = "default-src 'none'; frame-ancestors 'none'"
"""The policy of everything else (JSON, files): nothing to run, never framed."""


HEADERS_APPLIED_KEY = "crm.security_headers"


PRIVATE_CACHING = b"private, no-cache"
"""What a response to a request carrying credentials may be cached as: by the caller's own
browser only, and revalidated (its ETag) before each use. What one user sees (budget figures,
personal data) differs from what another sees under the same URL and ETag."""


class SecurityHeadersMiddleware:
    """Adds nosniff, a Referrer-Policy, a Content-Security-Policy with frame-ancestors and,
    on requests that arrived over https, HSTS, to each HTTP response that lacks them. A
    response to a request with an `Authorization` header is also kept out of shared caches
    (`Cache-Control: private, no-cache` unless the endpoint chose its own, and
    `Vary: Authorization`)."""

    def __init__(self, app: ASGIApp, *, hsts_max_age_s: int = 31_536_000) -> None:
        self.app = app
        self.hsts = f"max-age={hsts_max_age_s}; includeSubDomains".encode()
        self.hsts_enabled = hsts_max_age_s > 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get(HEADERS_APPLIED_KEY):
            # An outer instance (the all-in-one gateway's) already adds them.
            await self.app(scope, receive, send)
            return
        scope[HEADERS_APPLIED_KEY] = True
        secure = scope.get("scheme") == "https"
        request_headers = scope.get("headers") or []
        host = next((v for k, v in request_headers if k == b"host"), b"")
        credentials = any(k == b"authorization" for k, _ in request_headers)
        text = host.decode("latin-1")
        websocket = f" {'wss' if secure else 'ws'}://{text}" if _HOST.match(text) else ""
        page_csp = PAGE_CSP.format(websocket=websocket).encode()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                html = content_type.split(b";")[0].strip().lower() == b"text/html"
                wanted = [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"strict-origin-when-cross-origin"),
                    (b"content-security-policy", page_csp if html else DATA_CSP.encode()),
                    (b"x-frame-options", b"DENY"),
                ]
                if secure and self.hsts_enabled:
                    wanted.append((b"strict-transport-security", self.hsts))
                if credentials:
                    wanted.append((b"cache-control", PRIVATE_CACHING))
                    headers = _vary_on_authorization(headers)
                headers.extend(item for item in wanted if item[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _vary_on_authorization(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """`headers` with Authorization among the request headers the response varies on."""
    for index, (name, value) in enumerate(headers):
        if name.lower() == b"vary":
            names = {part.strip().lower() for part in value.split(b",")}
            if b"authorization" in names or b"*" in names:
                return headers
            return [*headers[:index], (name, value + b", Authorization"), *headers[index + 1 :]]
    return [*headers, (b"vary", b"Authorization")]
