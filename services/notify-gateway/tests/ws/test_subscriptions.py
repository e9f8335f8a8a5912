"""Subscriptions: everything by default, or a set of campaigns and/or event types,
changeable on an open connection; bad messages get an error, not a crash."""

from __future__ import annotations

import uuid

from ..conftest import Gateway, MakeCampaigns, StartGateway, Tenant


async def test_campaign_subscription_narrows_to_those_campaigns(
    gateway: Gateway, acme: Tenant, campaigns: MakeCampaigns
) -> None:
    wanted, other = await campaigns(acme, 2)
    async with gateway.authed(acme.user()) as client:
        await client.send({"type": "subscribe", "campaign_ids": [wanted]})
        ack = await client.next("subscribed")
        assert ack == {"type": "subscribed", "campaign_ids": [wanted], "event_types": None}
        await gateway.publish(acme, campaign_id=other, n=1)
        await gateway.publish(acme, campaign_id=None, n=2)
        await gateway.publish(acme, campaign_id=wanted, n=3)
        event = await client.next("event")
    assert event["event"]["data"]["n"] == 3


async def test_event_type_subscription_narrows_to_those_types(
    gateway: Gateway, acme: Tenant
) -> None:
    async with gateway.authed(acme.user()) as client:
        await client.send({"type": "subscribe", "event_types": ["campaign.launched"]})
        await client.next("subscribed")
        await gateway.publish(acme, "campaign.updated", n=1)
        await gateway.publish(acme, "segment.evaluated", n=2)
        await gateway.publish(acme, "campaign.launched", n=3)
        event = await client.next("event")
    assert event["event"]["type"] == "campaign.launched"


async def test_campaign_and_type_filters_combine(
    gateway: Gateway, acme: Tenant, campaigns: MakeCampaigns
) -> None:
    [campaign] = await campaigns(acme)
    async with gateway.authed(acme.user()) as client:
        await client.send(
            {
                "type": "subscribe",
                "campaign_ids": [campaign],
                "event_types": ["campaign.launch_progress"],
            }
        )
        await client.next("subscribed")
        await gateway.publish(acme, "campaign.updated", campaign_id=campaign, n=1)
        await gateway.publish(acme, "campaign.launch_progress", campaign_id=str(uuid.uuid4()), n=2)
        await gateway.publish(acme, "campaign.launch_progress", campaign_id=campaign, n=3)
        assert (await client.next("event"))["event"]["data"]["n"] == 3


async def test_subscription_changes_on_an_open_connection(
    gateway: Gateway, acme: Tenant, campaigns: MakeCampaigns
) -> None:
    first, second = await campaigns(acme, 2)
    async with gateway.authed(acme.user()) as client:
        await client.send({"type": "subscribe", "campaign_ids": [first]})
        await client.next("subscribed")
        await gateway.publish(acme, campaign_id=second, n=1)
        await gateway.publish(acme, campaign_id=first, n=2)
        assert (await client.next("event"))["event"]["data"]["n"] == 2

        await client.send({"type": "subscribe", "campaign_ids": [second]})
        await client.next("subscribed")
        await gateway.publish(acme, campaign_id=first, n=3)
        await gateway.publish(acme, campaign_id=second, n=4)
        assert (await client.next("event"))["event"]["data"]["n"] == 4

        await client.send({"type": "subscribe", "campaign_ids": [], "event_types": None})
        assert (await client.next("subscribed"))["campaign_ids"] is None
        await gateway.publish(acme, campaign_id=first, n=5)
        await gateway.publish(acme, campaign_id=None, n=6)
        assert [e["event"]["data"]["n"] for e in await client.events(2)] == [5, 6]


async def test_first_message_may_carry_the_initial_subscription(
    gateway: Gateway, acme: Tenant, campaigns: MakeCampaigns
) -> None:
    [campaign] = await campaigns(acme)
    async with gateway.authed(acme.user(), campaign_ids=[campaign]) as client:
        await gateway.publish(acme, campaign_id=str(uuid.uuid4()), n=1)
        await gateway.publish(acme, campaign_id=campaign, n=2)
        assert (await client.next("event"))["event"]["data"]["n"] == 2


async def test_invalid_messages_get_errors_and_the_connection_survives(
    gateway: Gateway, acme: Tenant
) -> None:
    async with gateway.authed(acme.user()) as client:
        for bad in (
            "{not json",
            "[1, 2]",
            {"no": "type"},
            {"type": "dance"},
            {"type": "subscribe", "campaign_ids": ["not-a-uuid"]},
            {"type": "subscribe", "event_types": ["DROP TABLE"]},
            {"type": "subscribe", "campaign_ids": [str(uuid.uuid4())], "extra": 1},
            {"type": "subscribe", "campaign_ids": "oops"},
        ):
            await client.send(bad)
            error = await client.next("error")
            assert error["error_code"] == "invalid_message", bad
        await client.connection.send(b"\x00\x01binary")
        assert (await client.next("error"))["message"] == "Only text frames are accepted."
        await client.send({"type": "ping"})
        await client.next("pong")
        await gateway.publish(acme, n=1)
        assert (await client.next("event"))["event"]["data"]["n"] == 1


async def test_invalid_subscribe_reports_the_offending_field(
    gateway: Gateway, acme: Tenant
) -> None:
    async with gateway.authed(acme.user()) as client:
        await client.send({"type": "subscribe", "campaign_ids": ["x"]})
        error = await client.next("error")
    assert "subscribe.campaign_ids.0" in error["details"]["fields"]
    # Each field's messages in a list, as REST gives them.
    assert all(isinstance(m, list) for m in error["details"]["fields"].values())


async def test_a_flood_of_invalid_messages_closes_with_4400(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway: Gateway = await start_gateway(ws_max_invalid_messages=3)
    async with gateway.authed(acme.user()) as client:
        for _ in range(4):
            await client.send("nope")
        closed = await client.closed()
    assert (closed.code, closed.reason) == (4400, "too many invalid messages")
