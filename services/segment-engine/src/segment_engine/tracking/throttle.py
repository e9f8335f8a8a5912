"""At most one `campaign.performance_update` per campaign per second, and never a lost last
change.

Leading edge: a tracking hit that takes the campaign's gate (`SET gate NX PX 1000`) emits the
update in its own transaction. Trailing edge: a hit that finds the gate taken commits first,
then schedules the campaign in a sorted set, due when the gate expires. A poller in every
segment-engine process claims due campaigns atomically (one Lua script: range + remove, so
exactly one process gets each), takes the gate, and emits an update that reads the committed
counters, so it includes every throttled change. If the gate was taken again in between (a
newer leading update went out), the campaign is rescheduled for the new expiry. Every
emission, leading or trailing, passes through the gate, so the rate never exceeds one per
window; a change is only published late, never dropped, while Redis keeps the schedule.
"""

from __future__ import annotations

import asyncio
import uuid

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from crm_common.db import Database
from crm_common.logging import LogThrottle
from crm_common.tenancy import TenantScope
from segment_engine.tracking import performance

log = structlog.get_logger(__name__)

WINDOW_MS = 1000

SCHEDULE_SCRIPT = """
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
local now = redis.call('TIME')
local due = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) + ttl
redis.call('ZADD', KEYS[2], 'NX', due, ARGV[1])
return due
"""

CLAIM_SCRIPT = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now_ms, 'LIMIT', 0, tonumber(ARGV[1]))
for _, member in ipairs(due) do
  redis.call('ZREM', KEYS[1], member)
end
return due
"""


class PerformanceThrottle:
    """The per-campaign gate and the schedule of trailing updates, in Redis."""

    def __init__(
        self, redis: Redis, *, window_ms: int = WINDOW_MS, prefix: str = "crm:perf"
    ) -> None:
        self.redis = redis
        self.window_ms = window_ms
        self.prefix = prefix
        self.trailing_key = f"{prefix}:trailing"
        # Every tracking hit meets an unreachable Redis: one line per back-off step.
        self._gate_down = LogThrottle(log, "performance_gate_unavailable")
        self._schedule_down = LogThrottle(log, "performance_schedule_unavailable")

    def gate_key(self, campaign_id: uuid.UUID) -> str:
        return f"{self.prefix}:gate:{campaign_id}"

    async def try_acquire(self, campaign_id: uuid.UUID) -> bool:
        """Take the campaign's gate for one window; False when an update went out within it
        (or Redis is unreachable: then nothing is published rather than too much)."""
        try:
            acquired = await self.redis.set(
                self.gate_key(campaign_id), "1", nx=True, px=self.window_ms
            )
        except RedisError as exc:
            self._gate_down.warning(error=type(exc).__name__)
            return False
        self._gate_down.reset()
        return bool(acquired)

    async def schedule_trailing(self, company_id: uuid.UUID, campaign_id: uuid.UUID) -> None:
        """Make sure an update for the campaign goes out when its gate expires."""
        try:
            await self.redis.eval(  # type: ignore[misc]
                SCHEDULE_SCRIPT,
                2,
                self.gate_key(campaign_id),
                self.trailing_key,
                f"{company_id}:{campaign_id}",
            )
        except RedisError as exc:
            self._schedule_down.warning(error=type(exc).__name__)
            return
        self._schedule_down.reset()

    async def claim_due(self, limit: int = 100) -> list[tuple[uuid.UUID, uuid.UUID]]:
        """Remove and return the (company, campaign) pairs whose trailing update is due."""
        members = await self.redis.eval(CLAIM_SCRIPT, 1, self.trailing_key, str(limit))  # type: ignore[misc]
        claimed = []
        for member in members or []:
            text = member.decode() if isinstance(member, bytes) else str(member)
            company, _, campaign = text.partition(":")
            claimed.append((uuid.UUID(company), uuid.UUID(campaign)))
        return claimed


class TrailingUpdates:
    """Publishes the updates the throttle deferred; one runs in every segment-engine process."""

    def __init__(self, db: Database, throttle: PerformanceThrottle, poll_interval: float = 0.1):
        self.db = db
        self.throttle = throttle
        self.poll_interval = poll_interval

    async def run_once(self) -> int:
        """Publish every due update whose gate is free; reschedule the others."""
        published = 0
        for company_id, campaign_id in await self.throttle.claim_due():
            if not await self.throttle.try_acquire(campaign_id):
                await self.throttle.schedule_trailing(company_id, campaign_id)
                continue
            async with self.db.tenant_session(company_id) as session:
                scope = TenantScope(session, company_id)
                if await performance.emit_update(scope, campaign_id):
                    published += 1
        return published

    async def run(self, stop: asyncio.Event) -> None:
        """Publish until `stop`. A Redis or database failure ends the run with its error; the
        supervisor (crm_common.supervise) backs off and runs it again."""
        while not stop.is_set():
            await self.run_once()
            try:
                await asyncio.wait_for(stop.wait(), timeout=self.poll_interval)
            except TimeoutError:
                continue
