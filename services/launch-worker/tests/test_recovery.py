"""The launch worker returns to ready by itself after its Redis is SIGKILLed and started again:
its arq worker (which dies with the connection) is replaced, the consumers and the relay are
restarted, and an event written while Redis was away reaches the stream once it is back."""

import asyncio
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from arq.connections import ArqRedis
from httpx import AsyncClient
from redis.asyncio import ConnectionPool, Redis

from crm_common.events import emit
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import make_company
from crm_common.testing.client import app_client
from crm_common.testing.recovery import readiness
from crm_common.testing.redis_server import PrivateRedis
from launch_worker.main import create_app
from launch_worker.worker import QUEUE_NAME

LIMIT_S = 60.0


@pytest.fixture
async def own_resources(
    clean: Resources, settings: Settings, private_redis: PrivateRedis
) -> AsyncIterator[Resources]:
    """The test database, and the private Redis instead of the shared one."""
    scoped = settings.model_copy(update={"redis_url": private_redis.url})
    resources = Resources.open(scoped, name="launch-worker-recovery")
    yield resources
    await resources.close()


async def _readiness(client: AsyncClient, status: int) -> dict[str, Any]:
    return await readiness(client, status, LIMIT_S)


async def _until(condition: Callable[[], bool]) -> None:
    async def poll() -> None:
        while not condition():
            await asyncio.sleep(0.05)

    await asyncio.wait_for(poll(), LIMIT_S)


async def test_launch_worker_recovers_after_redis_restart(
    own_resources: Resources, private_redis: PrivateRedis
) -> None:
    company = await make_company(own_resources.db)
    app = create_app(own_resources.settings, own_resources)
    async with app_client(app) as client:
        ready = await _readiness(client, 200)
        assert {"worker", "relay", "launch_requests", "test_sends"} <= set(ready["checks"])
        states = app.state.supervisor.states()

        private_redis.kill()
        down = await _readiness(client, 503)
        assert down["checks"]["redis"].startswith("error")
        # The arq worker's main loop died with its connection; it waits out a back-off.
        await _until(lambda: states["worker"].restarts >= 2)
        async with own_resources.db.tenant_session(company.id) as session:
            written = await emit(session, "campaign.updated", company.id, {"n": 1})
        # The relay fails on its first XADD and waits too; the row stays in the outbox.
        await _until(lambda: states["relay"].restarts >= 1)

        private_redis.start()
        await private_redis.wait_ready()
        back = await _readiness(client, 200)
        assert back["checks"]["worker"] == "ok"
        assert back["checks"]["relay"] == "ok"

        # The replacement arq worker takes jobs again.
        pool = ArqRedis(connection_pool=ConnectionPool.from_url(private_redis.url))
        try:
            job = await pool.enqueue_job("wake_launches", _queue_name=QUEUE_NAME)
            assert job is not None
            assert await job.result(timeout=LIMIT_S) is True
        finally:
            await pool.aclose()

        # The event written while Redis was down went out once it returned.
        redis = Redis.from_url(private_redis.url, decode_responses=True)
        try:

            async def published() -> bool:
                entries = await redis.xrange(own_resources.settings.events_stream)
                return any(str(written.id) in fields["event"] for _, fields in entries)

            async def poll() -> None:
                while not await published():
                    await asyncio.sleep(0.05)

            await asyncio.wait_for(poll(), LIMIT_S)
        finally:
            await redis.aclose()
