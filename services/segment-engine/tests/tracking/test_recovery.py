"""While the segment engine's Redis is down its background publisher of deferred performance
updates fails on every round: it is restarted after a growing back-off and logs one line per
back-off step instead of one per poll (ten a second); readiness returns with Redis.

The service runs as its own process (uvicorn), so its log is exactly what an operator reads."""

import asyncio
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from crm_common.resources import Resources
from crm_common.testing.recovery import log_tail, readiness, service_process
from crm_common.testing.redis_server import PrivateRedis, free_port

LIMIT_S = 90.0
FAILURES = 5
RECORD = re.compile(r"^(\x1b\[[0-9;]*m)*(\{|\d{4}-\d\d-\d\dT)")
IN_A_ROW = re.compile(r"(\d+) time\(s\) in a row")


@pytest.fixture
def service(
    clean: Resources, database_url: str, private_redis: PrivateRedis, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log_path = tmp_path / "segment-engine.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": private_redis.url,
        "CRM_ENV": "test",
        "CRM_LOG_LEVEL": "INFO",
        "CRM_LOG_JSON": "false",
    }
    argv = [
        *(sys.executable, "-m", "uvicorn", "segment_engine.main:create_app", "--factory"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"),
    ]
    with service_process(argv, env, log_path):
        yield f"http://127.0.0.1:{port}", log_path


async def _readiness(base: str, status: int, log_path: Path) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=5) as client:
        return await readiness(client, status, LIMIT_S, context=log_tail(log_path))


def _failures_in_a_row(body: dict[str, Any]) -> int:
    found = IN_A_ROW.search(body["checks"]["trailing_updates"])
    return int(found.group(1)) if found else 0


async def test_log_not_flooded_while_redis_down(
    service: tuple[str, Path], private_redis: PrivateRedis
) -> None:
    base, log_path = service
    await _readiness(base, 200, log_path)
    before = len(log_path.read_text(errors="replace").splitlines())

    private_redis.kill()
    deadline = time.monotonic() + LIMIT_S
    while True:
        down = await _readiness(base, 503, log_path)
        if _failures_in_a_row(down) >= FAILURES or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    written = log_path.read_text(errors="replace").splitlines()[before:]
    failures = _failures_in_a_row(down)

    private_redis.start()
    await private_redis.wait_ready()
    back = await _readiness(base, 200, log_path)

    # Log records (a traceback's lines continue the record before them).
    records = [line for line in written if RECORD.match(line)]
    failed = [line for line in records if "background_task_failed" in line]
    assert failures >= FAILURES, down
    # One line per back-off step of the publisher (its poll runs ten times a second), and
    # nothing else repeats while Redis is away.
    assert all("trailing_updates" in line for line in failed)
    assert failures <= len(failed) <= failures + 1
    assert len(records) == len(failed), [line for line in records if line not in failed][:5]
    assert back["checks"]["trailing_updates"] == "ok"
