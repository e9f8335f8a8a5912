"""The campaign API with a resolver that knows a few test names (anything else goes to the
system resolver), and builders of webhook subscriptions through the API."""

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
from httpx import AsyncClient

from campaign_api.main import create_app
from campaign_api.webhooks.deps import url_resolver
from crm_common.testing.client import app_client
from crm_common.webhooks.addresses import system_resolver

PUBLIC_URL = "https://hooks.example.com/crm"
NAMES = {
    "hooks.example.com": ["93.184.216.34"],
    "other.example.com": ["2606:2800:220:1:248:1893:25c8:1946"],
    "intranet.example.com": ["10.1.2.3"],
    "metadata.example.com": ["169.254.169.254"],
    "mixed.example.com": ["93.184.216.34", "192.168.0.10"],
}


async def test_resolver(host: str, port: int) -> list[str]:
    if host in NAMES:
        return NAMES[host]
    return await system_resolver(host, port)


@pytest.fixture
async def client(db, settings, resources) -> AsyncIterator[AsyncClient]:
    app = create_app(settings, resources)
    app.dependency_overrides[url_resolver] = lambda: test_resolver
    async with app_client(app) as http:
        yield http


@pytest.fixture
def make_webhook(client) -> Callable[..., Awaitable[dict[str, Any]]]:
    """Subscribe a URL through the API and return the answer (with its secret)."""

    async def build(headers: dict[str, str], **overrides: Any) -> dict[str, Any]:
        body = {
            "name": "Warehouse",
            "url": PUBLIC_URL,
            "event_types": ["campaign.created", "campaign.launched"],
            **overrides,
        }
        response = await client.post("/api/webhooks/", json=body, headers=headers)
        assert response.status_code == 201, response.text
        return response.json()

    return build
