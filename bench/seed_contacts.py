"""How fast the synthetic data generator loads: contacts, consent rows and events per second.

    uv run python bench/seed_contacts.py --contacts 1000000 --events-per-contact 10

Uses its own database (default `crm_bench_seed`, recreated) on the server of
$BENCH_DATABASE_URL / $DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
migrated to head, with every index of the schema in place (nothing dropped), and loads one
tenant through `load_contacts_committing` (one transaction per batch). Prints the machine,
the figures, and the distributions of what was loaded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import resource
import time
import uuid

import asyncpg
from machine_info import machine
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_cli.contacts import LoadStats, load_contacts_committing
from crm_common import migrate
from crm_common.db import Database
from crm_common.models import Company
from crm_common.settings import Settings, to_asyncpg_url

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


async def recreate(server: str, name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit("database name must be a plain lower-case identifier")
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        version = await admin.fetchval("SHOW server_version")
    finally:
        await admin.close()
    print(f"postgres {version}")
    url = f"{server.rsplit('/', 1)[0]}/{name}"
    await migrate.upgrade(url)
    return url


def report(stats: LoadStats) -> None:
    rate = stats.rows / stats.seconds if stats.seconds else 0
    print(
        f"  {stats.seconds:7.1f} s  contacts {stats.contacts:>10,}  events {stats.events:>11,}"
        f"  ({rate:,.0f} rows/s)",
        flush=True,
    )


async def distributions(url: str, company_id: uuid.UUID) -> None:
    owner = create_async_engine(to_asyncpg_url(url))
    queries = {
        "events per contact (p50, p90, p99, max)": """
            SELECT percentile_disc(ARRAY[0.5, 0.9, 0.99, 1.0]) WITHIN GROUP (ORDER BY n)
            FROM (SELECT c.id, count(e.id) AS n FROM crm_contacts c
                  LEFT JOIN crm_contact_events e ON e.contact_id = c.id
                  WHERE c.company_id = :c GROUP BY c.id) AS per_contact""",
        "event types": """
            SELECT array_agg(t || ' ' || n ORDER BY n DESC) FROM (
              SELECT event_type AS t, count(*) AS n FROM crm_contact_events
              WHERE company_id = :c GROUP BY event_type) AS x""",
        "countries (top 5)": """
            SELECT (array_agg(country || ' ' || n ORDER BY n DESC))[1:5] FROM (
              SELECT country, count(*) AS n FROM crm_contacts WHERE company_id = :c
              GROUP BY country) AS x""",
        "consent (channel: share granted)": """
            SELECT array_agg(ch || ' ' || round(100.0 * n / total, 1) || '%' ORDER BY ch) FROM (
              SELECT unnest(consented_channels) AS ch, count(*) AS n,
                     (SELECT count(*) FROM crm_contacts WHERE company_id = :c) AS total
              FROM crm_contacts WHERE company_id = :c GROUP BY 1, 3) AS x""",
        "consented_channels disagreeing with consent rows": """
            SELECT count(*) FROM crm_contacts c WHERE c.company_id = :c AND c.consented_channels
              IS DISTINCT FROM (SELECT coalesce(array_agg(channel ORDER BY channel), '{}')
                                FROM crm_contact_consents k
                                WHERE k.contact_id = c.id AND k.granted)""",
        "table sizes": """
            SELECT array_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)))
            FROM pg_class WHERE relname IN
              ('crm_contacts', 'crm_contact_consents', 'crm_contact_events')""",
    }
    try:
        async with owner.connect() as connection:
            for label, sql in queries.items():
                value = await connection.scalar(text(sql), {"c": company_id})
                print(f"  {label}: {value}")
    finally:
        await owner.dispose()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--events-per-contact", type=float, default=10)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--database", default="crm_bench_seed")
    args = parser.parse_args()

    for key, value in machine().items():
        print(f"{key}: {value}")
    server = (
        os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    )
    url = await recreate(server, args.database)
    settings = Settings(database_url=url, db_statement_timeout_ms=0, db_pool_size=2)
    db = Database.from_settings(settings, name="bench-seed-contacts")
    try:
        async with db.system_session() as session:
            company = Company(name="Bench Seed", slug="bench-seed", settings={})
            session.add(company)
        print(
            f"loading {args.contacts:,} contacts, ~{args.events_per_contact:g} events each, "
            f"batches of {args.batch:,}"
        )
        every = max(1, (args.contacts // args.batch) // 20)
        stats = await load_contacts_committing(
            db,
            company.id,
            args.contacts,
            args.events_per_contact,
            seed=args.seed,
            chunk=args.batch,
            progress=lambda s: report(s) if s.batches % every == 0 else None,
        )
    finally:
        await db.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("result:")
    print(f"  contacts        {stats.contacts:>12,}  ({stats.contacts / stats.seconds:,.0f}/s)")
    print(f"  consent rows    {stats.consents:>12,}")
    print(f"  events          {stats.events:>12,}  ({stats.events / stats.seconds:,.0f}/s)")
    print(f"  all rows        {stats.rows:>12,}  ({stats.rows / stats.seconds:,.0f}/s)")
    print(f"  wall time       {stats.seconds:>12.1f} s")
    print(f"  peak memory     {peak_mb:>12,.0f} MiB (this process)")
    started = time.perf_counter()
    await distributions(url, company.id)
    print(f"  (checked in {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    asyncio.run(main())
