"""The campaign API load run (bench/campaign_load.py) against the all-in-one and against the
distributed mode (nginx, 2 campaign-api replicas, …) in one run, side by side: each mode is
started on a free port against the same fresh database and its own Redis, seeded, loaded with
150 and then 600 users, and stopped before the next one starts.

    make bench-modes
    uv run python bench/campaign_modes.py --users 150 600 --duration 30 --json modes.json

PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a server; the bench creates and drops
its own database `crm_bench_modes` there). Redis: a redis-server of its own on a free port
(the machine's redis-server binary), emptied between the two modes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import asyncpg
import httpx
from machine_info import machine

HERE = Path(__file__).resolve().parent
DATABASE = "crm_bench_modes"
MODES = {"all-in-one": ["run"], "distributed": ["run-distributed"]}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _with_database(url: str, name: str) -> str:
    base, _, query = url.partition("?")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


async def _admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def _wait_ready(base: str, process: subprocess.Popen[bytes], limit_s: float = 300) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        time.sleep(1)
    raise SystemExit("the server was not ready in time")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_mode(mode: str, env: dict[str, str], folder: Path, load_args: list[str]) -> dict[str, Any]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    data_dir = folder / mode
    log = (folder / f"{mode}.log").open("wb")
    server = subprocess.Popen(  # noqa: S603 (our own command)
        [sys.executable, "-m", "crm_cli.main", *MODES[mode]],
        env={**env, "CRM_PORT": str(port), "CRM_DATA_DIR": str(data_dir)},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_ready(base, server)
        output = folder / f"{mode}.json"
        pid = ["--server-pid", str(server.pid)] if mode == "all-in-one" else []
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(HERE / "campaign_load.py"),
                "--base-url",
                base,
                "--json",
                str(output),
                *pid,
                *load_args,
            ],
            env=env,
            check=True,
        )
        result: dict[str, Any] = json.loads(output.read_text())
        return result
    finally:
        _stop(server)


def print_table(results: dict[str, dict[str, Any]]) -> None:
    print("\n== side by side: all endpoints ==")
    header = (
        f"{'mode':12} {'users':>6} {'reqs':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7}"
        f" {'p99 ms':>7} {'errors':>6} {'load 1m':>7}"
    )
    print(header)
    print("-" * len(header))
    for mode, result in results.items():
        for phase in result["phases"]:
            total = phase["total"]
            print(
                f"{mode:12} {phase['users']:>6} {total['requests']:>7} {total['rps']:>7}"
                f" {total['p50_ms']:>7} {total['p95_ms']:>7} {total['p99_ms']:>7}"
                f" {total['errors']:>6} {phase['load_average_1m']:>7}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[150, 600])
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--setup-campaigns", type=int, default=100)
    parser.add_argument("--modes", nargs="+", choices=sorted(MODES), default=list(MODES))
    parser.add_argument("--json", help="also write both modes' results to this file")
    args = parser.parse_args()
    admin = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not admin:
        raise SystemExit("set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server")
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        raise SystemExit("redis-server is not installed")
    print("machine:", json.dumps(machine()))
    load_args = [
        "--users",
        *map(str, args.users),
        "--duration",
        str(args.duration),
        "--warmup",
        str(args.warmup),
        "--setup-campaigns",
        str(args.setup_campaigns),
    ]
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="crm-bench-modes-") as tmp:
        folder = Path(tmp)
        for mode in args.modes:
            asyncio.run(_admin(admin, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
            asyncio.run(_admin(admin, f'CREATE DATABASE "{DATABASE}"'))
            redis_port = _free_port()
            redis = subprocess.Popen(  # noqa: S603
                [redis_server, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
                stdout=subprocess.DEVNULL,
            )
            env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
            env.update(
                {
                    "DATABASE_URL": _with_database(admin, DATABASE),
                    "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
                    "CRM_ENV": "dev",
                    "CRM_LOG_LEVEL": "WARNING",
                    "CRM_LOG_JSON": "false",
                    "CRM_RATE_LIMIT_ENABLED": "false",
                    "CRM_MAIL_SINK_PORT": "0",
                }
            )
            try:
                print(f"\n##### {mode}")
                results[mode] = run_mode(mode, env, folder, load_args)
            finally:
                redis.terminate()
                redis.wait()
        asyncio.run(_admin(admin, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'))
    print_table(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
