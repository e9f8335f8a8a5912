"""The campaign API load run (bench/campaign_api.py) against the all-in-one and against the
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
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import bench_servers
from machine_info import machine

HERE = Path(__file__).resolve().parent
DATABASE = "crm_bench_modes"
MODES = {"all-in-one": ["run"], "distributed": ["run-distributed"]}


def run_mode(mode: str, env: dict[str, str], folder: Path, load_args: list[str]) -> dict[str, Any]:
    server, base = bench_servers.start(sys.executable, MODES[mode], env, folder / f"{mode}.log")
    try:
        output = folder / f"{mode}.json"
        pid = ["--server-pid", str(server.pid)] if mode == "all-in-one" else []
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                str(HERE / "campaign_api.py"),
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
        bench_servers.stop(server)


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
    admin = bench_servers.admin_url()
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
            url = bench_servers.recreate_database(admin, DATABASE)
            with bench_servers.redis_server() as redis_url:
                print(f"\n##### {mode}")
                env = bench_servers.product_env(url, redis_url)
                results[mode] = run_mode(mode, env, folder, load_args)
        bench_servers.drop_database(admin, DATABASE)
    print_table(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
