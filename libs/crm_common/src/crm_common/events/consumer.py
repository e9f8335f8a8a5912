"""Consumer-group reading of the stream: XREADGROUP, XACK after the handler commits,
XAUTOCLAIM-style reclaiming of idle entries, a dead-letter stream after N deliveries."""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from typing import Any

import structlog
from pydantic import ValidationError
from redis.asyncio import Redis
from redis.exceptions import ResponseError
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.events.envelope import EventEnvelope
from crm_common.logging import LogThrottle
from crm_common.metrics import EVENTS_HANDLED
from crm_common.models import ProcessedEvent

log = structlog.get_logger(__name__)

Handler = Callable[[EventEnvelope], Awaitable[None]]


@dataclass
class ConsumerStats:
    handled: int = 0
    failed: int = 0
    dead_lettered: int = 0
    reclaimed: int = 0
    skipped: int = 0
    """Entries of types the group does not act on, acknowledged without being decoded."""
    errors: list[str] = field(default_factory=list)


class StreamConsumer:
    """One member of a consumer group. The handler must be idempotent on the event id
    (see `first_time`); an entry is acknowledged only after the handler returns."""

    def __init__(
        self,
        redis: Redis,
        *,
        stream: str,
        group: str,
        handler: Handler,
        consumer: str | None = None,
        dead_letter_stream: str | None = None,
        max_deliveries: int = 5,
        claim_idle_ms: int = 30_000,
        batch_size: int = 100,
        block_ms: int = 1_000,
        start_id: str = "0",
        accepts: Collection[str] | None = None,
    ) -> None:
        self.redis = redis
        self.stream = stream
        self.group = group
        self.handler = handler
        self.consumer = consumer or f"{socket.gethostname()}-{uuid.uuid4().hex[:8]}"
        self.dead_letter_stream = dead_letter_stream or f"{stream}.dead"
        self.max_deliveries = max_deliveries
        self.claim_idle_ms = claim_idle_ms
        self.batch_size = batch_size
        self.block_ms = block_ms
        self.start_id = start_id
        # The event types the handler acts on (None: all). An entry naming another type in
        # its `type` field is acknowledged unread; one without the field is decoded and
        # handed to the handler, as every entry was before the relay wrote the field.
        self.accepts = frozenset(accepts) if accepts is not None else None
        # Entries become reclaimable after `claim_idle_ms`: looking for them a few times in
        # that span is enough (a Redis round trip per read of new entries was not), and at
        # once again while a full batch of them was found.
        self._reclaim_every_s = claim_idle_ms / 4000
        self._reclaim_after = 0.0
        # A handler failing for every entry (its database is down) logs one line per step.
        self._failures = LogThrottle(log, "stream_handler_failed")

    async def ensure_group(self) -> None:
        try:
            await self.redis.xgroup_create(self.stream, self.group, id=self.start_id, mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def _dead_letter(self, entry_id: str, fields: dict[str, str], reason: str) -> None:
        entry: dict[Any, Any] = dict(fields)
        await self.redis.xadd(
            self.dead_letter_stream,
            {
                **entry,
                "source_stream": self.stream,
                "source_id": entry_id,
                "group": self.group,
                "reason": reason[:500],
            },
        )
        await self.redis.xack(self.stream, self.group, entry_id)
        EVENTS_HANDLED.labels(self.group, "dead_lettered").inc()

    async def _handle(self, entry_id: str, fields: dict[str, str], stats: ConsumerStats) -> bool:
        """Handle one entry; True when it is to be acknowledged (the caller acknowledges the
        entries of a read together: one round trip, and a crash before it only redelivers
        entries the idempotent handler has seen)."""
        kind = fields.get("type")
        if self.accepts is not None and kind and kind not in self.accepts:
            stats.skipped += 1
            return True
        try:
            envelope = EventEnvelope.from_json(fields["event"])
        except (KeyError, ValidationError, ValueError) as exc:
            await self._dead_letter(entry_id, fields, f"undecodable: {type(exc).__name__}")
            stats.dead_lettered += 1
            return False
        try:
            await self.handler(envelope)
        except Exception as exc:  # a failing handler leaves the entry pending for a retry
            stats.failed += 1
            stats.errors.append(f"{entry_id}: {type(exc).__name__}: {exc}")
            EVENTS_HANDLED.labels(self.group, "failed").inc()
            self._failures.warning(entry_id=entry_id, group=self.group, error=repr(exc))
            return False
        self._failures.reset()
        stats.handled += 1
        EVENTS_HANDLED.labels(self.group, "handled").inc()
        return True

    async def _ack(self, entry_ids: list[str]) -> None:
        if entry_ids:
            await self.redis.xack(self.stream, self.group, *entry_ids)

    async def reclaim(self, stats: ConsumerStats) -> None:
        """Take over entries idle for `claim_idle_ms` (a dead or failing consumer's), sending
        those already delivered `max_deliveries` times to the dead-letter stream."""
        now = time.monotonic()
        if now < self._reclaim_after:
            return
        pending = await self.redis.xpending_range(
            self.stream,
            self.group,
            min="-",
            max="+",
            count=self.batch_size,
            idle=self.claim_idle_ms,
        )
        self._reclaim_after = (
            now if len(pending) >= self.batch_size else now + self._reclaim_every_s
        )
        handled: list[str] = []
        for item in pending:
            entry_id = item["message_id"]
            delivered = int(item["times_delivered"])
            claimed = await self.redis.xclaim(
                self.stream, self.group, self.consumer, self.claim_idle_ms, [entry_id]
            )
            if not claimed or claimed[0][1] is None:
                # Trimmed away underneath us: nothing left to process.
                await self.redis.xack(self.stream, self.group, entry_id)
                continue
            _, fields = claimed[0]
            if delivered >= self.max_deliveries:
                await self._dead_letter(entry_id, fields, f"delivered {delivered} times")
                stats.dead_lettered += 1
                continue
            stats.reclaimed += 1
            if await self._handle(entry_id, fields, stats):
                handled.append(entry_id)
        await self._ack(handled)

    async def poll(self, block_ms: int | None = None) -> ConsumerStats:
        """One round: reclaim idle entries (when due), then read and handle new ones."""
        stats = ConsumerStats()
        await self.reclaim(stats)
        response = await self.redis.xreadgroup(
            self.group,
            self.consumer,
            {self.stream: ">"},
            count=self.batch_size,
            block=self.block_ms if block_ms is None else block_ms,
        )
        handled: list[str] = []
        flushed = time.monotonic()
        for _, entries in response or []:
            for entry_id, fields in entries:
                if await self._handle(entry_id, fields, stats):
                    handled.append(entry_id)
                # Slow handlers: what is handled is acknowledged long before another member
                # could take it for a dead consumer's.
                if time.monotonic() - flushed > self._reclaim_every_s:
                    await self._ack(handled)
                    handled, flushed = [], time.monotonic()
        await self._ack(handled)
        return stats

    async def run(self, stop: asyncio.Event) -> None:
        """Consume until `stop` is set. A Redis failure ends the run with its error; the
        supervisor (crm_common.supervise) backs off and runs it again, which creates the group
        again if a Redis restarted empty lost it."""
        await self.ensure_group()
        while not stop.is_set():
            await self.poll()


async def first_time(session: AsyncSession, consumer: str, event_id: uuid.UUID | str) -> bool:
    """Record that `consumer` handles `event_id` in the caller's transaction; False when it
    already did (the handler should then do nothing)."""
    result = await session.execute(
        insert(ProcessedEvent)
        .values(consumer=consumer, event_id=str(event_id))
        .on_conflict_do_nothing()
        .returning(ProcessedEvent.event_id)
    )
    return result.scalar_one_or_none() is not None
