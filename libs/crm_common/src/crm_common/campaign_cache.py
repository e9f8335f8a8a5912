"""Where the campaign read cache keeps its generations in Redis, shared by every writer.

campaign-api caches campaign renderings under keys that embed the company's and the
campaign's current generation; any writer (the API, the launch worker) invalidates by
replacing a generation with a fresh random value, which orphans every entry stored under the
old one. Redis trouble is logged, never raised: the entries expire with their TTL anyway.
"""

from __future__ import annotations

import secrets
import uuid

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import after_commit

log = structlog.get_logger(__name__)

PREFIX = "crm:cache:campaign"


def company_generation_key(company_id: uuid.UUID, prefix: str = PREFIX) -> str:
    return f"{prefix}:{company_id}:gen"


def campaign_generation_key(
    company_id: uuid.UUID, campaign_id: uuid.UUID, prefix: str = PREFIX
) -> str:
    return f"{prefix}:{company_id}:{campaign_id}:gen"


def entry_prefix(company_id: uuid.UUID, campaign_id: uuid.UUID, prefix: str = PREFIX) -> str:
    return f"{prefix}:{company_id}:{campaign_id}:e"


async def bump_generation(redis: Redis, generation_key: str, ttl_s: int) -> None:
    """Replace a generation; it outlives every entry stored under it (twice the TTL)."""
    if ttl_s <= 0:
        return
    try:
        await redis.set(generation_key, secrets.token_hex(8), ex=ttl_s * 2)
    except RedisError as exc:
        log.error("campaign_cache_invalidation_failed", error=type(exc).__name__)


async def invalidate_campaign(
    redis: Redis,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    ttl_s: int,
    *,
    session: AsyncSession | None = None,
) -> None:
    """Drop a campaign's cached renderings now and, with `session`, again after it commits."""
    key = campaign_generation_key(company_id, campaign_id)
    await bump_generation(redis, key, ttl_s)
    if session is not None:
        after_commit(session, lambda: bump_generation(redis, key, ttl_s))
