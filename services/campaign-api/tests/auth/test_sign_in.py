"""POST /api/auth/token: the password grant, its refusals and what the access token carries."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from crm_common.models import AuditLog, Company, RefreshToken, User
from crm_common.security.jwt import TokenType
from crm_common.security.passwords import DUMMY_HASH
from crm_common.testing.builders import TEST_PASSWORD, make_company, make_user


async def _sign_in(client, username, password=TEST_PASSWORD):
    return await client.post("/api/auth/token", data={"username": username, "password": password})


async def test_good_password_returns_token_pair_with_claims(client, resources, db, acme) -> None:
    user = await make_user(db, acme, "marketing_manager", "finance", email="m@acme.test")

    response = await _sign_in(client, "M@Acme.Test")

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == resources.settings.access_token_ttl_s
    assert body["refresh_expires_in"] == resources.settings.refresh_token_ttl_s
    claims = resources.codec.decode(body["access_token"], TokenType.ACCESS)
    assert claims["sub"] == str(user.id)
    assert claims["company_id"] == str(acme.id)
    assert claims["roles"] == ["finance", "marketing_manager"]
    assert {"approve_campaign", "launch_campaign", "manage_budget"} <= set(claims["permissions"])
    assert "manage_users" not in claims["permissions"]
    assert claims["exp"] - claims["iat"] == resources.settings.access_token_ttl_s
    assert claims["jti"]
    refresh = resources.codec.decode(body["refresh_token"], TokenType.REFRESH)
    assert refresh["sid"] == claims["sid"]
    async with db.tenant_session(acme.id) as session:
        stored = (await session.execute(select(RefreshToken))).scalars().one()
        signed_in = (await session.execute(select(User).where(User.id == user.id))).scalar_one()
        actions = (await session.execute(select(AuditLog.action))).scalars().all()
    assert str(stored.jti) == refresh["jti"]
    assert str(stored.family_id) == claims["sid"]
    assert stored.parent_jti is None
    assert stored.family_expires_at - stored.issued_at == timedelta(
        seconds=resources.settings.refresh_token_absolute_ttl_s
    )
    assert signed_in.last_login_at is not None
    assert actions == ["auth.signed_in"]


async def test_access_token_from_sign_in_authenticates(client, db, acme) -> None:
    await make_user(db, acme, "campaign_specialist", email="s@acme.test")
    token = (await _sign_in(client, "s@acme.test")).json()["access_token"]

    me = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})

    assert me.status_code == 200
    assert me.json()["email"] == "s@acme.test"


async def test_wrong_password_is_401_and_audited(client, db, acme) -> None:
    user = await make_user(db, acme, email="a@acme.test")

    response = await _sign_in(client, "a@acme.test", "not-the-password")

    assert response.status_code == 401
    assert response.json()["error_code"] == "invalid_credentials"
    assert response.headers["www-authenticate"] == "Bearer"
    async with db.tenant_session(acme.id) as session:
        rows = (await session.execute(select(AuditLog))).scalars().all()
        tokens = (await session.execute(select(RefreshToken))).scalars().all()
    assert [(row.action, row.entity_id, row.actor_user_id) for row in rows] == [
        ("auth.sign_in_failed", user.id, None)
    ]
    assert tokens == []


async def test_unknown_user_gets_the_same_answer_as_a_wrong_password(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")

    unknown = await _sign_in(client, "nobody@acme.test")
    wrong = await _sign_in(client, "a@acme.test", "not-the-password")

    assert unknown.status_code == wrong.status_code == 401
    assert unknown.json() == wrong.json()
    assert DUMMY_HASH.startswith("$argon2id$")


async def test_inactive_user_is_refused_even_with_the_right_password(client, db, acme) -> None:
    user = await make_user(db, acme, email="gone@acme.test")
    async with db.system_session() as session:
        await session.execute(update(User).where(User.id == user.id).values(is_active=False))

    response = await _sign_in(client, "gone@acme.test")
    wrong = await client.post(
        "/api/auth/token", data={"username": "gone@acme.test", "password": "not-the-password"}
    )

    # The same answer as a wrong password: it does not confirm the password.
    assert response.status_code == wrong.status_code == 401
    assert response.json() == wrong.json()
    assert response.json()["error_code"] == "invalid_credentials"


async def test_inactive_company_refuses_its_users(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    async with db.system_session() as session:
        await session.execute(update(Company).where(Company.id == acme.id).values(is_active=False))

    response = await _sign_in(client, "a@acme.test")

    assert response.status_code == 401
    assert response.json()["error_code"] == "invalid_credentials"


async def test_missing_fields_and_oversized_password_are_422(client, db, acme) -> None:
    missing = await client.post("/api/auth/token", data={"username": "a@acme.test"})
    huge = await _sign_in(client, "a@acme.test", "x" * 2000)
    wrong_grant = await client.post(
        "/api/auth/token",
        data={"username": "a@acme.test", "password": "p", "grant_type": "client_credentials"},
    )

    assert missing.status_code == huge.status_code == wrong_grant.status_code == 422
    assert "password" in missing.json()["details"]["fields"]
    assert missing.json()["error_code"] == "validation_error"


async def test_expired_access_token_is_401(client, resources, db, acme) -> None:
    user = await make_user(db, acme)
    expired = resources.codec.encode(
        TokenType.ACCESS,
        str(user.id),
        timedelta(minutes=15),
        {"company_id": str(acme.id), "roles": ["admin"]},
        now=datetime.now(UTC) - timedelta(minutes=16),
    )

    response = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {expired}"})

    assert response.status_code == 401
    assert response.json()["error_code"] == "invalid_token"


async def test_refresh_token_is_not_accepted_as_access_token(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    refresh = (await _sign_in(client, "a@acme.test")).json()["refresh_token"]

    response = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {refresh}"})

    assert response.status_code == 401


async def test_company_can_shorten_the_session_lifetimes(client, resources, db) -> None:
    strict = await make_company(
        db, "strict", session_idle_timeout_s=600, session_absolute_timeout_s=3600
    )
    await make_user(db, strict, email="a@strict.test")

    body = (await _sign_in(client, "a@strict.test")).json()

    assert body["refresh_expires_in"] == 600
    async with db.tenant_session(strict.id) as session:
        stored = (await session.execute(select(RefreshToken))).scalars().one()
    assert stored.family_expires_at - stored.issued_at == timedelta(seconds=3600)


async def test_sign_in_forgets_the_users_sessions_past_their_lifetime(client, db, acme) -> None:
    user = await make_user(db, acme, email="a@acme.test")
    other = await make_user(db, acme, email="b@acme.test")
    await _sign_in(client, "a@acme.test")
    await _sign_in(client, "b@acme.test")
    past = datetime.now(UTC) - timedelta(seconds=1)
    async with db.tenant_session(acme.id) as session:
        await session.execute(update(RefreshToken).values(family_expires_at=past))

    await _sign_in(client, "a@acme.test")

    async with db.tenant_session(acme.id) as session:
        rows = (await session.execute(select(RefreshToken))).scalars().all()
    assert sorted((row.user_id == user.id, row.family_expires_at > past) for row in rows) == [
        (False, False),
        (True, True),
    ]
    assert {row.user_id for row in rows} == {user.id, other.id}
