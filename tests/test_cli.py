"""The `crm` command: one service on its own, migrations, and settings errors."""

import base64
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _crm(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "crm_cli.main", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    "service", ["campaign-api", "segment-engine", "notify-gateway", "launch-worker"]
)
def test_one_service_runs_alone(database_url: str, redis_url: str, service: str) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CRM_LOG_JSON": "false",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "crm_cli.main", "run", service, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        ready = None
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
            if ready is not None and ready.status_code == 200:
                break
            time.sleep(0.3)
        assert ready is not None
        assert ready.status_code == 200, ready.text
        assert ready.json()["service"] == service
        assert httpx.get(f"http://127.0.0.1:{port}/metrics").status_code == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


def test_one_service_needs_its_urls() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    result = _crm("run", "campaign-api", env=env)
    assert result.returncode == 2
    assert "DATABASE_URL" in result.stderr


def test_migrate_is_idempotent(database_url: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url}
    first = _crm("migrate", env=env)
    second = _crm("migrate", env=env)
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr


def test_bad_setting_stops_the_command_naming_the_variable() -> None:
    env = {**os.environ, "CRM_DB_POOL_SIZE": "lots"}
    result = _crm("migrate", env=env)
    assert result.returncode == 2
    assert "CRM_DB_POOL_SIZE" in result.stderr


def test_one_service_listens_on_crm_port(database_url: str, redis_url: str) -> None:
    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CRM_PORT": str(port),
        "CRM_LOG_JSON": "false",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "crm_cli.main", "run", "notify-gateway"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        health = None
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
            if health is not None:
                break
            time.sleep(0.3)
        assert health is not None, "nothing answered on CRM_PORT"
        assert health.json() == {"status": "ok", "service": "notify-gateway"}
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


async def test_all_in_one_in_production_skips_the_demo_data(
    clean, database_url: str, redis_url: str
) -> None:
    from sqlalchemy import func, select

    from crm_common.models import Company

    port = _free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CRM_ENV": "prod",
        "CRM_JWT_SECRET": "j" * 40,
        "CRM_TRACKING_SECRET": "t" * 40,
        "CRM_KEK": base64.b64encode(b"k" * 32).decode(),
        "CRM_PORT": str(port),
        "CRM_LOG_JSON": "false",
        "CRM_MAIL_SINK_PORT": "0",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "crm_cli.main", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 90
        ready = None
        while time.monotonic() < deadline and process.poll() is None:
            with contextlib.suppress(httpx.HTTPError):
                ready = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
            if ready is not None and ready.status_code == 200:
                break
            time.sleep(0.5)
        assert ready is not None
        assert ready.status_code == 200, ready.text
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    output = process.stdout.read().decode() if process.stdout else ""
    async with clean.db.system_session() as session:
        companies = (await session.execute(select(func.count()).select_from(Company))).scalar()
    assert companies == 0
    assert "demo_data_skipped" in output
