"""Segment engine benchmark: estimate and materialise five representative segments over one
tenant with 1,000,000 contacts and ~10,000,000 behavioural events.

    uv run python bench/segments.py                      # load once (~15 min), then measure
    uv run python bench/segments.py --runs 5 --output /tmp/segments.json

The data lives in its own database (default `crm_bench_segments`, created and migrated here)
and is reused when already loaded. Requests go through the real ASGI app (routing, auth,
validation, row-level security, serialisation) in this process; Redis db 15 serves the app.
Figures: median (and min/max) of N runs per segment of the live estimate (what a segment
builder gets: on this tenant, scaled from a ~100k-contact sample, crm_common.sampling), with its
error against the exact count and whether its 95 % range holds that count; of the exact
estimate (`"exact": true`); of materialising and re-evaluating; the scan floor (one bare exact
pass over the tenant's contacts under row-level security, which every exact field-rule estimate
pays); peak memory of this process and of the Postgres backends serving it; and the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from httpx import AsyncClient, Response
from sqlalchemy import delete, func, literal, select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import create_async_engine

sys.path.insert(0, str(Path(__file__).parent))

from machine_info import machine
from segments_data import ensure_database, ensure_dataset

from crm_common.crypto import pii
from crm_common.models import (
    Campaign,
    CampaignSegment,
    Contact,
    SegmentMembership,
    Suppression,
    User,
    UserRole,
)
from crm_common.reference import sync_roles
from crm_common.resources import Resources
from crm_common.settings import load_settings, to_asyncpg_url
from crm_common.testing.builders import auth_headers
from crm_common.testing.client import app_client
from segment_engine.main import create_app

SEGMENTS: dict[str, dict[str, Any]] = {
    "demographic": {
        "demographic_criteria": {
            "all": [
                {"field": "age", "op": "between", "value": [25, 44]},
                {"field": "gender", "op": "eq", "value": "female"},
                {"field": "attributes.loyalty_tier", "op": "in", "value": ["gold", "platinum"]},
            ]
        }
    },
    "behavioral": {
        "behavioral_criteria": {
            "all": [
                {"event": "purchase", "count": {"op": "gte", "value": 2}, "within_days": 90},
                {"not": {"event": "email_open", "within_days": 30}},
            ]
        }
    },
    "geographic": {
        "geographic_criteria": {
            "any": [
                {
                    "field": "location",
                    "op": "within_radius",
                    "value": {"lat": 40.7128, "lon": -74.006, "km": 50},
                },
                {"field": "country", "op": "in", "value": ["GB", "CA"]},
            ]
        }
    },
    "psychographic": {
        "psychographic_criteria": {
            "all": [
                {"field": "interests", "op": "contains_any", "value": ["photography", "art"]},
                {"field": "values", "op": "contains_none", "value": ["price_conscious"]},
            ]
        }
    },
    "mixed": {
        "demographic_criteria": {"field": "age", "op": "gte", "value": 30},
        "geographic_criteria": {"field": "country", "op": "eq", "value": "US"},
        "behavioral_criteria": {
            "all": [
                {"event": "add_to_cart", "within_days": 14},
                {"event": "purchase", "count": {"op": "eq", "value": 0}, "within_days": 14},
            ]
        },
        "psychographic_criteria": {
            "field": "interests",
            "op": "contains_any",
            "value": ["fashion", "technology"],
        },
    },
}
# The planner settings the segment engine gives each audience query's transaction
# (docs/segment-engine.md, "Configuration"), so the scan floor is measured the way estimates run.
AUDIENCE_QUERY_SETTINGS = {"jit": "off", "work_mem": "64MB"}
SUPPRESSED_EMAILS = 10_000
SUPPRESSED_PHONES = 1_000


async def fixtures(resources: Resources, company_id: uuid.UUID) -> dict[str, Any]:
    """The bench user, an email campaign, the five segments and some suppressions."""
    async with resources.db.system_session() as session:
        await sync_roles(session)
    async with resources.db.system_session() as session:
        user = (
            await session.execute(select(User).where(User.company_id == company_id))
        ).scalar_one_or_none()
        if user is None:
            user = User(company_id=company_id, email="bench@segments.test", password_hash="-")
            session.add(user)
            await session.flush()
            session.add(UserRole(company_id=company_id, user_id=user.id, role_name="admin"))
        campaign = (
            await session.execute(select(Campaign).where(Campaign.company_id == company_id))
        ).scalar_one_or_none()
        if campaign is None:
            now = datetime.now(UTC)
            campaign = Campaign(
                company_id=company_id,
                created_by_user_id=user.id,
                campaign_name="Bench",
                campaign_code="BENCH-1",
                campaign_type="promotional",
                primary_channel="email",
                start_date=now,
                end_date=now + timedelta(days=30),
            )
            session.add(campaign)
            await session.flush()
        segments: dict[str, uuid.UUID] = {}
        for name, criteria in SEGMENTS.items():
            segment = (
                await session.execute(
                    select(CampaignSegment).where(
                        CampaignSegment.company_id == company_id,
                        CampaignSegment.segment_name == name,
                    )
                )
            ).scalar_one_or_none()
            if segment is None:
                segment = CampaignSegment(
                    company_id=company_id,
                    campaign_id=campaign.id,
                    segment_name=name,
                    segment_type=name,
                )
                session.add(segment)
            for key, value in criteria.items():
                setattr(segment, key, value)
            await session.flush()
            segments[name] = segment.id
        await suppress_addresses(session, company_id)
    return {"user": user, "segments": segments}


async def suppress_addresses(session: Any, company_id: uuid.UUID) -> None:
    """Suppress the last SUPPRESSED_EMAILS contacts' emails and the first SUPPRESSED_PHONES
    contacts' phones on every channel; addresses are sealed and hashed as the API stores them
    (crm_common.crypto.pii), which needs their plaintext first."""
    picks = (
        ("email", "unsubscribe", Contact.email.is_not(None), Contact.external_id.desc(), "email"),
        (None, "complaint", Contact.phone.is_not(None), Contact.external_id.asc(), "phone"),
    )
    cipher = await pii.cipher_for(session, company_id)
    for (channel, reason, present, order, field), count in zip(
        picks, (SUPPRESSED_EMAILS, SUPPRESSED_PHONES), strict=True
    ):
        rows = (
            await session.execute(
                select(Contact.id, Contact.email, Contact.phone, Contact.pii_key_version)
                .where(Contact.company_id == company_id, present)
                .order_by(order)
                .limit(count)
            )
        ).mappings()
        plain = await pii.open_contacts(session, company_id, [dict(row) for row in rows])
        values = []
        for contact in plain:
            row_id = uuid.uuid4()
            values.append(
                {
                    "id": row_id,
                    "company_id": company_id,
                    "channel": channel,
                    "reason": reason,
                    **pii.seal_suppression(cipher, row_id, contact[field]),
                }
            )
        if values:
            await session.execute(insert(Suppression).on_conflict_do_nothing(), values)


async def vacuum_memberships(url: str) -> None:
    """Clear the dead rows this benchmark's own deletes leave (autovacuum would, later)."""
    engine = create_async_engine(to_asyncpg_url(url), isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(text("VACUUM crm_segment_memberships"))
    finally:
        await engine.dispose()


def summary(times: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(times), 1),
        "min_ms": round(min(times), 1),
        "max_ms": round(max(times), 1),
    }


def peak_rss_kb(pid: int) -> int:
    """VmHWM (peak resident set) of a process, 0 when it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    for line in status.splitlines():
        if line.startswith("VmHWM"):
            return int(line.split()[1])
    return 0


async def backend_pids(resources: Resources) -> list[int]:
    """The Postgres backends serving this process."""
    async with resources.db.system_session() as session:
        rows = await session.execute(
            text(
                "SELECT pid FROM pg_stat_activity "
                "WHERE datname = current_database() AND application_name = 'bench-segments'"
            )
        )
        return list(rows.scalars())


async def server_settings(resources: Resources) -> dict[str, str]:
    async with resources.db.system_session() as session:
        names = ("server_version", "shared_buffers", "work_mem", "max_parallel_workers_per_gather")
        return {name: (await session.execute(text(f"SHOW {name}"))).scalar_one() for name in names}


async def scan_floor(resources: Resources, company_id: uuid.UUID, runs: int) -> dict[str, float]:
    """What one exact pass over the tenant's contacts costs by itself, as the application role
    (row-level security on): a count by a condition no contact meets. Every estimate of a
    field rule pays at least this; printed so that figures taken on a busier or slower
    machine can be read against it."""
    times: list[float] = []
    for _ in range(runs):
        async with resources.db.tenant_session(company_id) as session:
            for name, value in AUDIENCE_QUERY_SETTINGS.items():
                await session.execute(
                    select(func.set_config(literal(name), literal(value), literal(True)))
                )
            started = time.perf_counter()
            await session.execute(
                select(func.count()).where(Contact.company_id == company_id, Contact.gender == "-")
            )
            times.append((time.perf_counter() - started) * 1000)
    return summary(times)


@dataclass
class Bench:
    """One segment's measurements through the app."""

    client: AsyncClient
    resources: Resources
    url: str
    headers: dict[str, str]
    runs: int

    async def once(self, request: Callable[[], Awaitable[Response]]) -> tuple[float, Any]:
        started = time.perf_counter()
        response = await request()
        elapsed = (time.perf_counter() - started) * 1000
        response.raise_for_status()
        return elapsed, response.json()

    async def repeat(self, request: Callable[[], Awaitable[Response]]) -> tuple[list[float], Any]:
        times: list[float] = []
        body: Any = None
        for _ in range(self.runs):
            elapsed, body = await self.once(request)
            times.append(elapsed)
        return times, body

    async def empty(self, segment_id: uuid.UUID) -> None:
        async with self.resources.db.system_session() as session:
            await session.execute(
                delete(SegmentMembership).where(SegmentMembership.segment_id == segment_id)
            )
        await vacuum_memberships(self.url)

    async def segment(self, segment_id: uuid.UUID, criteria: dict[str, Any]) -> dict[str, Any]:
        client, headers = self.client, self.headers
        body = {**criteria, "channel": "email", "sample_size": 10}
        exact_body = {**body, "exact": True}
        estimates, estimate = await self.repeat(
            lambda: client.post("/api/segments/estimate/", json=body, headers=headers)
        )
        exact_estimates, exact = await self.repeat(
            lambda: client.post("/api/segments/estimate/", json=exact_body, headers=headers)
        )
        evaluate = f"/api/segments/{segment_id}/evaluate/"
        cold: list[float] = []
        warm: list[float] = []
        evaluation: Any = None
        for _ in range(self.runs):
            await self.empty(segment_id)
            elapsed, _ = await self.once(lambda: client.post(evaluate, headers=headers))
            cold.append(elapsed)
            elapsed, evaluation = await self.once(lambda: client.post(evaluate, headers=headers))
            warm.append(elapsed)
        page = await client.get(
            f"/api/segments/{segment_id}/members/", params={"page_size": 1}, headers=headers
        )
        page.raise_for_status()
        explain = f"/api/segments/{segment_id}/explain/{page.json()['items'][0]['id']}/"
        explains, _ = await self.repeat(lambda: client.get(explain, headers=headers))
        return {
            "matched": exact["matched"],
            "count": exact["count"],
            "excluded": exact["excluded"],
            "members": evaluation["sendable"],
            "estimate": {
                **summary(estimates),
                "exact": estimate["exact"],
                "sample_fraction": estimate["sample_fraction"],
                **accuracy(estimate, exact),
            },
            "estimate_exact": summary(exact_estimates),
            "materialise_from_empty": summary(cold),
            "re_evaluate_unchanged": summary(warm),
            "explain_one_contact": summary(explains),
        }


def accuracy(estimate: dict[str, Any], exact: dict[str, Any]) -> dict[str, Any]:
    """How far the live estimate's sendable count is from the exact one, and whether its 95 %
    range holds it."""
    low, high = estimate["count_range"]
    truth = exact["count"]
    return {
        "count": estimate["count"],
        "count_range": [low, high],
        "error_pct": round(100 * (estimate["count"] - truth) / truth, 2) if truth else None,
        "range_holds_exact": low <= truth <= high,
    }


def print_line(name: str, result: dict[str, Any]) -> None:
    live = result["estimate"]
    print(
        f"{name:<14} sendable {result['count']:>8,}  live estimate p50 {live['median_ms']:5.0f} ms"
        f" ({live['count']:>8,}, {live['error_pct']:+.1f} %, range holds: "
        f"{'yes' if live['range_holds_exact'] else 'NO'})"
        f"  exact estimate p50 {result['estimate_exact']['median_ms']:5.0f} ms"
        f"  materialise p50 {result['materialise_from_empty']['median_ms']:6.0f} ms"
        f"  re-evaluate p50 {result['re_evaluate_unchanged']['median_ms']:6.0f} ms",
        flush=True,
    )


async def measure(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    url = await ensure_database(args.server, args.database)
    dataset = await ensure_dataset(url, args.contacts, args.events_per_contact)
    settings = load_settings(
        database_url=url,
        redis_url=args.redis,
        log_level="WARNING",
        db_pool_size=4,
        db_statement_timeout_ms=120_000,
    )
    resources = Resources.open(settings, name="bench-segments")
    try:
        setup = await fixtures(resources, dataset.company_id)
        report: dict[str, Any] = {
            "machine": machine(),
            "postgres": await server_settings(resources),
            "dataset": {
                "contacts": dataset.contacts,
                "events": dataset.events,
                "loaded_now": dataset.loaded_now,
                "load_seconds": round(dataset.load_seconds),
            },
            "runs": args.runs,
            "scan_floor": await scan_floor(resources, dataset.company_id, args.runs),
            "segments": {},
        }
        floor = report["scan_floor"]["median_ms"]
        print(f"scan floor     one exact pass over the tenant's contacts p50 {floor:7.0f} ms")
        headers = auth_headers(resources.codec, setup["user"])
        async with app_client(create_app(settings, resources)) as client:
            bench = Bench(client, resources, url, headers, args.runs)
            for name, criteria in SEGMENTS.items():
                if args.only and name not in args.only:
                    continue
                result = await bench.segment(setup["segments"][name], criteria)
                report["segments"][name] = result
                print_line(name, result)
        peaks = [peak_rss_kb(pid) for pid in await backend_pids(resources)]
        report["memory"] = {
            "process_peak_rss_mb": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            ),
            "postgres_backend_peak_rss_mb": round(max(peaks, default=0) / 1024, 1),
        }
        report["machine"]["load_average_after"] = os.getloadavg()
        report["total_seconds"] = round(time.perf_counter() - started)
        return report
    finally:
        await resources.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--server",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    parser.add_argument("--database", default="crm_bench_segments")
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    )
    parser.add_argument("--contacts", type=int, default=1_000_000)
    parser.add_argument("--events-per-contact", type=float, default=10.6)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--only", nargs="*", choices=list(SEGMENTS), help="segments to run")
    args = parser.parse_args()
    report = asyncio.run(measure(args))
    text_report = json.dumps(report, indent=2, default=str)
    print(text_report)
    if args.output:
        args.output.write_text(text_report + "\n")


if __name__ == "__main__":
    main()
