"""Fixtures of the auth tests: the campaign API over a clean database, two tenants, TOTP codes
and an MFA enrolment confirmed whatever the clock does."""

import time
from collections.abc import AsyncIterator, Awaitable, Callable

import pyotp
import pytest
from httpx import AsyncClient

from campaign_api.main import create_app
from crm_common.models import Company
from crm_common.testing.builders import make_company
from crm_common.testing.client import app_client


@pytest.fixture
async def client(db, settings, resources) -> AsyncIterator[AsyncClient]:
    async with app_client(create_app(settings, resources)) as http:
        yield http


@pytest.fixture
async def acme(db) -> Company:
    return await make_company(db, "acme")


@pytest.fixture
async def globex(db) -> Company:
    return await make_company(db, "globex")


TOTP_STEP_S = 30


def totp_step() -> int:
    return int(time.time()) // TOTP_STEP_S


def totp_code(secret: str, steps_from_now: int = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + TOTP_STEP_S * steps_from_now)


@pytest.fixture(name="totp_code")
def totp_code_fixture() -> Callable[..., str]:
    return totp_code


@pytest.fixture
def enrol_mfa(client) -> Callable[[dict[str, str]], Awaitable[str]]:
    """Enrol the headers' user and confirm with the previous time step's code, leaving the
    current step's code and every later one unused (a later step's code would be the current
    one once the step turns, and then refused as used); returns the secret.

    The server checks a code against the step of its own clock: when the step turns between
    computing the code and the server reading it, the previous step's code is two steps old
    there, so the confirmation is sent again with the new previous step's code."""

    async def enrol(headers: dict[str, str]) -> str:
        secret = (await client.post("/api/auth/mfa/enroll", headers=headers)).json()["secret"]
        for _attempt in range(3):
            step = totp_step()
            confirmed = await client.post(
                "/api/auth/mfa/verify", headers=headers, json={"code": totp_code(secret, -1)}
            )
            if confirmed.status_code != 422 or totp_step() == step:
                break
        assert confirmed.status_code == 200, confirmed.text
        return secret

    return enrol
