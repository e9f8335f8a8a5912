"""Sign-out, the caller's profile and password change."""

from sqlalchemy import select

from crm_common.models import AuditLog, RefreshToken
from crm_common.testing.builders import TEST_PASSWORD, auth_headers, make_user


async def _session(client, email, password=TEST_PASSWORD):
    response = await client.post("/api/auth/token", data={"username": email, "password": password})
    assert response.status_code == 200
    return response.json()


def _bearer(pair):
    return {"Authorization": f"Bearer {pair['access_token']}"}


async def _refresh(client, token):
    return await client.post("/api/auth/refresh", json={"refresh_token": token})


async def test_logout_with_access_token_ends_its_session_only(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    laptop = await _session(client, "a@acme.test")
    phone = await _session(client, "a@acme.test")

    response = await client.post("/api/auth/logout", headers=_bearer(laptop))

    assert response.status_code == 204
    assert (await _refresh(client, laptop["refresh_token"])).status_code == 401
    assert (await _refresh(client, phone["refresh_token"])).status_code == 200


async def test_logout_with_refresh_token_revokes_the_family(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    first = await _session(client, "a@acme.test")
    second = (await _refresh(client, first["refresh_token"])).json()

    response = await client.post(
        "/api/auth/logout", json={"refresh_token": second["refresh_token"]}
    )

    assert response.status_code == 204
    refused = await _refresh(client, second["refresh_token"])
    assert refused.status_code == 401
    assert refused.json()["error_code"] == "invalid_refresh_token"
    async with db.tenant_session(acme.id) as session:
        tokens = (await session.execute(select(RefreshToken))).scalars().all()
        actions = (await session.execute(select(AuditLog.action))).scalars().all()
    assert {token.revoked_reason for token in tokens} == {"signed_out"}
    assert "auth.signed_out" in actions


async def test_logout_all_sessions(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    laptop = await _session(client, "a@acme.test")
    phone = await _session(client, "a@acme.test")

    response = await client.post(
        "/api/auth/logout", headers=_bearer(laptop), json={"all_sessions": True}
    )

    assert response.status_code == 204
    assert (await _refresh(client, phone["refresh_token"])).status_code == 401


async def test_logout_without_credentials_is_401(client, db) -> None:
    response = await client.post("/api/auth/logout")

    assert response.status_code == 401
    assert response.json()["error_code"] == "not_authenticated"


async def test_logout_with_a_token_naming_no_session_needs_the_refresh_token(
    client, resources, db, acme
) -> None:
    user = await make_user(db, acme)

    response = await client.post("/api/auth/logout", headers=auth_headers(resources.codec, user))

    assert response.status_code == 422


async def test_me_reports_user_company_roles_and_permissions(client, db, acme) -> None:
    user = await make_user(db, acme, "finance", email="f@acme.test")
    pair = await _session(client, "f@acme.test")

    response = await client.get("/api/auth/me", headers=_bearer(pair))

    assert response.status_code == 200
    body = response.json()
    assert body["id"] == str(user.id)
    assert body["company"] == {"id": str(acme.id), "name": "Acme", "slug": "acme"}
    assert body["roles"] == ["finance"]
    assert "approve_campaign" in body["permissions"]
    assert "create_campaign" not in body["permissions"]
    assert body["mfa_enabled"] is False
    assert body["last_login_at"] is not None
    assert body["session_expires_at"] is not None
    assert "password_hash" not in body
    assert "mfa_secret" not in body


async def test_me_without_token_is_401(client, db) -> None:
    response = await client.get("/api/auth/me")

    assert response.status_code == 401


async def test_password_change_keeps_this_session_and_ends_others(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    current = await _session(client, "a@acme.test")
    other = await _session(client, "a@acme.test")

    response = await client.post(
        "/api/auth/password",
        headers=_bearer(current),
        json={"current_password": TEST_PASSWORD, "new_password": "a-brand-new-password"},
    )

    assert response.status_code == 204
    assert (await _refresh(client, current["refresh_token"])).status_code == 200
    assert (await _refresh(client, other["refresh_token"])).status_code == 401
    old = await client.post(
        "/api/auth/token", data={"username": "a@acme.test", "password": TEST_PASSWORD}
    )
    assert old.status_code == 401
    await _session(client, "a@acme.test", "a-brand-new-password")


async def test_password_change_refuses_wrong_current_and_weak_new(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    pair = await _session(client, "a@acme.test")

    wrong = await client.post(
        "/api/auth/password",
        headers=_bearer(pair),
        json={"current_password": "nope", "new_password": "a-brand-new-password"},
    )
    short = await client.post(
        "/api/auth/password",
        headers=_bearer(pair),
        json={"current_password": TEST_PASSWORD, "new_password": "short"},
    )
    same = await client.post(
        "/api/auth/password",
        headers=_bearer(pair),
        json={"current_password": TEST_PASSWORD, "new_password": TEST_PASSWORD},
    )

    assert wrong.status_code == 422
    assert wrong.json()["error_code"] == "invalid_current_password"
    assert short.status_code == 422
    assert "new_password" in short.json()["details"]["fields"]
    assert same.status_code == 422
