"""The outbox relay: publishes committed outbox rows to the `crm.events` stream, in order,
exactly once, and trims the stream by age behind the slowest consumer group.

Exactly once: one relay publishes at a time (a transaction-level advisory lock) in outbox-id
order, and the XADDs run in a Lua script that also keeps the highest published outbox id in
Redis, so a batch retried after a lost reply skips what already went out.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy import BigInteger, Integer, String, bindparam, func, select, text
from sqlalchemy.dialects.postgresql import ARRAY

from crm_common.db import Database, session_records
from crm_common.metrics import OUTBOX_BACKLOG, OUTBOX_PUBLISHED, STREAM_LAG, STREAM_PENDING
from crm_common.models import OutboxEvent

RELAY_LOCK_KEY = 0x43524D4F  # "CRMO": one publishing relay at a time

PUBLISH_SCRIPT = """
local stream = KEYS[1]
local mark = KEYS[2]
local high = tonumber(redis.call('GET', mark) or '0')
local ids = {}
for i = 1, #ARGV, 3 do
  local outbox_id = tonumber(ARGV[i])
  if outbox_id > high then
    ids[#ids + 1] = redis.call('XADD', stream, '*', 'event', ARGV[i + 1], 'type', ARGV[i + 2])
    high = outbox_id
  else
    ids[#ids + 1] = false
  end
end
redis.call('SET', mark, high)
return ids
"""


_MARK_PUBLISHED = text(
    """
    UPDATE crm_outbox o
    SET published_at = now(), stream_id = b.stream_id, publish_attempts = o.publish_attempts + 1
    FROM unnest(CAST(:ids AS bigint[]), CAST(:stream_ids AS text[])) AS b(id, stream_id)
    WHERE o.id = b.id
    """
).bindparams(
    bindparam("ids", type_=ARRAY(BigInteger())), bindparam("stream_ids", type_=ARRAY(String()))
)


_TAKE_RELAY_LOCK = select(func.pg_try_advisory_xact_lock(RELAY_LOCK_KEY))
_UNPUBLISHED = (
    select(OutboxEvent.id, OutboxEvent.envelope)
    .where(OutboxEvent.published_at.is_(None))
    .order_by(OutboxEvent.id)
    .limit(bindparam("batch", type_=Integer))
)

# Whether anything waits, read without a transaction or the lock (the partial index
# ix_crm_outbox_unpublished answers it): what an idle poll costs.
_ANY_UNPUBLISHED = select(select(OutboxEvent.id).where(OutboxEvent.published_at.is_(None)).exists())


@dataclass
class RelayStats:
    published: int = 0
    skipped: int = 0


class OutboxRelay:
    """Moves outbox rows to the stream; safe to run in several processes at once."""

    def __init__(
        self,
        db: Database,
        redis: Redis,
        *,
        stream: str = "crm.events",
        batch_size: int = 500,
        poll_interval: float = 0.2,
        retention_s: int = 7 * 86_400,
        trim_every_s: float = 60.0,
    ) -> None:
        self.db = db
        self.redis = redis
        self.stream = stream
        self.mark_key = f"{stream}:outbox-high-water"
        self.batch_size = batch_size
        self.poll_interval = poll_interval
        self.retention_s = retention_s
        self.trim_every_s = trim_every_s
        self._script = redis.register_script(PUBLISH_SCRIPT)
        self._last_trim = 0.0

    async def publish_batch(self) -> RelayStats:
        """Publish the oldest unpublished rows once; returns how many went out."""
        stats = RelayStats()
        async with self.db.system_session() as session:
            # Both reads run straight through the driver: they run five times a second.
            [(locked,)] = await session_records(session, _TAKE_RELAY_LOCK, {})
            if not locked:
                return stats
            rows = await session_records(session, _UNPUBLISHED, {"batch": self.batch_size})
            if not rows:
                OUTBOX_BACKLOG.set(0)
                return stats
            args: list[str] = []
            for outbox_id, envelope in rows:
                # The type beside the event: a consumer group skips what it does not act on
                # without decoding it (crm_common.events.consumer).
                args += [
                    str(outbox_id),
                    json.dumps(envelope, separators=(",", ":")),
                    str(envelope.get("type", "")),
                ]
            stream_ids = await self._script(keys=[self.stream, self.mark_key], args=args)
            # The whole batch marked in one statement (a row skipped by the script as already
            # published keeps no stream id).
            await session.execute(
                _MARK_PUBLISHED,
                {
                    "ids": [outbox_id for outbox_id, _ in rows],
                    "stream_ids": [stream_id or None for stream_id in stream_ids],
                },
            )
            stats.published = sum(1 for stream_id in stream_ids if stream_id)
            stats.skipped = len(rows) - stats.published
        OUTBOX_PUBLISHED.inc(stats.published)
        return stats

    async def pending(self) -> bool:
        """Whether any committed row waits to be published: one read outside a transaction
        (`Database.platform_records`), a fraction of what a locked batch costs, so an idle poll
        five times a second stays cheap. Only a hint: the batch itself decides what goes out."""
        [(waiting,)] = await self.db.platform_records(_ANY_UNPUBLISHED, {})
        if not waiting:
            OUTBOX_BACKLOG.set(0)
        return bool(waiting)

    async def trim(self) -> int:
        """Drop entries older than the retention that every consumer group has acknowledged."""
        cutoff_ms = int((time.time() - self.retention_s) * 1000)
        floor = f"{cutoff_ms}-0"
        try:
            groups = await self.redis.xinfo_groups(self.stream)
        except RedisError:
            return 0
        for group in groups:
            name = group["name"]
            STREAM_LAG.labels(self.stream, name).set(group.get("lag") or 0)
            STREAM_PENDING.labels(self.stream, name).set(group.get("pending") or 0)
            if group.get("pending"):
                summary = await self.redis.xpending(self.stream, name)
                floor = _min_id(floor, summary["min"])
            else:
                # Everything up to last-delivered is acknowledged; keep what comes after it.
                floor = _min_id(floor, _next_id(group["last-delivered-id"]))
        removed: int = await self.redis.xtrim(self.stream, minid=floor, approximate=False)
        return removed

    async def run(self, stop: asyncio.Event) -> None:
        """Publish until `stop` is set. A Redis or database failure ends the run with its
        error; the supervisor (crm_common.supervise) logs it, backs off and runs it again, and
        the rows written meanwhile wait in the outbox."""
        found = True  # the first poll reads a batch at once
        while not stop.is_set():
            # After a poll that found nothing, the cheap check first; after one that found
            # rows (the case under load) the batch at once, the check would only repeat it.
            stats = await self.publish_batch() if found or await self.pending() else RelayStats()
            found = stats.published + stats.skipped > 0
            if time.monotonic() - self._last_trim > self.trim_every_s:
                self._last_trim = time.monotonic()
                await self.trim()
            if stats.published + stats.skipped >= self.batch_size:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.poll_interval)


def _parse(stream_id: str) -> tuple[int, int]:
    ms, _, seq = stream_id.partition("-")
    return int(ms), int(seq or 0)


def _min_id(a: str, b: str) -> str:
    return a if _parse(a) <= _parse(b) else b


def _next_id(stream_id: str) -> str:
    ms, seq = _parse(stream_id)
    return f"{ms}-{seq + 1}"
