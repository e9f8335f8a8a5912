"""Per-user connection limit shared by every gateway instance: a sorted set per user in
Redis whose members (connection ids) expire unless the owning instance refreshes them, so
a crashed instance's connections stop counting within one lease."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from redis.asyncio import Redis

KEY_PREFIX = "crm:ws:conns:"

# KEYS[1] the user's set; ARGV: member, limit, lease seconds. Scores are expiry times from
# the server's clock so instances never compare clocks.
ACQUIRE_SCRIPT = """
local now = redis.call('TIME')
local now_s = tonumber(now[1]) + tonumber(now[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now_s)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], now_s + tonumber(ARGV[3]), ARGV[1])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[3])) + 1)
return 1
"""

RENEW_SCRIPT = """
local now = redis.call('TIME')
local expires = tonumber(now[1]) + tonumber(now[2]) / 1000000 + tonumber(ARGV[1])
for i = 1, #KEYS do
  redis.call('ZADD', KEYS[i], 'XX', expires, ARGV[i + 1])
  redis.call('EXPIRE', KEYS[i], math.ceil(tonumber(ARGV[1])) + 1)
end
return #KEYS
"""


class ConnectionLimiter:
    """Counts a user's open connections across instances against a limit."""

    def __init__(self, redis: Redis, limit: int, lease_s: float) -> None:
        self.redis = redis
        self.limit = limit
        self.lease_s = lease_s
        self._acquire = redis.register_script(ACQUIRE_SCRIPT)
        self._renew = redis.register_script(RENEW_SCRIPT)

    @staticmethod
    def key(user_id: uuid.UUID) -> str:
        return f"{KEY_PREFIX}{user_id}"

    async def acquire(self, user_id: uuid.UUID, connection_id: str) -> bool:
        """Take a slot for `connection_id`; False when the user already has `limit`."""
        granted = await self._acquire(
            keys=[self.key(user_id)], args=[connection_id, self.limit, self.lease_s]
        )
        return bool(granted)

    async def release(self, user_id: uuid.UUID, connection_id: str) -> None:
        await self.redis.zrem(self.key(user_id), connection_id)

    async def renew(self, connections: Iterable[tuple[uuid.UUID, str]], chunk: int = 500) -> None:
        """Extend the leases of this instance's open connections."""
        batch = list(connections)
        for start in range(0, len(batch), chunk):
            part = batch[start : start + chunk]
            await self._renew(
                keys=[self.key(user_id) for user_id, _ in part],
                args=[self.lease_s, *(connection_id for _, connection_id in part)],
            )
