"""Housekeeping: expiring platform rows purged nightly, then the purged tables vacuumed and
the audience tables' statistics refreshed (`PURGED_TABLES`, `STATISTICS_TABLES`); weekly, the
contacts' physical order measured against the order sampled estimates read them in
(`contacts_clustering`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, text
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import (
    Contact,
    ContactEvent,
    IdempotencyKey,
    OutboxEvent,
    ProcessedEvent,
    RefreshToken,
)

PURGED_TABLES = (
    IdempotencyKey.__tablename__,
    RefreshToken.__tablename__,
    ProcessedEvent.__tablename__,
    OutboxEvent.__tablename__,
)
"""The tables the purge deletes from: vacuumed after it, so their space is reused at once."""
STATISTICS_TABLES = (Contact.__tablename__, ContactEvent.__tablename__)
"""The segment compiler's plans depend on these tables' statistics: analyzed nightly, besides
autovacuum's own visits (a bulk load of a tenant's contacts can skew them within a day)."""

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


RECLUSTER_BELOW = 0.9
"""Below this rank correlation between where contacts lie and their (company, sample bucket)
order, a tenant's low buckets are spread over many pages and sampled estimates slow down."""
CLUSTERING_MIN_CONTACTS = 10_000
"""A smaller table fits in a few hundred pages: its order does not matter."""
CLUSTERING_SAMPLE_ROWS = 30_000
RECLUSTER_COMMAND = "pg_repack --table=crm_contacts --order-by='company_id, sample_bucket'"
"""The online re-cluster (docs/operations.md): rewrites the table in order without a lock."""

_CLUSTERING = text(
    """
    WITH sample AS (
        SELECT (ctid::text::point)[0] AS page, company_id, sample_bucket
        FROM crm_contacts TABLESAMPLE SYSTEM (:percent)
    )
    SELECT count(*) AS sampled, corr(physical, logical) AS correlation
    FROM (
        SELECT rank() OVER (ORDER BY page) AS physical,
               rank() OVER (ORDER BY company_id, sample_bucket) AS logical
        FROM sample
    ) ranked
    """
)
_CONTACTS_ESTIMATE = text(
    "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'crm_contacts'::regclass"
)


@dataclass(frozen=True)
class ClusteringReport:
    """How closely the physical order of `crm_contacts` follows (company_id, sample_bucket):
    the Spearman correlation of page number and key over a sample of pages (1.0: in order;
    None: too few contacts to matter), and whether a re-cluster is due."""

    contacts: int
    sampled: int
    correlation: float | None

    @property
    def recluster_due(self) -> bool:
        return self.correlation is not None and self.correlation < RECLUSTER_BELOW


async def contacts_clustering(session: AsyncSession) -> ClusteringReport:
    """Measure the contacts' order on a sample of their pages, across every company (the
    platform role). `pg_stats.correlation` cannot tell: it ranks `sample_bucket` alone, and
    a table in perfect (company, bucket) order with three companies scores 0.33 on it."""
    contacts = int((await session.execute(_CONTACTS_ESTIMATE)).scalar_one())
    if contacts < CLUSTERING_MIN_CONTACTS:
        return ClusteringReport(contacts=contacts, sampled=0, correlation=None)
    percent = min(100.0, 100.0 * CLUSTERING_SAMPLE_ROWS / contacts)
    row = (await session.execute(_CLUSTERING, {"percent": percent})).one()
    correlation = None if row.correlation is None else round(float(row.correlation), 4)
    return ClusteringReport(contacts=contacts, sampled=int(row.sampled), correlation=correlation)
