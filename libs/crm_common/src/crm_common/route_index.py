"""Routing by path prefix in front of FastAPI's router.

FastAPI tries an app's top-level routes in order, and an included router tries each of its
routes (a regular expression and some bookkeeping each) before the next router is asked:
a request for the 27th of 31 routers went through some 90 route matches, twice (once to
choose the router, once inside it). `RouteIndex` groups the top-level routes by the first
two segments of the paths they serve and tries only those that serve the request's; the
first full match among them is the one FastAPI's scan would find, since a route of another
group cannot serve the path. Anything else — no full match (a 404, a 405, a redirect to the
path with a slash), a WebSocket, lifespan — goes to FastAPI's router as before.

The full-match branch repeats FastAPI's own (`APIRouter.app`), through its helpers, so the
scope, the telemetry route name and the handling are the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from fastapi.routing import (  # the steps of APIRouter.app's full match
    APIRouter,
    _apply_router_form_limits,
    _update_scope,
)
from fastapi.telemetry._api import _route_selected
from starlette.routing import BaseRoute, Match, Mount
from starlette.types import Message, Receive, Scope, Send

_ANY = ""
"""The group of routes that may serve any path (a parameter within the first segments)."""


def group_of(path: str) -> str:
    """The group of a request path: its first two segments ("/api/campaigns")."""
    parts = path.split("/", 3)
    return "/".join(parts[:3])


def route_group(path_format: str) -> str:
    """The group of a route path, or `_ANY` when a parameter falls within its first two
    segments (the route may then serve paths of several groups)."""
    group = group_of(path_format)
    return _ANY if "{" in group else group


def _paths(route: BaseRoute) -> Iterable[str]:
    """The full paths a top-level route serves."""
    contexts = getattr(route, "effective_route_contexts", None)
    if contexts is not None:  # an included router
        for context in contexts():
            yield context.path
    elif isinstance(route, Mount):
        yield route.path + "/{path}"
    else:
        yield getattr(route, "path", "/{path}")


class RouteIndex:
    """The router's top-level routes by group, in their order; built at the first request
    and again whenever routes were added since."""

    def __init__(self, router: APIRouter) -> None:
        self.router = router
        self._built_for = -1
        self._groups: dict[str, tuple[BaseRoute, ...]] = {}
        self._any: tuple[BaseRoute, ...] = ()

    def _build(self) -> None:
        groups: dict[str, list[BaseRoute]] = {}
        anywhere: list[BaseRoute] = []
        for route in self.router.routes:
            names = {route_group(path) for path in _paths(route)}
            if _ANY in names:
                anywhere.append(route)
                # It keeps its place among every group's routes.
                for members in groups.values():
                    members.append(route)
                continue
            for name in names:
                groups.setdefault(name, list(anywhere)).append(route)
        self._groups = {name: tuple(members) for name, members in groups.items()}
        self._any = tuple(anywhere)
        self._built_for = len(self.router.routes)

    def candidates(self, path: str) -> tuple[BaseRoute, ...]:
        """The top-level routes that may serve `path`, in the router's order."""
        if self._built_for != len(self.router.routes):
            self._build()
        return self._groups.get(group_of(path), self._any)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            router = self.router
            _apply_router_form_limits(scope, router.form_limits)
            if "router" not in scope:
                scope["router"] = router
            path: str = scope["path"]
            root: str = scope.get("root_path", "")
            if root and path.startswith(root):
                path = path[len(root) :]  # the path the routes see (Starlette's route path)
            for route in self.candidates(path):
                match, child_scope = route.matches(scope)
                if match == Match.FULL:
                    _update_scope(scope, child_scope)
                    _route_selected(
                        scope=scope,
                        path=getattr(route, "path_format", None),
                        mount=isinstance(route, Mount),
                    )
                    await route.handle(scope, receive, send)
                    return
        await self.router.app(scope, receive, _relative_redirects(scope, send))


def _relative_redirects(scope: Scope, send: Send) -> Send:
    """`send`, with the Location of the router's redirect to the path with (or without) a
    slash made relative: Starlette builds it from the request's Host header, which a client
    chooses, so an absolute one would send the caller wherever that header named."""
    if scope["type"] != "http":
        return send

    async def relative(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] in (307, 308):
            headers = [
                (name, _path_of(value) if name.lower() == b"location" else value)
                for name, value in message.get("headers") or []
            ]
            message = {**message, "headers": headers}
        await send(message)

    return relative


def _path_of(location: bytes) -> bytes:
    """The path and query of an absolute URL (a relative one as it is)."""
    parts = urlsplit(location.decode("latin-1"))
    if not parts.scheme and not parts.netloc:
        return location
    # One leading slash: "//host/…" would be read as another host's address.
    path = "/" + parts.path.lstrip("/")
    return (path + (f"?{parts.query}" if parts.query else "")).encode("latin-1")


def install(router: APIRouter) -> None:
    """Route `router`'s requests through a `RouteIndex` (its own middleware stack, the
    Starlette attribute a router calls; routers with middleware of their own keep theirs)."""
    if router.middleware_stack == router.app:
        router.middleware_stack = RouteIndex(router)
