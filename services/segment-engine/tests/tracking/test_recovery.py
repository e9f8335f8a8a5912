"""While the segment engine's Redis is down its background publisher of deferred performance
updates fails on every round: it is restarted after a growing back-off and logs one line per
back-off step instead of one per poll (ten a second); readiness returns with Redis."""

import asyncio
import re
from collections.abc import AsyncIterator
from typing import Any

import pytest
from httpx import AsyncClient

from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.client import app_client
from crm_common.testing.redis_server import PrivateRedis
from segment_engine.main import create_app

LIMIT_S = 60.0
FAILURES = 4
RECORD = re.compile(r"^(\x1b\[[0-9;]*m)*(\{|\d{4}-\d\d-\d\dT)")


@pytest.fixture
async def private_redis() -> AsyncIterator[PrivateRedis]:
    server = PrivateRedis()
    server.start()
    await server.wait_ready()
    yield server
    server.remove()


async def _readiness(client: AsyncClient, status: int) -> dict[str, Any]:
    async def poll() -> dict[str, Any]:
        while True:
            response = await client.get("/readyz")
            if response.status_code == status:
                body: dict[str, Any] = response.json()
                return body
            await asyncio.sleep(0.1)

    return await asyncio.wait_for(poll(), LIMIT_S)


async def test_log_not_flooded_while_redis_down(
    clean: Resources, settings: Settings, private_redis: PrivateRedis, capfd: Any
) -> None:
    scoped = settings.model_copy(update={"redis_url": private_redis.url})
    resources = Resources.open(scoped, name="segment-engine-recovery")
    app = create_app(scoped, resources)
    try:
        async with app_client(app) as client:
            await _readiness(client, 200)
            publisher = app.state.supervisor.states()["trailing_updates"]
            capfd.readouterr()

            private_redis.kill()

            async def failed_repeatedly() -> None:
                while publisher.restarts < FAILURES:
                    await asyncio.sleep(0.05)

            await asyncio.wait_for(failed_repeatedly(), LIMIT_S)
            down = await _readiness(client, 503)
            assert down["checks"]["trailing_updates"].startswith("error")
            written = capfd.readouterr().err
            private_redis.start()
            await private_redis.wait_ready()
            back = await _readiness(client, 200)
    finally:
        await resources.close()

    # Log records (a traceback's lines continue the record before them).
    lines = [line for line in written.splitlines() if RECORD.match(line)]
    failed = [line for line in lines if "background_task_failed" in line]
    # One line per back-off step of the publisher (its poll runs ten times a second).
    assert FAILURES <= len(failed) <= publisher.restarts
    assert all(re.search(r"trailing_updates", line) for line in failed)
    assert len(lines) == len(failed), [line for line in lines if line not in failed][:5]
    assert back["checks"]["trailing_updates"] == "ok"
