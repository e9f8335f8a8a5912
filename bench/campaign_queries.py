"""The campaign list and rule queries on a tenant with 100,000 campaigns: seeds a scratch
database, then prints each query's plan summary (EXPLAIN ANALYZE) and its median time
through the real repository code, running as the application role under row-level security.

    uv run python bench/campaign_queries.py [--campaigns 100000] [--database-url URL]

The database named in the URL is dropped and re-created (default crm_bench_queries).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from campaign_api.budgets import repository as budget_repository
from campaign_api.campaigns import repository
from campaign_api.campaigns.schemas import CampaignFilters, SortField, SortOrder
from crm_common import migrate
from crm_common.db import Database
from crm_common.settings import load_settings, to_asyncpg_url
from crm_common.tenancy import TenantScope

SEED = """
INSERT INTO crm_campaigns (
    id, company_id, created_by_user_id, campaign_name, campaign_code, description,
    campaign_type, campaign_category, primary_channel, campaign_status, approval_status,
    start_date, end_date, total_budget, currency_code, created_at, updated_at
)
SELECT
    gen_random_uuid(), :company, :user,
    (ARRAY['Spring sale','Summer deals','Autumn launch','Winter newsletter','Black Friday',
           'Loyalty push','Win-back','Product tour'])[1 + i % 8] || ' ' || i,
    :prefix || '-' || i,
    'Campaign number ' || i || ' about ' || md5(i::text),
    (ARRAY['promotional','newsletter','product_launch','event','nurture','retention',
           'reengagement','awareness'])[1 + (i / 7) % 8],
    (ARRAY['acquisition','engagement','retention','brand','sales','other'])[1 + (i / 3) % 6],
    (ARRAY['email','sms','social','direct_mail','multi_channel'])[1 + i % 5],
    (ARRAY['completed','completed','completed','cancelled','draft','draft','planned',
           'active','paused','completed'])[1 + (i / 11) % 10],
    CASE WHEN (i / 11) % 10 = 7 THEN 'approved' ELSE
        (ARRAY['not_required','not_required','approved','pending_approval','rejected'])[1 + i % 5]
    END,
    now() - interval '3 years' + (i % 1500) * interval '1 day',
    now() - interval '3 years' + (i % 1500) * interval '1 day' + interval '21 days',
    (i % 50) * 100, 'USD',
    now() - interval '3 years' + i * interval '15 minutes',
    now() - interval '3 years' + i * interval '15 minutes'
FROM generate_series(1, :count) AS i
"""


def _with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


async def _recreate(url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    admin = create_async_engine(
        to_asyncpg_url(_with_database(url, "postgres")), isolation_level="AUTOCOMMIT"
    )
    async with admin.connect() as connection:
        await connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await connection.execute(text(f'CREATE DATABASE "{name}"'))
    await admin.dispose()


async def _seed(url: str, count: int) -> tuple[uuid.UUID, uuid.UUID]:
    engine = create_async_engine(to_asyncpg_url(url))
    companies = []
    async with engine.begin() as connection:
        for slug, prefix in (("bench-a", "A"), ("bench-b", "B")):
            company = uuid.uuid4()
            user = uuid.uuid4()
            await connection.execute(
                text("INSERT INTO crm_companies (id, name, slug) VALUES (:id, :slug, :slug)"),
                {"id": company, "slug": slug},
            )
            await connection.execute(
                text(
                    "INSERT INTO crm_users (id, company_id, email, password_hash) "
                    "VALUES (:id, :company, :email, 'x')"
                ),
                {"id": user, "company": company, "email": f"u@{slug}.test"},
            )
            await connection.execute(
                text(SEED), {"company": company, "user": user, "prefix": prefix, "count": count}
            )
            companies.append((company, user))
    async with engine.connect() as connection:
        await connection.execute(text("COMMIT"))
        await connection.execute(text("VACUUM ANALYZE crm_campaigns"))
    await engine.dispose()
    return companies[0]


def _sql(statement: Any) -> str:
    return str(
        statement.compile(dialect=postgresql.dialect(), compile_kwargs={"literal_binds": True})
    )


async def _explain(session: AsyncSession, statement: Any) -> tuple[str, float]:
    rows = await session.execute(text("EXPLAIN (ANALYZE, FORMAT JSON) " + _sql(statement)))
    plan = rows.scalar_one()[0]
    node = plan["Plan"]
    names = []
    while node:
        label = node["Node Type"]
        if "Index Name" in node:
            label += f" ({node['Index Name']})"
        names.append(label)
        children = node.get("Plans") or []
        node = children[0] if children else None
    return " > ".join(names[:4]), float(plan["Execution Time"])


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=100_000)
    parser.add_argument(
        "--database-url", default="postgresql://postgres@127.0.0.1:5432/crm_bench_queries"
    )
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    print(f"machine: {platform.platform()} | python {platform.python_version()}")
    started = time.perf_counter()
    await _recreate(args.database_url)
    await migrate.upgrade(args.database_url)
    company, _user = await _seed(args.database_url, args.campaigns)
    print(f"seeded 2 tenants x {args.campaigns} campaigns in {time.perf_counter() - started:.1f}s")

    settings = load_settings(database_url=args.database_url, redis_url="redis://127.0.0.1:6379/15")
    db = Database.from_settings(settings, name="bench-queries")
    now = datetime.now(UTC)
    window = (datetime(now.year, 1, 1, tzinfo=UTC), datetime(now.year + 1, 1, 1, tzinfo=UTC))

    def listing(**kwargs: Any) -> CampaignFilters:
        return CampaignFilters(**kwargs)

    cases: dict[str, CampaignFilters] = {
        "list (newest first)": listing(),
        "status=planned": listing(campaign_status=["planned"]),
        "status in draft,planned + type": listing(
            campaign_status=["draft", "planned"], campaign_type=["promotional"]
        ),
        "channel=sms, sort start_date asc": listing(
            primary_channel=["sms"], sort_by=SortField.START_DATE, sort_order=SortOrder.ASC
        ),
        "approval=pending": listing(approval_status=["pending_approval"]),
        "search 'black friday'": listing(search="black friday"),
        "search code 'A-4242'": listing(search="A-4242"),
        "start in last 90 days": listing(start_from=now - timedelta(days=90), start_to=now),
        "sort by name": listing(sort_by=SortField.CAMPAIGN_NAME, sort_order=SortOrder.ASC),
        "page 1000 (offset 49,950)": listing(),
    }
    results: list[dict[str, Any]] = []
    async with db.tenant_session(company) as session:
        scope = TenantScope(session, company)
        for name, filters in cases.items():
            offset = 49_950 if name.startswith("page 1000") else 0
            page_plan, page_ms = await _explain(
                session, repository.list_statement(scope, filters).limit(50).offset(offset)
            )
            count_statement = scope.count(repository.Campaign, *repository.list_criteria(filters))
            count_plan, count_ms = await _explain(session, count_statement)
            timings = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                await repository.count(scope, filters)
                await repository.page(scope, filters, 50, offset)
                timings.append((time.perf_counter() - t0) * 1000)
            results.append(
                {
                    "query": name,
                    "page_plan": page_plan,
                    "page_ms": round(page_ms, 2),
                    "count_plan": count_plan,
                    "count_ms": round(count_ms, 2),
                    "median_ms": round(statistics.median(timings), 2),
                }
            )
        rule_queries: dict[str, Callable[[], Awaitable[Any]]] = {
            "code taken": lambda: repository.code_taken(scope, "A-77777"),
            "schedule conflicts (email)": lambda: repository.schedule_conflicts(
                scope, "email", now, now + timedelta(days=30), None
            ),
            "held in fiscal year": lambda: budget_repository.held_in_fiscal_year(
                scope, "USD", window
            ),
        }
        for name, run in rule_queries.items():
            timings = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                await run()
                timings.append((time.perf_counter() - t0) * 1000)
            results.append({"query": name, "median_ms": round(statistics.median(timings), 2)})
    await db.dispose()
    for row in results:
        print(json.dumps(row))


if __name__ == "__main__":
    asyncio.run(main())
