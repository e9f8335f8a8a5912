"""How a company's contacts of the low sample buckets lie on disk (crm_common.sampling)."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from crm_common.db import Database


async def pages_holding_buckets_below(db: Database, company_id: uuid.UUID, buckets: int) -> float:
    """The share of the heap pages holding the company's contacts that hold one in a bucket
    below `buckets`: what a sampled read of those buckets touches."""
    async with db.tenant_session(company_id) as session:
        row = (
            await session.execute(
                text(
                    "SELECT count(DISTINCT (ctid::text::point)[0]) "
                    "FILTER (WHERE sample_bucket < :buckets) AS sampled, "
                    "count(DISTINCT (ctid::text::point)[0]) AS every "
                    "FROM crm_contacts"
                ),
                {"buckets": buckets},
            )
        ).one()
    return float(row.sampled) / float(row.every)
