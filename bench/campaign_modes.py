"""The campaign API load run (bench/campaign_api.py) against the all-in-one and against the
distributed mode (nginx, 2 campaign-api replicas, …) in one run, side by side: each mode is
started on a free port against the same fresh database and its own Redis, seeded, loaded with
150 and then 600 users, and stopped before the next one starts.

    make bench-modes
    uv run python bench/campaign_modes.py --users 150 600 --duration 30 --json modes.json

With `--compare REF`, each mode of another commit (a worktree with its own environment, on
this interpreter) and of this tree are measured in turn, `--rounds` times, the order
alternating from round to round, so that the VM's drift falls on both sides alike; the table
gives each side's runs and their medians.

    uv run python bench/campaign_modes.py --compare HEAD~1 --modes distributed --users 600 \
        --duration 20 --rounds 3

PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a server; the bench creates and drops
its own database `crm_bench_modes` there). Redis: a redis-server of its own on a free port
(the machine's redis-server binary), emptied between the two modes.
"""

from __future__ import annotations

import argparse
import json
import statistics
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
Side = tuple[str, Path | None]
"""A side of a run: the python its servers run on and the tree they run in (None: this one)."""
THIS_TREE: Side = (sys.executable, None)


def run_mode(
    mode: str,
    env: dict[str, str],
    folder: Path,
    load_args: list[str],
    side: Side,
) -> dict[str, Any]:
    """Start `mode` of one side, load it with
    `bench/campaign_api.py` of this tree, stop it; the load run's result."""
    python, tree = side
    server, base = bench_servers.start(python, MODES[mode], env, folder / f"{mode}.log", tree)
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


def run_fresh(mode: str, folder: Path, load_args: list[str], side: Side) -> dict[str, Any]:
    """`run_mode` on a fresh database and a redis-server of its own."""
    url = bench_servers.recreate_database(bench_servers.admin_url(), DATABASE)
    with bench_servers.redis_server() as redis_url:
        env = bench_servers.product_env(url, redis_url)
        return run_mode(mode, env, folder, load_args, side)


def compare(
    ref: str, modes: list[str], rounds: int, folder: Path, load_args: list[str]
) -> list[dict[str, Any]]:
    """Each mode of `ref` and of this tree, `rounds` times in alternating order; one row per
    (mode, side, users) with each run's figures."""
    tree, python = bench_servers.baseline_tree(ref)
    sides: dict[str, Side] = {f"{ref} (baseline)": (python, tree), "this tree": THIS_TREE}
    rows: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for number in range(rounds):
        for mode in modes:
            for name in bench_servers.in_turn(sides, number):
                print(f"\n##### round {number + 1}: {mode}, {name}")
                result = run_fresh(mode, folder, load_args, sides[name])
                for phase in result["phases"]:
                    key = (mode, name, phase["users"])
                    rows.setdefault(key, []).append(phase["total"])
    return [
        {"mode": mode, "side": name, "users": users, "runs": runs}
        for (mode, name, users), runs in rows.items()
    ]


def print_comparison(rows: list[dict[str, Any]]) -> None:
    print("\n== side by side, each run and the median ==")
    header = f"{'mode':12} {'side':22} {'users':>5}  {'req/s':24} {'p95 ms':30} {'errors':>6}"
    print(header)
    print("-" * len(header))
    for row in sorted(rows, key=lambda r: (r["mode"], r["users"], r["side"])):
        runs = row["runs"]
        rps = [run["rps"] for run in runs]
        p95 = [run["p95_ms"] for run in runs]
        print(
            f"{row['mode']:12} {row['side']:22} {row['users']:>5}"
            f"  {' '.join(f'{v:.0f}' for v in rps):16} {statistics.median(rps):>7.1f}"
            f"  {' '.join(f'{v:.0f}' for v in p95):22} {statistics.median(p95):>7.1f}"
            f" {sum(run['errors'] for run in runs):>6}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, nargs="+", default=[150, 600])
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--warmup", type=float, default=5.0)
    parser.add_argument("--setup-campaigns", type=int, default=100)
    parser.add_argument("--modes", nargs="+", choices=sorted(MODES), default=list(MODES))
    parser.add_argument("--json", help="also write both modes' results to this file")
    parser.add_argument("--compare", metavar="REF", help="measure this commit side by side")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each side (--compare)")
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
        # The modes are compared on the load phases; the per-endpoint report is not printed.
        "--endpoint-requests",
        "0",
    ]
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="crm-bench-modes-") as tmp:
        folder = Path(tmp)
        if args.compare:
            rows = compare(args.compare, args.modes, args.rounds, folder, load_args)
        else:
            for mode in args.modes:
                print(f"\n##### {mode}")
                results[mode] = run_fresh(mode, folder, load_args, THIS_TREE)
        bench_servers.drop_database(admin, DATABASE)
    if args.compare:
        print_comparison(rows)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2))
        return
    print_table(results)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
