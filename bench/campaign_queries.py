"""The campaign list and rule queries on a tenant with 100,000 campaigns: seeds a scratch
database, then sends the campaign API's own requests (in process, as a signed-in admin, so the
queries run as the application role under row-level security) and prints each request's median
time and the plan summary (EXPLAIN ANALYZE) of every campaign query the request ran.

    uv run python bench/campaign_queries.py [--campaigns 100000] [--database-url URL]

The database named in the URL is dropped and re-created (default crm_bench_queries). The
queries are read off the database engine while a request runs, so the bench depends only on
the public HTTP API (the app comes from the composition root, crm_cli) and crm_common.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import statistics
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from httpx import AsyncClient
from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, create_async_engine

from crm_cli.gateway import SERVICE_FACTORIES
from crm_common import migrate
from crm_common.reference import sync_roles
from crm_common.resources import Resources
from crm_common.settings import load_settings, to_asyncpg_url
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client

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


async def _seed(url: str, tenants: list[tuple[uuid.UUID, uuid.UUID, str]], count: int) -> None:
    """`count` campaigns per tenant, and one active budget for this year on the first."""
    engine = create_async_engine(to_asyncpg_url(url))
    async with engine.begin() as connection:
        for company, user, prefix in tenants:
            await connection.execute(
                text(SEED), {"company": company, "user": user, "prefix": prefix, "count": count}
            )
        await connection.execute(
            text(
                "INSERT INTO crm_campaign_budgets (id, company_id, budget_name, budget_code, "
                "budget_type, total_amount, currency_code, fiscal_year) VALUES "
                "(gen_random_uuid(), :company, 'Bench', 'BENCH', 'annual', 1e12, 'USD', :year)"
            ),
            {"company": tenants[0][0], "year": datetime.now(UTC).year},
        )
    async with engine.connect() as connection:
        await connection.execute(text("COMMIT"))
        await connection.execute(text("VACUUM ANALYZE crm_campaigns"))
    await engine.dispose()


class StatementLog:
    """The SQL the application role sends while `capture()` is open, read off its engine."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.statements: list[tuple[str, Any]] | None = None
        event.listen(engine.sync_engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if self.statements is not None:
            self.statements.append((statement, parameters))

    @contextmanager
    def capture(self) -> Iterator[list[tuple[str, Any]]]:
        captured: list[tuple[str, Any]] = []
        self.statements = captured
        try:
            yield captured
        finally:
            self.statements = None


def _campaign_selects(statements: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The reads of crm_campaigns among a request's statements, each once."""
    seen: set[str] = set()
    selects = []
    for statement, parameters in statements:
        head = statement.lstrip().upper()
        if head.startswith("SELECT") and "crm_campaigns" in statement and statement not in seen:
            seen.add(statement)
            selects.append((statement, parameters))
    return selects


def _label(statement: str) -> str:
    lowered = " ".join(statement.lower().split())
    if "sum(" in lowered and "total_budget" in lowered:
        return "held in fiscal year"
    if "count(" in lowered:
        return "count"
    if "primary_channel =" in lowered and "end_date" in lowered and "'planned'" in lowered:
        return "schedule conflicts"
    if "campaign_code =" in lowered and "limit" not in lowered:
        return "code taken"
    if "limit" in lowered:
        return "page"
    return lowered[:60]


async def _explain(session: AsyncSession, statement: str, parameters: Any) -> tuple[str, float]:
    connection = await session.connection()
    rows = await connection.exec_driver_sql(
        "EXPLAIN (ANALYZE, FORMAT JSON) " + statement, parameters
    )
    plan = rows.scalar_one()
    if isinstance(plan, str):
        plan = json.loads(plan)
    plan = plan[0]
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


async def _plans(
    resources: Resources, company: uuid.UUID, statements: list[tuple[str, Any]], repeat: int
) -> list[dict[str, Any]]:
    """Each campaign read's plan and its median execution time over `repeat` runs."""
    rows = []
    for statement, parameters in _campaign_selects(statements):
        timings = []
        plan = ""
        for _ in range(repeat):
            async with resources.db.tenant_session(company) as session:
                plan, ms = await _explain(session, statement, parameters)
                await session.rollback()
            timings.append(ms)
        rows.append(
            {
                "statement": _label(statement),
                "plan": plan,
                "median_ms": round(statistics.median(timings), 2),
            }
        )
    return rows


async def _timed(client: AsyncClient, repeat: int, method: str, url: str, **kwargs: Any) -> float:
    timings = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        response = await client.request(method, url, **kwargs)
        timings.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    return round(statistics.median(timings), 2)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--campaigns", type=int, default=100_000)
    parser.add_argument(
        "--database-url", default="postgresql://postgres@127.0.0.1:5432/crm_bench_queries"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    print(f"machine: {platform.platform()} | python {platform.python_version()}")
    started = time.perf_counter()
    await _recreate(args.database_url)
    await migrate.upgrade(args.database_url)
    settings = load_settings(
        database_url=args.database_url,
        redis_url=args.redis_url,
        log_level="WARNING",
        rate_limit_enabled=False,
    )
    resources = Resources.open(settings, name="bench-queries")
    try:
        async with resources.db.system_session() as session:
            await sync_roles(session)
        tenants = []
        for slug, prefix in (("bench-a", "A"), ("bench-b", "B")):
            company = await make_company(resources.db, slug)
            user = await make_user(resources.db, company, "admin")
            tenants.append((company, user, prefix))
        await _seed(args.database_url, [(c.id, u.id, p) for c, u, p in tenants], args.campaigns)
        print(
            f"seeded 2 tenants x {args.campaigns} campaigns in {time.perf_counter() - started:.1f}s"
        )
        company, user, _prefix = tenants[0]
        log = StatementLog(resources.db.app_engine)
        await _measure(resources, company.id, auth_headers(resources.codec, user), log, args)
    finally:
        await resources.close()


async def _measure(
    resources: Resources,
    company: uuid.UUID,
    headers: dict[str, str],
    log: StatementLog,
    args: argparse.Namespace,
) -> None:
    now = datetime.now(UTC)
    cases: dict[str, dict[str, Any]] = {
        "list (newest first)": {},
        "status=planned": {"campaign_status": "planned"},
        "status in draft,planned + type": {
            "campaign_status": "draft,planned",
            "campaign_type": "promotional",
        },
        "channel=sms, sort start_date asc": {
            "primary_channel": "sms",
            "sort_by": "start_date",
            "sort_order": "asc",
        },
        "approval=pending": {"approval_status": "pending_approval"},
        "search 'black friday'": {"search": "black friday"},
        "search code 'A-4242'": {"search": "A-4242"},
        "start in last 90 days": {
            "start_from": (now - timedelta(days=90)).isoformat(),
            "start_to": now.isoformat(),
        },
        "sort by name": {"sort_by": "campaign_name", "sort_order": "asc"},
        "page 1000 (offset 49,950)": {"page": 1000},
    }
    results: list[dict[str, Any]] = []
    app = SERVICE_FACTORIES["campaign-api"](resources.settings, resources)
    async with app_client(app) as client:
        client.headers.update(headers)
        for name, params in cases.items():
            params = {"page_size": 50, **params}
            with log.capture() as statements:
                (await client.get("/api/campaigns/", params=params)).raise_for_status()
            results.append(
                {
                    "query": name,
                    "request_median_ms": await _timed(
                        client, args.repeat, "GET", "/api/campaigns/", params=params
                    ),
                    "statements": await _plans(resources, company, statements, args.repeat),
                }
            )
        # Creating a campaign runs the rule queries: code taken, schedule conflicts, and the
        # fiscal year's holdings against its budgets.
        start = now + timedelta(days=10)
        body = {
            "campaign_name": "Bench rules",
            "campaign_code": "A-BENCH-RULES",
            "campaign_type": "promotional",
            "primary_channel": "email",
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=30)).isoformat(),
            "total_budget": "100.00",
            "currency_code": "USD",
        }
        with log.capture() as statements:
            response = await client.post("/api/campaigns/", json=body)
        if response.status_code >= 400:
            print(json.dumps({"create": response.status_code, "body": response.json()}))
        results.append(
            {
                "query": "create (rule checks)",
                "status": response.status_code,
                "statements": await _plans(resources, company, statements, args.repeat),
            }
        )
    for row in results:
        print(json.dumps(row))


if __name__ == "__main__":
    asyncio.run(main())
