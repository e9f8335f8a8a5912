"""New passwords are checked against a list of common and breached passwords (NIST SP
800-63B), not only their length: on user creation, admin reset and the user's own change."""

import pytest

from crm_common.security.password_policy import common_passwords, password_problem
from crm_common.testing.builders import TEST_PASSWORD, auth_headers, make_user

COMMON_LONG = "password1234"


def test_the_shipped_list_holds_thousands_of_common_passwords() -> None:
    known = common_passwords()
    assert len(known) >= 10_000
    assert {"123456", "password", "qwerty", "iloveyou"} <= known


@pytest.mark.parametrize(
    "password",
    ["password1234", "Password123!", "baseball1234", "qwertyuiopasdf", "aaaaaaaaaaaa"],
)
def test_weak_passwords_have_a_problem(password) -> None:
    assert password_problem(password) is not None


@pytest.mark.parametrize("password", ["correct-horse-battery", "an entirely new passphrase"])
def test_unusual_passphrases_pass(password) -> None:
    assert password_problem(password) is None


async def test_common_password_refused(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")

    response = await client.post(
        "/api/users/",
        json={
            "email": "new@acme.test",
            "full_name": "New Person",
            "password": COMMON_LONG,
            "roles": ["marketing_analyst"],
        },
        headers=auth_headers(resources.codec, admin),
    )

    assert response.status_code == 422
    problems = response.json()["details"]["fields"]["password"]
    assert any("commonly used" in problem for problem in problems)


async def test_common_password_refused_on_reset(client, resources, db, acme) -> None:
    admin = await make_user(db, acme, "admin")
    target = await make_user(db, acme, "marketing_analyst")

    response = await client.post(
        f"/api/users/{target.id}/reset-password/",
        json={"new_password": "Password123!"},
        headers=auth_headers(resources.codec, admin),
    )

    assert response.status_code == 422
    assert "new_password" in response.json()["details"]["fields"]


async def test_common_password_refused_on_own_change(client, resources, db, acme) -> None:
    user = await make_user(db, acme, "marketing_analyst")

    response = await client.post(
        "/api/auth/password",
        json={"current_password": TEST_PASSWORD, "new_password": "baseball1234"},
        headers=auth_headers(resources.codec, user),
    )

    assert response.status_code == 422
    assert "new_password" in response.json()["details"]["fields"]
