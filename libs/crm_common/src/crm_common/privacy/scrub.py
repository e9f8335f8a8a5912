"""Erasure's sweep of Redis: every stream entry and every other key (caches, ephemeral
state) whose name or content holds one of a person's values is removed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis

SCAN_COUNT = 500
STREAM_CHUNK = 500


@dataclass
class RedisSweep:
    """What a sweep removed: stream entries and whole keys (caches)."""

    stream_entries: int = 0
    keys: int = 0


def _contains(blob: bytes, needles: list[bytes]) -> bool:
    return any(needle in blob for needle in needles)


async def _key_contents(redis: Any, key: bytes, kind: str) -> list[bytes]:
    if kind == "string":
        value = await redis.get(key)
        return [value] if value is not None else []
    if kind == "hash":
        pairs = await redis.hgetall(key)
        return [part for pair in pairs.items() for part in pair]
    if kind == "list":
        return list(await redis.lrange(key, 0, -1))
    if kind == "set":
        return list(await redis.smembers(key))
    if kind == "zset":
        return list(await redis.zrange(key, 0, -1))
    return []


async def _sweep_stream(redis: Any, key: bytes, needles: list[bytes]) -> int:
    removed = 0
    start = b"-"
    while True:
        entries = await redis.xrange(key, min=start, max=b"+", count=STREAM_CHUNK)
        if not entries:
            return removed
        doomed = [
            entry_id
            for entry_id, fields in entries
            if _contains(b"\x00".join(part for pair in fields.items() for part in pair), needles)
        ]
        if doomed:
            removed += int(await redis.xdel(key, *doomed))
        if len(entries) < STREAM_CHUNK:
            return removed
        start = b"(" + entries[-1][0]


async def sweep_redis(redis_url: str, values: Iterable[str]) -> RedisSweep:
    """Remove every stream entry, and every other key, whose name or content holds one of
    `values`. Streams lose only the matching entries (XDEL); other keys are caches and
    ephemeral state, dropped whole."""
    needles = [value.encode() for value in values if value]
    sweep = RedisSweep()
    if not needles:
        return sweep
    # Raw bytes: some keys hold binary values (job payloads) that do not decode as text.
    redis: Any = Redis.from_url(redis_url, decode_responses=False)
    try:
        async for key in redis.scan_iter(count=SCAN_COUNT):
            kind = (await redis.type(key)).decode()
            if kind == "stream":
                sweep.stream_entries += await _sweep_stream(redis, key, needles)
                continue
            if _contains(key, needles) or any(
                _contains(part, needles) for part in await _key_contents(redis, key, kind)
            ):
                sweep.keys += int(await redis.delete(key))
    finally:
        await redis.aclose()
    return sweep
