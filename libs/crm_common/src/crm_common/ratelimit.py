"""Request rate limiting in Redis: a sliding-window counter per key, checked and counted
atomically for several keys at once by one Lua script, plus an ASGI middleware that limits
every request per signed-in user (a valid access token) or, without one, per client IP, and
public routes (no sign-in, such as the tracking links under /t/) per client address on a
limit of their own.

The window is approximated from two fixed buckets (the current and the previous one,
weighted by how much of it still overlaps the window), which keeps one counter per key
and bucket instead of one entry per request. A refused request is not counted, so a
client that keeps retrying is let through as soon as its window has room again.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError
from starlette.types import ASGIApp, Receive, Scope, Send

from crm_common.errors import CRMError, RateLimited, amend_operations
from crm_common.logging import LogThrottle
from crm_common.security.jwt import TokenCodec
from crm_common.settings import Settings

log = structlog.get_logger(__name__)
# Every request meets an unreachable Redis: one line per back-off step, not one per request.
REDIS_DOWN = LogThrottle(log, "rate_limit_unavailable")

# KEYS: one base key per limit. ARGV: limit_1, window_1, limit_2, window_2, …
# Returns {allowed (1/0), retry_after_ms, refused limit index (1-based, 0 if none),
#          remaining of the tightest limit}.
_SLIDING_WINDOW = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local buckets = {}
local retry_ms = 0
local refused = 0
local remaining = -1
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[2 * i - 1])
  local window = tonumber(ARGV[2 * i])
  local index = math.floor(now / window)
  local elapsed = now - index * window
  local current_key = key .. ':' .. string.format('%d', index)
  local previous = tonumber(redis.call('GET', key .. ':' .. string.format('%d', index - 1)) or '0')
  local current = tonumber(redis.call('GET', current_key) or '0')
  local estimate = previous * (window - elapsed) / window + current
  if estimate + 1 > limit then
    local wait
    if current + 1 > limit then
      -- Only once this bucket has become the previous one and faded enough.
      wait = (window - elapsed) + window * (1 - (limit - 1) / current)
    else
      wait = (window - elapsed) - window * (limit - 1 - current) / previous
    end
    if wait < 0.001 then wait = 0.001 end
    if wait * 1000 > retry_ms then
      retry_ms = math.ceil(wait * 1000)
      refused = i
    end
  else
    local left = math.floor(limit - estimate - 1)
    if remaining < 0 or left < remaining then remaining = left end
  end
  buckets[i] = {current_key, window}
end
if refused > 0 then
  return {0, retry_ms, refused, 0}
end
for _, bucket in ipairs(buckets) do
  redis.call('INCR', bucket[1])
  redis.call('PEXPIRE', bucket[1], bucket[2] * 2000)
end
return {1, 0, 0, remaining}
"""


@dataclass(frozen=True)
class Limit:
    """At most `limit` requests per `window_s` seconds for `key`."""

    key: str
    limit: int
    window_s: int
    scope: str = "request"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int
    remaining: int
    refused: Limit | None = None


class RateLimiter:
    """Checks and counts one request against several limits in one Redis round trip."""

    def __init__(self, redis: Redis, prefix: str = "crm:rl") -> None:
        self.redis = redis
        self.prefix = prefix
        self._script = redis.register_script(_SLIDING_WINDOW)

    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    async def hit(self, *limits: Limit) -> Decision:
        """Count one request against every limit, unless one of them is exhausted (then
        nothing is counted and the decision says how long to wait)."""
        if not limits:
            return Decision(True, 0, -1)
        args: list[int] = []
        for limit in limits:
            args.extend((limit.limit, limit.window_s))
        allowed, retry_ms, refused, remaining = await self._script(
            keys=[limit.key for limit in limits], args=args
        )
        if allowed:
            return Decision(True, 0, int(remaining))
        retry_after = max(1, -(-int(retry_ms) // 1000))
        return Decision(False, retry_after, 0, limits[int(refused) - 1])

    async def enforce(self, *limits: Limit) -> Decision:
        """Like `hit`, raising RateLimited (429 with Retry-After) when refused. Fails open
        when Redis cannot be reached: losing the limiter must not take the API down."""
        try:
            decision = await self.hit(*limits)
        except RedisError as exc:
            REDIS_DOWN.warning(error=type(exc).__name__)
            return Decision(True, 0, -1)
        REDIS_DOWN.reset()
        if not decision.allowed:
            raise rate_limited(decision)
        return decision


def rate_limited(decision: Decision) -> RateLimited:
    error = RateLimited(decision.retry_after)
    if decision.refused is not None:
        refused = decision.refused
        error.details.update(
            {"scope": refused.scope, "limit": refused.limit, "window_s": refused.window_s}
        )
    return error


def client_ip(scope: Scope) -> str | None:
    """The caller's address: the peer as `TrustedProxyMiddleware` resolved it (a forwarded
    address counts only when it came from a proxy in `CRM_TRUSTED_PROXIES`)."""
    peer = scope.get("client")
    return peer[0] if peer else None


def ip_bucket(address: str | None) -> str:
    """The limiter key part for an address: IPv4 as is, IPv6 by its /64 network (one
    subscriber usually holds a whole /64), anything unparsable hashed."""
    if not address:
        return "unknown"
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return "h" + hashlib.sha256(address.encode()).hexdigest()[:16]
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is None:
        return str(ipaddress.IPv6Network((parsed, 64), strict=False).network_address)
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(parsed)


UNLIMITED_PATHS = ("/healthz", "/readyz", "/metrics")


def rate_limited_response() -> dict[str, Any]:
    """The OpenAPI response object of a 429."""
    return {
        "description": RateLimited.message,
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before trying again.",
                "schema": {"type": "integer"},
            }
        },
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/ErrorBody"},
                "example": {
                    "error_code": RateLimited.error_code,
                    "message": RateLimited.message,
                    "details": {"retry_after": 12, "scope": "user", "limit": 1200, "window_s": 60},
                },
            }
        },
    }


def document_rate_limits(app: Any, exempt: Sequence[str] = UNLIMITED_PATHS) -> None:
    """Make `app`'s OpenAPI document list the 429 (with Retry-After) on every operation that
    `RateLimitMiddleware` limits, i.e. every one but the health and metrics endpoints."""

    def amend(path: str, operation: dict[str, Any]) -> None:
        if path not in exempt:
            operation.setdefault("responses", {}).setdefault("429", rate_limited_response())

    amend_operations(app, amend)


def bearer_subject(scope: Scope, codec: TokenCodec) -> str | None:
    """The user id of a valid bearer access token on the request, else None. The verified
    claims stay in the request's state, so the principal does not verify the token again."""
    for name, value in scope.get("headers") or []:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() != "bearer" or not token:
                return None
            try:
                claims = codec.decode_access(token.strip())
            except CRMError:
                return None
            return str(claims["sub"])
    return None


def request_limits(
    settings: Settings, limiter: RateLimiter, ip: str | None, user_id: str | None
) -> list[Limit]:
    """The limit one API request counts against: its user's when it carries a valid access
    token, else its client address's. Signed-in users are never limited by their address:
    an office (or a single machine's loopback) behind one address serves many of them, and a
    valid token is something an anonymous flood does not have."""
    window = settings.rate_limit_window_s
    if user_id is not None:
        return [Limit(limiter.key("user", user_id), settings.rate_limit_per_user, window, "user")]
    return [Limit(limiter.key("ip", ip_bucket(ip)), settings.rate_limit_per_ip, window, "ip")]


def public_limits(settings: Settings, limiter: RateLimiter, ip: str | None) -> list[Limit]:
    """The limit a request to a public route counts against: its client address alone (no
    sign-in to tell users apart), on its own counter and its own limit."""
    return [
        Limit(
            limiter.key("public", ip_bucket(ip)),
            settings.rate_limit_public_per_ip,
            settings.rate_limit_window_s,
            "ip",
        )
    ]


class RateLimitMiddleware:
    """Limits every HTTP request per user when it carries a valid access token, else per
    client IP; requests under `public_prefixes` (routes anyone may call, such as tracking
    links) are limited per client address by `public_limits`. Health and metrics endpoints
    are never limited. The settings, Redis client and token codec come from the app's
    resources (app.state.resources), set by its lifespan."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        exempt: Sequence[str] = UNLIMITED_PATHS,
        public_prefixes: Sequence[str] = (),
    ):
        self.app = app
        self.exempt = frozenset(exempt)
        self.public_prefixes = tuple(public_prefixes)
        self._limiter: RateLimiter | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path") in self.exempt:
            await self.app(scope, receive, send)
            return
        state = getattr(scope.get("app"), "state", None)
        resources: Any = getattr(state, "resources", None)
        if resources is None or not resources.settings.rate_limit_enabled:
            await self.app(scope, receive, send)
            return
        settings: Settings = resources.settings
        limiter = self._limiter_for(resources.redis, settings.rate_limit_prefix)
        ip = client_ip(scope)
        path: str = scope.get("path", "")
        if self.public_prefixes and path.startswith(self.public_prefixes):
            limits = public_limits(settings, limiter, ip)
        else:
            limits = request_limits(settings, limiter, ip, bearer_subject(scope, resources.codec))
        try:
            decision = await limiter.hit(*limits)
        except RedisError as exc:
            REDIS_DOWN.warning(error=type(exc).__name__)
            await self.app(scope, receive, send)
            return
        REDIS_DOWN.reset()
        if decision.allowed:
            await self.app(scope, receive, send)
            return
        await _send_error(send, rate_limited(decision))

    def _limiter_for(self, redis: Redis, prefix: str) -> RateLimiter:
        if self._limiter is None or self._limiter.redis is not redis:
            self._limiter = RateLimiter(redis, prefix)
        return self._limiter


async def _send_error(send: Send, error: CRMError) -> None:
    body = json.dumps(
        {"error_code": error.error_code, "message": error.message, "details": error.details}
    ).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    headers.extend((k.lower().encode(), v.encode()) for k, v in (error.headers or {}).items())
    await send({"type": "http.response.start", "status": error.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": body})
