"""The launch worker's consumer groups on the event stream: each feature reads the events it
acts on through a group of its own, from the moment the group is created, with the process's
dead-letter settings."""

from __future__ import annotations

from collections.abc import Collection

from crm_common.events.consumer import Handler, StreamConsumer
from crm_common.resources import Resources

DEFAULT_CLAIM_IDLE_MS = 30_000


def group_consumer(
    resources: Resources,
    group: str,
    handler: Handler,
    *,
    accepts: Collection[str] | None = None,
    claim_idle_ms: int = DEFAULT_CLAIM_IDLE_MS,
) -> StreamConsumer:
    """A member of consumer group `group` on the event stream, handling new events only
    (of the types in `accepts`, when given; the others are acknowledged unread); an entry
    left unacknowledged `claim_idle_ms` is tried again."""
    settings = resources.settings
    return StreamConsumer(
        resources.redis,
        stream=settings.events_stream,
        group=group,
        handler=handler,
        dead_letter_stream=settings.dead_letter_stream,
        max_deliveries=settings.max_deliveries,
        claim_idle_ms=claim_idle_ms,
        start_id="$",
        accepts=accepts,
    )
