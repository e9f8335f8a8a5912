"""Who the client is behind reverse proxies: X-Forwarded-For and X-Forwarded-Proto are believed
only from peers in CRM_TRUSTED_PROXIES; from anyone else the peer itself is the client, so a
caller cannot pick the address that rate limits and the audit log see."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

RESOLVED_KEY = "crm.client_resolved"
"""Set in the ASGI scope once the client is resolved, so an inner app does not resolve again."""


def parse_networks(values: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or CIDRs as networks (a bare address is a /32 or /128)."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values)


def in_networks(host: str | None, networks: tuple[Network, ...]) -> bool:
    """Whether `host` (an IP address in text) lies in any of `networks`."""
    address = _address(host)
    return address is not None and any(address in network for network in networks)


def _address(host: str | None) -> Address | None:
    if not host:
        return None
    try:
        address = ipaddress.ip_address(host.strip())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@dataclass(frozen=True)
class Origin:
    """The client's address and the scheme it used, as far as trusted proxies tell."""

    host: str | None
    scheme: str


def _header_values(scope: Scope, name: bytes) -> list[str]:
    values: list[str] = []
    for key, value in scope.get("headers") or []:
        if key.lower() == name:
            values.extend(part.strip() for part in value.decode("latin-1").split(","))
    return [value for value in values if value]


def resolve_origin(scope: Scope, trusted: tuple[Network, ...]) -> Origin:
    """The client behind the trusted proxies: walking X-Forwarded-For from the right (the
    nearest proxy's entry), the first address that is not itself a trusted proxy. An entry
    that is not an address ends the walk at the last trusted hop."""
    peer = scope.get("client")
    host: str | None = peer[0] if peer else None
    scheme = str(scope.get("scheme", "http"))
    if not trusted or not in_networks(host, trusted):
        return Origin(host, scheme)
    for hop in reversed(_header_values(scope, b"x-forwarded-for")):
        address = _address(hop)
        if address is None:
            break
        host = str(address)
        if not any(address in network for network in trusted):
            break
    proto = _header_values(scope, b"x-forwarded-proto")
    if proto and proto[-1].lower() in ("http", "https"):
        secure = proto[-1].lower() == "https"
        if scope["type"] == "websocket":
            scheme = "wss" if secure else "ws"
        else:
            scheme = "https" if secure else "http"
    return Origin(host, scheme)


def apply_origin(scope: Scope, origin: Origin, *, overwrite_headers: bool) -> Scope:
    """A copy of `scope` whose client and scheme are `origin`'s; with `overwrite_headers`
    (an edge proxy) its X-Forwarded-For/-Proto say exactly that, whatever the client sent."""
    peer = scope.get("client")
    port = peer[1] if peer else 0
    # The copy shares the request state with the original, so what inner layers put there
    # (the request id) is seen by the outer ones (the 500 handler's request id).
    scope.setdefault("state", {})
    updated = dict(scope)
    updated["client"] = (origin.host, port) if origin.host is not None else peer
    updated["scheme"] = origin.scheme
    updated[RESOLVED_KEY] = True
    if overwrite_headers:
        headers = [
            (key, value)
            for key, value in scope.get("headers") or []
            if key.lower() not in (b"x-forwarded-for", b"x-forwarded-proto")
        ]
        if origin.host is not None:
            headers.append((b"x-forwarded-for", origin.host.encode("latin-1")))
        secure = origin.scheme in ("https", "wss")
        headers.append((b"x-forwarded-proto", b"https" if secure else b"http"))
        updated["headers"] = headers
    return updated


class TrustedProxyMiddleware:
    """Resolves the client of HTTP and WebSocket requests once, from the trusted proxies'
    headers; `edge=True` (the all-in-one gateway, itself the proxy in front of the services)
    also rewrites X-Forwarded-For/-Proto so no client-sent value travels further."""

    def __init__(self, app: ASGIApp, *, trusted_proxies: Iterable[str], edge: bool = False) -> None:
        self.app = app
        self.trusted = parse_networks(trusted_proxies)
        self.edge = edge

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or scope.get(RESOLVED_KEY):
            await self.app(scope, receive, send)
            return
        origin = resolve_origin(scope, self.trusted)
        await self.app(apply_origin(scope, origin, overwrite_headers=self.edge), receive, send)
