"""Resume: a reconnecting client names the last stream id it saw and gets what it missed,
then live events: in order, nothing lost, nothing twice; beyond retention, a reload."""

from __future__ import annotations

import asyncio
import uuid

from ..conftest import Gateway, MakeCampaigns, StartGateway, Tenant


async def test_resume_after_disconnect_loses_nothing_and_duplicates_nothing(
    gateway: Gateway, acme: Tenant, globex: Tenant
) -> None:
    user = acme.user()
    async with gateway.authed(user) as client:
        seen = [await gateway.publish(acme, n=n) for n in range(3)]
        first = await client.events(3)
    assert [e["id"] for e in first] == seen

    missed = []
    for n in range(3, 6):
        missed.append(await gateway.publish(acme, n=n))
        await gateway.publish(globex, n=n)

    async with gateway.authed(user, last_event_id=seen[-1]) as client:
        replayed = await client.events(3)
        live_id = await gateway.publish(acme, n=6)
        live = await client.next("event")
    assert [e["id"] for e in replayed] == missed
    assert [e["event"]["data"]["n"] for e in replayed] == [3, 4, 5]
    assert live["id"] == live_id


async def test_resume_during_a_burst_keeps_every_event_once_and_in_order(
    gateway: Gateway, acme: Tenant
) -> None:
    user = acme.user()
    total = 400
    published: list[str] = []

    async def publisher() -> None:
        for n in range(total):
            published.append(await gateway.publish(acme, n=n))
            if n % 10 == 0:
                await asyncio.sleep(0.001)

    received: list[dict[str, object]] = []
    async with gateway.authed(user) as client:
        burst = asyncio.create_task(publisher())
        received += await client.events(60)
        client.drop()
    # Reconnect while the publisher is still going: replay and live overlap.
    async with gateway.authed(user, last_event_id=received[-1]["id"]) as client:
        while not received or received[-1]["event"]["data"]["n"] != total - 1:  # type: ignore[index]
            received.append(await client.next("event"))
    await burst
    assert [e["event"]["data"]["n"] for e in received] == list(range(total))  # type: ignore[index]
    assert [e["id"] for e in received] == published


async def test_resume_replays_only_the_tenants_events_within_the_subscription(
    gateway: Gateway, acme: Tenant, globex: Tenant, campaigns: MakeCampaigns
) -> None:
    user = acme.user()
    [watched] = await campaigns(acme)
    async with gateway.authed(user) as client:
        marker = await gateway.publish(acme, n=0)
        await client.next("event")
    await gateway.publish(globex, campaign_id=watched, n=1)
    await gateway.publish(acme, campaign_id=str(uuid.uuid4()), n=2)
    expected = await gateway.publish(acme, campaign_id=watched, n=3)
    await gateway.publish(acme, campaign_id=None, n=4)
    async with gateway.authed(user, last_event_id=marker, campaign_ids=[watched]) as client:
        replayed = await client.next("event")
        live_id = await gateway.publish(acme, campaign_id=watched, n=5)
        live = await client.next("event")
    assert replayed["id"] == expected
    assert live["id"] == live_id


async def test_resume_from_a_trimmed_position_requires_a_reload(
    gateway: Gateway, acme: Tenant
) -> None:
    user = acme.user()
    async with gateway.authed(user) as client:
        old = await gateway.publish(acme, n=0)
        await client.next("event")
    await gateway.publish(acme, n=1)
    kept = await gateway.publish(acme, n=2)
    await gateway.redis.xtrim(gateway.stream, minid=kept, approximate=False)
    async with gateway.authed(user, last_event_id=old) as client:
        await client.next("reload_required")
        live_id = await gateway.publish(acme, n=3)
        live = await client.next("event")
    assert live["id"] == live_id


async def test_resume_after_the_stream_was_trimmed_empty_requires_a_reload(
    gateway: Gateway, acme: Tenant
) -> None:
    user = acme.user()
    async with gateway.authed(user) as client:
        seen = await gateway.publish(acme, n=0)
        await client.next("event")
    await gateway.publish(acme, n=1)
    await gateway.redis.xtrim(gateway.stream, maxlen=0, approximate=False)
    async with gateway.authed(user, last_event_id=seen) as client:
        await client.next("reload_required")


async def test_resume_at_the_stream_end_replays_nothing_and_goes_live(
    gateway: Gateway, acme: Tenant
) -> None:
    user = acme.user()
    async with gateway.authed(user) as client:
        seen = await gateway.publish(acme, n=0)
        await client.next("event")
    async with gateway.authed(user, last_event_id=seen) as client:
        live_id = await gateway.publish(acme, n=1)
        assert (await client.next("event"))["id"] == live_id


async def test_backlog_longer_than_the_replay_limit_requires_a_reload(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway = await start_gateway(ws_replay_max_entries=5)
    user = acme.user()
    async with gateway.authed(user) as client:
        seen = await gateway.publish(acme, n=0)
        await client.next("event")
    for n in range(1, 11):
        await gateway.publish(acme, n=n)
    async with gateway.authed(user, last_event_id=seen) as client:
        await client.next("reload_required")
        live_id = await gateway.publish(acme, n=11)
        assert (await client.next("event"))["id"] == live_id


async def test_resume_on_another_instance_of_the_gateway(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    first, second = await start_gateway(), await start_gateway()
    user = acme.user()
    async with first.authed(user) as client:
        seen = await first.publish(acme, n=0)
        await client.next("event")
    missed = [await first.publish(acme, n=n) for n in (1, 2)]
    async with second.authed(user, last_event_id=seen) as client:
        assert [e["id"] for e in await client.events(2)] == missed


async def test_ws_malformed_last_event_id_is_protocol_error(gateway: Gateway, acme: Tenant) -> None:
    async with gateway.client() as client:
        token = gateway.tokens.access(acme.user())
        await client.send({"type": "auth", "token": token, "last_event_id": "yesterday"})
        error = await client.recv()
        closed = await client.closed()
    assert error["error_code"] == "invalid_message"
    assert list(error["details"]["fields"]) == ["auth.last_event_id"]
    assert closed.code == 4400


async def test_an_auth_message_without_a_usable_token_is_still_unauthenticated(
    gateway: Gateway,
) -> None:
    async with gateway.client() as client:
        await client.send({"type": "auth", "token": "", "last_event_id": "yesterday"})
        await client.recv()
        closed = await client.closed()
    assert closed.code == 4401
