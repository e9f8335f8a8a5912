"""Starting and stopping the product for a bench: free ports, a fresh database of its own on
a PostgreSQL server, a redis-server of its own, readiness and a clean Ctrl-C stop."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import asyncpg
import httpx


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def with_database(url: str, name: str) -> str:
    base, _, query = url.partition("?")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


async def _admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def admin_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if not url:
        raise SystemExit("set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server")
    return url


def recreate_database(admin: str, name: str) -> str:
    """Drop and create database `name`; its URL."""
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"not a database name for a bench: {name!r}")
    asyncio.run(_admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    asyncio.run(_admin(admin, f'CREATE DATABASE "{name}"'))
    return with_database(admin, name)


def drop_database(admin: str, name: str) -> None:
    asyncio.run(_admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """A redis-server of its own on a free port, keeping nothing on disk; its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (the machine's redis-server)
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait()


def product_env(database_url: str, redis_url: str, *, rate_limits: bool = False) -> dict[str, str]:
    """The environment of a benched server: no inherited CRM_ settings, quiet logs, no mail
    sink, and no rate limit (many virtual users share one demo account) unless `rate_limits`
    keeps the product's defaults."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(
        {
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "CRM_ENV": "dev",
            "CRM_LOG_LEVEL": "WARNING",
            "CRM_LOG_JSON": "false",
            "CRM_MAIL_SINK_PORT": "0",
        }
    )
    if not rate_limits:
        env["CRM_RATE_LIMIT_ENABLED"] = "false"
    return env


def start(
    python: str, command: list[str], env: dict[str, str], log: Path, cwd: Path | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """`python -m crm_cli.main <command>` on a free port; (process, base URL) once ready."""
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (our own command)
        [python, "-m", "crm_cli.main", *command],
        env={**env, "CRM_PORT": str(port), "CRM_DATA_DIR": str(log.with_suffix(".data"))},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
        cwd=cwd,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base, process)
    except BaseException:
        stop(process)
        raise
    return process, base


def wait_ready(base: str, process: subprocess.Popen[bytes], limit_s: float = 300) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        time.sleep(1)
    raise SystemExit("the server was not ready in time")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=90)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def in_turn(names: Iterable[str], round_: int) -> list[str]:
    """The sides of a comparison in the order they take round `round_`: as given, then
    reversed, and so on (A B, B A, A B …), so that a VM whose speed drifts during the run
    weighs on every side alike."""
    order = list(names)
    return order if round_ % 2 == 0 else order[::-1]


def start_sides(
    stack: contextlib.ExitStack,
    sides: dict[str, tuple[str, Path]],
    folder: Path,
    database_prefix: str,
    *,
    rate_limits: bool = False,
) -> dict[str, tuple[str, int]]:
    """Start the all-in-one of each side (name → (python, tree)) at once, each on a fresh
    database and a redis-server of its own (`product_env`), stopped and dropped when `stack`
    closes; name → (base URL, server pid)."""
    admin = admin_url()
    servers = {}
    for index, (name, (python, cwd)) in enumerate(sides.items()):
        database = recreate_database(admin, f"{database_prefix}_{index}")
        stack.callback(drop_database, admin, f"{database_prefix}_{index}")
        redis_url = stack.enter_context(redis_server())
        env = product_env(database, redis_url, rate_limits=rate_limits)
        process, base = start(python, ["run"], env, folder / f"{index}.log", cwd)
        stack.callback(stop, process)
        servers[name] = (base, process.pid)
    return servers


REPO = Path(__file__).resolve().parent.parent


def _uv() -> str:
    uv = shutil.which("uv") or str(REPO / ".tools" / "bin" / "uv")
    if not Path(uv).exists():
        raise SystemExit("uv is needed to build a side's environment: run make sync")
    return uv


def synced(tree: Path, environment: Path, interpreter: str) -> str:
    """`tree`'s packages as its lock file pins them, in `environment` on `interpreter`; the
    environment's python."""
    subprocess.run(  # noqa: S603
        [_uv(), "sync", "--frozen", "--all-packages", "--python", interpreter],
        cwd=tree,
        check=True,
        env={**os.environ, "UV_PROJECT_ENVIRONMENT": str(environment)},
    )
    return str(environment / "bin" / "python")


def this_interpreter() -> str:
    """The interpreter this bench runs on (its virtual environment's base): both sides of a
    comparison of commits run on it, so that the comparison measures the code alone."""
    return str(Path(getattr(sys, "_base_executable", sys.executable)).resolve())


def interpreter_tree(interpreter: str) -> str:
    """This tree with its own environment on `interpreter` (under /tmp); its python."""
    resolved = str(Path(interpreter).resolve())
    tag = hashlib.sha256(resolved.encode()).hexdigest()[:12]
    environment = Path(tempfile.gettempdir()) / f"crm-interpreter-{tag}"
    return synced(REPO, environment, resolved)


def baseline_tree(ref: str) -> tuple[Path, str]:
    """A worktree of `ref` under /tmp with its own synced environment, on the interpreter
    this bench runs on; (folder, python)."""
    git = shutil.which("git") or "/usr/bin/git"
    sha = subprocess.run(  # noqa: S603
        [git, "rev-parse", "--verify", f"{ref}^{{commit}}"],
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    folder = Path(tempfile.gettempdir()) / f"crm-compare-{sha[:12]}"
    if not (folder / ".git").exists():
        subprocess.run(  # noqa: S603
            [git, "worktree", "add", "--detach", str(folder), sha], cwd=REPO, check=True
        )
    return folder, synced(folder, folder / ".venv", this_interpreter())
