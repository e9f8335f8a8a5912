"""The segment engine is rate limited like the campaign API: per user on signed-in routes
(estimates, CSV import, contacts…), per client address on the public tracking links; 429 in
the error format with Retry-After."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from crm_common.resources import Resources
from crm_common.security.jwt import TokenCodec
from crm_common.settings import Settings
from crm_common.testing.builders import auth_headers, make_user
from crm_common.testing.client import app_client
from segment_engine.main import create_app

from .conftest import Tenant

EVERYONE: dict[str, Any] = {}


def _limited(settings: Settings, resources: Resources, **limits: Any) -> tuple[Resources, FastAPI]:
    tuned = settings.model_copy(update=limits)
    shared = Resources(
        settings=tuned, db=resources.db, redis=resources.redis, codec=TokenCodec(tuned)
    )
    return shared, create_app(tuned, shared)


def _assert_rate_limited(response: Any, scope: str, limit: int) -> None:
    assert response.status_code == 429
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= 120
    body = response.json()
    assert set(body) == {"error_code", "message", "details"}
    assert body["error_code"] == "rate_limited"
    assert body["details"]["retry_after"] == retry_after
    assert body["details"]["scope"] == scope
    assert body["details"]["limit"] == limit


async def test_estimates_are_limited_per_user(
    settings: Settings, resources: Resources, acme: Tenant
) -> None:
    shared, app = _limited(settings, resources, rate_limit_per_user=3, rate_limit_per_ip=100)
    greedy = auth_headers(shared.codec, acme.admin_user)
    patient = auth_headers(shared.codec, await make_user(shared.db, acme.company, "admin"))

    async with app_client(app) as client:
        answers = [
            await client.post("/api/segments/estimate/", json=EVERYONE, headers=greedy)
            for _ in range(4)
        ]
        other = await client.post("/api/segments/estimate/", json=EVERYONE, headers=patient)

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    _assert_rate_limited(answers[-1], "user", 3)
    assert other.status_code == 200


async def test_csv_import_counts_against_the_same_user_limit(
    settings: Settings, resources: Resources, acme: Tenant
) -> None:
    shared, app = _limited(settings, resources, rate_limit_per_user=2, rate_limit_per_ip=100)
    headers = auth_headers(shared.codec, acme.admin_user)
    csv = b"external_id,email\nA-1,ada@example.com\n"

    async with app_client(app) as client:
        await client.get("/api/contacts/", headers=headers)
        imported = await client.post(
            "/api/contacts/import/",
            files={"file": ("contacts.csv", csv, "text/csv")},
            headers=headers,
        )
        refused = await client.post(
            "/api/contacts/import/",
            files={"file": ("contacts.csv", csv, "text/csv")},
            headers=headers,
        )

    assert imported.status_code == 200, imported.text
    _assert_rate_limited(refused, "user", 2)


async def test_public_tracking_links_are_limited_per_client_address(
    settings: Settings, resources: Resources, db: Any
) -> None:
    _, app = _limited(
        settings,
        resources,
        rate_limit_public_per_ip=2,
        rate_limit_per_ip=100,
        trusted_proxies=("127.0.0.1",),
    )
    first = {"X-Forwarded-For": "203.0.113.7"}
    second = {"X-Forwarded-For": "198.51.100.9"}

    async with app_client(app) as client:
        pixels = [await client.get("/t/o/not-a-token.gif", headers=first) for _ in range(3)]
        click = await client.get("/t/c/not-a-token", headers=first)
        elsewhere = await client.get("/t/o/not-a-token.gif", headers=second)

    assert [pixel.status_code for pixel in pixels] == [200, 200, 429]
    _assert_rate_limited(pixels[-1], "ip", 2)
    _assert_rate_limited(click, "ip", 2)
    assert elsewhere.status_code == 200
    assert elsewhere.headers["content-type"] == "image/gif"


async def test_health_is_never_limited(settings: Settings, resources: Resources, db: Any) -> None:
    _, app = _limited(settings, resources, rate_limit_per_ip=1, rate_limit_public_per_ip=1)

    async with app_client(app) as client:
        answers = [await client.get("/healthz") for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 200]
