"""The gateway returns to ready by itself after its Redis is SIGKILLed and started again: the
stream reader, failing while Redis is away, is restarted and resumes at its cursor."""

import asyncio
from typing import Any

from httpx import AsyncClient

from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.client import app_client
from crm_common.testing.recovery import readiness
from crm_common.testing.redis_server import PrivateRedis
from notify_gateway.main import create_app

LIMIT_S = 60.0


async def _readiness(client: AsyncClient, status: int) -> dict[str, Any]:
    return await readiness(client, status, LIMIT_S)


async def test_readiness_returns_after_redis_restart(
    clean: Resources, settings: Settings, private_redis: PrivateRedis
) -> None:
    scoped = settings.model_copy(update={"redis_url": private_redis.url})
    resources = Resources.open(scoped, name="notify-gateway-recovery")
    app = create_app(scoped, resources)
    try:
        async with app_client(app) as client:
            await _readiness(client, 200)
            reader = app.state.supervisor.states()["stream_reader"]

            private_redis.kill()
            down = await _readiness(client, 503)
            assert down["checks"]["redis"].startswith("error")

            async def reader_failed() -> None:
                while reader.restarts == 0:
                    await asyncio.sleep(0.05)

            await asyncio.wait_for(reader_failed(), LIMIT_S)
            down = await _readiness(client, 503)
            assert down["checks"]["stream_reader"].startswith("error")

            private_redis.start()
            await private_redis.wait_ready()
            back = await _readiness(client, 200)
            assert back["checks"]["stream_reader"] == "ok"
            assert back["checks"]["ws_heartbeats"] == "ok"
            assert reader.restarts >= 1
    finally:
        await resources.close()
