"""TOTP enrolment, confirmation, disabling, step-up tokens and the approval check."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from fastapi import APIRouter, Request
from sqlalchemy import select

from campaign_api.auth.mfa import (
    MFATokenHeader,
    SecretBox,
    StepUp,
    mfa_threshold,
    require_step_up,
)
from crm_common.app import create_service_app
from crm_common.deps import AppResources
from crm_common.models import AuditLog, User
from crm_common.security.jwt import TokenType
from crm_common.security.principal import CurrentPrincipal
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client


async def test_enrol_returns_secret_once_and_stores_it_encrypted(
    client, resources, db, acme
) -> None:
    user = await make_user(db, acme, "finance", email="f@acme.test")
    headers = auth_headers(resources.codec, user)

    response = await client.post("/api/auth/mfa/enroll", headers=headers)

    assert response.status_code == 200
    body = response.json()
    assert len(body["secret"]) == 32
    assert body["otpauth_uri"].startswith("otpauth://totp/")
    assert "f%40acme.test" in body["otpauth_uri"]
    async with db.tenant_session(acme.id) as session:
        stored = (await session.execute(select(User).where(User.id == user.id))).scalar_one()
    assert stored.mfa_enabled is False
    assert body["secret"] not in stored.mfa_secret
    assert SecretBox(resources.settings).open(stored.mfa_secret, user.id) == body["secret"]
    me = (await client.get("/api/auth/me", headers=headers)).json()
    assert body["secret"] not in str(me)


async def test_verify_turns_mfa_on_and_enrolling_again_is_refused(
    client, resources, db, acme, enrol_mfa
) -> None:
    user = await make_user(db, acme, "finance")
    headers = auth_headers(resources.codec, user)

    await enrol_mfa(headers)
    again = await client.post("/api/auth/mfa/enroll", headers=headers)

    assert again.status_code == 409
    assert again.json()["error_code"] == "mfa_already_enabled"
    assert (await client.get("/api/auth/me", headers=headers)).json()["mfa_enabled"] is True
    async with db.tenant_session(acme.id) as session:
        actions = (await session.execute(select(AuditLog.action))).scalars().all()
    assert actions == ["user.mfa_enrollment_started", "user.mfa_enabled"]


async def test_wrong_code_does_not_confirm(client, resources, db, acme, totp_code) -> None:
    user = await make_user(db, acme)
    headers = auth_headers(resources.codec, user)
    secret = (await client.post("/api/auth/mfa/enroll", headers=headers)).json()["secret"]
    wrong = str((int(totp_code(secret)) + 1) % 1_000_000).zfill(6)

    response = await client.post("/api/auth/mfa/verify", headers=headers, json={"code": wrong})
    malformed = await client.post("/api/auth/mfa/verify", headers=headers, json={"code": "12ab56"})

    assert response.status_code == 422
    assert response.json()["error_code"] == "invalid_mfa_code"
    assert malformed.status_code == 422
    assert malformed.json()["error_code"] == "validation_error"
    assert (await client.get("/api/auth/me", headers=headers)).json()["mfa_enabled"] is False


async def test_verify_without_enrolment_is_409(client, resources, db, acme) -> None:
    user = await make_user(db, acme)

    response = await client.post(
        "/api/auth/mfa/verify", headers=auth_headers(resources.codec, user), json={"code": "123456"}
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "mfa_not_enrolled"


async def test_step_up_issues_a_short_lived_mfa_token(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    user = await make_user(db, acme, "finance")
    headers = auth_headers(resources.codec, user)
    secret = await enrol_mfa(headers)

    response = await client.post(
        "/api/auth/mfa/step-up", headers=headers, json={"code": totp_code(secret)}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "mfa"
    assert body["expires_in"] == resources.settings.mfa_token_ttl_s
    claims = resources.codec.decode(body["mfa_token"], TokenType.MFA)
    assert claims["sub"] == str(user.id)
    assert claims["company_id"] == str(acme.id)
    assert claims["exp"] - claims["iat"] == resources.settings.mfa_token_ttl_s


async def test_a_code_is_accepted_only_once(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    user = await make_user(db, acme, "finance")
    headers = auth_headers(resources.codec, user)
    secret = await enrol_mfa(headers)
    code = totp_code(secret)

    first = await client.post("/api/auth/mfa/step-up", headers=headers, json={"code": code})
    replay = await client.post("/api/auth/mfa/step-up", headers=headers, json={"code": code})

    assert first.status_code == 200
    assert replay.status_code == 422
    assert replay.json()["error_code"] == "invalid_mfa_code"


async def test_step_up_without_mfa_is_409(client, resources, db, acme) -> None:
    user = await make_user(db, acme, "finance")

    response = await client.post(
        "/api/auth/mfa/step-up",
        headers=auth_headers(resources.codec, user),
        json={"code": "123456"},
    )

    assert response.status_code == 409


async def test_code_guessing_is_rate_limited(client, resources, db, acme, totp_code) -> None:
    user = await make_user(db, acme)
    headers = auth_headers(resources.codec, user)
    secret = (await client.post("/api/auth/mfa/enroll", headers=headers)).json()["secret"]
    valid = {totp_code(secret, step) for step in (-1, 0, 1)}
    wrong = next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in valid)
    attempts = resources.settings.rate_limit_mfa_attempts

    answers = [
        (
            await client.post("/api/auth/mfa/verify", headers=headers, json={"code": wrong})
        ).status_code
        for _ in range(attempts)
    ]
    blocked = await client.post(
        "/api/auth/mfa/verify", headers=headers, json={"code": totp_code(secret)}
    )

    assert answers == [422] * attempts
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) >= 1


async def test_disable_needs_a_current_code(
    client, resources, db, acme, totp_code, enrol_mfa
) -> None:
    user = await make_user(db, acme)
    headers = auth_headers(resources.codec, user)
    secret = await enrol_mfa(headers)

    refused = await client.post("/api/auth/mfa/disable", headers=headers, json={"code": "000000"})
    disabled = await client.post(
        "/api/auth/mfa/disable", headers=headers, json={"code": totp_code(secret)}
    )

    assert refused.status_code == 422
    assert disabled.status_code == 200
    assert disabled.json() == {"mfa_enabled": False}
    async with db.tenant_session(acme.id) as session:
        stored = (await session.execute(select(User).where(User.id == user.id))).scalar_one()
    assert stored.mfa_secret is None


def _approval_probe(settings, resources):
    """An app with an endpoint guarded like campaign approval is."""
    router = APIRouter()

    @router.post("/api/probe/approve")
    async def approve(
        request: Request,
        principal: CurrentPrincipal,
        resources: AppResources,
        amount: Decimal,
        mfa_token: MFATokenHeader = None,
    ) -> dict:
        threshold = request.headers.get("x-test-threshold")
        company_settings = {} if threshold is None else {"mfa_approval_threshold": threshold}
        step_up = StepUp(resources.codec, mfa_token)
        await require_step_up(step_up, principal, amount, company_settings)
        return {"approved": True}

    return create_service_app(
        "probe", title="probe", routers=[router], settings=settings, resources=resources
    )


async def test_approval_above_threshold_requires_the_step_up_token(
    client, settings, resources, db, acme, totp_code, enrol_mfa
) -> None:
    approver = await make_user(db, acme, "finance")
    headers = auth_headers(resources.codec, approver)
    secret = await enrol_mfa(headers)
    mfa_token = (
        await client.post(
            "/api/auth/mfa/step-up", headers=headers, json={"code": totp_code(secret)}
        )
    ).json()["mfa_token"]
    limit = {"x-test-threshold": "50000.00"}

    async with app_client(_approval_probe(settings, resources)) as probe:
        below = await probe.post("/api/probe/approve?amount=50000", headers={**headers, **limit})
        missing = await probe.post(
            "/api/probe/approve?amount=50000.01", headers={**headers, **limit}
        )
        with_token = await probe.post(
            "/api/probe/approve?amount=90000",
            headers={**headers, **limit, "X-MFA-Token": mfa_token},
        )
        no_threshold = await probe.post("/api/probe/approve?amount=90000000", headers=headers)

    assert below.status_code == 200
    assert missing.status_code == 403
    assert missing.json()["error_code"] == "mfa_required"
    assert missing.json()["details"]["threshold"] == "50000.00"
    assert with_token.status_code == 200
    assert no_threshold.status_code == 200


async def test_step_up_token_of_another_user_or_type_is_refused(
    settings, resources, db, acme
) -> None:
    approver = await make_user(db, acme, "finance")
    colleague = await make_user(db, acme, "finance")
    globex = await make_company(db, "globex")
    stranger = await make_user(db, globex, "finance")
    limit = {"x-test-threshold": "100"}

    def mfa_token_of(user, company) -> str:
        return resources.codec.encode(
            TokenType.MFA, str(user.id), timedelta(minutes=5), {"company_id": str(company.id)}
        )

    async with app_client(_approval_probe(settings, resources)) as probe:
        answers = [
            await probe.post(
                "/api/probe/approve?amount=101",
                headers={**auth_headers(resources.codec, approver), **limit, "X-MFA-Token": token},
            )
            for token in (
                mfa_token_of(colleague, acme),
                mfa_token_of(stranger, globex),
                auth_headers(resources.codec, approver)["Authorization"].split()[1],
                "garbage",
            )
        ]
        own = await probe.post(
            "/api/probe/approve?amount=101",
            headers={
                **auth_headers(resources.codec, approver),
                **limit,
                "X-MFA-Token": mfa_token_of(approver, acme),
            },
        )

    assert [answer.status_code for answer in answers] == [403, 403, 403, 403]
    assert {answer.json()["error_code"] for answer in answers} == {"mfa_required"}
    assert own.status_code == 200


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("50000.00", Decimal("50000.00")),
        (1000, Decimal(1000)),
        ("0", Decimal(0)),
        ("lots", Decimal(-1)),
        ("-5", Decimal(-1)),
        (True, Decimal(-1)),
        ("NaN", Decimal(-1)),
    ],
)
def test_threshold_parsing_fails_closed(raw, expected) -> None:
    settings = {} if raw is None else {"mfa_approval_threshold": raw}

    assert mfa_threshold(settings) == expected


def test_secret_box_binds_the_secret_to_its_user(settings) -> None:
    box = SecretBox(settings)
    owner, other = uuid.uuid4(), uuid.uuid4()
    sealed = box.seal("JBSWY3DPEHPK3PXP", owner)

    assert box.open(sealed, owner) == "JBSWY3DPEHPK3PXP"
    with pytest.raises(ValueError, match="decrypt"):
        box.open(sealed, other)
