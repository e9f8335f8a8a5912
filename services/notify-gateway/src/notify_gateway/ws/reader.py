"""The one stream reader of a gateway process: XREAD (no consumer group) from its own
cursor over the whole stream, handing each entry to the hub in stream order. Every
instance reads everything and serves only its own clients."""

from __future__ import annotations

import asyncio
import time

import structlog
from redis.asyncio import Redis

from notify_gateway.ws import metrics
from notify_gateway.ws.events import MalformedEvent, StreamEvent
from notify_gateway.ws.hub import Hub

log = structlog.get_logger(__name__)


class StreamReader:
    """Follows the stream from where it stood when the process started."""

    def __init__(
        self,
        redis: Redis,
        stream: str,
        hub: Hub,
        *,
        batch_size: int = 500,
        block_ms: int = 1_000,
    ) -> None:
        self.redis = redis
        self.stream = stream
        self.hub = hub
        self.batch_size = batch_size
        self.block_ms = block_ms
        self.cursor: str | None = None
        self.last_round_trip = 0.0

    @property
    def stale_after_s(self) -> float:
        return self.block_ms / 1000 + 5.0

    def healthy(self) -> bool:
        """True while the reader has talked to Redis recently."""
        return time.monotonic() - self.last_round_trip < self.stale_after_s

    async def start_position(self) -> str:
        """The id of the newest entry now (or 0-0 for an empty stream): live from here on."""
        newest = await self.redis.xrevrange(self.stream, count=1)
        return str(newest[0][0]) if newest else "0-0"

    async def read_once(self) -> int:
        """One XREAD round trip; dispatches what arrived and returns how many entries."""
        if self.cursor is None:
            self.cursor = await self.start_position()
        response = await self.redis.xread(
            {self.stream: self.cursor}, count=self.batch_size, block=self.block_ms
        )
        self.last_round_trip = time.monotonic()
        read = 0
        for _stream, entries in response or ():
            for stream_id, fields in entries:
                self.cursor = stream_id
                read += 1
                try:
                    event = StreamEvent.from_entry(stream_id, fields)
                except MalformedEvent as exc:
                    metrics.EVENTS_MALFORMED.inc()
                    log.warning("ws_malformed_event", stream_id=stream_id, error=str(exc)[:200])
                    continue
                metrics.READER_LAG.set(max(0.0, time.time() - event.occurred_at))
                try:
                    self.hub.dispatch(event)
                except Exception:  # one bad dispatch must not stop the stream for everyone
                    log.exception("ws_dispatch_failed", stream_id=stream_id)
        metrics.EVENTS_IN.inc(read)
        return read

    async def run(self, stop: asyncio.Event) -> None:
        """Read until `stop`. A Redis failure ends the run with its error; the supervisor
        (crm_common.supervise) backs off and runs it again, and reading resumes at the cursor."""
        while not stop.is_set():
            await self.read_once()
