"""`crm run` with no DATABASE_URL/REDIS_URL: embedded servers, migrations, demo seed, all four
services ready on one port; Ctrl-C shuts everything down; data survives a restart."""

import asyncio
import contextlib
import os
import signal
import socket
import stat
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import asyncpg
import httpx
import pytest

from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.settings import DEV_SECRET, Settings

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    unset = ("DATABASE_URL", "REDIS_URL", "CRM_JWT_SECRET", "CRM_TRACKING_SECRET")
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update({"CRM_DATA_DIR": str(data_dir), "CRM_PORT": str(port), "CRM_LOG_JSON": "false"})
    return subprocess.Popen(
        [sys.executable, "-m", "crm_cli.main", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def _wait_ready(port: int, process: subprocess.Popen[bytes], limit_s: float = 90) -> dict:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(process.stdout.read().decode()[-4000:])
        with contextlib.suppress(httpx.HTTPError):
            response = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2)
            if response.status_code == 200:
                return response.json()
        time.sleep(0.5)
    raise AssertionError("not ready in time")


def _stop(process: subprocess.Popen[bytes], signum: int = signal.SIGINT) -> int:
    process.send_signal(signum)
    try:
        return process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        raise


async def _query(data_dir: Path, sql: str) -> list:
    connection = await asyncpg.connect(
        host=str((data_dir / "postgres").resolve()), user="postgres", database="postgres"
    )
    try:
        return await connection.fetch(sql)
    finally:
        await connection.close()


def _sign_in(port: int) -> str:
    response = httpx.post(
        f"http://127.0.0.1:{port}/api/auth/token",
        data={"username": "admin@acme.test", "password": "demo-pass-123"},
        timeout=10,
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


def _me(port: int, token: str) -> int:
    return httpx.get(
        f"http://127.0.0.1:{port}/api/auth/me",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    ).status_code


def _forged_with_the_published_secret(data_dir: Path) -> str:
    """An admin's access token signed with the development secret in the source."""
    (admin,) = asyncio.run(
        _query(data_dir, "SELECT id, company_id FROM crm_users WHERE email = 'admin@acme.test'")
    )
    return TokenCodec(Settings(jwt_secret=DEV_SECRET)).encode(
        TokenType.ACCESS,
        str(admin["id"]),
        timedelta(minutes=10),
        {"company_id": str(admin["company_id"]), "roles": ["admin"], "permissions": []},
    )


def _postgres_running(data_dir: Path) -> bool:
    return (data_dir / "postgres" / "postmaster.pid").exists()


def test_run_embedded_ready_shutdown_and_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    port = _free_port()
    process = _start(data_dir, port)
    try:
        body = _wait_ready(port, process)
        assert set(body["services"]) == {
            "campaign-api",
            "segment-engine",
            "notify-gateway",
            "launch-worker",
        }
        users = asyncio.run(_query(data_dir, "SELECT email FROM crm_users ORDER BY email"))
        assert {row["email"] for row in users} >= {
            "admin@acme.test",
            "manager@acme.test",
            "specialist@acme.test",
            "analyst@acme.test",
            "finance@acme.test",
            "admin@globex.test",
        }
        # Signed with the data directory's own secret, made at random on this first start
        # and readable by its owner only; the secret published in the source signs nothing.
        token = _sign_in(port)
        assert _me(port, token) == 200
        assert _me(port, _forged_with_the_published_secret(data_dir)) == 401
        assert stat.S_IMODE((data_dir / "secrets.json").stat().st_mode) == 0o600
        asyncio.run(
            _query(
                data_dir,
                "INSERT INTO crm_companies (id, name, slug) VALUES "
                "(gen_random_uuid(), 'Persisted', 'persisted') RETURNING id",
            )
        )
    finally:
        code = _stop(process)
    assert code == 0
    assert not _postgres_running(data_dir)

    process = _start(data_dir, port)
    try:
        _wait_ready(port, process)
        slugs = asyncio.run(_query(data_dir, "SELECT slug FROM crm_companies ORDER BY slug"))
        assert [row["slug"] for row in slugs] == ["acme", "globex", "persisted"]
        assert _me(port, token) == 200  # the same secret after a restart
    finally:
        code = _stop(process, signal.SIGTERM)
    assert code == 0
    assert not _postgres_running(data_dir)
