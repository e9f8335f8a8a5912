"""`crm run` with embedded servers recovers without a person: its embedded Redis, then its
embedded Postgres, SIGKILLed are started again by the all-in-one and every service is ready
again; after `crm run` itself is SIGKILLed, the next `crm run` adopts the servers it left
running and stops them on exit."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

LIMIT_S = 120.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(data_dir: Path, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update({"CRM_DATA_DIR": str(data_dir), "CRM_PORT": str(port), "CRM_LOG_JSON": "false"})
    with log_path.open("ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "crm_cli.main", "run", "--no-seed"],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def _ready(port: int) -> bool:
    with contextlib.suppress(httpx.HTTPError):
        return httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200
    return False


def _until(condition: Callable[[], bool], what: str, log_path: Path) -> None:
    deadline = time.monotonic() + LIMIT_S
    while not condition():
        if time.monotonic() > deadline:
            tail = log_path.read_text(errors="replace")[-3000:]
            raise AssertionError(f"timed out waiting for {what}; crm run's log ends:\n{tail}")
        time.sleep(0.2)


def _pid(path: Path) -> int | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return int(path.read_text().split()[0])
    return None


def _alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError, IndexError):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def test_killed_embedded_servers_are_restarted_and_a_crashed_runs_servers_are_adopted(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    redis_pidfile = data_dir / "redis" / "redis.pid"
    postmaster_pidfile = data_dir / "postgres" / "postmaster.pid"
    log_path = tmp_path / "crm-run.log"
    port = _free_port()

    process = _start(data_dir, port, log_path)
    try:
        _until(lambda: _ready(port), "the all-in-one to be ready", log_path)
        first_redis = _pid(redis_pidfile)
        assert _alive(first_redis)

        os.kill(first_redis, signal.SIGKILL)
        _until(
            lambda: _alive(_pid(redis_pidfile)) and _pid(redis_pidfile) != first_redis,
            "the embedded Redis to be started again",
            log_path,
        )
        _until(lambda: _ready(port), "every service to be ready again", log_path)
        assert "embedded_server_restarted" in log_path.read_text(errors="replace")

        first_postgres = _pid(postmaster_pidfile)
        os.kill(first_postgres, signal.SIGKILL)
        _until(
            lambda: _alive(_pid(postmaster_pidfile)) and _pid(postmaster_pidfile) != first_postgres,
            "the embedded Postgres to be started again",
            log_path,
        )
        _until(lambda: _ready(port), "every service to be ready after Postgres", log_path)

        # The all-in-one itself dies without cleaning up: its servers stay behind.
        redis_pid, postgres_pid = _pid(redis_pidfile), _pid(postmaster_pidfile)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        assert _alive(redis_pid)
        assert _alive(postgres_pid)

        process = _start(data_dir, port, log_path)
        _until(lambda: _ready(port), "the next run to be ready", log_path)
        assert (_pid(redis_pidfile), _pid(postmaster_pidfile)) == (redis_pid, postgres_pid)
        assert "embedded_redis_adopted" in log_path.read_text(errors="replace")
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                raise
    assert process.returncode == 0
    # The adopted servers were stopped with the run that adopted them.
    _until(lambda: not _alive(redis_pid), "the adopted Redis to stop", log_path)
    _until(lambda: not _alive(postgres_pid), "the adopted Postgres to stop", log_path)
    assert not postmaster_pidfile.exists()
