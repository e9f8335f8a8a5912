"""Launch benchmark: a campaign sent to 1,000,000 recipients through the sandbox adapter by two
launch-worker processes, and to 100,000 recipients through a real SMTP server.

    uv run python bench/launch.py                                   # both runs
    uv run python bench/launch.py --sandbox 1000000 --smtp 0        # one of them
    uv run python bench/launch.py --smtp 0 --resolution-only        # 1M resolution alone
    uv run python bench/launch.py --compare REF --rounds 3          # … and REF's, in turn

Each run uses its own database (default `crm_bench_launch`, recreated and migrated here) on
the server of $BENCH_DATABASE_URL / $DATABASE_URL (default postgresql://postgres@127.0.0.1:5432),
with contacts written by COPY, one tenant per run and a campaign whose one segment holds every
contact. The workers are `crm run launch-worker` processes (the launcher, dispatchers and
outbox relay exactly as deployed) on the Redis database of --redis-url (default db 14; it must
be empty or hold only this bench's marker, and is emptied at the end). The SMTP server is
aiosmtpd in this process, accepting and counting messages.

Figures per run: audience resolution (the launch row leaving `resolving` minus entering it,
polled every 10 ms: templates compiled, the INSERT … SELECT of the deliveries, the campaign
link rows), sustained messages/s (between 5 % and 95 % of the audience recorded sent) and
overall, the p50/p99 latency of `campaign.launch_progress` events from their `occurred_at` to
their arrival on the Redis stream (the XADD's entry id), the peak RSS of each worker process,
and the machine (printed first).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
from aiosmtpd.controller import Controller
from redis.asyncio import Redis

sys.path.insert(0, str(Path(__file__).parent))

import bench_servers
import process_cpu
from machine_info import machine

from crm_common import migrate
from crm_common.db import Database
from crm_common.models import Launch
from crm_common.reference import sync_roles
from crm_common.settings import Settings
from crm_common.testing.builders import make_company, make_email_campaign, make_user
from crm_common.testing.bulk import copy_contacts

DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"
MARKER = "crm:bench-launch"
TEMPLATE = (
    '<p>Hello {{ first_name | default("friend") }},</p>'
    "<p>Our spring sale is on in {{ city | default('your town') }}.</p>"
    '<a href="https://shop.example/sale">Shop the sale</a>'
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class CountingSink:
    """An SMTP server's handler that accepts and counts every message."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.accepted = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            self.accepted += 1
        return "250 Message accepted for delivery"


async def recreate(server: str, name: str) -> str:
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
        raise SystemExit("database name must be a plain lower-case identifier")
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        version = await admin.fetchval("SHOW server_version")
        tuning = [
            f"{setting} {await admin.fetchval(f'SHOW {setting}')}"
            for setting in ("shared_buffers", "max_wal_size", "checkpoint_timeout", "wal_buffers")
        ]
    finally:
        await admin.close()
    # A resolution writes about 0.6 GB of WAL and heap per million recipients: these settings
    # decide whether it runs in memory or through checkpoints.
    print(f"postgres {version} ({', '.join(tuning)})")
    url = f"{server.rsplit('/', 1)[0]}/{name}"
    await migrate.upgrade(url)
    return url


async def claim_redis(url: str) -> Redis:
    redis: Redis = Redis.from_url(url, decode_responses=True)
    if await redis.dbsize() > 0 and not await redis.exists(MARKER):
        await redis.aclose()
        raise SystemExit(f"{url} holds data that is not this bench's: pick another --redis-url")
    await redis.flushdb()
    await redis.set(MARKER, "1")
    return redis


@dataclass
class Run:
    name: str
    recipients: int
    workers: int
    seconds_load: float = 0.0
    resolution_s: float | None = None
    sustained: float = 0.0
    overall: float = 0.0
    send_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    sent: int = 0
    failed: int = 0
    status: str = ""
    received: int | None = None
    resolution_only: bool = False


async def load_contacts(db: Database, url: str, company_id: uuid.UUID, count: int) -> float:
    """`count` consenting contacts, sealed as the API stores them, with COPY, then vacuumed."""
    began = time.perf_counter()
    chunk = 100_000
    for start in range(0, count, chunk):
        rows = [
            {
                "external_id": f"b-{i}",
                "email": f"r{i}@bench.example",
                "first_name": f"Ann{i % 997}",
                "city": f"City{i % 50}",
                "consented_channels": ["email"],
            }
            for i in range(start, min(count, start + chunk))
        ]
        await copy_contacts(db, url, company_id, rows, analyze=False)
    # As autovacuum leaves a table long before a launch reads it (it visits a table once 20 %
    # of it is new): hint bits set, pages all-visible, statistics fresh. Without it the first
    # statements to read the fresh rows set their hint bits and write the pages out again.
    # Then a checkpoint, so that writing the loaded pages out does not overlap the launch.
    connection = await asyncpg.connect(url)
    try:
        await connection.execute("VACUUM (ANALYZE) crm_contacts")
        try:
            await connection.execute("CHECKPOINT")
        except asyncpg.InsufficientPrivilegeError:
            print("  (no CHECKPOINT: the bench's role may not run one)")
    finally:
        await connection.close()
    return time.perf_counter() - began


async def prepare(db: Database, url: str, run: Run, provider: str) -> tuple[Launch, Any]:
    company = await make_company(
        db,
        f"bench-{run.name}-{uuid.uuid4().hex[:6]}",
        sender={"from_name": "Bench", "from_address": "news@bench.example"},
        channels={"email": {"provider": provider}},
    )
    user = await make_user(db, company, "admin")
    run.seconds_load = await load_contacts(db, url, company.id, run.recipients)
    campaign, segment = await make_email_campaign(
        db,
        company,
        user,
        content=TEMPLATE,
        subject="{{ first_name | default('Hello') }}, spring is here",
        name=f"Bench {run.name}",
    )
    launch = Launch(
        id=uuid.uuid4(),
        company_id=company.id,
        campaign_id=campaign.id,
        idempotency_key=uuid.uuid4().hex,
        requested_by_user_id=user.id,
        launch_status="requested",
        parameters={"channels": ["email"], "segment_ids": [str(segment.id)]},
        scheduled_at=datetime.now(UTC),
    )
    return launch, company


# The figures `--compare` reads from each run's output.
FIGURES = {
    "resolution": re.compile(r"audience resolution\s+([0-9.]+) s"),
    "contacts loaded": re.compile(r"contacts loaded \(COPY, VACUUM\)\s+([0-9.]+) s"),
}


def compare(ref: str, args: argparse.Namespace) -> None:
    """The 1M resolution (and the contacts' load before it) of `ref` (a worktree with its own
    environment) and of this tree, run in turn `args.rounds` times, the baseline first each
    round: each run is this bench with `--smtp 0 --resolution-only` in its own tree, on the
    same database name and Redis."""
    baseline, baseline_python = bench_servers.baseline_tree(ref)
    here = Path(__file__).resolve().parent.parent
    trees = {f"{ref} (baseline)": (baseline, baseline_python), "this tree": (here, sys.executable)}
    command = [
        "bench/launch.py",
        "--sandbox",
        str(args.sandbox),
        "--smtp",
        "0",
        "--resolution-only",
        "--database",
        args.database,
        "--redis-url",
        args.redis_url,
    ]
    seconds: dict[str, dict[str, list[float]]] = {
        figure: {name: [] for name in trees} for figure in FIGURES
    }
    for round_ in range(1, args.rounds + 1):
        for name, (folder, python) in trees.items():
            done = subprocess.run(  # noqa: S603
                [python, *command], cwd=folder, capture_output=True, text=True, check=False
            )
            found = {figure: pattern.search(done.stdout) for figure, pattern in FIGURES.items()}
            if done.returncode:
                raise SystemExit(f"{name}: the bench failed\n{done.stdout}\n{done.stderr}")
            line = []
            for figure, match in found.items():
                if match is None:
                    raise SystemExit(f"{name}: no {figure} figure in\n{done.stdout}")
                seconds[figure][name].append(float(match.group(1)))
                line.append(f"{figure} {seconds[figure][name][-1]:6.2f} s")
            print(f"  round {round_}  {name:24} {', '.join(line)}")
    for figure, runs in seconds.items():
        print(f"\n{figure}, {args.sandbox:,} recipients, {args.rounds} rounds (median, range)")
        medians = {name: statistics.median(values) for name, values in runs.items()}
        for name, values in runs.items():
            print(f"  {name:24} {medians[name]:6.2f} s  ({min(values):.2f} to {max(values):.2f})")
        before, after = medians.values()
        print(f"  ratio (this / baseline)  {after / before:6.2f}")


def start_workers(count: int, env: dict[str, str], logs: Path) -> list[subprocess.Popen[bytes]]:
    logs.mkdir(parents=True, exist_ok=True)
    processes = []
    for index in range(count):
        log = (logs / f"launch-worker-{index}.log").open("wb")
        processes.append(
            subprocess.Popen(
                [sys.executable, "-m", "crm_cli.main", "run", "launch-worker"],
                env={**env, "CRM_PORT": str(_free_port())},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return processes


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="utf-8") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def stop_workers(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


async def progress_latencies(redis: Redis, stream: str, launch_id: uuid.UUID) -> list[float]:
    latencies: list[float] = []
    last = "-"
    while True:
        entries = await redis.xrange(stream, min=last, max="+", count=5000)
        if last != "-":
            entries = entries[1:]
        if not entries:
            return latencies
        for entry_id, fields in entries:
            envelope = json.loads(fields["event"])
            if envelope.get("type") != "campaign.launch_progress":
                continue
            if envelope.get("data", {}).get("launch_id") != str(launch_id):
                continue
            occurred = datetime.fromisoformat(envelope["occurred_at"]).timestamp() * 1000
            latencies.append(int(entry_id.split("-")[0]) - occurred)
        last = entries[-1][0]


async def measure(
    db: Database,
    url: str,
    redis: Redis,
    run: Run,
    env: dict[str, str],
    logs: Path,
    *,
    resolution_only: bool = False,
) -> None:
    launch, _ = await prepare(db, url, run, env["CRM_EMAIL_PROVIDER"])
    processes = start_workers(run.workers, env, logs)
    connection = await asyncpg.connect(url)
    samples: list[tuple[float, int]] = []
    resolving_at = sending_at = None
    try:
        await asyncio.sleep(3.0)  # the workers import and connect
        async with db.system_session() as session:
            session.add(launch)
        while True:
            row = await connection.fetchrow(
                "SELECT launch_status, sent_count, failed_count, finished_at"
                " FROM crm_launches WHERE id = $1",
                launch.id,
            )
            now = time.perf_counter()
            if row["launch_status"] == "resolving" and resolving_at is None:
                resolving_at = now
            if row["launch_status"] in ("sending", "completed") and sending_at is None:
                sending_at = now
                resolving_at = resolving_at or now
            samples.append((now, row["sent_count"]))
            if row["finished_at"] is not None or (resolution_only and sending_at is not None):
                break
            for process in processes:
                if process.poll() is not None:
                    raise SystemExit(f"a worker exited ({process.returncode}); see {logs}")
            await asyncio.sleep(0.01 if sending_at is None else 0.2)
        run.rss_mb = [peak_rss_mb(process.pid) for process in processes]
        run.cpu_s = [process_cpu.cpu_seconds(process.pid) for process in processes]
        run.status, run.sent, run.failed = (
            row["launch_status"],
            row["sent_count"],
            row["failed_count"],
        )
    finally:
        stop_workers(processes)
        await connection.close()
    if resolving_at is not None and sending_at is not None:
        run.resolution_s = sending_at - resolving_at
    if resolution_only:
        return
    low = next(t for t, sent in samples if sent >= 0.05 * run.recipients)
    high = next(t for t, sent in samples if sent >= 0.95 * run.recipients)
    run.sustained = 0.9 * run.recipients / (high - low) if high > low else 0.0
    run.send_s = samples[-1][0] - (sending_at or samples[0][0])
    run.overall = run.sent / run.send_s if run.send_s else 0.0
    run.latencies_ms = await progress_latencies(redis, env["CRM_EVENTS_STREAM"], launch.id)


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(run: Run, target: float) -> None:
    print(f"\n{run.name}: {run.recipients:,} recipients, {run.workers} worker processes")
    print(f"  contacts loaded (COPY, VACUUM) {run.seconds_load:6.1f} s")
    resolution = f"{run.resolution_s:8.2f} s" if run.resolution_s is not None else "    n/a"
    print(f"  audience resolution        {resolution}")
    if run.resolution_only:
        return
    print(
        f"  sustained (5 % to 95 %)       {run.sustained:8,.0f} messages/s"
        f"   (target > {target:,.0f}: {'met' if run.sustained > target else 'NOT met'})"
    )
    print(f"  overall                    {run.overall:8,.0f} messages/s over {run.send_s:.1f} s")
    print(
        f"  progress events            {len(run.latencies_ms)} events, latency p50"
        f" {percentile(run.latencies_ms, 0.5):.0f} ms, p99"
        f" {percentile(run.latencies_ms, 0.99):.0f} ms, max"
        f" {max(run.latencies_ms, default=float('nan')):.0f} ms"
    )
    print("  peak RSS per worker        " + ", ".join(f"{mb:.0f} MB" for mb in run.rss_mb))
    if run.sent:
        per_message = sum(run.cpu_s) / run.sent * 1e6
        print(
            "  worker CPU                 "
            + ", ".join(f"{cpu:.1f} s" for cpu in run.cpu_s)
            + f" ({per_message:.0f} µs per message sent, whole run)"
        )
    print(f"  launch                     {run.status}: sent {run.sent:,}, failed {run.failed:,}")
    if run.received is not None:
        print(f"  SMTP server received       {run.received:,} messages")


async def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sandbox", type=int, default=1_000_000, help="recipients (0: skip)")
    parser.add_argument("--smtp", type=int, default=100_000, help="recipients (0: skip)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--resolution-only",
        action="store_true",
        help="stop each run once its audience is resolved (sending started)",
    )
    parser.add_argument(
        "--compare",
        metavar="REF",
        help="the --sandbox resolution of commit REF and of this tree, side by side",
    )
    parser.add_argument("--rounds", type=int, default=3, help="with --compare")
    parser.add_argument("--database", default="crm_bench_launch")
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS))
    parser.add_argument("--logs", type=Path, default=Path(".crm-data/bench-launch"))
    args = parser.parse_args()

    for key, value in machine().items():
        print(f"{key}: {value}")
    if args.compare:
        compare(args.compare, args)
        return
    server = (
        os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    )
    redis = await claim_redis(args.redis_url)
    args.logs.mkdir(parents=True, exist_ok=True)
    base_env = {
        **os.environ,
        "REDIS_URL": args.redis_url,
        "CRM_ENV": "test",
        "CRM_LOG_LEVEL": "WARNING",
        "CRM_LOG_JSON": "false",
        "CRM_MAIL_SINK_PORT": "0",
    }
    runs: list[tuple[Run, float]] = []
    try:
        for name, recipients, target in (
            ("sandbox", args.sandbox, 5_000.0),
            ("smtp", args.smtp, 1_000.0),
        ):
            if recipients <= 0:
                continue
            url = await recreate(server, args.database)
            settings = Settings(database_url=url, db_statement_timeout_ms=0, db_pool_size=2)
            db = Database.from_settings(settings, name="bench-launch")
            async with db.system_session() as session:
                await sync_roles(session)
            # Each run starts from an empty Redis database: the outbox relay's high-water mark
            # belongs to the database the run recreated.
            await redis.flushdb()
            await redis.set(MARKER, "1")
            env = {
                **base_env,
                "DATABASE_URL": url,
                "CRM_EMAIL_PROVIDER": name,
                "CRM_EVENTS_STREAM": f"crm.bench-launch.{name}",
            }
            controller = None
            sink = CountingSink()
            if name == "smtp":
                port = _free_port()
                controller = Controller(sink, hostname="127.0.0.1", port=port, data_size_limit=0)
                controller.start()
                # The process default caps SMTP at 500 messages/s per company (a provider's
                # safety default, docs/launching.md): lifted here to measure the worker.
                env |= {
                    "CRM_SMTP_HOST": "127.0.0.1",
                    "CRM_SMTP_PORT": str(port),
                    "CRM_SMTP_SECURITY": "none",
                    "CRM_SMTP_POOL_SIZE": "16",
                    "CRM_SEND_RATE_LIMITS": '{"smtp": 100000}',
                }
            run = Run(name, recipients, args.workers, resolution_only=args.resolution_only)
            try:
                await measure(
                    db,
                    url,
                    redis,
                    run,
                    env,
                    args.logs / name,
                    resolution_only=args.resolution_only,
                )
            finally:
                if controller is not None:
                    controller.stop()
                    run.received = sink.accepted
                await db.dispose()
            report(run, target)
            runs.append((run, target))
    finally:
        await redis.flushdb()
        await redis.aclose()
    print("\nsummary")
    for run, target in runs:
        print(
            f"  {run.name:8} {run.recipients:>9,}  resolution {run.resolution_s or 0:6.2f} s"
            f"  sustained {run.sustained:7,.0f}/s (target {target:,.0f})"
            f"  progress p99 {percentile(run.latencies_ms, 0.99):5.0f} ms"
            f"  RSS {'/'.join(f'{mb:.0f}' for mb in run.rss_mb)} MB"
        )
    if runs:
        print(f"  median sustained {statistics.median(r.sustained for r, _ in runs):,.0f}/s")


if __name__ == "__main__":
    asyncio.run(main())
