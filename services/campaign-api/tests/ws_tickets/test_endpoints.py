"""`POST /api/ws-ticket/`: a one-time, seconds-long credential for `/ws`, issued only to an
authenticated caller allowed to read campaigns, never outliving its access token."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from httpx import AsyncClient

from campaign_api.main import create_app
from crm_common.errors import InvalidToken
from crm_common.resources import Resources
from crm_common.security.jwt import TokenType
from crm_common.settings import Settings
from crm_common.testing.client import app_client


@pytest.fixture
async def api(settings: Settings, resources: Resources) -> AsyncIterator[AsyncClient]:
    async with app_client(create_app(settings, resources)) as http:
        yield http


def _token(
    resources: Resources,
    roles: list[str],
    ttl: timedelta = timedelta(minutes=15),
    token_type: TokenType = TokenType.ACCESS,
) -> tuple[str, uuid.UUID, uuid.UUID]:
    user_id, company_id = uuid.uuid4(), uuid.uuid4()
    token = resources.codec.encode(
        token_type, str(user_id), ttl, {"company_id": str(company_id), "roles": roles}
    )
    return token, user_id, company_id


async def test_ticket_is_a_short_lived_ws_ticket_for_the_caller(
    api: AsyncClient, resources: Resources
) -> None:
    token, user_id, company_id = _token(resources, ["marketing_analyst"])
    access = resources.codec.decode(token, TokenType.ACCESS)
    response = await api.post("/api/ws-ticket/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "ws_ticket"
    assert 0 < body["expires_in"] <= resources.settings.ws_ticket_ttl_s
    claims = resources.codec.decode(body["ticket"], TokenType.WS_TICKET)
    assert claims["sub"] == str(user_id)
    assert claims["company_id"] == str(company_id)
    assert claims["roles"] == ["marketing_analyst"]
    assert claims["session_exp"] == access["exp"]
    assert claims["exp"] <= int(time.time()) + resources.settings.ws_ticket_ttl_s + 1
    assert claims["jti"] != access["jti"]


async def test_each_ticket_has_its_own_id(api: AsyncClient, resources: Resources) -> None:
    token, _, _ = _token(resources, ["sales"])
    headers = {"Authorization": f"Bearer {token}"}
    tickets = [(await api.post("/api/ws-ticket/", headers=headers)).json() for _ in range(3)]
    ids = {resources.codec.decode(t["ticket"], TokenType.WS_TICKET)["jti"] for t in tickets}
    assert len(ids) == 3


async def test_ticket_never_outlives_the_access_token(
    api: AsyncClient, resources: Resources
) -> None:
    token, _, _ = _token(resources, ["admin"], ttl=timedelta(seconds=8))
    response = await api.post("/api/ws-ticket/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["expires_in"] <= 8


async def test_ticket_requires_authentication(api: AsyncClient) -> None:
    response = await api.post("/api/ws-ticket/")
    assert response.status_code == 401
    assert set(response.json()) == {"error_code", "message", "details"}


async def test_refresh_token_cannot_buy_a_ticket(api: AsyncClient, resources: Resources) -> None:
    token, _, _ = _token(resources, ["admin"], token_type=TokenType.REFRESH)
    response = await api.post("/api/ws-ticket/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 401


async def test_a_ticket_is_not_an_access_token(api: AsyncClient, resources: Resources) -> None:
    token, _, _ = _token(resources, ["admin"])
    ticket = (
        await api.post("/api/ws-ticket/", headers={"Authorization": f"Bearer {token}"})
    ).json()["ticket"]
    response = await api.post("/api/ws-ticket/", headers={"Authorization": f"Bearer {ticket}"})
    assert response.status_code == 401
    with pytest.raises(InvalidToken):
        resources.codec.decode(ticket, TokenType.ACCESS)


async def test_caller_without_read_campaign_gets_403(
    api: AsyncClient, resources: Resources
) -> None:
    token, _, _ = _token(resources, [])
    response = await api.post("/api/ws-ticket/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.json()["details"] == {"missing_permissions": ["read_campaign"]}
