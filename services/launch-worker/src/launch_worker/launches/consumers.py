"""`campaign.launch_requested` through the launch worker's consumer group: the event only
wakes the launchers (the launch row is the truth, so a redelivered event or a repeated
request never starts a second run); a launch scheduled for later gets an arq job that wakes
a worker at its time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import structlog
from redis.asyncio import Redis

from crm_common.db import Database
from crm_common.events import EventEnvelope, EventType
from crm_common.events.consumer import StreamConsumer, first_time

log = structlog.get_logger(__name__)

GROUP = "launch-worker"

Wake = Callable[[], None]
Schedule = Callable[[datetime], Awaitable[None]]


def scheduled_time(envelope: EventEnvelope) -> datetime | None:
    raw = envelope.data.get("scheduled_at")
    if not isinstance(raw, str):
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def launch_requested_handler(
    db: Database, wake: Wake, schedule: Schedule | None = None
) -> Callable[[EventEnvelope], Awaitable[None]]:
    async def handle(envelope: EventEnvelope) -> None:
        if envelope.type != EventType.CAMPAIGN_LAUNCH_REQUESTED:
            return
        async with db.tenant_session(envelope.company_id) as session:
            if not await first_time(session, GROUP, envelope.id):
                return
        at = scheduled_time(envelope)
        if at is not None and at > datetime.now(UTC) and schedule is not None:
            await schedule(at)
        wake()
        log.info("launch_requested_seen", launch_id=envelope.data.get("launch_id"))

    return handle


def launch_consumer(
    redis: Redis,
    db: Database,
    *,
    stream: str,
    dead_letter_stream: str,
    max_deliveries: int,
    wake: Wake,
    schedule: Schedule | None = None,
) -> StreamConsumer:
    return StreamConsumer(
        redis,
        stream=stream,
        group=GROUP,
        handler=launch_requested_handler(db, wake, schedule),
        dead_letter_stream=dead_letter_stream,
        max_deliveries=max_deliveries,
        start_id="$",
        accepts={EventType.CAMPAIGN_LAUNCH_REQUESTED},
    )
