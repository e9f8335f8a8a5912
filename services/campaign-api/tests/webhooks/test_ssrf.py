"""URLs are checked when a subscription is saved: only http(s) to public addresses, after
resolving the name, unless the company's allow-list (kept by admins) names the target."""

import pytest

from campaign_api.main import create_app
from campaign_api.webhooks.deps import url_resolver
from crm_common.resources import Resources
from crm_common.testing.client import app_client

from .conftest import test_resolver as known_names

REFUSED = {
    "http://127.0.0.1/hook": "loopback_address",
    "http://[::1]/hook": "loopback_address",
    "http://169.254.169.254/latest/meta-data/": "metadata_address",
    "http://10.0.0.1/hook": "private_address",
    "http://10.255.255.254:8080/hook": "private_address",
    "http://[::ffff:127.0.0.1]/hook": "loopback_address",
    "http://[::ffff:a00:1]/hook": "private_address",
    "http://2130706433/hook": "loopback_address",
    "http://localhost:8000/hook": "loopback_address",
    "http://intranet.example.com/hook": "private_address",
    "http://metadata.example.com/hook": "metadata_address",
    "http://mixed.example.com/hook": "private_address",
    "http://[fd00::1]/hook": "private_address",
    "http://0.0.0.0/hook": "unspecified_address",
    "ftp://hooks.example.com/hook": "scheme_not_allowed",
    "file:///etc/passwd": "scheme_not_allowed",
    "https://user:pass@hooks.example.com/hook": "credentials_in_url",
    "https://no-such-host.invalid/hook": "unresolvable",
}


@pytest.mark.parametrize("url", list(REFUSED))
async def test_urls_that_are_not_public_are_refused(client, acme, admin, url) -> None:
    response = await client.post(
        "/api/webhooks/",
        json={"name": "x", "url": url, "event_types": ["campaign.created"]},
        headers=admin,
    )

    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error_code"] == "webhook_url_not_allowed"
    assert body["details"]["reason"] == REFUSED[url]
    assert body["details"]["fields"]["url"]


async def test_a_public_ipv6_target_is_accepted(client, acme, admin, make_webhook) -> None:
    created = await make_webhook(admin, url="https://other.example.com/in")

    assert created["url"] == "https://other.example.com/in"


async def test_the_allow_list_lets_the_company_reach_a_local_receiver(
    client, acme, admin, make_webhook
) -> None:
    url = "http://127.0.0.1:9999/hook"
    before = await client.post(
        "/api/webhooks/",
        json={"name": "local", "url": url, "event_types": ["campaign.created"]},
        headers=admin,
    )
    saved = await client.put(
        "/api/webhooks/allow-list/", json={"entries": ["127.0.0.1", "*.corp.test"]}, headers=admin
    )
    after = await make_webhook(admin, url=url)

    assert before.status_code == 422
    assert saved.status_code == 200, saved.text
    assert saved.json()["entries"] == ["127.0.0.1/32", "*.corp.test"]
    assert after["url"] == url


async def test_a_named_private_host_can_be_allowed(client, acme, admin, make_webhook) -> None:
    await client.put(
        "/api/webhooks/allow-list/", json={"entries": ["intranet.example.com"]}, headers=admin
    )

    created = await make_webhook(admin, url="http://intranet.example.com/hook")

    assert created["status"] == "active"


async def test_metadata_stays_refused_even_when_its_network_is_allowed(client, acme, admin) -> None:
    allow_metadata = await client.put(
        "/api/webhooks/allow-list/", json={"entries": ["169.254.0.0/16"]}, headers=admin
    )
    await client.put(
        "/api/webhooks/allow-list/", json={"entries": ["metadata.example.com"]}, headers=admin
    )
    named = await client.post(
        "/api/webhooks/",
        json={
            "name": "x",
            "url": "http://metadata.example.com/",
            "event_types": ["campaign.created"],
        },
        headers=admin,
    )

    assert allow_metadata.status_code == 422
    assert named.status_code == 422
    assert named.json()["details"]["reason"] == "metadata_address"


async def test_invalid_allow_list_entries_are_422(client, acme, admin) -> None:
    response = await client.put(
        "/api/webhooks/allow-list/", json={"entries": ["not a host!"]}, headers=admin
    )

    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


async def test_a_new_url_is_checked_on_update(client, acme, admin, make_webhook) -> None:
    created = await make_webhook(admin)

    response = await client.patch(
        f"/api/webhooks/{created['id']}/", json={"url": "http://10.0.0.7/"}, headers=admin
    )

    assert response.status_code == 422
    assert response.json()["details"]["reason"] == "private_address"


async def test_the_platform_networks_stay_refused_whatever_the_allow_list(
    db, settings, resources, acme, admin
) -> None:
    """With `CRM_WEBHOOK_DENIED_NETWORKS` (by default loopback in production), no company can
    open the platform's own networks: not by allowing them, nor by a name pointing there."""
    denied = settings.model_copy(update={"webhook_denied_networks": ("127.0.0.0/8", "10.0.0.0/8")})
    scoped = Resources(
        settings=denied, db=resources.db, redis=resources.redis, codec=resources.codec
    )
    app = create_app(denied, scoped)
    app.dependency_overrides[url_resolver] = lambda: known_names
    async with app_client(app) as client:
        refused = await client.put(
            "/api/webhooks/allow-list/",
            json={"entries": ["127.0.0.1", "10.1.0.0/16"]},
            headers=admin,
        )
        assert refused.status_code == 422, refused.text
        assert refused.json()["details"]["fields"]["entries"] == [
            "127.0.0.1/32 is reserved",
            "10.1.0.0/16 is reserved",
        ]
        # A name allowed by the company that resolves into a denied network is refused too.
        named = await client.put(
            "/api/webhooks/allow-list/", json={"entries": ["intranet.example.com"]}, headers=admin
        )
        assert named.status_code == 200
        created = await client.post(
            "/api/webhooks/",
            json={
                "name": "x",
                "url": "http://intranet.example.com/hook",
                "event_types": ["campaign.created"],
            },
            headers=admin,
        )
        assert created.status_code == 422
        assert created.json()["details"]["reason"] == "platform_address"


def test_production_denies_the_loopback_by_default(settings) -> None:
    assert settings.webhook_denied == ()
    production = settings.model_copy(update={"env": "prod"})
    assert production.webhook_denied == ("127.0.0.0/8", "::1/128", "0.0.0.0/8")
    chosen = settings.model_copy(update={"env": "prod", "webhook_denied_networks": ()})
    assert chosen.webhook_denied == ()
