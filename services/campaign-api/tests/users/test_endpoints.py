"""User administration: listing, creating, editing, roles, (de)activation, resets, audit."""

import asyncio

from sqlalchemy import select

from crm_common.models import AuditLog, User
from crm_common.testing.builders import TEST_PASSWORD, auth_headers, make_user


async def _sign_in(client, email, password=TEST_PASSWORD):
    return await client.post("/api/auth/token", data={"username": email, "password": password})


async def _audit(db, company, action):
    async with db.tenant_session(company.id) as session:
        rows = await session.execute(select(AuditLog).where(AuditLog.action == action))
        return rows.scalars().all()


NEW_USER = {
    "email": "Jane.Doe@Acme.Test",
    "full_name": "Jane Doe",
    "password": "correct-horse-battery",
    "roles": ["campaign_specialist", "marketing_analyst", "campaign_specialist"],
}


async def test_admin_lists_own_company_users_with_roles(
    client, resources, db, acme, globex
) -> None:
    admin = await make_user(db, acme, "admin", email="admin@acme.test")
    await make_user(db, acme, "finance", email="finance@acme.test")
    await make_user(db, globex, "admin", email="admin@globex.test")

    response = await client.get("/api/users/", headers=auth_headers(resources.codec, admin))

    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 2
    assert body["page"] == 1
    assert [(u["email"], u["roles"]) for u in body["items"]] == [
        ("admin@acme.test", ["admin"]),
        ("finance@acme.test", ["finance"]),
    ]
    assert "password_hash" not in body["items"][0]


async def test_list_filters_search_and_pages(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin", email="admin@acme.test")
    for n in range(5):
        await make_user(db, acme, "finance", email=f"fin{n}@acme.test")
    await make_user(db, acme, "sales", email="seller_1@acme.test")
    await make_user(db, acme, "sales", email="sellerx1@acme.test")
    headers = auth_headers(resources.codec, admin)

    finance = (
        await client.get("/api/users/?role=finance&page_size=2&page=2", headers=headers)
    ).json()
    underscore = (await client.get("/api/users/?q=seller_", headers=headers)).json()
    newest = (await client.get("/api/users/?sort=-email&page_size=1", headers=headers)).json()
    bad = await client.get("/api/users/?role=wizard", headers=headers)

    assert finance["total"] == 5
    assert [u["email"] for u in finance["items"]] == ["fin2@acme.test", "fin3@acme.test"]
    assert finance["filters"] == {"role": "finance", "sort": "email"}
    assert [u["email"] for u in underscore["items"]] == ["seller_1@acme.test"]
    assert newest["items"][0]["email"] == "sellerx1@acme.test"
    assert bad.status_code == 422


async def test_create_user_who_can_then_sign_in(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")

    response = await client.post(
        "/api/users/", headers=auth_headers(resources.codec, admin), json=NEW_USER
    )

    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "jane.doe@acme.test"
    assert body["roles"] == ["campaign_specialist", "marketing_analyst"]
    assert body["is_active"] is True
    signed_in = await _sign_in(client, "jane.doe@acme.test", "correct-horse-battery")
    assert signed_in.status_code == 200
    [row] = await _audit(db, acme, "user.created")
    assert row.actor_user_id == admin.id
    assert str(row.entity_id) == body["id"]
    assert row.new_values["roles"] == ["campaign_specialist", "marketing_analyst"]
    assert "password" not in str(row.new_values)


async def test_create_refuses_a_taken_email_in_any_company(
    client, resources, db, acme, globex
) -> None:
    admin = await make_user(db, acme, "admin")
    await make_user(db, acme, email="jane.doe@acme.test")
    await make_user(db, globex, email="john@globex.test")
    headers = auth_headers(resources.codec, admin)

    same_company = await client.post("/api/users/", headers=headers, json=NEW_USER)
    other_company = await client.post(
        "/api/users/", headers=headers, json={**NEW_USER, "email": "JOHN@globex.test"}
    )

    assert same_company.status_code == other_company.status_code == 409
    assert same_company.json()["error_code"] == "email_taken"
    assert other_company.json()["error_code"] == "email_taken"


async def test_create_validates_input(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    headers = auth_headers(resources.codec, admin)

    cases = {
        "short_password": {**NEW_USER, "password": "short"},
        "blank_password": {**NEW_USER, "password": " " * 20},
        "bad_email": {**NEW_USER, "email": "not-an-email"},
        "unknown_role": {**NEW_USER, "roles": ["wizard"]},
        "no_roles": {**NEW_USER, "roles": []},
        "mass_assignment": {**NEW_USER, "is_active": False, "company_id": str(admin.id)},
        "missing_name": {k: v for k, v in NEW_USER.items() if k != "full_name"},
    }
    answers = {
        name: await client.post("/api/users/", headers=headers, json=body)
        for name, body in cases.items()
    }

    assert {name: a.status_code for name, a in answers.items()} == dict.fromkeys(cases, 422)
    assert "password" in answers["short_password"].json()["details"]["fields"]
    assert "roles.0" in answers["unknown_role"].json()["details"]["fields"]
    async with db.tenant_session(acme.id) as session:
        assert len((await session.execute(select(User))).scalars().all()) == 1


async def test_update_profile_is_audited_with_old_and_new(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    user = await make_user(db, acme, "sales", email="old@acme.test")

    response = await client.patch(
        f"/api/users/{user.id}/",
        headers=auth_headers(resources.codec, admin),
        json={"email": "New@Acme.test", "full_name": "New Name"},
    )
    empty = await client.patch(
        f"/api/users/{user.id}/", headers=auth_headers(resources.codec, admin), json={}
    )

    assert response.status_code == 200
    assert response.json()["email"] == "new@acme.test"
    assert response.json()["full_name"] == "New Name"
    assert empty.status_code == 422
    [row] = await _audit(db, acme, "user.updated")
    assert row.old_values == {"email": "old@acme.test", "full_name": "Test User"}
    assert row.new_values == {"email": "new@acme.test", "full_name": "New Name"}


async def test_set_roles_replaces_them(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    user = await make_user(db, acme, "sales")

    response = await client.put(
        f"/api/users/{user.id}/roles/",
        headers=auth_headers(resources.codec, admin),
        json={"roles": ["finance", "executive"]},
    )
    fetched = await client.get(
        f"/api/users/{user.id}/", headers=auth_headers(resources.codec, admin)
    )

    assert response.status_code == 200
    assert response.json()["roles"] == ["executive", "finance"]
    assert fetched.json()["roles"] == ["executive", "finance"]
    [row] = await _audit(db, acme, "user.roles_changed")
    assert row.old_values == {"roles": ["sales"]}
    assert row.new_values == {"roles": ["executive", "finance"]}


async def test_last_admin_cannot_drop_their_own_admin_role(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")

    response = await client.put(
        f"/api/users/{admin.id}/roles/",
        headers=auth_headers(resources.codec, admin),
        json={"roles": ["finance"]},
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "last_admin"
    me = await client.get(f"/api/users/{admin.id}/", headers=auth_headers(resources.codec, admin))
    assert me.json()["roles"] == ["admin"]


async def test_admin_may_drop_own_admin_role_when_another_admin_remains(
    client, resources, db, acme
) -> None:
    admin = await make_user(db, acme, "admin")
    await make_user(db, acme, "admin")

    response = await client.put(
        f"/api/users/{admin.id}/roles/",
        headers=auth_headers(resources.codec, admin),
        json={"roles": ["finance"]},
    )

    assert response.status_code == 200


async def test_inactive_admins_do_not_count_as_remaining(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    dormant = await make_user(db, acme, "admin")
    async with db.system_session() as session:
        (await session.get(User, dormant.id)).is_active = False

    response = await client.put(
        f"/api/users/{admin.id}/roles/",
        headers=auth_headers(resources.codec, admin),
        json={"roles": ["finance"]},
    )

    assert response.status_code == 409


async def test_two_admins_demoting_each_other_at_once_leave_one_admin(
    client, resources, db, acme
) -> None:
    first = await make_user(db, acme, "admin")
    second = await make_user(db, acme, "admin")

    answers = await asyncio.gather(
        client.put(
            f"/api/users/{second.id}/roles/",
            headers=auth_headers(resources.codec, first),
            json={"roles": ["sales"]},
        ),
        client.put(
            f"/api/users/{first.id}/roles/",
            headers=auth_headers(resources.codec, second),
            json={"roles": ["sales"]},
        ),
    )

    assert sorted(a.status_code for a in answers) == [200, 409]
    listing = await client.get(
        "/api/users/?role=admin", headers=auth_headers(resources.codec, first)
    )
    assert listing.json()["total"] == 1


async def test_deactivation_blocks_sign_in_and_ends_sessions(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    user = await make_user(db, acme, "sales", email="s@acme.test")
    session = (await _sign_in(client, "s@acme.test")).json()
    headers = auth_headers(resources.codec, admin)

    response = await client.post(f"/api/users/{user.id}/deactivate/", headers=headers)

    assert response.status_code == 200
    assert response.json()["is_active"] is False
    assert (await _sign_in(client, "s@acme.test")).json()["error_code"] == "invalid_credentials"
    refreshed = await client.post(
        "/api/auth/refresh", json={"refresh_token": session["refresh_token"]}
    )
    assert refreshed.status_code == 401
    reactivated = await client.post(f"/api/users/{user.id}/activate/", headers=headers)
    assert reactivated.json()["is_active"] is True
    assert (await _sign_in(client, "s@acme.test")).status_code == 200
    assert len(await _audit(db, acme, "user.deactivated")) == 1
    assert len(await _audit(db, acme, "user.activated")) == 1


async def test_admin_cannot_deactivate_self(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    await make_user(db, acme, "admin")

    response = await client.post(
        f"/api/users/{admin.id}/deactivate/", headers=auth_headers(resources.codec, admin)
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "cannot_deactivate_self"


async def test_reset_password_replaces_it_and_ends_sessions(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    user = await make_user(db, acme, "sales", email="s@acme.test")
    session = (await _sign_in(client, "s@acme.test")).json()

    response = await client.post(
        f"/api/users/{user.id}/reset-password/",
        headers=auth_headers(resources.codec, admin),
        json={"new_password": "a-fresh-long-password"},
    )

    assert response.status_code == 204
    assert (await _sign_in(client, "s@acme.test")).status_code == 401
    assert (await _sign_in(client, "s@acme.test", "a-fresh-long-password")).status_code == 200
    refreshed = await client.post(
        "/api/auth/refresh", json={"refresh_token": session["refresh_token"]}
    )
    assert refreshed.status_code == 401
    [row] = await _audit(db, acme, "user.password_reset")
    assert "a-fresh-long-password" not in str(row.new_values)


async def test_reset_mfa_turns_it_off(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    user = await make_user(db, acme, "finance")
    async with db.system_session() as session:
        stored = await session.get(User, user.id)
        stored.mfa_enabled = True
        stored.mfa_secret = "v1.sealed"

    response = await client.post(
        f"/api/users/{user.id}/reset-mfa/", headers=auth_headers(resources.codec, admin)
    )

    assert response.status_code == 200
    assert response.json()["mfa_enabled"] is False
    async with db.system_session() as session:
        assert (await session.get(User, user.id)).mfa_secret is None


async def test_roles_lists_every_role_with_permissions(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")

    response = await client.get("/api/users/roles/", headers=auth_headers(resources.codec, admin))

    assert response.status_code == 200
    body = response.json()
    assert (body["total"], body["page"], body["page_size"], body["filters"]) == (7, 1, 7, {})
    roles = {role["name"]: role for role in body["items"]}
    assert set(roles) == {
        "admin",
        "marketing_manager",
        "campaign_specialist",
        "marketing_analyst",
        "finance",
        "executive",
        "sales",
    }
    assert "manage_users" in roles["admin"]["permissions"]
    assert roles["sales"]["permissions"] == ["read_campaign"]


async def test_two_admins_editing_each_other_at_once_both_succeed(
    client, resources, db, acme
) -> None:
    first = await make_user(db, acme, "admin")
    second = await make_user(db, acme, "admin")

    answers = await asyncio.gather(
        *(
            client.patch(
                f"/api/users/{target.id}/",
                headers=auth_headers(resources.codec, actor),
                json={"full_name": f"Renamed by {actor.id}"},
            )
            for actor, target in [(first, second), (second, first)] * 3
        )
    )

    assert [a.status_code for a in answers] == [200] * 6
    assert len(await _audit(db, acme, "user.updated")) == 2
