"""WebSocket fan-out benchmark of the notify gateway.

One gateway process (`crm run notify-gateway`) follows a bench stream on a real Redis;
N concurrent WebSocket clients (in separate client processes) across two tenants connect,
authenticate with access tokens in the first message and subscribe; a publisher XADDs
EventEnvelope JSON at a fixed rate. Every client measures latency from the XADD (the
publisher's clock, in the event) to receipt. Printed: delivered / expected frames,
p50/p90/p99/max latency, gateway CPU and RSS, close codes, and the machine.

    uv run python bench/ws_fanout.py                       # 5,000 clients, 200 events/s, 60 s
    uv run python bench/ws_fanout.py --clients 1000 --duration 20 --dashboard-share 0.1

Subscriptions: each client watches one campaign of its tenant (a browser on a campaign
page); `--dashboard-share` of the clients take every event of their tenant (a dashboard).
Needs a PostgreSQL server (`--database-url`): the plan's companies and campaigns are written to
a database of the bench's own on it (`crm_bench_ws`, created and migrated here, kept between
runs), since the gateway accepts a subscription only to campaigns of the
client's own company. Redis database 14 by default (`--redis-url`), on a stream of its own that
is deleted at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import os
import random
import resource
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from array import array
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg
import httpx
import process_cpu
from machine_info import machine
from redis.asyncio import Redis
from sqlalchemy.dialects.postgresql import insert
from ws_fanout_clients import BENCH_SECRET, ClientReport, Plan, client_process

from crm_common import migrate
from crm_common.db import Database
from crm_common.models import Campaign, Company, User
from crm_common.settings import load_settings

# -- the gateway process -------------------------------------------------------------------


def process_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def machine_busy_ticks() -> tuple[int, int]:
    """(busy, total) CPU ticks of the whole machine since boot."""
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def start_gateway(args: argparse.Namespace, stream: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CRM_EVENTS_STREAM": stream,
        "CRM_JWT_SECRET": BENCH_SECRET,
        "CRM_LOG_LEVEL": "WARNING",
        "CRM_WS_MAX_CONNECTIONS_PER_USER": "5",
    }
    command = [sys.executable, "-m", "crm_cli.main", "run", "notify-gateway"]
    command += ["--port", str(args.port)]
    return subprocess.Popen(command, env=env)  # noqa: S603 - our own interpreter and module


BENCH_DATABASE = "crm_bench_ws"


async def bench_database(server_url: str) -> str:
    """The URL of the bench's own database on the server of `server_url`, created on first use
    and migrated."""
    admin = await asyncpg.connect(server_url)
    try:
        exists = await admin.fetchval(
            "SELECT 1 FROM pg_database WHERE datname = $1", BENCH_DATABASE
        )
        if not exists:
            await admin.execute(f'CREATE DATABASE "{BENCH_DATABASE}"')
    finally:
        await admin.close()
    url = f"{server_url.rsplit('/', 1)[0]}/{BENCH_DATABASE}"
    await migrate.upgrade(url)
    return url


async def seed_plan(database_url: str, plan: Plan) -> None:
    """The plan's companies and campaigns as rows (kept between runs): the gateway accepts a
    subscription only to campaigns of the subscriber's own company."""
    db = Database.from_settings(load_settings(database_url=database_url), name="bench-ws")
    now = datetime.now(UTC)
    try:
        async with db.system_session() as session:
            for tenant in range(plan.tenants):
                company_id = plan.company(tenant)
                author = uuid.uuid5(company_id, "author")
                slug = f"bench-ws-{company_id.hex[:12]}"
                statements = [
                    insert(Company).values(id=company_id, name=slug, slug=slug, settings={}),
                    insert(User).values(
                        id=author,
                        company_id=company_id,
                        email=f"author@{slug}.test",
                        password_hash="!",
                    ),
                    insert(Campaign).values(
                        [
                            {
                                "id": plan.campaign(tenant, index),
                                "company_id": company_id,
                                "created_by_user_id": author,
                                "campaign_name": f"Bench {index}",
                                "campaign_code": f"WS-{tenant}-{index}",
                                "campaign_type": "promotional",
                                "primary_channel": "email",
                                "start_date": now,
                                "end_date": now.replace(year=now.year + 1),
                            }
                            for index in range(plan.campaigns_per_tenant)
                        ]
                    ),
                ]
                for statement in statements:
                    await session.execute(statement.on_conflict_do_nothing())
    finally:
        await db.dispose()


def wait_listening(port: int, process: subprocess.Popen[bytes], limit_s: float = 60) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the gateway exited during start-up")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.2)
    raise SystemExit("the gateway did not start listening")


# -- publishing and sampling ---------------------------------------------------------------


async def publish(
    redis: Redis, stream: str, plan: Plan, rate: float, seconds: float, phase: str
) -> list[tuple[int, uuid.UUID]]:
    """XADD `rate` events a second for `seconds`, paced on absolute times."""
    rng = random.Random(7 if phase == "measure" else 3)
    sent: list[tuple[int, uuid.UUID]] = []
    total = int(rate * seconds)
    start = time.monotonic()
    for n in range(total):
        delay = start + n / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        tenant = n % plan.tenants
        campaign = plan.campaign(tenant, rng.randrange(plan.campaigns_per_tenant))
        envelope = {
            "id": str(uuid.uuid4()),
            "type": "campaign.launch_progress",
            "version": 1,
            "company_id": str(plan.company(tenant)),
            "occurred_at": datetime.now(UTC).isoformat(),
            "actor_user_id": None,
            "correlation_id": None,
            "data": {
                "campaign_id": str(campaign),
                "phase": phase,
                "seq": n,
                "sent": n * 10,
                "failed": n % 7,
                "spend": "12.50",
                "sent_ns": time.time_ns(),
            },
        }
        await redis.xadd(stream, {"event": json.dumps(envelope)})
        sent.append((tenant, campaign))
    return sent


@dataclass
class Samples:
    rss_mb: list[float] = field(default_factory=list)


async def drain(port: int, expected_out: int, limit_s: float) -> None:
    """Wait until the gateway has sent every expected frame (or `limit_s` passed)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        sent = (await scrape(port)).get("crm_ws_events_out_total", 0.0)
        if sent >= expected_out:
            await asyncio.sleep(0.5)  # the last frames' trip to the clients
            return
        await asyncio.sleep(0.25)


async def sample(pid: int, samples: Samples, stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.rss_mb.append(process_rss_mb(pid))
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 1.0)


# -- report --------------------------------------------------------------------------------


def percentile(ordered: list[float], q: float) -> float:
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


async def scrape(port: int) -> dict[str, float]:
    wanted = (
        "crm_ws_connected_clients",
        "crm_ws_events_in_total",
        "crm_ws_events_out_total",
        "crm_ws_clients_dropped_total",
        "crm_ws_fanout_latency_seconds_bucket",
    )
    values: dict[str, float] = {}
    async with httpx.AsyncClient(timeout=10) as http:
        text = (await http.get(f"http://127.0.0.1:{port}/metrics")).text
    for line in text.splitlines():
        if line.startswith(wanted):
            name, _, value = line.rpartition(" ")
            values[name] = float(value)
    return values


# -- main ----------------------------------------------------------------------------------


def raise_fd_limit(needed: int) -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = hard if hard != resource.RLIM_INFINITY else max(soft, needed)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return target


@dataclass
class Measurement:
    """What one run observed, for the report."""

    connected: int
    redis_version: str
    load_before: float
    published_s: float
    sent: list[tuple[int, uuid.UUID]]
    cpu_s: float
    user_s: float
    system_s: float
    wall_s: float
    machine_busy: float
    idle_rss_mb: float
    samples: Samples
    gauges: dict[str, float]
    reports: list[ClientReport]


async def connect_clients(
    args: argparse.Namespace, plan: Plan, context: Any, ready: Any, stop: Any, results: Any
) -> tuple[list[Any], int]:
    """Start the client processes; return them and how many clients authenticated."""
    url = f"ws://127.0.0.1:{args.port}/ws"
    workers = []
    for first in range(args.client_procs):
        indices = list(range(first, args.clients, args.client_procs))
        worker = context.Process(
            target=client_process,
            args=(indices, plan, url, args.compression, args.client_nice, ready, stop, results),
        )
        worker.start()
        workers.append(worker)
    began = time.monotonic()
    connected = failed = 0
    for _ in workers:
        ok, bad = await asyncio.to_thread(ready.get, True, 600)
        connected, failed = connected + ok, failed + bad
    took = time.monotonic() - began
    print(f"{connected} clients connected ({failed} failed) in {took:.1f} s")
    return workers, connected


async def measure(
    args: argparse.Namespace,
    plan: Plan,
    redis: Redis,
    stream: str,
    pid: int,
    connected: int,
) -> dict[str, Any]:
    """Warm up, publish for the measured duration, wait for the last frames; the gateway's
    CPU, memory and metrics over that window."""
    idle_rss = process_rss_mb(pid)
    load_before = os.getloadavg()[0]
    warm = await publish(redis, stream, plan, args.rate, args.warmup, "warmup")
    samples, sampling = Samples(), asyncio.Event()
    sampler = asyncio.create_task(sample(pid, samples, sampling))
    busy_before, ticks_before = machine_busy_ticks()
    user_before, system_before = process_cpu.cpu_split(pid)
    wall_before = time.monotonic()
    sent = await publish(redis, stream, plan, args.rate, args.duration, "measure")
    published_s = time.monotonic() - wall_before
    per_event = plan.expected_per_event()
    await drain(args.port, sum(per_event[key] for key in warm + sent), args.drain)
    user_after, system_after = process_cpu.cpu_split(pid)
    wall_s = time.monotonic() - wall_before
    busy_after, ticks_after = machine_busy_ticks()
    sampling.set()
    await sampler
    return {
        "connected": connected,
        "load_before": load_before,
        "published_s": published_s,
        "sent": sent,
        "user_s": user_after - user_before,
        "system_s": system_after - system_before,
        "cpu_s": (user_after - user_before) + (system_after - system_before),
        "wall_s": wall_s,
        "machine_busy": (busy_after - busy_before) / max(1, ticks_after - ticks_before),
        "idle_rss_mb": idle_rss,
        "samples": samples,
        "gauges": await scrape(args.port),
    }


async def run(args: argparse.Namespace) -> int:
    plan = Plan(args.clients, args.tenants, args.campaigns_per_tenant, args.dashboard_share)
    limit = raise_fd_limit(args.clients + 1000)
    if limit < args.clients + 200:
        print(f"open-file limit {limit} is too low for {args.clients} clients; raise ulimit -n")
        return 2
    stream = f"bench.ws.{uuid.uuid4().hex[:12]}"
    redis = Redis.from_url(args.redis_url, decode_responses=True)
    redis_version = (await redis.info("server"))["redis_version"]
    args.database_url = await bench_database(args.database_url)
    await seed_plan(args.database_url, plan)
    gateway = start_gateway(args, stream)
    if args.gateway_nice:
        os.setpriority(os.PRIO_PROCESS, gateway.pid, args.gateway_nice)
    context = multiprocessing.get_context("spawn")
    ready, results, stop = context.Queue(), context.Queue(), context.Event()
    workers: list[Any] = []
    try:
        wait_listening(args.port, gateway)
        workers, connected = await connect_clients(args, plan, context, ready, stop, results)
        observed = await measure(args, plan, redis, stream, gateway.pid, connected)
        stop.set()
        reports = [await asyncio.to_thread(results.get, True, 120) for _ in workers]
    finally:
        stop.set()
        for worker in workers:
            worker.join(timeout=30)
        if gateway.poll() is None:
            gateway.send_signal(signal.SIGINT)
            try:
                gateway.wait(timeout=30)
            except subprocess.TimeoutExpired:
                gateway.kill()
        await redis.delete(stream)
        await redis.aclose()
    report(args, plan, Measurement(redis_version=redis_version, reports=reports, **observed))
    return 0


def report(args: argparse.Namespace, plan: Plan, result: Measurement) -> None:
    """Print the figures, the machine and whether the targets were met."""
    per_event = plan.expected_per_event()
    expected = sum(per_event[key] for key in result.sent)
    latencies: list[float] = []
    closes: dict[int, int] = {}
    for client in result.reports:
        values = array("f")
        values.frombytes(client.latencies_ms)
        latencies.extend(values)
        for code, count in client.closes.items():
            closes[code] = closes.get(code, 0) + count
    latencies.sort()
    measured = sum(r.measured for r in result.reports)
    peak_rss = max(result.samples.rss_mb, default=0.0)
    gauges = result.gauges

    print()
    print("== notify gateway fan-out ==")
    for key, value in machine().items():
        print(f"{key:>10}: {value}")
    print(f"{'redis':>10}: {result.redis_version}")
    print()
    print(
        f"clients {args.clients} ({result.connected} connected) across {args.tenants} tenants, "
        f"{args.client_procs} client processes (nice {args.client_nice}), "
        f"compression offered {'yes' if args.compression else 'no'}"
    )
    print(
        f"subscriptions: one campaign of {args.campaigns_per_tenant} per tenant, "
        f"{args.dashboard_share:.0%} dashboards (whole tenant)"
    )
    sent = len(result.sent)
    print(
        f"published {sent} events in {result.published_s:.1f} s "
        f"({sent / result.published_s:.0f}/s, target {args.rate:.0f}/s) "
        f"after {args.warmup:.0f} s warm-up"
    )
    print(
        f"frames delivered {measured} of {expected} expected "
        f"({measured / result.published_s:.0f}/s); lost {expected - measured}"
    )
    print(
        f"latency XADD -> client receipt (ms): p50 {percentile(latencies, 0.50):.1f}  "
        f"p90 {percentile(latencies, 0.90):.1f}  p99 {percentile(latencies, 0.99):.1f}  "
        f"p99.9 {percentile(latencies, 0.999):.1f}  max {latencies[-1] if latencies else 0:.1f}  "
        f"mean {statistics.fmean(latencies) if latencies else 0:.1f}"
    )
    print(
        f"gateway CPU {result.cpu_s / result.wall_s:.0%} of one core "
        f"({result.cpu_s:.1f} s over {result.wall_s:.1f} s: user {result.user_s:.1f} s, "
        f"system {result.system_s:.1f} s), "
        f"{result.cpu_s / max(1, measured) * 1e6:.0f} us per delivered frame"
    )
    print(
        f"gateway RSS: connected and idle {result.idle_rss_mb:.0f} MB, "
        f"peak under load {peak_rss:.0f} MB; niceness {args.gateway_nice}"
    )
    print(
        f"machine: load average {result.load_before:.2f} before the run; all cores "
        f"{result.machine_busy:.0%} busy during it (every process on the machine)"
    )
    print(
        "client processes: CPU "
        + ", ".join(f"{r.cpu_s:.0f} s" for r in result.reports)
        + "; peak RSS "
        + ", ".join(f"{r.rss_mb:.0f} MB" for r in result.reports)
    )
    print(f"server closes seen by clients: {closes or 'none'}")
    counters = {k: v for k, v in gauges.items() if "_bucket" not in k}
    within = gauges.get('crm_ws_fanout_latency_seconds_bucket{le="0.1"}', 0.0)
    everything = gauges.get('crm_ws_fanout_latency_seconds_bucket{le="+Inf"}', 0.0)
    print(f"gateway metrics: {json.dumps(counters)}")
    print(
        "gateway's own histogram (occurred_at -> written, warm-up included): "
        f"{within / max(1.0, everything):.1%} of frames within 100 ms"
    )
    ok = percentile(latencies, 0.99) < 100 and peak_rss < 500 and measured == expected
    print(f"targets (p99 < 100 ms, RSS < 500 MB, nothing lost): {'met' if ok else 'NOT met'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=5000)
    parser.add_argument("--tenants", type=int, default=2)
    parser.add_argument("--campaigns-per-tenant", type=int, default=50)
    parser.add_argument("--dashboard-share", type=float, default=0.0)
    parser.add_argument("--rate", type=float, default=200.0, help="events per second")
    parser.add_argument("--duration", type=float, default=60.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument(
        "--drain", type=float, default=60.0, help="at most this long for the last frames"
    )
    parser.add_argument("--client-procs", type=int, default=2)
    parser.add_argument(
        "--client-nice", type=int, default=0, help="niceness of the client processes"
    )
    parser.add_argument(
        "--gateway-nice",
        type=int,
        default=0,
        help="niceness of the gateway (negative: ahead of other work on a shared machine)",
    )
    parser.add_argument("--compression", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--port", type=int, default=8103)
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
        ),
    )
    args = parser.parse_args()
    return asyncio.run(run(args))


if __name__ == "__main__":
    raise SystemExit(main())
