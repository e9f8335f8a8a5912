"""Auth benches. By default, a load run of the auth and user endpoints against a running
server (`make run` / `crm run`): sign-in (Argon2 verification), the caller's profile,
refresh-token rotation and the user list, each phase with N concurrent clients for a fixed
time. Prints requests/s and p50/p95/p99 per endpoint, the error count, and the machine.

    uv run python bench/auth_api.py [--url http://127.0.0.1:8000] [--clients 50] [--seconds 10]

Every request also passes the Redis rate limiter. From one address the default limits would
refuse the load, so start the server with limits above it, which keeps the limiter's cost in
the figures (successful sign-ins do not count against the sign-in limits):

    CRM_RATE_LIMIT_PER_USER=10000000 CRM_RATE_LIMIT_PER_IP=10000000 crm run

`session-check` measures what checking every access token against its session costs
(crm_common.security.sessions): the same signed-in token authorised with and without the
check, interleaved request by request in one run, as the principal dependency alone and as
whole requests through an app; the check with its in-process cache (steady state), with
every request reading Redis, and with Redis down (Postgres fallback). It needs a migrated
database and a Redis (a throw-away company, user and session are created, then removed):

    uv run python bench/auth_api.py session-check --database-url postgresql://… \
        --redis-url redis://127.0.0.1:6379/15 [--requests 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from machine_info import machine
from session_check import add_session_check_command

DEMO_USERS = (
    "admin@acme.test",
    "manager@acme.test",
    "specialist@acme.test",
    "analyst@acme.test",
    "finance@acme.test",
    "admin@globex.test",
)
ADMINS = ("admin@acme.test", "admin@globex.test")


class Recorder:
    def __init__(self) -> None:
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
        self.elapsed: dict[str, float] = {}

    async def timed(self, name: str, call: Awaitable[httpx.Response]) -> httpx.Response:
        started = time.perf_counter()
        response = await call
        self.latencies[name].append(time.perf_counter() - started)
        if response.status_code >= 400:
            self.errors[name][response.status_code] += 1
        return response


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _sign_in(client: httpx.AsyncClient, email: str, password: str) -> dict[str, Any]:
    response = await client.post("/api/auth/token", data={"username": email, "password": password})
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


async def _phase(
    name: str,
    clients: int,
    seconds: float,
    recorder: Recorder,
    step: Callable[[int], Awaitable[None]],
) -> None:
    deadline = time.perf_counter() + seconds

    async def worker(index: int) -> None:
        while time.perf_counter() < deadline:
            await step(index)

    started = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(clients)))
    recorder.elapsed[name] = time.perf_counter() - started


async def run(url: str, clients: int, seconds: float, password: str) -> Recorder:
    recorder = Recorder()
    limits = httpx.Limits(max_connections=clients + 10, max_keepalive_connections=clients + 10)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
        sessions = [
            await _sign_in(client, DEMO_USERS[i % len(DEMO_USERS)], password)
            for i in range(clients)
        ]
        admins = [await _sign_in(client, email, password) for email in ADMINS]

        async def sign_in(index: int) -> None:
            email = DEMO_USERS[index % len(DEMO_USERS)]
            await recorder.timed(
                "POST /api/auth/token",
                client.post("/api/auth/token", data={"username": email, "password": password}),
            )

        async def me(index: int) -> None:
            headers = {"Authorization": f"Bearer {sessions[index]['access_token']}"}
            await recorder.timed("GET /api/auth/me", client.get("/api/auth/me", headers=headers))

        async def rotate(index: int) -> None:
            response = await recorder.timed(
                "POST /api/auth/refresh",
                client.post(
                    "/api/auth/refresh", json={"refresh_token": sessions[index]["refresh_token"]}
                ),
            )
            if response.status_code == 200:
                sessions[index] = response.json()

        async def list_users(index: int) -> None:
            token = admins[index % len(admins)]["access_token"]
            await recorder.timed(
                "GET /api/users/",
                client.get(
                    "/api/users/?page_size=50", headers={"Authorization": f"Bearer {token}"}
                ),
            )

        await _phase("POST /api/auth/token", clients, seconds, recorder, sign_in)
        await _phase("GET /api/auth/me", clients, seconds, recorder, me)
        await _phase("POST /api/auth/refresh", clients, seconds, recorder, rotate)
        await _phase("GET /api/users/", clients, seconds, recorder, list_users)
    return recorder


def report(recorder: Recorder, clients: int) -> None:
    print(f"\nconcurrent clients: {clients}")
    columns = ("requests", "req/s", "p50 ms", "p95 ms", "p99 ms")
    print(f"{'endpoint':<26}" + "".join(f"{c:>9}" for c in columns) + "  errors")
    for name, values in recorder.latencies.items():
        rps = len(values) / recorder.elapsed[name]
        errors = dict(recorder.errors[name]) or "-"
        print(
            f"{name:<26}{len(values):>9}{rps:>9.1f}"
            f"{_percentile(values, 0.50) * 1000:>9.1f}{_percentile(values, 0.95) * 1000:>9.1f}"
            f"{_percentile(values, 0.99) * 1000:>9.1f}  {errors}"
        )
    mean = statistics.fmean(v for values in recorder.latencies.values() for v in values)
    print(f"mean latency over all requests: {mean * 1000:.1f} ms")
    for key, value in machine().items():
        print(f"{key}: {value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--password", default=os.environ.get("CRM_DEMO_PASSWORD", "demo-pass-123"))
    commands = parser.add_subparsers(dest="command")
    add_session_check_command(commands)
    args = parser.parse_args()
    if args.command is not None:
        args.run(args)
        return
    recorder = asyncio.run(run(args.url, args.clients, args.seconds, args.password))
    report(recorder, args.clients)


if __name__ == "__main__":
    main()
