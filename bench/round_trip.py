"""What one round trip to PostgreSQL and to Redis costs the calling process in CPU, with the
event loop otherwise idle (one caller, back to back) and kept busy (several callers at once),
over TCP and, when the server has one, over its Unix-domain socket.

A request of the campaign API makes one to fifteen such round trips, and the process pays
for each of them, waiting or not: the event loop goes to sleep in `epoll_wait` while the
server answers and is woken when the answer arrives. On a virtual machine that sleep and that
wake-up are not free, and they are charged to the process that slept; with other work in
flight the loop never sleeps and the round trip costs only its own work. This is why the
same tree's CPU per request differs from VM to VM and, on one VM, between one user back to
back and a loaded server (docs/benchmarks.md).

    .tools/bin/uv run python bench/round_trip.py
    .tools/bin/uv run python bench/round_trip.py --socket-dir /var/run/postgresql

PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (TCP); `--socket-dir` adds the same
server through its socket (found by default where Debian's server keeps it). Redis:
BENCH_REDIS_URL or TEST_REDIS_URL (default redis://127.0.0.1:6379/0).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import os
import statistics
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import uvloop
from machine_info import machine
from redis.asyncio import Redis

CONCURRENCY = (1, 4, 16)
DEBIAN_SOCKET_DIR = "/var/run/postgresql"

Call = Callable[[], Awaitable[object]]


async def measure(calls: list[Call], total: int) -> tuple[float, float]:
    """CPU and wall microseconds per round trip, `len(calls)` callers at once, `total` round
    trips in all."""
    each = max(1, total // len(calls))

    async def caller(call: Call) -> None:
        for _ in range(each):
            await call()

    await asyncio.gather(*(caller(call) for call in calls))  # warm-up
    cpu, wall = time.process_time(), time.perf_counter()
    await asyncio.gather(*(caller(call) for call in calls))
    count = each * len(calls)
    return (
        (time.process_time() - cpu) * 1e6 / count,
        (time.perf_counter() - wall) * 1e6 / count,
    )


def socket_url(url: str, socket_dir: str) -> str:
    """`url` reaching the same server and database through its socket in `socket_dir`."""
    parts = urlsplit(url)
    user = parts.username or "postgres"
    netloc = f"{user}:{parts.password}@" if parts.password else f"{user}@"
    return urlunsplit((parts.scheme, netloc, parts.path, f"host={socket_dir}", ""))


async def postgres(url: str, callers: int, total: int) -> tuple[float, float]:
    connections = [await asyncpg.connect(url) for _ in range(callers)]
    try:
        calls: list[Call] = [
            functools.partial(connection.fetchval, "SELECT $1::int", 1)
            for connection in connections
        ]
        return await measure(calls, total)
    finally:
        for connection in connections:
            await connection.close()


async def redis_ping(url: str, callers: int, total: int) -> tuple[float, float]:
    clients = [Redis.from_url(url, single_connection_client=True) for _ in range(callers)]
    try:
        calls: list[Call] = [client.ping for client in clients]
        return await measure(calls, total)
    finally:
        for client in clients:
            await client.aclose()


async def run(args: argparse.Namespace) -> None:
    targets: list[tuple[str, Callable[[int, int], Awaitable[tuple[float, float]]]]] = [
        ("PostgreSQL, TCP", lambda n, total: postgres(args.database_url, n, total))
    ]
    if args.socket_dir:
        via_socket = socket_url(args.database_url, args.socket_dir)
        targets.append(("PostgreSQL, Unix socket", lambda n, total: postgres(via_socket, n, total)))
    targets.append(("Redis PING, TCP", lambda n, total: redis_ping(args.redis_url, n, total)))
    header = f"{'round trip':26} {'callers':>7} {'CPU µs':>8} {'wall µs':>8}"
    print(f"{header}   (median of {args.runs})")
    for name, target in targets:
        for callers in CONCURRENCY:
            figures = [await target(callers, args.round_trips) for _ in range(args.runs)]
            cpu = statistics.median(f[0] for f in figures)
            wall = statistics.median(f[1] for f in figures)
            print(f"{name:26} {callers:7d} {cpu:8.1f} {wall:8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL"),
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL")
        or os.environ.get("TEST_REDIS_URL")
        or "redis://127.0.0.1:6379/0",
    )
    parser.add_argument("--socket-dir", default=DEBIAN_SOCKET_DIR)
    parser.add_argument("--round-trips", type=int, default=4000, help="per measurement")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not args.database_url:
        parser.error("set BENCH_DATABASE_URL (or TEST_DATABASE_URL) or pass --database-url")
    args.database_url = args.database_url.replace("postgresql+asyncpg://", "postgresql://")
    if args.socket_dir and not Path(args.socket_dir, ".s.PGSQL.5432").exists():
        args.socket_dir = None  # no local server's socket there: TCP only
    print("machine:", machine())
    uvloop.run(run(args))


if __name__ == "__main__":
    main()
