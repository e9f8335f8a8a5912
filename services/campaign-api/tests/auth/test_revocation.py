"""Revocation takes effect at once: every request's access token is checked against its
session and its user's current roles, not only against its signature and expiry."""

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from httpx import AsyncClient
from sqlalchemy import update

from campaign_api.main import create_app
from crm_common.models import RefreshToken
from crm_common.redis import create_redis
from crm_common.resources import Resources
from crm_common.security.jwt import TokenType
from crm_common.testing.builders import TEST_PASSWORD, auth_headers, make_user
from crm_common.testing.client import app_client


async def _sign_in(client, email, password=TEST_PASSWORD):
    response = await client.post("/api/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200, response.text
    return response.json()


def _bearer(pair):
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def _me(client, pair):
    return await client.get("/api/auth/me", headers=_bearer(pair))


def _refused(response) -> None:
    assert response.status_code == 401, response.text
    assert response.json()["error_code"] == "session_revoked"


async def test_access_token_stops_working_after_logout(client, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(client, "m@acme.test")
    assert (await _me(client, pair)).status_code == 200

    assert (await client.post("/api/auth/logout", headers=_bearer(pair))).status_code == 204

    _refused(await _me(client, pair))
    _refused(await client.get("/api/campaigns/", headers=_bearer(pair)))


async def test_access_token_stops_working_after_logout_with_refresh_token(client, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(client, "m@acme.test")
    assert (await _me(client, pair)).status_code == 200

    response = await client.post("/api/auth/logout", json={"refresh_token": pair["refresh_token"]})

    assert response.status_code == 204
    _refused(await _me(client, pair))


async def test_logout_leaves_other_sessions_working(client, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    laptop = await _sign_in(client, "m@acme.test")
    phone = await _sign_in(client, "m@acme.test")

    await client.post("/api/auth/logout", headers=_bearer(laptop))

    _refused(await _me(client, laptop))
    assert (await _me(client, phone)).status_code == 200


async def test_access_token_stops_working_after_role_change(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    target = await make_user(db, acme, "admin", email="second@acme.test")
    pair = await _sign_in(client, "second@acme.test")
    assert (await client.get("/api/users/", headers=_bearer(pair))).status_code == 200

    response = await client.put(
        f"/api/users/{target.id}/roles/",
        json={"roles": ["marketing_analyst"]},
        headers=auth_headers(resources.codec, admin),
    )
    assert response.status_code == 200, response.text

    refused = await client.get("/api/users/", headers=_bearer(pair))
    assert refused.status_code == 403
    assert refused.json()["details"]["missing_permissions"] == ["manage_users"]


async def test_me_and_authorisation_agree_after_role_change(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    target = await make_user(db, acme, "marketing_analyst", email="analyst@acme.test")
    pair = await _sign_in(client, "analyst@acme.test")
    assert (await client.get("/api/users/", headers=_bearer(pair))).status_code == 403

    await client.put(
        f"/api/users/{target.id}/roles/",
        json={"roles": ["admin"]},
        headers=auth_headers(resources.codec, admin),
    )

    me = (await _me(client, pair)).json()
    assert me["roles"] == ["admin"]
    assert "manage_users" in me["permissions"]
    assert (await client.get("/api/users/", headers=_bearer(pair))).status_code == 200


async def test_access_token_stops_working_after_deactivation(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    target = await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(client, "m@acme.test")
    assert (await _me(client, pair)).status_code == 200

    response = await client.post(
        f"/api/users/{target.id}/deactivate/", headers=auth_headers(resources.codec, admin)
    )
    assert response.status_code == 200

    _refused(await _me(client, pair))


async def test_access_token_stops_working_after_password_reset(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    target = await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(client, "m@acme.test")
    assert (await _me(client, pair)).status_code == 200

    response = await client.post(
        f"/api/users/{target.id}/reset-password/",
        json={"new_password": "an entirely new passphrase"},
        headers=auth_headers(resources.codec, admin),
    )
    assert response.status_code == 204

    _refused(await _me(client, pair))


async def test_access_token_stops_working_after_own_password_change_elsewhere(
    client, db, acme
) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    laptop = await _sign_in(client, "m@acme.test")
    phone = await _sign_in(client, "m@acme.test")
    assert (await _me(client, phone)).status_code == 200

    response = await client.post(
        "/api/auth/password",
        json={"current_password": TEST_PASSWORD, "new_password": "an entirely new passphrase"},
        headers=_bearer(laptop),
    )
    assert response.status_code == 204

    assert (await _me(client, laptop)).status_code == 200
    _refused(await _me(client, phone))


async def test_access_token_stops_working_after_refresh_token_reuse(client, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    first = await _sign_in(client, "m@acme.test")
    second = (
        await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    ).json()
    assert (await _me(client, second)).status_code == 200
    async with db.tenant_session(acme.id) as session:  # used beyond the race allowance
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.used_at.is_not(None))
            .values(used_at=RefreshToken.used_at - timedelta(seconds=10))
        )

    reused = await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reused.json()["error_code"] == "refresh_token_reused"

    _refused(await _me(client, second))
    _refused(await _me(client, first))


async def test_ws_ticket_refused_after_logout(client, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(client, "m@acme.test")
    assert (await client.post("/api/ws-ticket/", headers=_bearer(pair))).status_code == 200

    await client.post("/api/auth/logout", headers=_bearer(pair))

    _refused(await client.post("/api/ws-ticket/", headers=_bearer(pair)))


async def test_ws_ticket_names_the_session(client, resources, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(client, "m@acme.test")

    ticket = (await client.post("/api/ws-ticket/", headers=_bearer(pair))).json()["ticket"]

    access = resources.codec.decode(pair["access_token"], TokenType.ACCESS)
    assert resources.codec.decode(ticket, TokenType.WS_TICKET)["sid"] == access["sid"]


async def test_token_without_session_refused_when_sessions_are_required(
    settings, resources, db, acme
) -> None:
    user = await make_user(db, acme, "marketing_manager")
    strict = settings.model_copy(update={"auth_require_session": True})
    own = Resources(settings=strict, db=resources.db, redis=resources.redis, codec=resources.codec)
    async with app_client(create_app(strict, own)) as client:
        _refused(await client.get("/api/auth/me", headers=auth_headers(resources.codec, user)))


@pytest.fixture
async def redisless(settings, resources) -> AsyncIterator[AsyncClient]:
    """The API with a Redis nobody listens on: the session check reads Postgres."""
    down = create_redis("redis://127.0.0.1:1/0")
    broken = Resources(settings=settings, db=resources.db, redis=down, codec=resources.codec)
    try:
        async with app_client(create_app(settings, broken)) as http:
            yield http
    finally:
        await down.aclose()


async def test_revocation_holds_without_redis(redisless, db, acme) -> None:
    await make_user(db, acme, "marketing_manager", email="m@acme.test")
    pair = await _sign_in(redisless, "m@acme.test")
    assert (await _me(redisless, pair)).status_code == 200

    assert (await redisless.post("/api/auth/logout", headers=_bearer(pair))).status_code == 204

    _refused(await _me(redisless, pair))
