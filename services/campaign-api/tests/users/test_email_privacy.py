"""Email addresses are global sign-in names, so a taken address is refused; the refusal is
the same wherever the address is taken and never names or hints at another company."""

from crm_common.testing.builders import auth_headers, make_user

NEW_USER = {
    "full_name": "New Person",
    "password": "correct-horse-battery",
    "roles": ["marketing_analyst"],
}


async def test_taken_email_refusal_does_not_reveal_the_other_company(
    client, resources, db, acme, globex
) -> None:
    admin = await make_user(db, acme, "admin")
    await make_user(db, acme, email="jane@acme.test")
    await make_user(db, globex, email="john@globex.test")
    headers = auth_headers(resources.codec, admin)

    own = await client.post(
        "/api/users/", headers=headers, json={**NEW_USER, "email": "jane@acme.test"}
    )
    other = await client.post(
        "/api/users/", headers=headers, json={**NEW_USER, "email": "John@Globex.test"}
    )

    assert own.status_code == other.status_code == 409
    assert own.json() == other.json()
    body = other.text.lower()
    for hint in ("globex", str(globex.id), "another company", "tenant"):
        assert hint not in body


async def test_renaming_to_a_taken_email_is_refused_the_same_way(
    client, resources, db, acme, globex
) -> None:
    admin = await make_user(db, acme, "admin")
    user = await make_user(db, acme, email="jane@acme.test")
    await make_user(db, acme, email="jim@acme.test")
    await make_user(db, globex, email="john@globex.test")
    headers = auth_headers(resources.codec, admin)

    own = await client.patch(
        f"/api/users/{user.id}/", headers=headers, json={"email": "jim@acme.test"}
    )
    other = await client.patch(
        f"/api/users/{user.id}/", headers=headers, json={"email": "john@globex.test"}
    )

    assert own.status_code == other.status_code == 409
    assert own.json() == other.json()
    assert "globex" not in other.text.lower()
