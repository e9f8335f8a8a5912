"""Resume: the stream entries after a client's last seen id, or the news that they are no
longer all there (trimmed away, or more than a replay may carry) and the client must reload."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import structlog
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from notify_gateway.ws import metrics
from notify_gateway.ws.events import MalformedEvent, StreamEvent, StreamId, parse_stream_id

log = structlog.get_logger(__name__)


class ReloadRequired(Exception):
    """The events after the client's id cannot all be replayed."""


@dataclass
class Backlog:
    """Reads the stream after `last_id` (exclusive) in pages, oldest first."""

    redis: Redis
    stream: str
    last_id: str
    max_entries: int
    page_size: int = 500

    async def check_retained(self) -> None:
        """ReloadRequired when entries after `last_id` may have been trimmed away: the
        client's entry is older than the oldest kept one (and not right before it), or the
        stream was emptied after it."""
        after = parse_stream_id(self.last_id)
        try:
            info = await self.redis.xinfo_stream(self.stream)
        except ResponseError:
            return  # no stream yet: nothing was ever written, so nothing was missed
        first = info.get("first-entry")
        if not first:
            newest = info.get("last-generated-id")
            if newest and after < parse_stream_id(newest):
                raise ReloadRequired()
            return
        if after < _previous(parse_stream_id(first[0])):
            raise ReloadRequired()

    async def events(self) -> AsyncIterator[StreamEvent]:
        """Every entry after `last_id` up to the stream's end when reached."""
        await self.check_retained()
        cursor = "(" + self.last_id
        seen = 0
        while True:
            entries = await self.redis.xrange(
                self.stream, min=cursor, max="+", count=self.page_size
            )
            if not entries:
                return
            seen += len(entries)
            if seen > self.max_entries:
                raise ReloadRequired()
            for stream_id, fields in entries:
                try:
                    yield StreamEvent.from_entry(stream_id, fields)
                except MalformedEvent:
                    metrics.EVENTS_MALFORMED.inc()
            cursor = "(" + entries[-1][0]


def _previous(position: StreamId) -> StreamId:
    ms, seq = position
    return (ms, seq - 1) if seq > 0 else (ms - 1, 2**64 - 1)
