"""Who may administer users: only holders of manage_users, and only in their own company."""

import uuid

import pytest
from sqlalchemy import select

from crm_common.models import User
from crm_common.security.permissions import RoleName
from crm_common.testing.builders import auth_headers, make_user


def _calls(user_id):
    return [
        ("GET", "/api/users/", None),
        (
            "POST",
            "/api/users/",
            {
                "email": "x@acme.test",
                "full_name": "X",
                "password": "correct-horse-battery",
                "roles": ["sales"],
            },
        ),
        ("GET", "/api/users/roles/", None),
        ("GET", f"/api/users/{user_id}/", None),
        ("PATCH", f"/api/users/{user_id}/", {"full_name": "Changed"}),
        ("PUT", f"/api/users/{user_id}/roles/", {"roles": ["finance"]}),
        ("POST", f"/api/users/{user_id}/deactivate/", None),
        ("POST", f"/api/users/{user_id}/activate/", None),
        ("POST", f"/api/users/{user_id}/reset-password/", {"new_password": "another-long-one"}),
        ("POST", f"/api/users/{user_id}/reset-mfa/", None),
    ]


NON_ADMIN_ROLES = [role for role in RoleName if role is not RoleName.ADMIN]


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
async def test_roles_without_manage_users_get_403_everywhere(
    client, resources, db, acme, role
) -> None:
    caller = await make_user(db, acme, role.value)
    target = await make_user(db, acme, "sales")
    headers = auth_headers(resources.codec, caller)

    answers = [
        (method, path, (await client.request(method, path, headers=headers, json=body)).status_code)
        for method, path, body in _calls(target.id)
    ]

    assert [a for a in answers if a[2] != 403] == []
    async with db.tenant_session(acme.id) as session:
        stored = (await session.execute(select(User).where(User.id == target.id))).scalar_one()
    assert stored.full_name == "Test User"
    assert stored.is_active is True


async def test_anonymous_gets_401_everywhere(client, db, acme) -> None:
    target = await make_user(db, acme, "sales")

    answers = [
        (method, path, (await client.request(method, path, json=body)).status_code)
        for method, path, body in _calls(target.id)
    ]

    assert [a for a in answers if a[2] != 401] == []


async def test_admin_of_another_company_gets_404_for_every_user_endpoint(
    client, resources, db, acme, globex
) -> None:
    acme_user = await make_user(db, acme, "sales", email="s@acme.test")
    globex_admin = await make_user(db, globex, "admin")
    headers = auth_headers(resources.codec, globex_admin)

    answers = [
        (method, path, (await client.request(method, path, headers=headers, json=body)).status_code)
        for method, path, body in _calls(acme_user.id)
        if "{" not in path and str(acme_user.id) in path
    ]
    listing = (await client.get("/api/users/?page_size=200", headers=headers)).json()

    assert len(answers) == 7
    assert [a for a in answers if a[2] != 404] == []
    assert {item["email"] for item in listing["items"]} == {globex_admin.email}
    async with db.tenant_session(acme.id) as session:
        stored = (await session.execute(select(User).where(User.id == acme_user.id))).scalar_one()
    assert (stored.full_name, stored.is_active) == ("Test User", True)


async def test_unknown_and_malformed_ids(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    headers = auth_headers(resources.codec, admin)

    unknown = await client.get(f"/api/users/{uuid.uuid4()}/", headers=headers)
    malformed = await client.get("/api/users/not-a-uuid/", headers=headers)

    assert unknown.status_code == 404
    assert unknown.json()["error_code"] == "user_not_found"
    assert malformed.status_code == 422
