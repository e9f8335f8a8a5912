"""One signed POST to a webhook URL, refusing any address that is not public (or allowed).

httpx never follows redirects or reads proxy settings here: each hop's host is resolved by
us, every address checked, and the request sent to the checked address with the original
`Host` header and TLS server name, so a DNS answer changing after the check (rebinding)
cannot redirect the request into the cluster. Connections are not reused between requests.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from crm_common.settings import Settings
from crm_common.webhooks.addresses import (
    AllowList,
    ParsedTarget,
    Resolver,
    TargetRefused,
    resolve_target,
    system_resolver,
)
from crm_common.webhooks.enums import WebhookAttemptOutcome

MAX_REDIRECTS = 3
RESPONSE_LOG_BYTES = 2048
"""How much of a receiver's answer the delivery log keeps."""
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
USER_AGENT = "CRM-Webhooks/1.0"


@dataclass(frozen=True)
class AttemptResult:
    outcome: WebhookAttemptOutcome
    url: str
    status_code: int | None = None
    response_body: str | None = None
    error: str | None = None
    latency_ms: int | None = None

    @property
    def succeeded(self) -> bool:
        return self.outcome == WebhookAttemptOutcome.SUCCEEDED


def _pinned_url(target: ParsedTarget, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """`target`'s URL with the checked address in place of its host."""
    parts = urlsplit(target.url)
    address = f"[{ip}]" if ip.version == 6 else str(ip)
    default = 443 if target.scheme == "https" else 80
    netloc = address if target.port == default else f"{address}:{target.port}"
    return urlunsplit((target.scheme, netloc, parts.path or "/", parts.query, ""))


def _host_header(target: ParsedTarget) -> str:
    host = f"[{target.host}]" if ":" in target.host else target.host
    default = 443 if target.scheme == "https" else 80
    return host if target.port == default else f"{host}:{target.port}"


async def _excerpt(response: httpx.Response) -> str:
    """The first RESPONSE_LOG_BYTES of the body; the rest is never read."""
    kept = bytearray()
    async for chunk in response.aiter_bytes():
        kept.extend(chunk[: RESPONSE_LOG_BYTES - len(kept)])
        if len(kept) >= RESPONSE_LOG_BYTES:
            break
    return kept.decode("utf-8", errors="replace")


class WebhookSender:
    """Sends signed deliveries; one per process (its HTTP client is closed with `aclose`)."""

    def __init__(self, settings: Settings, resolver: Resolver = system_resolver) -> None:
        self.settings = settings
        self.resolver = resolver
        self.client = httpx.AsyncClient(
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(
                settings.webhook_timeout_s, connect=settings.webhook_connect_timeout_s
            ),
            limits=httpx.Limits(max_keepalive_connections=0),
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def _hop(
        self,
        target: ParsedTarget,
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
        body: bytes,
        headers: dict[str, str],
    ) -> tuple[int, str, str | None]:
        """POST to the checked address: (status, body excerpt, Location header)."""
        extensions = {}
        if target.scheme == "https" and target.literal is None:
            extensions["sni_hostname"] = target.host
        request = self.client.build_request(
            "POST",
            _pinned_url(target, ip),
            content=body,
            headers={**headers, "Host": _host_header(target)},
            extensions=extensions,
        )
        async with asyncio.timeout(self.settings.webhook_timeout_s):
            response = await self.client.send(request, stream=True)
            try:
                excerpt = await _excerpt(response)
            finally:
                await response.aclose()
        return response.status_code, excerpt, response.headers.get("location")

    async def post(
        self, url: str, body: bytes, headers: dict[str, str], allow: AllowList
    ) -> AttemptResult:
        """POST `body` to `url` (following up to MAX_REDIRECTS redirects, each target
        checked) and say how it went; never raises for the receiver's or network's faults."""
        started = time.monotonic()
        current = url

        def elapsed() -> int:
            return int((time.monotonic() - started) * 1000)

        hop = 0
        while True:
            try:
                resolved = await resolve_target(current, allow, self.resolver)
            except TargetRefused as exc:
                error = f"refused: {exc.detail}" + (" (after a redirect)" if hop else "")
                return AttemptResult(
                    WebhookAttemptOutcome.REFUSED, current, error=error, latency_ms=elapsed()
                )
            try:
                status, excerpt, location = await self._hop(
                    resolved.target, resolved.ip, body, headers
                )
            except (httpx.HTTPError, OSError, TimeoutError) as exc:
                return AttemptResult(
                    WebhookAttemptOutcome.FAILED,
                    current,
                    error=f"{type(exc).__name__}: {exc}"[:500] if str(exc) else type(exc).__name__,
                    latency_ms=elapsed(),
                )
            if status in REDIRECT_STATUSES and location:
                if hop == MAX_REDIRECTS:
                    return AttemptResult(
                        WebhookAttemptOutcome.FAILED,
                        current,
                        status_code=status,
                        response_body=excerpt,
                        error=f"more than {MAX_REDIRECTS} redirects",
                        latency_ms=elapsed(),
                    )
                current = urljoin(current, location)
                hop += 1
                continue
            ok = 200 <= status < 300
            return AttemptResult(
                WebhookAttemptOutcome.SUCCEEDED if ok else WebhookAttemptOutcome.FAILED,
                current,
                status_code=status,
                response_body=excerpt,
                error=None if ok else f"HTTP {status}",
                latency_ms=elapsed(),
            )
