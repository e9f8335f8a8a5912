"""Authorisation of what flows: only the client's own tenant, budget figures only with
view_budget, contact PII never."""

from __future__ import annotations

import uuid

from ..conftest import Gateway, MakeCampaigns, Tenant


async def test_ws_subscribe_to_foreign_ids_refused(
    gateway: Gateway, acme: Tenant, globex: Tenant, campaigns: MakeCampaigns
) -> None:
    [acme_campaign] = await campaigns(acme)
    [deleted] = await campaigns(globex, deleted=True)
    [own] = await campaigns(globex)
    unknown = str(uuid.uuid4())
    async with gateway.authed(globex.user("admin")) as spy, gateway.authed(acme.user()) as owner:
        await spy.send({"type": "subscribe", "campaign_ids": [own]})
        assert (await spy.next("subscribed"))["campaign_ids"] == [own]
        for foreign in ([acme_campaign], [own, unknown], [deleted]):
            await spy.send({"type": "subscribe", "campaign_ids": foreign})
            refused = await spy.next("error")
            assert refused["error_code"] == "subscription_refused"
            assert refused["details"]["campaign_ids"] == sorted(set(foreign) - {own})
        # The refused subscriptions changed nothing: the spy still watches its own campaign.
        await gateway.publish(acme, campaign_id=acme_campaign, note="acme secret")
        assert (await owner.next("event"))["event"]["data"]["note"] == "acme secret"
        await gateway.publish(globex, campaign_id=unknown, note="not watched")
        await gateway.publish(globex, campaign_id=own, note="globex own")
        received = await spy.next("event")
    assert received["event"]["data"]["note"] == "globex own"
    assert received["event"]["company_id"] == str(globex.company_id)


async def test_an_initial_subscription_to_foreign_ids_is_refused(
    gateway: Gateway, acme: Tenant, globex: Tenant, campaigns: MakeCampaigns
) -> None:
    [acme_campaign] = await campaigns(acme)
    async with gateway.client() as client:
        token = gateway.tokens.access(globex.user("admin"))
        await client.send({"type": "auth", "token": token, "campaign_ids": [acme_campaign]})
        refused = await client.recv()
        closed = await client.closed()
    assert refused["error_code"] == "subscription_refused"
    assert refused["details"]["campaign_ids"] == [acme_campaign]
    assert closed.code == 4403


async def test_globex_client_never_sees_acme_events(
    gateway: Gateway, acme: Tenant, globex: Tenant
) -> None:
    async with gateway.authed(globex.user("admin")) as spy, gateway.authed(acme.user()) as owner:
        await gateway.publish(acme, campaign_id=str(uuid.uuid4()), note="acme secret")
        assert (await owner.next("event"))["event"]["data"]["note"] == "acme secret"
        await gateway.publish(globex, note="globex own")
        # Stream order is kept, so the first event the spy receives is the Globex one.
        received = await spy.next("event")
    assert received["event"]["data"]["note"] == "globex own"
    assert received["event"]["company_id"] == str(globex.company_id)


async def test_each_tenant_receives_exactly_its_own_events(
    gateway: Gateway, acme: Tenant, globex: Tenant
) -> None:
    async with gateway.authed(acme.user()) as a, gateway.authed(globex.user()) as g:
        for n in range(5):
            await gateway.publish(acme, n=n, owner="acme")
            await gateway.publish(globex, n=n, owner="globex")
        acme_events = await a.events(5)
        globex_events = await g.events(5)
        await gateway.publish(acme, n=99, owner="acme")
        await gateway.publish(globex, n=99, owner="globex")
        assert (await a.next("event"))["event"]["data"]["n"] == 99
        assert (await g.next("event"))["event"]["data"]["n"] == 99
    assert [e["event"]["data"] for e in acme_events] == [
        {"n": n, "owner": "acme"} for n in range(5)
    ]
    assert [e["event"]["data"] for e in globex_events] == [
        {"n": n, "owner": "globex"} for n in range(5)
    ]


async def test_budget_figures_reach_only_clients_with_view_budget(
    gateway: Gateway, acme: Tenant
) -> None:
    campaign_id = str(uuid.uuid4())
    data = {
        "campaign_id": campaign_id,
        "changed": ["total_budget", "campaign_name"],
        "before": {"total_budget": "1000.00", "campaign_name": "Spring"},
        "after": {"total_budget": "2500.00", "campaign_name": "Spring sale"},
        "actual_spend": "120.50",
    }
    async with (
        gateway.authed(acme.user("marketing_analyst")) as analyst,
        gateway.authed(acme.user("finance")) as finance,
    ):
        await gateway.publish(acme, "campaign.updated", **data)
        redacted = (await analyst.next("event"))["event"]["data"]
        full = (await finance.next("event"))["event"]["data"]
    assert full == data
    assert redacted == {
        "campaign_id": campaign_id,
        "changed": ["total_budget", "campaign_name"],
        "before": {"campaign_name": "Spring"},
        "after": {"campaign_name": "Spring sale"},
    }


async def test_contact_pii_is_stripped_for_everyone(gateway: Gateway, acme: Tenant) -> None:
    async with gateway.authed(acme.user("admin")) as admin:
        await gateway.publish(
            acme,
            "campaign.launch_progress",
            campaign_id=str(uuid.uuid4()),
            sent=10,
            last_contact={"contact_id": "c-1", "email": "jane@example.com", "phone": "+1555"},
            recipients=[{"contact_id": "c-2", "first_name": "Jane", "last_name": "Doe"}],
        )
        data = (await admin.next("event"))["event"]["data"]
    assert data["sent"] == 10
    assert data["last_contact"] == {"contact_id": "c-1"}
    assert data["recipients"] == [{"contact_id": "c-2"}]


async def test_event_frame_carries_the_stream_id_and_the_envelope(
    gateway: Gateway, acme: Tenant
) -> None:
    async with gateway.authed(acme.user()) as client:
        stream_id = await gateway.publish(acme, "campaign.created", campaign_id=None)
        frame = await client.next("event")
    assert frame["id"] == stream_id
    assert set(frame["event"]) == {
        "id",
        "type",
        "version",
        "company_id",
        "occurred_at",
        "actor_user_id",
        "correlation_id",
        "data",
    }
    assert frame["event"]["type"] == "campaign.created"
