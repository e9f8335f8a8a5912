"""Signing in with MFA on: the password alone buys a short-lived, single-use challenge, and
only the challenge with a current TOTP code buys the token pair. Token responses are never
cached."""

from crm_common.security.jwt import TokenType
from crm_common.testing.builders import TEST_PASSWORD, auth_headers, make_user


async def _with_mfa(enrol_mfa, resources, db, company, email) -> str:
    """A user with MFA on; returns the secret."""
    user = await make_user(db, company, "finance", email=email)
    return await enrol_mfa(auth_headers(resources.codec, user))


async def _password_step(client, email):
    return await client.post("/api/auth/token", data={"username": email, "password": TEST_PASSWORD})


async def test_sign_in_with_mfa_needs_a_code_not_only_the_password(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    secret = await _with_mfa(enrol_mfa, resources, db, acme, "f@acme.test")

    first = await _password_step(client, "f@acme.test")

    assert first.status_code == 200
    challenge = first.json()
    assert challenge["mfa_required"] is True
    assert challenge["token_type"] == "mfa_challenge"
    assert "access_token" not in challenge
    assert "refresh_token" not in challenge
    # The challenge is no access token.
    refused = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {challenge['mfa_token']}"}
    )
    assert refused.status_code == 401

    second = await client.post(
        "/api/auth/mfa/sign-in",
        json={"mfa_token": challenge["mfa_token"], "code": totp_code(secret)},
    )

    assert second.status_code == 200, second.text
    pair = second.json()
    claims = resources.codec.decode(pair["access_token"], TokenType.ACCESS)
    assert claims["sid"]
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {pair['access_token']}"}
    )
    assert me.json()["email"] == "f@acme.test"


async def test_mfa_sign_in_refuses_a_wrong_code(client, resources, db, acme, enrol_mfa) -> None:
    await _with_mfa(enrol_mfa, resources, db, acme, "f@acme.test")
    challenge = (await _password_step(client, "f@acme.test")).json()

    wrong = await client.post(
        "/api/auth/mfa/sign-in", json={"mfa_token": challenge["mfa_token"], "code": "000000"}
    )

    assert wrong.status_code == 422
    assert wrong.json()["error_code"] == "invalid_mfa_code"


async def test_mfa_challenge_is_single_use(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    secret = await _with_mfa(enrol_mfa, resources, db, acme, "f@acme.test")
    challenge = (await _password_step(client, "f@acme.test")).json()["mfa_token"]
    first = await client.post(
        "/api/auth/mfa/sign-in", json={"mfa_token": challenge, "code": totp_code(secret)}
    )
    assert first.status_code == 200

    again = await client.post(
        "/api/auth/mfa/sign-in", json={"mfa_token": challenge, "code": "123456"}
    )

    assert again.status_code == 401
    assert again.json()["error_code"] == "invalid_mfa_challenge"


async def test_mfa_sign_in_refuses_other_tokens_as_challenge(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    secret = await _with_mfa(enrol_mfa, resources, db, acme, "f@acme.test")
    user = await make_user(db, acme, "finance")
    access = auth_headers(resources.codec, user)["Authorization"].split()[1]

    response = await client.post(
        "/api/auth/mfa/sign-in", json={"mfa_token": access, "code": totp_code(secret)}
    )

    assert response.status_code == 401
    assert response.json()["error_code"] == "invalid_mfa_challenge"


async def test_sign_in_without_mfa_is_unchanged(client, resources, db, acme) -> None:
    await make_user(db, acme, "finance", email="plain@acme.test")

    response = await _password_step(client, "plain@acme.test")

    assert response.status_code == 200
    assert set(response.json()) == {
        "access_token",
        "refresh_token",
        "token_type",
        "expires_in",
        "refresh_expires_in",
    }


async def test_token_responses_are_not_cached(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    user = await make_user(db, acme, "finance", email="c@acme.test")
    signed_in = await _password_step(client, "c@acme.test")
    pair = signed_in.json()
    refreshed = await client.post(
        "/api/auth/refresh", json={"refresh_token": pair["refresh_token"]}
    )
    bearer = {"Authorization": f"Bearer {refreshed.json()['access_token']}"}
    ticket = await client.post("/api/ws-ticket/", headers=bearer)
    headers = auth_headers(resources.codec, user)
    secret = await enrol_mfa(headers)
    step_up = await client.post(
        "/api/auth/mfa/step-up", headers=headers, json={"code": totp_code(secret)}
    )
    challenge = await _password_step(client, "c@acme.test")

    for response in (signed_in, refreshed, ticket, step_up, challenge):
        assert response.status_code == 200, response.text
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["pragma"] == "no-cache"
