"""Send rate per company, channel and provider: a token bucket in Redis shared by every worker.

One Lua script refills the bucket from Redis' own clock (so workers' clocks do not matter),
grants up to the number of tokens asked for, and says how long until the next token. The
bucket holds at most a fifth of a second of messages, so the rate holds over any window
longer than that.
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass

from redis.asyncio import Redis

PREFIX = "crm:send-rate"

# KEYS[1]: bucket. ARGV: rate per second, capacity, tokens wanted. Returns {granted, wait_s}.
_TAKE = """
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1])
local at = tonumber(state[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local granted = math.min(wanted, math.floor(tokens))
tokens = tokens - granted
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], 60)
local wait = 0
if granted < wanted then
  wait = (1 - tokens) / rate
end
return {granted, tostring(wait)}
"""


@dataclass(frozen=True)
class Grant:
    granted: int
    wait_s: float


class SendRateLimiter:
    """Token buckets shared through Redis."""

    def __init__(self, redis: Redis, prefix: str = PREFIX) -> None:
        self.redis = redis
        self.prefix = prefix
        self._take = redis.register_script(_TAKE)

    def key(self, company_id: uuid.UUID, channel: str, provider: str) -> str:
        return f"{self.prefix}:{company_id}:{channel}:{provider}"

    async def take(self, key: str, rate_per_s: float, wanted: int) -> Grant:
        """Up to `wanted` tokens now, and how long to wait for the next one."""
        capacity = max(1, math.ceil(rate_per_s / 5))
        granted, wait = await self._take(keys=[key], args=[rate_per_s, capacity, wanted])
        return Grant(int(granted), float(wait))
