"""The HTTP methods a path answers, told the same way everywhere: `OPTIONS` is answered with
`Allow`, `HEAD` is served wherever `GET` is (the GET's status and headers, no body), a method
the path does not take is a 405 whose `Allow` lists every method it does take (not only those
of the first route that happens to match), and `TRACE` is refused."""

from __future__ import annotations

import json
import re

from fastapi.routing import iter_route_contexts
from starlette.routing import Mount, Route, Router, compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REFUSED_METHODS = frozenset({"TRACE", "CONNECT"})
"""Never served, whatever the path: TRACE echoes requests back (cross-site tracing)."""

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_ANY_UUID = "00000000-0000-0000-0000-000000000000"
_CACHED_PATHS = 4096


def _route_table(router: Router) -> list[tuple[str, re.Pattern[str] | None, frozenset[str]]]:
    """(path template, its regex, methods) of every route, included routers flattened; a
    mounted app has no methods of its own (None regex: matched by prefix)."""
    table: list[tuple[str, re.Pattern[str] | None, frozenset[str]]] = []
    for context in iter_route_contexts(router.routes):
        route = context.original_route
        path = context.path
        if path is None:
            continue
        if isinstance(route, Mount):
            table.append((path, None, frozenset()))
        elif isinstance(route, Route):
            table.append((path, compile_path(path)[0], frozenset(context.methods or ())))
    return table


def allowed_methods(
    table: list[tuple[str, re.Pattern[str] | None, frozenset[str]]], path: str
) -> list[str] | None:
    """The methods `path` takes, or None when no route matches it (a 404) or a mounted app
    answers it. A path that matches a literal route and a parameterised one (`/contacts/bulk/`
    and `/contacts/{contact_id}/`) belongs to the literal one."""
    by_template: dict[str, set[str]] = {}
    for template, regex, methods in table:
        if regex is None:
            if path == template or path.startswith(template.rstrip("/") + "/"):
                return None
            continue
        if regex.match(path):
            by_template.setdefault(template, set()).update(methods)
    if not by_template:
        return None
    fewest = min(template.count("{") for template in by_template)
    allowed: set[str] = set()
    for template, taken in by_template.items():
        if template.count("{") == fewest:
            allowed |= taken
    if "GET" in allowed:
        allowed.add("HEAD")
    allowed.add("OPTIONS")
    return sorted(allowed)


def _answer(
    status: int, allow: list[str], body: dict[str, object] | None
) -> list[dict[str, object]]:
    payload = json.dumps(body).encode() if body is not None else b""
    headers = [
        (b"allow", ", ".join(allow).encode()),
        (b"content-length", str(len(payload)).encode()),
    ]
    if body is not None:
        headers.append((b"content-type", b"application/json"))
    return [
        {"type": "http.response.start", "status": status, "headers": headers},
        {"type": "http.response.body", "body": payload},
    ]


class AllowedMethodsMiddleware:
    """Answers OPTIONS (204 with `Allow`) and refuses a method the path does not take (405 with
    `Allow`, in the error format) before routing; TRACE and CONNECT are always 405."""

    def __init__(self, app: ASGIApp, *, router: Router) -> None:
        self.app = app
        self.router = router
        # Built on the first request: routes are included after the middleware is added.
        self.table: list[tuple[str, re.Pattern[str] | None, frozenset[str]]] | None = None
        self.known: dict[str, list[str] | None] = {}

    def allowed(self, path: str) -> list[str] | None:
        """`allowed_methods` of `path`, remembered by the path's shape: every id segment (a
        UUID) reads as one id, as no route has a UUID of its own, so the scan over the route
        table runs once per kind of path instead of on every request."""
        if self.table is None:
            self.table = _route_table(self.router)
        shape = _UUID.sub(_ANY_UUID, path)
        if shape in self.known:
            return self.known[shape]
        allow = allowed_methods(self.table, shape)
        if len(self.known) >= _CACHED_PATHS:
            self.known.clear()
        self.known[shape] = allow
        return allow

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        allow = self.allowed(scope["path"])
        if allow is None and method not in REFUSED_METHODS:
            await self.app(scope, receive, send)
            return
        allow = allow or []
        if method == "OPTIONS" or method in REFUSED_METHODS or method not in allow:
            await answer_method(method, allow, send)
            return
        if method == "HEAD":  # the routes declare GET only: answer it, then drop the body
            await self.app({**scope, "method": "GET"}, receive, _headers_only(send))
            return
        await self.app(scope, receive, send)


def _headers_only(send: Send) -> Send:
    """`send` for a HEAD request served by its GET: the response's start (status, headers,
    `Content-Length` included) as it is, its body left out."""

    async def forward(message: Message) -> None:
        if message["type"] != "http.response.body":
            await send(message)
        elif not message.get("more_body", False):
            await send({"type": "http.response.body", "body": b"", "more_body": False})

    return forward


async def answer_method(method: str, allow: list[str], send: Send) -> None:
    """Answer a request the path does not serve itself: OPTIONS with 204 and `Allow`, any
    other method with a 405 in the error format whose `Allow` lists `allow`."""
    if method == "OPTIONS" and method not in REFUSED_METHODS:
        messages = _answer(204, allow, None)
    else:
        messages = _answer(
            405,
            allow,
            {
                "error_code": "method_not_allowed",
                "message": f"{method} is not allowed here.",
                "details": {"allowed": allow},
            },
        )
    for message in messages:
        await send(message)
