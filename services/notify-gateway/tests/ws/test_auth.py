"""Authentication on /ws: the first message carries an access token or a one-time ticket;
anything else is refused with 4401 before a single event is sent."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from datetime import timedelta

from pydantic import SecretStr

from crm_common.security.jwt import TokenCodec, TokenType

from ..conftest import Gateway, StartGateway, Tenant


async def test_access_token_in_first_message_is_accepted(gateway: Gateway, acme: Tenant) -> None:
    user = acme.user("marketing_analyst")
    async with gateway.client() as client:
        reply = await client.auth(gateway.tokens.access(user))
        assert reply["expires_at"] > time.time()
        await gateway.publish(acme, campaign_id=None, note="hello")
        event = await client.next("event")
        assert event["event"]["data"]["note"] == "hello"


async def test_first_message_without_token_is_refused(gateway: Gateway) -> None:
    async with gateway.client() as client:
        await client.send({"type": "subscribe", "campaign_ids": []})
        closed = await client.closed()
    assert closed.code == 4401


async def test_first_message_that_is_not_json_gets_an_error_then_4401(gateway: Gateway) -> None:
    async with gateway.client() as client:
        await client.send("not json at all")
        error = await client.recv()
        closed = await client.closed()
    assert error["type"] == "error"
    assert error["error_code"] == "invalid_message"
    assert closed.code == 4401


async def test_silent_client_is_closed_after_the_auth_timeout(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway: Gateway = await start_gateway(ws_auth_timeout_s=0.3)
    async with gateway.client() as client:
        closed = await client.closed()
    assert (closed.code, closed.reason) == (4401, "authentication timeout")


async def test_expired_access_token_is_refused(gateway: Gateway, acme: Tenant) -> None:
    user = acme.user()
    token = gateway.tokens.access(user, ttl=timedelta(seconds=-1))
    async with gateway.client() as client:
        await client.send({"type": "auth", "token": token})
        closed = await client.closed()
    assert closed.code == 4401


async def test_tampered_token_is_refused(gateway: Gateway, acme: Tenant, globex: Tenant) -> None:
    token = gateway.tokens.access(acme.user("marketing_analyst"))
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["company_id"] = str(globex.company_id)
    claims["roles"] = ["admin"]
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    for bad in (f"{header}.{forged}.{signature}", f"{header}.{payload}.{signature[:-4]}AAAA"):
        async with gateway.client() as client:
            await client.send({"type": "auth", "token": bad})
            closed = await client.closed()
        assert closed.code == 4401


async def test_token_signed_with_another_key_is_refused(gateway: Gateway, acme: Tenant) -> None:
    other = gateway.settings.model_copy(update={"jwt_secret": SecretStr("x" * 48)})
    user = acme.user()
    token = TokenCodec(other).encode(
        TokenType.ACCESS,
        str(user.user_id),
        timedelta(minutes=5),
        {"company_id": str(acme.company_id), "roles": ["admin"]},
    )
    async with gateway.client() as client:
        await client.send({"type": "auth", "token": token})
        closed = await client.closed()
    assert closed.code == 4401


async def test_refresh_token_is_not_an_access_token(gateway: Gateway, acme: Tenant) -> None:
    async with gateway.client() as client:
        await client.send({"type": "auth", "token": gateway.tokens.refresh(acme.user())})
        closed = await client.closed()
    assert closed.code == 4401


async def test_user_without_read_campaign_is_refused_with_4403(
    gateway: Gateway, acme: Tenant
) -> None:
    nobody = acme.user("no_such_role")
    async with gateway.client() as client:
        await client.send({"type": "auth", "token": gateway.tokens.access(nobody)})
        closed = await client.closed()
    assert closed.code == 4403


async def test_ticket_opens_one_connection_only(gateway: Gateway, acme: Tenant) -> None:
    ticket = gateway.tokens.ticket(acme.user("sales"))
    async with gateway.client() as first:
        await first.auth(ticket)
        async with gateway.client() as second:
            await second.send({"type": "auth", "token": ticket})
            closed = await second.closed()
        assert (closed.code, closed.reason) == (4401, "ticket already used")
        await gateway.publish(acme, note="still served")
        assert (await first.next("event"))["event"]["data"]["note"] == "still served"


async def test_expired_ticket_is_refused(gateway: Gateway, acme: Tenant) -> None:
    ticket = gateway.tokens.ticket(acme.user(), ttl=timedelta(seconds=-1))
    async with gateway.client() as client:
        await client.send({"type": "auth", "token": ticket})
        closed = await client.closed()
    assert closed.code == 4401


async def test_ticket_session_ends_when_its_access_token_would(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway: Gateway = await start_gateway(ws_token_expiry_notice_s=1.0)
    ticket = gateway.tokens.ticket(acme.user(), session=timedelta(seconds=2))
    async with gateway.client() as client:
        await client.auth(ticket)
        await client.next("token_expiring")
        closed = await client.closed()
    assert (closed.code, closed.reason) == (4401, "token expired")


async def test_refreshing_the_token_keeps_the_connection_open(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway: Gateway = await start_gateway(ws_token_expiry_notice_s=1.0)
    user = acme.user()
    first_token = gateway.tokens.access(user, ttl=timedelta(seconds=2))
    first_expiry = time.time() + 2
    async with gateway.client() as client:
        await client.auth(first_token)
        await client.next("token_expiring")
        refreshed = await client.auth(gateway.tokens.access(user))
        assert refreshed["expires_at"] > first_expiry + 60
        await asyncio.sleep(max(0.0, first_expiry - time.time()) + 0.5)
        await gateway.publish(acme, note="after the first token expired")
        event = await client.next("event")
    assert event["event"]["data"]["note"] == "after the first token expired"


async def test_refresh_with_another_users_token_closes(gateway: Gateway, acme: Tenant) -> None:
    async with gateway.client() as client:
        await client.auth(gateway.tokens.access(acme.user()))
        await client.send({"type": "auth", "token": gateway.tokens.access(acme.user())})
        closed = await client.closed()
    assert (closed.code, closed.reason) == (4401, "token belongs to another user")


async def test_failed_refresh_reports_an_error_and_keeps_the_connection(
    gateway: Gateway, acme: Tenant
) -> None:
    async with gateway.client() as client:
        await client.auth(gateway.tokens.access(acme.user()))
        await client.send({"type": "auth", "token": "garbage"})
        error = await client.next("error")
        assert error["error_code"] == "unauthenticated"
        await gateway.publish(acme, note="still open")
        assert (await client.next("event"))["event"]["data"]["note"] == "still open"
