"""Housekeeping of expiring platform rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import IdempotencyKey, OutboxEvent, ProcessedEvent, RefreshToken

PROCESSED_EVENT_RETENTION = timedelta(days=30)
PUBLISHED_OUTBOX_RETENTION = timedelta(days=7)


@dataclass
class PurgeReport:
    idempotency_keys: int
    refresh_tokens: int
    processed_events: int
    outbox_events: int


async def purge_expired(session: AsyncSession, now: datetime | None = None) -> PurgeReport:
    """Delete idempotency keys past their expiry, refresh-token families past their absolute
    lifetime, old processed-event markers and published outbox rows past retention."""
    now = now or datetime.now(UTC)
    keys = await session.execute(delete(IdempotencyKey).where(IdempotencyKey.expires_at < now))
    tokens = await session.execute(delete(RefreshToken).where(RefreshToken.family_expires_at < now))
    markers = await session.execute(
        delete(ProcessedEvent).where(ProcessedEvent.processed_at < now - PROCESSED_EVENT_RETENTION)
    )
    outbox = await session.execute(
        delete(OutboxEvent).where(
            OutboxEvent.published_at.is_not(None),
            OutboxEvent.published_at < now - PUBLISHED_OUTBOX_RETENTION,
        )
    )
    return PurgeReport(
        idempotency_keys=keys.rowcount,  # type: ignore[attr-defined]
        refresh_tokens=tokens.rowcount,  # type: ignore[attr-defined]
        processed_events=markers.rowcount,  # type: ignore[attr-defined]
        outbox_events=outbox.rowcount,  # type: ignore[attr-defined]
    )
