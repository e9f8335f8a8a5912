"""Load run of the campaign API: 150 and then 600 concurrent users on a realistic mix
(filtered lists, gets, creates, updates, approvals, reference data) against a running
server, printing requests/s and p50/p95/p99 per endpoint and the machine it ran on; with
`--server-pid`, the server's CPU per request, for the mix and per endpoint (one client back
to back, the server's idle CPU subtracted, the mean of `--rounds` rounds).

    make run                                   # in one terminal (http://127.0.0.1:8000)
    uv run python bench/campaign_api.py         # in another

    uv run python bench/campaign_api.py --base-url http://127.0.0.1:8100 --users 150 600 \\
        --duration 30 --server-pid 12345 --json results.json

    # another commit side by side in the same run: both servers are started here (each on a
    # fresh database of its own and a redis-server of its own; REF checked out in a worktree
    # under /tmp with its own environment); the per-endpoint report takes the sides in turn,
    # round by round (`--rounds`), and so does each load phase, in slices (`--slices`), each
    # part once both servers are idle
    uv run python bench/campaign_api.py --compare 2831834 --users 150 --duration 30

Tokens come from POST /api/auth/token with the demo users (CRM_DEMO_PASSWORD, default
demo-pass-123). When that endpoint is not there, tokens are minted with the configured
signing secret for the demo users read from DATABASE_URL. By default every virtual user
signs in as the same six demo accounts, so run the server with CRM_RATE_LIMIT_ENABLED=false
(429s are counted and reported otherwise). With `--accounts N` the demo admins first add N
users of each role through POST /api/users/ and every virtual user acts as accounts of its
own share (virtual user i as account i mod N of each role): real users, so the server can
keep the product's default rate limits (`--rate-limits` for the servers `--compare` starts).

    # 150 users, each with accounts of their own, against the defaults of `make run`
    uv run python bench/campaign_api.py --users 150 --accounts 150

A load generator on the machine it measures takes its CPU from the servers: the virtual users
run on uvloop, as the servers do, with the lean client of bench/light_http.py, and the run
reports the generator's own CPU per request.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import bench_servers
import httpx
import process_cpu
import uvloop
from light_http import LightClient, LightHTTPError, LightResponse
from machine_info import machine

current_client: contextvars.ContextVar[LightClient] = contextvars.ContextVar("client")
current_user: contextvars.ContextVar[int] = contextvars.ContextVar("user", default=0)
"""The virtual user whose task this is: with accounts of their own (`--accounts`), which of a
role's accounts it signs its requests with."""

DEMO_USERS = {
    "admin": "admin@acme.test",
    "manager": "manager@acme.test",
    "specialist": "specialist@acme.test",
    "analyst": "analyst@acme.test",
    "finance": "finance@acme.test",
    "globex": "admin@globex.test",
}
ACCOUNT_ROLES = {
    "admin": ("admin", "admin"),
    "manager": ("admin", "marketing_manager"),
    "specialist": ("admin", "campaign_specialist"),
    "analyst": ("admin", "marketing_analyst"),
    "finance": ("admin", "finance"),
    "globex": ("globex", "admin"),
}
"""Each of the bench's roles: the demo admin (by bench role) who adds its accounts, and the
product role they hold (as the demo user of that role does)."""
CHANNELS = ["email", "sms", "social", "direct_mail", "multi_channel"]
TYPES = ["promotional", "newsletter", "product_launch", "event", "nurture", "retention"]
STATUSES = ["draft", "planned", "active", "paused", "completed"]
WORDS = ["spring", "summer", "launch", "loyalty", "friday", "welcome", "win-back", "promo"]

# The mix: weights of each operation per iteration of a virtual user.
MIX = {
    "list": 34,
    "get": 30,
    "update": 14,
    "create": 10,
    "approval": 5,
    "reference": 5,
    "audit": 2,
}


@dataclass
class Recorder:
    """Latencies and statuses per endpoint within one phase."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    statuses: dict[str, dict[int, int]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(int))
    )

    def add(self, name: str, seconds: float, status: int) -> None:
        self.latencies[name].append(seconds * 1000)
        self.statuses[name][status] += 1

    def absorb(self, other: Recorder) -> None:
        """Take in what `other` recorded."""
        for name, values in other.latencies.items():
            self.latencies[name].extend(values)
        for name, counts in other.statuses.items():
            for status, count in counts.items():
                self.statuses[name][status] += count

    def report(self, duration: float) -> dict[str, Any]:
        rows = {}
        everything: list[float] = []
        for name in sorted(self.latencies):
            values = sorted(self.latencies[name])
            everything += values
            rows[name] = _summary(values, duration) | {
                "statuses": dict(sorted(self.statuses[name].items()))
            }
        total = _summary(sorted(everything), duration)
        errors = sum(
            count
            for per in self.statuses.values()
            for status, count in per.items()
            if status >= 400 or status == 0
        )
        return {"endpoints": rows, "total": total | {"errors": errors}}


@dataclass
class PhaseRun:
    """What a load phase recorded (or several slices of one, `merged`): latencies and
    statuses, its seconds under load, and the CPU seconds the load generator and (with its
    pid) the server used meanwhile."""

    users: int
    think: float
    recorder: Recorder
    seconds: float
    own_cpu_s: float
    server_cpu_s: float | None

    @property
    def requests(self) -> int:
        return sum(sum(counts.values()) for counts in self.recorder.statuses.values())

    @property
    def server_ms_per_request(self) -> float | None:
        """The server's CPU per request, unrounded (None without its pid or requests)."""
        if self.server_cpu_s is None or not self.requests:
            return None
        return self.server_cpu_s * 1000 / self.requests

    def report(self) -> dict[str, Any]:
        report = self.recorder.report(self.seconds)
        if self.requests:
            report["load_generator_cpu"] = {
                "cores_busy": round(self.own_cpu_s / self.seconds, 2),
                "ms_per_request": round(self.own_cpu_s * 1000 / self.requests, 2),
            }
        server = self.server_ms_per_request
        if server is not None and self.server_cpu_s is not None:
            report["server_cpu"] = {
                "cores_busy": round(self.server_cpu_s / self.seconds, 2),
                "ms_per_request": round(server, 2),
            }
        return report | {
            "users": self.users,
            "seconds": round(self.seconds, 1),
            "think_s": self.think,
            "load_average_1m": round(os.getloadavg()[0], 2),
        }


def merged(runs: list[PhaseRun]) -> PhaseRun:
    """Slices of one phase as one: their latencies together, their seconds and CPU added up."""
    recorder = Recorder()
    for run in runs:
        recorder.absorb(run.recorder)
    server = [run.server_cpu_s for run in runs]
    return PhaseRun(
        users=runs[0].users,
        think=runs[0].think,
        recorder=recorder,
        seconds=sum(run.seconds for run in runs),
        own_cpu_s=sum(run.own_cpu_s for run in runs),
        server_cpu_s=None if None in server else sum(s for s in server if s is not None),
    )


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process so far, or None (no pid, or no such process)."""
    if pid is None:
        return None
    try:
        seconds: float = process_cpu.cpu_seconds(pid)
    except OSError:
        return None
    return seconds


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    index = min(len(values) - 1, max(0, round(share * len(values)) - 1))
    return values[index]


def _summary(values: list[float], duration: float) -> dict[str, Any]:
    return {
        "requests": len(values),
        "rps": round(len(values) / duration, 1) if duration else 0.0,
        "p50_ms": round(_percentile(values, 0.50), 1),
        "p95_ms": round(_percentile(values, 0.95), 1),
        "p99_ms": round(_percentile(values, 0.99), 1),
        "mean_ms": round(statistics.fmean(values), 1) if values else 0.0,
    }


class Bench:
    """Each virtual user has a keep-alive connection of its own through a lean HTTP client
    (`light_http`): the load generator shares the machine with the server it measures, and
    httpx's CPU per request took most of a core at 150 users."""

    def __init__(self, base_url: str, accounts: dict[str, list[str]], rng: random.Random):
        """`accounts`: the access tokens of each role's accounts (one each when every virtual
        user shares the demo accounts)."""
        self.base_url = base_url
        self.clients: dict[int, LightClient] = {}
        self.headers = {
            role: [{"Authorization": f"Bearer {token}"} for token in tokens]
            for role, tokens in accounts.items()
        }
        self.rng = rng
        self.acme: list[str] = []
        self.globex: list[str] = []
        self.fresh: list[str] = []
        self.recorder = Recorder()

    def client(self, index: int) -> LightClient:
        """The connection of virtual user `index`."""
        if index not in self.clients:
            self.clients[index] = LightClient(self.base_url)
        return self.clients[index]

    async def close(self) -> None:
        for client in self.clients.values():
            await client.aclose()

    async def call(
        self, name: str, method: str, path: str, role: str, **kwargs: Any
    ) -> LightResponse | None:
        accounts = self.headers[role]
        headers = {**accounts[current_user.get() % len(accounts)], **kwargs.pop("headers", {})}
        client = current_client.get()
        started = time.perf_counter()
        try:
            response = await client.request(method, path, headers=headers, **kwargs)
        except LightHTTPError:
            self.recorder.add(name, time.perf_counter() - started, 0)
            return None
        self.recorder.add(name, time.perf_counter() - started, response.status_code)
        return response

    def campaign_body(self) -> dict[str, Any]:
        # The demo budgets cover the current year: campaigns starting in it take a small
        # budget, later ones none (there is no money for next year yet).
        now = datetime.now(UTC)
        start = now + timedelta(days=self.rng.randint(1, 300), minutes=self.rng.randint(0, 1440))
        in_year = start.year == now.year
        return {
            "campaign_name": f"{self.rng.choice(WORDS).title()} {self.rng.randint(1, 10**6)}",
            "description": f"Bench campaign about {self.rng.choice(WORDS)}",
            "campaign_type": self.rng.choice(TYPES),
            "campaign_category": "sales",
            "primary_channel": self.rng.choice(CHANNELS),
            "start_date": start.isoformat(),
            "end_date": (start + timedelta(days=self.rng.randint(3, 40))).isoformat(),
            "total_budget": str(self.rng.randint(0, 20)) if in_year else "0",
            "currency_code": "USD",
            "target_audience_size": self.rng.randint(0, 50_000),
        }

    async def setup(self, per_tenant: int) -> None:
        """Campaigns to read and change, in both tenants."""

        async def create(role: str, pool: list[str], index: int) -> None:
            current_client.set(self.client(index))  # this task's own connection
            response = await self.call(
                "setup", "POST", "/api/campaigns/", role, json=self.campaign_body()
            )
            if response is not None and response.status_code == 201:
                pool.append(response.json()["id"])

        for role, pool in (("specialist", self.acme), ("globex", self.globex)):
            for start in range(0, per_tenant, 25):
                await asyncio.gather(
                    *(create(role, pool, i) for i in range(min(25, per_tenant - start)))
                )
        self.recorder = Recorder()

    async def op_list(self) -> None:
        role = self.rng.choice(["manager", "analyst", "specialist", "finance", "globex"])
        params: dict[str, Any] = {
            "page_size": self.rng.choice([20, 50]),
            "page": self.rng.randint(1, 3),
        }
        roll = self.rng.random()
        if roll < 0.30:
            params["campaign_status"] = self.rng.choice(STATUSES)
        elif roll < 0.50:
            params["primary_channel"] = self.rng.choice(CHANNELS)
            params["campaign_type"] = self.rng.choice(TYPES)
        elif roll < 0.65:
            params["approval_status"] = self.rng.choice(["pending_approval", "approved"])
        elif roll < 0.75:
            params["start_from"] = datetime.now(UTC).isoformat()
            params["start_to"] = (datetime.now(UTC) + timedelta(days=60)).isoformat()
            params["sort_by"] = "start_date"
            params["sort_order"] = "asc"
        elif roll < 0.80:
            params["search"] = self.rng.choice(WORDS)
        await self.call(
            "GET /api/campaigns/ (filtered)", "GET", "/api/campaigns/", role, params=params
        )

    async def op_get(self) -> None:
        if self.rng.random() < 0.15 and self.globex:
            campaign_id, role = self.rng.choice(self.globex), "globex"
        else:
            campaign_id = self.rng.choice(self.acme)
            role = self.rng.choice(["manager", "analyst", "specialist", "finance", "admin"])
        if self.rng.random() < 0.1:
            await self.call(
                "GET /api/campaigns/{id}/?include_segments&include_performance",
                "GET",
                f"/api/campaigns/{campaign_id}/",
                role,
                params={"include_segments": "true", "include_performance": "true"},
            )
        else:
            await self.call(
                "GET /api/campaigns/{id}/", "GET", f"/api/campaigns/{campaign_id}/", role
            )

    async def op_create(self) -> None:
        role = self.rng.choice(["specialist", "manager"])
        response = await self.call(
            "POST /api/campaigns/", "POST", "/api/campaigns/", role, json=self.campaign_body()
        )
        if response is not None and response.status_code == 201:
            campaign_id = response.json()["id"]
            self.acme.append(campaign_id)
            self.fresh.append(campaign_id)

    async def op_update(self) -> None:
        campaign_id = self.rng.choice(self.acme)
        body = {
            "description": f"Updated {uuid.uuid4().hex[:8]}",
            "target_audience_size": self.rng.randint(0, 50_000),
        }
        role = self.rng.choice(["specialist", "manager"])
        await self.call(
            "PATCH /api/campaigns/{id}/", "PATCH", f"/api/campaigns/{campaign_id}/", role, json=body
        )

    async def op_approval(self) -> None:
        if not self.fresh:
            await self.op_create()
            return
        campaign_id = self.fresh.pop()
        submitted = await self.call(
            "POST /api/campaigns/{id}/submit-for-approval/",
            "POST",
            f"/api/campaigns/{campaign_id}/submit-for-approval/",
            "specialist",
        )
        if submitted is not None and submitted.status_code == 200:
            await self.call(
                "POST /api/campaigns/{id}/approve/",
                "POST",
                f"/api/campaigns/{campaign_id}/approve/",
                "finance",
                json={"comment": "Within plan"},
            )

    async def op_reference(self) -> None:
        if self.rng.random() < 0.5:
            await self.call(
                "GET /api/campaign-templates/", "GET", "/api/campaign-templates/", "specialist"
            )
        else:
            await self.call(
                "GET /api/campaign-budgets/", "GET", "/api/campaign-budgets/", "finance"
            )

    async def op_audit(self) -> None:
        campaign_id = self.rng.choice(self.acme)
        await self.call(
            "GET /api/campaigns/{id}/audit/",
            "GET",
            f"/api/campaigns/{campaign_id}/audit/",
            "manager",
        )

    def probes(self) -> dict[str, tuple[str, str, str, dict[str, Any]]]:
        """One request per endpoint for the CPU-per-endpoint report: name → (method, path,
        role, request arguments)."""
        campaign_id = self.acme[0]
        return {
            "GET /healthz": ("GET", "/healthz", "admin", {}),
            "GET /api/campaigns/{id}/": ("GET", f"/api/campaigns/{campaign_id}/", "manager", {}),
            "GET /api/campaigns/ (20, filtered)": (
                "GET",
                "/api/campaigns/",
                "manager",
                {"params": {"page_size": 20, "campaign_status": "draft"}},
            ),
            "GET /api/campaigns/ (50)": (
                "GET",
                "/api/campaigns/",
                "analyst",
                {"params": {"page_size": 50, "sort_by": "start_date"}},
            ),
            "PATCH /api/campaigns/{id}/": (
                "PATCH",
                f"/api/campaigns/{campaign_id}/",
                "specialist",
                {},
            ),
            "PATCH /api/campaigns/{id}/ (no change)": (
                "PATCH",
                f"/api/campaigns/{campaign_id}/",
                "specialist",
                {"json": {"description": "Probe", "target_audience_size": 1200}},
            ),
            "POST /api/campaigns/": ("POST", "/api/campaigns/", "specialist", {}),
            "GET /api/campaign-templates/": ("GET", "/api/campaign-templates/", "specialist", {}),
            "GET /api/campaigns/{id}/audit/": (
                "GET",
                f"/api/campaigns/{campaign_id}/audit/",
                "manager",
                {},
            ),
        }

    def changed_body(self, method: str) -> dict[str, Any] | None:
        """A probe's body where none is fixed: a new campaign to POST, or a real change to
        PATCH (a new description and audience size: an audit row and an event each time)."""
        if method == "POST":
            return self.campaign_body()
        if method == "PATCH":
            return {
                "description": f"Probe {uuid.uuid4().hex[:8]}",
                "target_audience_size": self.rng.randint(0, 50_000),
            }
        return None

    async def probe(
        self, name: str, count: int, server_pid: int, idle_rate: float
    ) -> dict[str, float]:
        """`count` requests of the probe `name` (`probes`) back to back on one connection: the
        server's CPU per request, less what it spends idle over the same time (`idle_rate`
        CPU seconds a second: its background loops), and the wall time per request."""
        method, path, role, kwargs = self.probes()[name]
        current_client.set(self.client(0))
        before, started = cpu_seconds(server_pid), time.perf_counter()
        for _ in range(count):
            changed = None if "json" in kwargs else self.changed_body(method)
            body = {} if changed is None else {"json": changed}
            response = await self.call(name, method, path, role, **kwargs, **body)
            if response is None or response.status_code >= 400:
                status = None if response is None else response.status_code
                raise SystemExit(f"{self.base_url} {name}: answered {status}")
        elapsed = time.perf_counter() - started
        after = cpu_seconds(server_pid)
        if before is None or after is None:
            raise SystemExit(f"the server {server_pid} is gone")
        used = max(0.0, after - before - idle_rate * elapsed)
        return {"cpu_ms": used * 1000 / count, "wall_ms": elapsed * 1000 / count}

    async def user(self, index: int, deadline: float, think: float) -> None:
        current_client.set(self.client(index))
        current_user.set(index)
        operations = list(MIX)
        weights = [MIX[name] for name in operations]
        if think:
            await asyncio.sleep(self.rng.uniform(0, think))
        while time.perf_counter() < deadline:
            name = self.rng.choices(operations, weights)[0]
            await getattr(self, f"op_{name}")()
            left = deadline - time.perf_counter()
            if think and left > 0:
                await asyncio.sleep(min(self.rng.expovariate(1 / think), 4 * think, left))

    async def run(
        self, users: int, duration: float, think: float, server_pid: int | None = None
    ) -> PhaseRun:
        """`users` virtual users on the mix for `duration` seconds."""
        self.recorder = Recorder()
        cpu_before = cpu_seconds(server_pid)
        own_before = time.process_time()
        started = time.perf_counter()
        deadline = started + duration
        await asyncio.gather(*(self.user(i, deadline, think) for i in range(users)))
        elapsed = time.perf_counter() - started
        own_used = time.process_time() - own_before
        cpu_after = cpu_seconds(server_pid)
        server_used = (
            cpu_after - cpu_before if cpu_before is not None and cpu_after is not None else None
        )
        return PhaseRun(users, think, self.recorder, elapsed, own_used, server_used)

    async def phase(
        self, users: int, duration: float, think: float, server_pid: int | None = None
    ) -> dict[str, Any]:
        """`run`'s report."""
        return (await self.run(users, duration, think, server_pid)).report()


async def idle_rates(pids: dict[str, int], seconds: float = 3.0) -> dict[str, float]:
    """Each server's CPU seconds per second while idle (its background loops), all measured
    over the same window."""
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    elapsed = time.perf_counter() - started
    rates = {}
    for name, pid in pids.items():
        first, last = before[name], cpu_seconds(pid)
        if first is None or last is None:
            raise SystemExit(f"the server {pid} is gone")
        rates[name] = (last - first) / elapsed
    return rates


async def endpoint_cpu(
    benches: dict[str, Bench],
    pids: dict[str, int],
    per_round: int,
    rounds: int,
    settle_s: float = 1.0,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Server CPU per request of each endpoint of the mix (`Bench.probes`), one client back to
    back, each server's idle CPU subtracted: side → endpoint → figures (and "idle").

    Endpoint by endpoint, after a warm-up on every side, the sides take turns for `rounds`
    rounds of `per_round` requests, the order reversed every other round (A B, B A, …), so
    a VM whose speed drifts during the run weighs on every side alike; a side's figure is
    the mean of its rounds, each round's kept beside it. Before each batch the servers get
    `settle_s` to handle the events of the batch before (a write's events handled within its
    batch count with it, those still pending when it ends do not)."""
    idle = await idle_rates(pids)
    names = list(benches)
    rounds_of: dict[str, dict[str, list[dict[str, float]]]] = {name: {} for name in names}
    for endpoint in benches[names[0]].probes():
        for name in names:
            await benches[name].probe(endpoint, max(5, per_round // 5), pids[name], idle[name])
        for round_ in range(rounds):
            for name in bench_servers.in_turn(names, round_):
                await asyncio.sleep(settle_s)
                batch = await benches[name].probe(endpoint, per_round, pids[name], idle[name])
                rounds_of[name].setdefault(endpoint, []).append(batch)
    reports: dict[str, dict[str, dict[str, Any]]] = {}
    for name in names:
        report: dict[str, dict[str, Any]] = {}
        for endpoint, batches in rounds_of[name].items():
            report[endpoint] = {
                "cpu_ms": round(statistics.fmean(b["cpu_ms"] for b in batches), 3),
                "wall_ms": round(statistics.fmean(b["wall_ms"] for b in batches), 2),
                "rounds_cpu_ms": [round(b["cpu_ms"], 3) for b in batches],
            }
        report["idle"] = {"cpu_ms": round(idle[name] * 1000, 2), "wall_ms": 1000.0}
        benches[name].recorder = Recorder()
        reports[name] = report
    return reports


async def sign_in(client: httpx.AsyncClient, password: str) -> dict[str, str] | None:
    tokens = {}
    for role, email in DEMO_USERS.items():
        response = await client.post(
            "/api/auth/token",
            data={"username": email, "password": password, "grant_type": "password"},
        )
        if response.status_code != 200:
            return None
        tokens[role] = response.json()["access_token"]
    return tokens


def shared(tokens: dict[str, str]) -> dict[str, list[str]]:
    """The demo accounts, one per role, shared by every virtual user."""
    return {role: [token] for role, token in tokens.items()}


async def own_accounts(
    client: httpx.AsyncClient, tokens: dict[str, str], per_role: int
) -> dict[str, list[str]]:
    """`per_role` new accounts of each role (`ACCOUNT_ROLES`), added through POST /api/users/
    by the demo admins and signed in through POST /api/auth/token, as real users would be;
    their tokens by role."""
    started = time.perf_counter()
    run = uuid.uuid4().hex[:8]
    password = f"bench-{uuid.uuid4().hex}"
    at_once = asyncio.Semaphore(8)  # the server hashes each password in a thread of its own

    async def account(role: str, index: int) -> str:
        admin, product_role = ACCOUNT_ROLES[role]
        email = f"bench-{run}-{role}-{index}@{DEMO_USERS[admin].split('@')[1]}"
        async with at_once:
            added = await client.post(
                "/api/users/",
                headers={"Authorization": f"Bearer {tokens[admin]}"},
                json={
                    "email": email,
                    "full_name": f"Bench {role.title()} {index}",
                    "password": password,
                    "roles": [product_role],
                },
            )
            if added.status_code != 201:
                raise SystemExit(f"adding {email}: {added.status_code} {added.text[:200]}")
            signed = await client.post(
                "/api/auth/token",
                data={"username": email, "password": password, "grant_type": "password"},
            )
            if signed.status_code != 200:
                raise SystemExit(f"signing {email} in: {signed.status_code} {signed.text[:200]}")
        token: str = signed.json()["access_token"]
        return token

    accounts = {
        role: list(await asyncio.gather(*(account(role, i) for i in range(per_role))))
        for role in ACCOUNT_ROLES
    }
    print(
        f"accounts: {per_role} of each of {len(accounts)} roles added and signed in, "
        f"{time.perf_counter() - started:.1f}s"
    )
    return accounts


async def mint() -> dict[str, str]:
    """Tokens signed with the configured secret for the demo users found in DATABASE_URL."""
    from sqlalchemy import func, select

    from crm_common.db import Database
    from crm_common.models import User, UserRole
    from crm_common.security.jwt import TokenCodec, TokenType
    from crm_common.security.permissions import permissions_for
    from crm_common.settings import load_settings

    settings = load_settings()
    db = Database.from_settings(settings, name="bench")
    codec = TokenCodec(settings)
    tokens = {}
    try:
        async with db.system_session() as session:
            for role, email in DEMO_USERS.items():
                user = (
                    await session.execute(select(User).where(func.lower(User.email) == email))
                ).scalar_one()
                roles = list(
                    (
                        await session.execute(
                            select(UserRole.role_name).where(UserRole.user_id == user.id)
                        )
                    ).scalars()
                )
                tokens[role] = codec.encode(
                    TokenType.ACCESS,
                    str(user.id),
                    timedelta(hours=1),
                    {
                        "company_id": str(user.company_id),
                        "roles": roles,
                        "permissions": sorted(p.value for p in permissions_for(roles)),
                    },
                )
    finally:
        await db.dispose()
    return tokens


def _write(path: str, document: dict[str, Any]) -> None:
    with open(path, "w") as handle:
        json.dump(document, handle, indent=2)


def print_phase(result: dict[str, Any]) -> None:
    print(
        f"\n== {result['users']} concurrent users, {result['seconds']} s, "
        f"think time {result['think_s']} s, machine load {result['load_average_1m']} =="
    )
    header = f"{'endpoint':64} {'reqs':>7} {'req/s':>8} {'p50':>7} {'p95':>7} {'p99':>7}  statuses"
    print(header)
    print("-" * len(header))
    for name, row in result["endpoints"].items():
        statuses = ", ".join(f"{k}:{v}" for k, v in row["statuses"].items())
        print(
            f"{name:64} {row['requests']:>7} {row['rps']:>8} {row['p50_ms']:>7} "
            f"{row['p95_ms']:>7} {row['p99_ms']:>7}  {statuses}"
        )
    total = result["total"]
    if "server_cpu" in result:
        cpu = result["server_cpu"]
        busy, per_request = cpu["cores_busy"], cpu["ms_per_request"]
        print(f"server process: {busy} cores busy, {per_request} ms CPU/request")
    if "load_generator_cpu" in result:
        own = result["load_generator_cpu"]
        print(
            f"load generator: {own['cores_busy']} cores busy, "
            f"{own['ms_per_request']} ms CPU/request"
        )
    print(
        f"{'ALL':64} {total['requests']:>7} {total['rps']:>8} {total['p50_ms']:>7} "
        f"{total['p95_ms']:>7} {total['p99_ms']:>7}  errors:{total['errors']}"
    )


def print_slice(
    name: str, users: int, slice_: int, slices: int, waited: float, result: dict[str, Any]
) -> None:
    total = result["total"]
    cpu = result.get("server_cpu", {}).get("ms_per_request", "-")
    print(
        f"{name}, {users} users, slice {slice_ + 1} of {slices} (servers idle after "
        f"{waited:.0f} s): {total['requests']} requests, {total['rps']} req/s, "
        f"p50/p95/p99 {total['p50_ms']}/{total['p95_ms']}/{total['p99_ms']} ms, "
        f"{cpu} ms CPU/request, errors {total['errors']}",
        flush=True,
    )


def print_endpoint_cpu(report: dict[str, dict[str, Any]], rounds: int) -> None:
    how = f"the mean of {rounds} rounds" if rounds > 1 else "one round"
    print(f"\n== server CPU per request, one client back to back ({how}) ==")
    header = f"{'endpoint':40} {'CPU ms':>8} {'wall ms':>8}"
    if rounds > 1:
        header += "  rounds (CPU ms)"
    print(header)
    print("-" * len(header))
    for name, row in report.items():
        if name != "idle":
            line = f"{name:40} {row['cpu_ms']:>8} {row['wall_ms']:>8}"
            if rounds > 1:
                line += "  " + " ".join(f"{value:.2f}" for value in row["rounds_cpu_ms"])
            print(line)
    print(f"(idle server: {report['idle']['cpu_ms']} ms CPU per second, subtracted)")


async def settled(pids: list[int], limit_s: float = 180.0) -> float:
    """Wait until every server in `pids` is back to idle (under a tenth of a core for two
    seconds running: its background loops alone, no events of an earlier phase still being
    published or consumed); the seconds waited (at most `limit_s`)."""
    started = time.perf_counter()
    quiet = 0
    while quiet < 2 and time.perf_counter() - started < limit_s:
        before = [cpu_seconds(pid) for pid in pids]
        await asyncio.sleep(1.0)
        after = [cpu_seconds(pid) for pid in pids]
        busy = any(
            a is not None and b is not None and a - b > 0.1
            for a, b in zip(after, before, strict=True)
        )
        quiet = 0 if busy else quiet + 1
    return time.perf_counter() - started


async def prepared(args: argparse.Namespace, base_url: str) -> tuple[Bench, dict[str, Any]]:
    """Tokens and the setup; the bench and its result document."""
    async with httpx.AsyncClient(base_url=base_url, timeout=httpx.Timeout(60.0)) as client:
        tokens = await sign_in(client, args.password)
        source = "POST /api/auth/token"
        if tokens is None:
            if args.accounts:
                raise SystemExit("--accounts needs POST /api/auth/token and POST /api/users/")
            tokens, source = await mint(), "minted with the configured secret"
        print(f"tokens: {source}")
        accounts = (
            await own_accounts(client, tokens, args.accounts) if args.accounts else shared(tokens)
        )
    bench = Bench(base_url, accounts, random.Random(args.seed))
    document: dict[str, Any] = {"base_url": base_url, "phases": []}
    try:
        started = time.perf_counter()
        await bench.setup(args.setup_campaigns)
        print(
            f"setup: {len(bench.acme)} + {len(bench.globex)} campaigns "
            f"in {time.perf_counter() - started:.1f}s"
        )
    except BaseException:
        await bench.close()
        raise
    return bench, document


async def endpoint_report(
    args: argparse.Namespace, benches: dict[str, Bench], pids: dict[str, int]
) -> dict[str, dict[str, dict[str, Any]]]:
    """The CPU-per-endpoint report of every side (`endpoint_cpu`), once the servers are idle."""
    await settled(list(pids.values()))
    rounds = max(1, args.rounds)
    per_round = max(1, args.endpoint_requests // rounds)
    reports = await endpoint_cpu(benches, pids, per_round, rounds)
    for name, report in reports.items():
        if len(reports) > 1:
            print(f"\n##### {name}")
        print_endpoint_cpu(report, rounds)
    return reports


async def measured_phase(
    bench: Bench, args: argparse.Namespace, users: int, server_pid: int | None, duration: float
) -> PhaseRun:
    """A warm-up of up to 50 users, then `users` users for `duration` seconds."""
    if args.warmup:
        await bench.phase(min(users, 50), args.warmup, args.think)
    return await bench.run(users, duration, args.think, server_pid)


async def run_bench(
    args: argparse.Namespace, base_url: str, server_pid: int | None
) -> dict[str, Any]:
    """Setup, the per-endpoint CPU report (with a server pid) and the load phases."""
    bench, document = await prepared(args, base_url)
    try:
        if server_pid is not None and args.endpoint_requests:
            reports = await endpoint_report(args, {"this": bench}, {"this": server_pid})
            document["endpoint_cpu"] = reports["this"]
        for users in args.users:
            run = await measured_phase(bench, args, users, server_pid, args.duration)
            result = run.report()
            print_phase(result)
            document["phases"].append(result)
    finally:
        await bench.close()
    return document


async def run_sides(
    args: argparse.Namespace, servers: dict[str, tuple[str, int]]
) -> dict[str, Any]:
    """Every side's setup, the per-endpoint report with the sides taking turns
    (`endpoint_cpu`), then each number of users on every side, in `args.slices` slices of
    the phase's duration taking turns (A B, B A, …), so that a VM whose speed drifts during
    the run weighs on both sides alike; a side's phase is its slices together. Each slice
    starts once every server is idle (the events of 600 users' writes keep a server busy for
    a few seconds after the load stops), after a warm-up of its own."""
    pids = {name: pid for name, (_, pid) in servers.items()}
    names = list(servers)
    benches: dict[str, Bench] = {}
    documents: dict[str, Any] = {}
    slices = max(1, args.slices)
    try:
        for name, (base, pid) in servers.items():
            print(f"\n##### {name}: {base} (pid {pid})")
            benches[name], documents[name] = await prepared(args, base)
        if args.endpoint_requests:
            for name, report in (await endpoint_report(args, benches, pids)).items():
                documents[name]["endpoint_cpu"] = report
        for users in args.users:
            runs: dict[str, list[PhaseRun]] = {name: [] for name in names}
            for slice_ in range(slices):
                for name in bench_servers.in_turn(names, slice_):
                    waited = await settled(list(pids.values()))
                    run = await measured_phase(
                        benches[name], args, users, pids[name], args.duration / slices
                    )
                    runs[name].append(run)
                    print_slice(name, users, slice_, slices, waited, run.report())
            for name in names:
                result = merged(runs[name]).report() | {"slices": slices}
                print(f"\n##### {name}, {users} users, {slices} slices together")
                print_phase(result)
                documents[name]["phases"].append(result)
    finally:
        for bench in benches.values():
            await bench.close()
    return documents


def compare(args: argparse.Namespace) -> dict[str, Any]:
    """This tree and `args.compare` side by side: both servers up at once, taking turns in
    the per-endpoint report and in each load phase (`run_sides`)."""
    baseline, baseline_python = bench_servers.baseline_tree(args.compare)
    here = Path(__file__).resolve().parent.parent
    sides = {
        f"{args.compare} (baseline)": (baseline_python, baseline),
        "this tree": (sys.executable, here),
    }
    with tempfile.TemporaryDirectory(prefix="crm-compare-") as tmp, contextlib.ExitStack() as stack:
        servers = bench_servers.start_sides(
            stack, sides, Path(tmp), "crm_bench_compare", rate_limits=args.rate_limits
        )
        results = uvloop.run(run_sides(args, servers))
    print_comparison(results)
    return results


def print_comparison(results: dict[str, Any]) -> None:
    (base_name, base), (new_name, new) = results.items()
    print(f"\n== side by side: {base_name} vs {new_name} ==")
    header = f"{'':40} {'baseline':>10} {'this tree':>10} {'ratio':>7}"
    print(header)
    print("-" * len(header))

    def row(label: str, old: float, now: float) -> None:
        ratio = f"{now / old:.2f}" if old else "-"
        print(f"{label:40} {old:>10} {now:>10} {ratio:>7}")

    for endpoint, figures in base.get("endpoint_cpu", {}).items():
        if endpoint in new.get("endpoint_cpu", {}) and endpoint != "idle":
            row(f"{endpoint} CPU ms", figures["cpu_ms"], new["endpoint_cpu"][endpoint]["cpu_ms"])
    for old_phase, new_phase in zip(base["phases"], new["phases"], strict=True):
        users = old_phase["users"]
        if "server_cpu" in old_phase and "server_cpu" in new_phase:
            row(
                f"mix, {users} users: CPU ms/request",
                old_phase["server_cpu"]["ms_per_request"],
                new_phase["server_cpu"]["ms_per_request"],
            )
        for key in ("rps", "p50_ms", "p95_ms", "p99_ms", "errors"):
            row(f"mix, {users} users: {key}", old_phase["total"][key], new_phase["total"][key])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base-url", default=os.environ.get("CRM_BENCH_URL", "http://127.0.0.1:8000")
    )
    parser.add_argument("--users", type=int, nargs="+", default=[150, 600])
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per phase")
    parser.add_argument("--warmup", type=float, default=5.0, help="seconds before each phase")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        help="mean pause of a user between two actions (exponential); 0: back to back",
    )
    parser.add_argument("--setup-campaigns", type=int, default=300, help="per tenant (at least 1)")
    parser.add_argument("--password", default=os.environ.get("CRM_DEMO_PASSWORD", "demo-pass-123"))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--server-pid", type=int, help="the server's process id, to report its CPU per request"
    )
    parser.add_argument(
        "--endpoint-requests",
        type=int,
        default=200,
        help="requests per endpoint for the CPU-per-endpoint report (0: skip it)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        help="rounds the per-endpoint report's requests are split into; with --compare the "
        "sides take turns round by round",
    )
    parser.add_argument(
        "--slices",
        type=int,
        default=3,
        help="with --compare: each load phase run as this many slices per side, the sides "
        "taking turns",
    )
    parser.add_argument(
        "--compare",
        metavar="REF",
        help="start this tree and commit REF side by side and measure both in this run",
    )
    parser.add_argument(
        "--accounts",
        type=int,
        default=0,
        metavar="N",
        help="add N accounts of each role and let virtual user i act as account i mod N "
        "(0: every virtual user shares the demo accounts)",
    )
    parser.add_argument(
        "--rate-limits",
        action="store_true",
        help="with --compare: the servers keep the product's default rate limits (give each "
        "virtual user accounts of its own with --accounts)",
    )
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if args.setup_campaigns < 1:
        parser.error("--setup-campaigns must be at least 1")
    if args.accounts < 0:
        parser.error("--accounts must be 0 or more")
    if args.rate_limits and not args.compare:
        parser.error("--rate-limits applies to the servers --compare starts")

    info = machine()
    print("machine:", json.dumps(info))
    if args.compare:
        document: dict[str, Any] = {"machine": info, "compare": compare(args)}
    else:
        document = {"machine": info} | uvloop.run(run_bench(args, args.base_url, args.server_pid))
    if args.json:
        _write(args.json, document)


if __name__ == "__main__":
    main()
