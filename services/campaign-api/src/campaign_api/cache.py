"""Campaign read cache in Redis (20-minute TTL by default, CRM_CAMPAIGN_CACHE_TTL_S).

Keys always start with the company id, so one tenant's entry can never answer another
tenant's read, and carry the caller's *view shape* (which fields they may see, which
optional parts were asked for), so a principal never gets a rendering made for someone who
may see more.

Invalidation is by generation: every key embeds the company's and the campaign's current
generation, and invalidating replaces the generation with a fresh random one, which orphans
every older entry at once (they expire with their TTL). A read learns the generations in
the same round trip as its lookup and stores its result under *those* generations, so a
result computed from data a concurrent write has since replaced lands under a dead key and
is never served. Writers invalidate both before and after their transaction commits
(`invalidate(..., session=session)`), which closes the window in which a reader could
cache the row as it was just before the commit.

Redis trouble never fails a request: a failed lookup is a miss, a failed store is skipped.
"""

from __future__ import annotations

import json
import re
import secrets
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

import structlog
from fastapi import Depends
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common import campaign_cache as cache_keys
from crm_common.db import after_commit
from crm_common.deps import AppResources
from crm_common.logging import LogThrottle
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal

log = structlog.get_logger(__name__)
# Every read meets an unreachable Redis: one line per back-off step, not one per request.
CACHE_DOWN = LogThrottle(log, "campaign_cache_unavailable")

PREFIX = cache_keys.PREFIX
_SHAPE = re.compile(r"^[a-z0-9_.=-]{1,120}$")

# KEYS[1]: company generation, KEYS[2]: campaign generation. ARGV[1]: entry key prefix,
# ARGV[2]: shape. Returns {company generation, campaign generation, entry or false}.
_LOOKUP = """
local company_gen = redis.call('GET', KEYS[1]) or '0'
local campaign_gen = redis.call('GET', KEYS[2]) or '0'
local key = ARGV[1] .. ':' .. company_gen .. ':' .. campaign_gen .. ':' .. ARGV[2]
local entry = redis.call('GET', key)
return {company_gen, campaign_gen, entry or false}
"""


def view_shape(principal: Principal, **options: bool) -> str:
    """The part of a cache key that depends on who reads and what they asked for: the
    field-level permissions that change a campaign's rendering, then `options` (e.g.
    include_segments=True) in name order."""
    flags = {
        "budget": principal.has(Permission.VIEW_BUDGET),
        "pii": principal.has(Permission.VIEW_PII),
        **options,
    }
    return ".".join(f"{name}={int(bool(value))}" for name, value in sorted(flags.items()))


@dataclass(frozen=True)
class CacheLookup:
    """The result of a lookup and where a freshly computed value must be stored."""

    key: str | None
    raw: str | None

    @property
    def hit(self) -> bool:
        return self.raw is not None

    @property
    def value(self) -> Any:
        return json.loads(self.raw) if self.raw is not None else None


class CampaignCache:
    """Get, set and invalidate cached campaign renderings per company."""

    def __init__(self, redis: Redis, ttl_s: int = 1200, prefix: str = PREFIX) -> None:
        self.redis = redis
        self.ttl_s = ttl_s
        self.prefix = prefix
        self._lookup = redis.register_script(_LOOKUP)

    @property
    def enabled(self) -> bool:
        return self.ttl_s > 0

    # Key formats live in crm_common.campaign_cache: the launch worker invalidates too.
    def _company_gen(self, company_id: uuid.UUID) -> str:
        return cache_keys.company_generation_key(company_id, self.prefix)

    def _campaign_gen(self, company_id: uuid.UUID, campaign_id: uuid.UUID) -> str:
        return cache_keys.campaign_generation_key(company_id, campaign_id, self.prefix)

    def _entry_prefix(self, company_id: uuid.UUID, campaign_id: uuid.UUID) -> str:
        return cache_keys.entry_prefix(company_id, campaign_id, self.prefix)

    async def get(self, company_id: uuid.UUID, campaign_id: uuid.UUID, shape: str) -> CacheLookup:
        """The cached rendering of a campaign for `shape`, or a miss saying where to put it."""
        if not _SHAPE.match(shape):
            raise ValueError(f"invalid cache shape {shape!r}")
        if not self.enabled:
            return CacheLookup(None, None)
        entry_prefix = self._entry_prefix(company_id, campaign_id)
        try:
            company_gen, campaign_gen, raw = await self._lookup(
                keys=[self._company_gen(company_id), self._campaign_gen(company_id, campaign_id)],
                args=[entry_prefix, shape],
            )
        except RedisError as exc:
            CACHE_DOWN.warning(error=type(exc).__name__)
            return CacheLookup(None, None)
        CACHE_DOWN.reset()
        return CacheLookup(f"{entry_prefix}:{company_gen}:{campaign_gen}:{shape}", raw)

    async def set(self, lookup: CacheLookup, value: Any) -> None:
        """Store `value` (JSON-ready) where `lookup` said, under the generations it saw."""
        if lookup.key is None:
            return
        try:
            await self.redis.set(
                lookup.key, json.dumps(value, separators=(",", ":")), ex=self.ttl_s
            )
        except RedisError as exc:
            CACHE_DOWN.warning(error=type(exc).__name__)

    async def get_or_load(
        self,
        company_id: uuid.UUID,
        campaign_id: uuid.UUID,
        shape: str,
        load: Callable[[], Awaitable[Any]],
    ) -> Any:
        """The cached value, else `load()`'s result, cached. Errors of `load` propagate and
        nothing is cached."""
        lookup = await self.get(company_id, campaign_id, shape)
        if lookup.hit:
            return lookup.value
        value = await load()
        await self.set(lookup, value)
        return value

    async def invalidate(
        self,
        company_id: uuid.UUID,
        campaign_id: uuid.UUID | None = None,
        *,
        session: AsyncSession | None = None,
    ) -> None:
        """Drop the cached renderings of one campaign (or, without `campaign_id`, of every
        campaign of the company). With `session`, again once it has committed."""
        key = (
            self._campaign_gen(company_id, campaign_id)
            if campaign_id is not None
            else self._company_gen(company_id)
        )
        await self._bump(key)
        if session is not None:
            after_commit(session, lambda: self._bump(key))

    async def _bump(self, generation_key: str) -> None:
        if not self.enabled:
            return
        # Outlives every entry stored under it; when it lapses, the next generation is "0"
        # again, whose entries have all expired by then.
        try:
            await self.redis.set(generation_key, secrets.token_hex(8), ex=self.ttl_s * 2)
        except RedisError as exc:
            log.error("campaign_cache_invalidation_failed", error=type(exc).__name__)


def campaign_cache(resources: AppResources) -> CampaignCache:
    return CampaignCache(resources.redis, resources.settings.campaign_cache_ttl_s)


CampaignCacheDep = Annotated[CampaignCache, Depends(campaign_cache)]
