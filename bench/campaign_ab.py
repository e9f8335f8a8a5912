"""Server CPU per request of the campaign API mix, this tree against another commit, in
alternating slices: both servers run at once and are loaded in turn (A B, B A, A B …), so a
VM whose speed drifts during the run weighs on both sides alike. `bench/campaign_api.py
--compare` measures each side once, one after the other; this measures one figure, the mix's
CPU per request, in slices short enough that the drift between them is small.

    .tools/bin/uv run python bench/campaign_ab.py 33cd7b8 --rounds 8 --slice 8
    .tools/bin/uv run python bench/campaign_ab.py --python /usr/bin/python3.11

Both sides of a comparison of commits run on the interpreter the bench runs on. With
`--python`, the sides are this tree on that interpreter and on another one instead: what
the build of CPython a deployment runs on costs (docs/operations.md).

The mix is bench/campaign_api.py's (lists, reads, updates, creates, approvals, reference data,
audit), by default one user back to back (`--users`, `--think` to change it). Each slice
prints both sides' CPU ms per request; the last line is the whole run's, with the ratio.
With `--endpoints N`, each endpoint of bench/campaign_api.py's per-endpoint report instead,
N requests per endpoint per round, the sides alternating per round.
PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL; each side gets a fresh database and a
redis-server of its own.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import bench_servers
import httpx
from machine_info import machine

HERE = Path(__file__).resolve().parent


def _load_mix() -> Any:
    """bench/campaign_api.py (its name is also the campaign API package's)."""
    spec = importlib.util.spec_from_file_location("campaign_bench", HERE / "campaign_api.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


mix = _load_mix()


async def signed_in_bench(base: str, name: str, args: argparse.Namespace) -> Any:
    """A bench of the mix against `base`, signed in as the demo users, its campaigns set up."""
    async with httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(60.0)) as client:
        tokens = await mix.sign_in(client, args.password)
    if tokens is None:
        raise SystemExit(f"{name}: the demo sign-in failed")
    bench = mix.Bench(base, mix.shared(tokens), random.Random(args.seed))
    await bench.setup(args.setup_campaigns)
    return bench


async def alternate(servers: dict[str, tuple[str, int]], args: argparse.Namespace) -> None:
    benches: dict[str, tuple[Any, int]] = {}
    for name, (base, pid) in servers.items():
        bench = await signed_in_bench(base, name, args)
        await bench.phase(args.users, args.warmup, args.think)
        benches[name] = (bench, pid)
    runs: dict[str, list[Any]] = {name: [] for name in servers}
    try:
        for round_ in range(args.rounds):
            figures = []
            for name in bench_servers.in_turn(servers, round_):
                bench, pid = benches[name]
                run = await bench.run(args.users, args.slice, args.think, pid)
                runs[name].append(run)
                figures.append(
                    f"{name} {run.server_ms_per_request:.2f} ms ({run.requests} requests)"
                )
            print(f"slice {round_ + 1}: " + ", ".join(figures), flush=True)
    finally:
        for bench, _ in benches.values():
            await bench.close()
    (base_name, before), (new_name, after) = (
        (name, mix.merged(slices).server_ms_per_request) for name, slices in runs.items()
    )
    print(
        f"mix CPU ms per request: {base_name} {before:.3f}, {new_name} {after:.3f}, "
        f"ratio {after / before:.3f}"
    )


async def alternate_endpoints(
    servers: dict[str, tuple[str, int]], args: argparse.Namespace
) -> None:
    """Server CPU per request of each endpoint of the mix, one client back to back,
    `args.endpoints` requests per endpoint per round, the sides taking turns round by round
    (bench/campaign_api.py's `endpoint_cpu`, which `--compare` there runs too)."""
    benches = {name: await signed_in_bench(base, name, args) for name, (base, _) in servers.items()}
    pids = {name: pid for name, (_, pid) in servers.items()}
    try:
        reports = await mix.endpoint_cpu(benches, pids, args.endpoints, args.rounds, args.settle)
    finally:
        for bench in benches.values():
            await bench.close()
    (base_name, base), (new_name, new) = reports.items()
    print(f"{'endpoint (CPU ms per request)':42} {base_name:>10} {new_name:>10}  ratio")
    for probe, figures in base.items():
        if probe == "idle":
            continue
        before, after = figures["cpu_ms"], new[probe]["cpu_ms"]
        ratio = f"{after / before:.3f}" if before else "-"
        print(f"{probe:42} {before:10.3f} {after:10.3f}  {ratio}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ref", nargs="?", help="the commit to compare this tree with")
    parser.add_argument(
        "--python",
        metavar="INTERPRETER",
        help="instead of a commit: this tree on INTERPRETER (an environment of its own under "
        "/tmp) against this tree on the interpreter the bench runs on",
    )
    parser.add_argument("--rounds", type=int, default=8, help="slices per side")
    parser.add_argument("--slice", type=float, default=8.0, help="seconds per slice")
    parser.add_argument("--users", type=int, default=1)
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between actions")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds per side before")
    parser.add_argument("--setup-campaigns", type=int, default=40, help="per tenant")
    parser.add_argument("--password", default="demo-pass-123")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--endpoints",
        type=int,
        default=0,
        metavar="N",
        help="instead of the mix: each endpoint's CPU per request, N requests per round",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=1.0,
        help="with --endpoints: seconds before each endpoint's batch (the server's events settle)",
    )
    args = parser.parse_args()
    if (args.ref is None) == (args.python is None):
        parser.error("name a commit or --python INTERPRETER (one of them)")
    print("machine:", machine())
    if args.python is not None:
        mine, theirs = bench_servers.this_interpreter(), str(Path(args.python).resolve())
        if mine == theirs:
            parser.error(f"--python names the interpreter the bench runs on ({mine})")
        sides = {
            mine: (sys.executable, HERE.parent),
            theirs: (bench_servers.interpreter_tree(theirs), HERE.parent),
        }
    else:
        baseline, baseline_python = bench_servers.baseline_tree(args.ref)
        sides = {args.ref: (baseline_python, baseline), "this tree": (sys.executable, HERE.parent)}
    with tempfile.TemporaryDirectory(prefix="crm-ab-") as tmp, contextlib.ExitStack() as stack:
        servers = bench_servers.start_sides(stack, sides, Path(tmp), "crm_bench_ab")
        asyncio.run(
            alternate_endpoints(servers, args) if args.endpoints else alternate(servers, args)
        )


if __name__ == "__main__":
    main()
