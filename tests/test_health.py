"""Every service answers /healthz, /readyz and /metrics."""

import asyncio

import pytest

from campaign_api.main import create_app as campaign_api
from crm_common.testing.client import app_client
from launch_worker.main import create_app as launch_worker
from notify_gateway.main import create_app as notify_gateway
from segment_engine.main import create_app as segment_engine


async def _ready(client, path: str = "/readyz"):
    """Readiness may take a moment after start-up (background readers connecting)."""
    for _ in range(100):
        response = await client.get(path)
        if response.status_code == 200:
            return response
        await asyncio.sleep(0.05)
    return response


@pytest.mark.parametrize("factory", [campaign_api, segment_engine, notify_gateway, launch_worker])
async def test_service_health_readiness_and_metrics(clean, settings, factory) -> None:
    async with app_client(factory(settings, clean)) as client:
        health = await client.get("/healthz")
        ready = await _ready(client)
        metrics = await client.get("/metrics")
    assert health.status_code == 200
    assert ready.status_code == 200, ready.text
    assert ready.json()["checks"]["postgres"] == "ok"
    assert ready.json()["checks"]["redis"] == "ok"
    assert metrics.status_code == 200
    assert "crm_http_requests_total" in metrics.text


async def test_readiness_fails_when_redis_is_unreachable(db, settings) -> None:
    from crm_common.resources import Resources

    broken = Resources.open(settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}))
    try:
        async with app_client(campaign_api(settings, broken)) as client:
            ready = await client.get("/readyz")
    finally:
        await broken.close()
    assert ready.status_code == 503
    assert ready.json()["checks"]["redis"].startswith("error")
    assert ready.json()["checks"]["postgres"] == "ok"
