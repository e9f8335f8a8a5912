"""The process's Redis client."""

from __future__ import annotations

from redis.asyncio import Redis


def create_redis(url: str) -> Redis:
    """A pooled client that returns str; nothing connects until first use."""
    client: Redis = Redis.from_url(url, decode_responses=True, health_check_interval=30)
    return client
