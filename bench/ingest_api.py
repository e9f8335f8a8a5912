"""Throughput of the ingestion API: bulk contact upserts, event batches, CSV import, tracking.

    uv run python bench/ingest_api.py --contacts 50000 --events 200000

Runs the segment-engine app in process (httpx over ASGI, the full middleware and RLS path) on
its own database (default `crm_bench_ingest`, recreated) on the server of $BENCH_DATABASE_URL
/ $DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) and Redis db 15 of
$BENCH_REDIS_URL (default redis://127.0.0.1:6379/15). Prints the machine and, per operation,
rows per second and the latency of each call (median and worst).
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from httpx import ASGITransport, AsyncClient
from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent))

from machine_info import machine
from seed_contacts import DEFAULT_SERVER, recreate

from crm_common.models import Campaign, Delivery, Launch, MessageLink
from crm_common.reference import sync_roles
from crm_common.resources import Resources
from crm_common.settings import load_settings
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.tracking_tokens import TrackingClaims, TrackingKind, TrackingSigner
from segment_engine.main import create_app

BATCH = 5000


def _contact(i: int) -> dict[str, Any]:
    return {
        "external_id": f"B{i:08d}",
        "email": f"person{i}@example.com",
        "phone": f"+1212555{i % 10_000:04d}",
        "first_name": "Pat",
        "last_name": f"Doe{i % 97}",
        "country": "US",
        "city": "New York",
        "timezone": "America/New_York",
        "interests": ["travel", "books"] if i % 2 else ["fitness"],
        "attributes": {"tier": "gold" if i % 10 == 0 else "bronze", "ltv": i % 1000},
        "consent": {"email": i % 5 != 0, "sms": i % 3 == 0},
    }


def _summary(label: str, rows: int, seconds: float, latencies: list[float]) -> None:
    worst = max(latencies) * 1000
    median = statistics.median(latencies) * 1000
    print(
        f"  {label:<28} {rows:>9,} rows in {seconds:6.1f} s = {rows / seconds:>8,.0f} rows/s"
        f"   per call: median {median:,.0f} ms, worst {worst:,.0f} ms"
    )


def _expect(ok: bool, response: Any) -> None:
    if not ok:
        raise SystemExit(f"unexpected answer {response.status_code}: {response.text[:300]}")


async def _timed(call: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    response = await call
    return response, time.perf_counter() - started


async def _bench(client: AsyncClient, headers: dict[str, str], contacts: int, events: int) -> None:
    latencies: list[float] = []
    started = time.perf_counter()
    for start in range(0, contacts, BATCH):
        body = {"contacts": [_contact(i) for i in range(start, min(start + BATCH, contacts))]}
        response, took = await _timed(
            client.post("/api/contacts/bulk/", json=body, headers=headers)
        )
        _expect(response.status_code == 200 and response.json()["failed"] == 0, response)
        latencies.append(took)
    _summary("bulk upsert (create)", contacts, time.perf_counter() - started, latencies)

    latencies = []
    started = time.perf_counter()
    for start in range(0, contacts, BATCH):
        body = {
            "contacts": [
                {**_contact(i), "city": "Brooklyn", "consent": {"email": True}}
                for i in range(start, min(start + BATCH, contacts))
            ]
        }
        response, took = await _timed(
            client.post("/api/contacts/bulk/", json=body, headers=headers)
        )
        _expect(response.status_code == 200, response)
        latencies.append(took)
    _summary("bulk upsert (update)", contacts, time.perf_counter() - started, latencies)

    base = datetime.now(UTC) - timedelta(days=30)
    latencies = []
    started = time.perf_counter()
    for start in range(0, events, BATCH):
        body = {
            "events": [
                {
                    "event_id": f"ev-{n}",
                    "external_id": f"B{n % contacts:08d}",
                    "event_type": ("page_view", "purchase", "email_open")[n % 3],
                    "occurred_at": (base + timedelta(seconds=n)).isoformat(),
                    "properties": {"amount": n % 300, "category": "books"},
                }
                for n in range(start, min(start + BATCH, events))
            ]
        }
        response, took = await _timed(
            client.post("/api/contact-events/batch/", json=body, headers=headers)
        )
        _expect(response.status_code == 200 and response.json()["failed"] == 0, response)
        latencies.append(took)
    _summary("event batches", events, time.perf_counter() - started, latencies)

    rows = min(contacts, 20_000)
    lines = ["external_id,email,country,interests,consent.email"]
    lines += [f"CSV{i:07d},csv{i}@example.com,DE,books|travel,yes" for i in range(rows)]
    payload = ("\n".join(lines) + "\n").encode()
    files = {"file": ("contacts.csv", io.BytesIO(payload), "text/csv")}
    response, took = await _timed(
        client.post("/api/contacts/import/", files=files, headers=headers)
    )
    _expect(response.status_code == 200 and response.json()["created"] == rows, response)
    _summary(f"CSV import ({len(payload) // 1024:,} KiB)", rows, took, [took])


async def _tracking(
    client: AsyncClient, resources: Resources, company_id: uuid.UUID, user_id: uuid.UUID, hits: int
) -> None:
    async with resources.db.system_session() as session:
        contact_id = (
            await session.execute(
                text("SELECT id FROM crm_contacts WHERE company_id = :c LIMIT 1"), {"c": company_id}
            )
        ).scalar_one()
        campaign = Campaign(
            company_id=company_id,
            created_by_user_id=user_id,
            campaign_name="Bench",
            campaign_code="BENCH-1",
            campaign_type="promotional",
            primary_channel="email",
            start_date=datetime.now(UTC),
            end_date=datetime.now(UTC) + timedelta(days=7),
        )
        session.add(campaign)
        await session.flush()
        launch = Launch(
            company_id=company_id,
            campaign_id=campaign.id,
            idempotency_key="bench",
            requested_by_user_id=user_id,
        )
        session.add(launch)
        await session.flush()
        delivery = Delivery(
            company_id=company_id,
            launch_id=launch.id,
            campaign_id=campaign.id,
            contact_id=contact_id,
            channel="email",
        )
        session.add(delivery)
        await session.flush()
        session.add(
            MessageLink(
                company_id=company_id,
                delivery_id=delivery.id,
                position=0,
                url="https://example.com/",
            )
        )
    signer = TrackingSigner.from_settings(resources.settings)
    ids = (company_id, delivery.id, contact_id, campaign.id)
    pixel = signer.mint(TrackingClaims(TrackingKind.OPEN, *ids))
    click = signer.mint(TrackingClaims(TrackingKind.CLICK, *ids, position=0))
    for label, url, status in (
        ("open pixel hits", f"/t/o/{pixel}.gif", 200),
        ("click redirects", f"/t/c/{click}", 302),
    ):
        latencies = []
        started = time.perf_counter()
        for _ in range(hits):
            response, took = await _timed(client.get(url))
            _expect(response.status_code == status, response)
            latencies.append(took)
        _summary(label, hits, time.perf_counter() - started, latencies)


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--contacts", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--hits", type=int, default=500)
    parser.add_argument("--database", default="crm_bench_ingest")
    args = parser.parse_args()
    for key, value in machine().items():
        print(f"{key}: {value}")
    server = (
        os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    )
    url = await recreate(server, args.database)
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    settings = load_settings(
        database_url=url, redis_url=redis_url, log_level="ERROR", db_statement_timeout_ms=0
    )
    resources = Resources.open(settings, name="bench-ingest")
    try:
        async with resources.db.system_session() as session:
            await sync_roles(session)
        company = await make_company(resources.db, "bench-ingest")
        user = await make_user(resources.db, company, "admin")
        headers = auth_headers(resources.codec, user)
        app = create_app(settings, resources)
        transport = ASGITransport(app=app)
        async with (
            app.router.lifespan_context(app),
            AsyncClient(transport=transport, base_url="http://bench", timeout=600) as client,
        ):
            print("results:")
            await _bench(client, headers, args.contacts, args.events)
            await _tracking(client, resources, company.id, user.id, args.hits)
    finally:
        await resources.close()


if __name__ == "__main__":
    asyncio.run(main())
