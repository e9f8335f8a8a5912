"""POST /api/auth/refresh: rotation, reuse detection, concurrency and lifetimes."""

import asyncio
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from crm_common.models import AuditLog, RefreshToken, User, UserRole
from crm_common.security.jwt import TokenType
from crm_common.testing.builders import TEST_PASSWORD, make_user


async def _session(client, email):
    response = await client.post(
        "/api/auth/token", data={"username": email, "password": TEST_PASSWORD}
    )
    assert response.status_code == 200
    return response.json()


async def _refresh(client, token):
    return await client.post("/api/auth/refresh", json={"refresh_token": token})


async def _tokens(db, company):
    async with db.tenant_session(company.id) as session:
        rows = await session.execute(select(RefreshToken).order_by(RefreshToken.issued_at))
        return rows.scalars().all()


async def test_refresh_rotates_and_the_old_token_dies(client, resources, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    first = await _session(client, "a@acme.test")

    second = await _refresh(client, first["refresh_token"])

    assert second.status_code == 200
    pair = second.json()
    assert pair["refresh_token"] != first["refresh_token"]
    old = resources.codec.decode(first["refresh_token"], TokenType.REFRESH)
    new = resources.codec.decode(pair["refresh_token"], TokenType.REFRESH)
    access = resources.codec.decode(pair["access_token"], TokenType.ACCESS)
    assert new["sid"] == old["sid"] == access["sid"]
    rows = {str(row.jti): row for row in await _tokens(db, acme)}
    assert rows[old["jti"]].used_at is not None
    assert rows[new["jti"]].used_at is None
    assert str(rows[new["jti"]].parent_jti) == old["jti"]
    assert rows[new["jti"]].family_expires_at == rows[old["jti"]].family_expires_at


async def _later(db, company, seconds: int = 10) -> None:
    """As if the used tokens had been used `seconds` ago (beyond the race allowance)."""
    async with db.tenant_session(company.id) as session:
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.used_at.is_not(None))
            .values(used_at=RefreshToken.used_at - timedelta(seconds=seconds))
        )


async def test_reusing_a_rotated_token_revokes_the_whole_family(client, db, acme) -> None:
    user = await make_user(db, acme, email="a@acme.test")
    first = await _session(client, "a@acme.test")
    second = (await _refresh(client, first["refresh_token"])).json()
    await _later(db, acme)

    replay = await _refresh(client, first["refresh_token"])
    legit = await _refresh(client, second["refresh_token"])

    assert replay.status_code == 401
    assert replay.json()["error_code"] == "refresh_token_reused"
    assert legit.status_code == 401
    assert legit.json()["error_code"] == "invalid_refresh_token"
    rows = await _tokens(db, acme)
    assert len(rows) == 2
    assert all(row.revoked_at is not None for row in rows)
    assert {row.revoked_reason for row in rows} == {"reuse_detected"}
    async with db.tenant_session(acme.id) as session:
        actions = (
            (await session.execute(select(AuditLog.action).where(AuditLog.entity_id == user.id)))
            .scalars()
            .all()
        )
    assert "auth.refresh_reuse_detected" in actions


async def test_reuse_revokes_only_that_family(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    laptop = await _session(client, "a@acme.test")
    phone = await _session(client, "a@acme.test")
    await _refresh(client, laptop["refresh_token"])
    await _later(db, acme)

    replayed = await _refresh(client, laptop["refresh_token"])
    other = await _refresh(client, phone["refresh_token"])

    assert replayed.json()["error_code"] == "refresh_token_reused"
    assert other.status_code == 200


async def test_ten_parallel_refreshes_yield_exactly_one_success(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    token = (await _session(client, "a@acme.test"))["refresh_token"]

    responses = await asyncio.gather(*(_refresh(client, token) for _ in range(10)))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [401] * 9
    assert {r.json()["error_code"] for r in responses if r.status_code == 401} == {
        "refresh_token_reused"
    }
    rows = await _tokens(db, acme)
    # One successor was issued, and the racing refreshes revoked nothing: the winner (a tab,
    # a retried request) keeps a working session.
    assert len(rows) == 2
    assert sum(row.parent_jti is not None for row in rows) == 1
    assert all(row.revoked_at is None for row in rows)
    winner = next(r.json() for r in responses if r.status_code == 200)
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {winner['access_token']}"}
    )
    assert me.status_code == 200
    assert (await _refresh(client, winner["refresh_token"])).status_code == 200


async def test_a_used_token_presented_again_later_is_a_reuse(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    first = await _session(client, "a@acme.test")
    second = (await _refresh(client, first["refresh_token"])).json()

    raced = await _refresh(client, first["refresh_token"])
    still = await _refresh(client, second["refresh_token"])
    await _later(db, acme)
    reused = await _refresh(client, first["refresh_token"])

    assert raced.json()["error_code"] == "refresh_token_reused"
    assert still.status_code == 200
    assert reused.json()["error_code"] == "refresh_token_reused"
    rows = await _tokens(db, acme)
    assert {row.revoked_reason for row in rows if row.revoked_at is not None} == {"reuse_detected"}
    assert all(row.revoked_at is not None for row in rows if row.used_at is None)


async def test_tampered_and_wrong_type_tokens_are_refused(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    pair = await _session(client, "a@acme.test")

    tampered = await _refresh(client, pair["refresh_token"][:-4] + "AAAA")
    access_as_refresh = await _refresh(client, pair["access_token"])
    garbage = await _refresh(client, "not-a-token")
    empty = await client.post("/api/auth/refresh", json={})

    assert tampered.status_code == access_as_refresh.status_code == garbage.status_code == 401
    assert tampered.json()["error_code"] == "invalid_refresh_token"
    assert empty.status_code == 422


async def test_idle_expired_token_is_refused_without_revoking(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    pair = await _session(client, "a@acme.test")
    past = datetime.now(UTC) - timedelta(seconds=1)
    async with db.tenant_session(acme.id) as session:
        await session.execute(update(RefreshToken).values(expires_at=past))

    response = await _refresh(client, pair["refresh_token"])

    assert response.status_code == 401
    assert response.json()["error_code"] == "session_expired"
    assert all(row.revoked_at is None and row.used_at is None for row in await _tokens(db, acme))


async def test_absolute_lifetime_caps_the_session(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    pair = await _session(client, "a@acme.test")
    past = datetime.now(UTC) - timedelta(seconds=1)
    async with db.tenant_session(acme.id) as session:
        await session.execute(update(RefreshToken).values(family_expires_at=past))

    response = await _refresh(client, pair["refresh_token"])

    assert response.status_code == 401
    assert response.json()["error_code"] == "session_expired"


async def test_successor_never_outlives_the_family(client, db, acme) -> None:
    await make_user(db, acme, email="a@acme.test")
    pair = await _session(client, "a@acme.test")
    soon = datetime.now(UTC) + timedelta(minutes=5)
    async with db.tenant_session(acme.id) as session:
        await session.execute(update(RefreshToken).values(family_expires_at=soon))

    response = await _refresh(client, pair["refresh_token"])

    assert response.status_code == 200
    assert response.json()["refresh_expires_in"] <= 300
    successor = next(row for row in await _tokens(db, acme) if row.parent_jti is not None)
    assert successor.expires_at == soon


async def test_refresh_picks_up_new_roles(client, resources, db, acme) -> None:
    user = await make_user(db, acme, "marketing_analyst", email="a@acme.test")
    pair = await _session(client, "a@acme.test")
    async with db.tenant_session(acme.id) as session:
        session.add(UserRole(company_id=acme.id, user_id=user.id, role_name="finance"))

    refreshed = (await _refresh(client, pair["refresh_token"])).json()

    claims = resources.codec.decode(refreshed["access_token"], TokenType.ACCESS)
    assert claims["roles"] == ["finance", "marketing_analyst"]
    assert "approve_campaign" in claims["permissions"]


async def test_deactivated_user_cannot_refresh(client, db, acme) -> None:
    user = await make_user(db, acme, email="a@acme.test")
    pair = await _session(client, "a@acme.test")
    async with db.system_session() as session:
        await session.execute(update(User).where(User.id == user.id).values(is_active=False))

    response = await _refresh(client, pair["refresh_token"])

    assert response.status_code == 401
    assert response.json()["error_code"] == "account_disabled"
    assert all(row.revoked_at is not None for row in await _tokens(db, acme))
