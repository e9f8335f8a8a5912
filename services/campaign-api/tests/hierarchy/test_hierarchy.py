"""Campaign hierarchy: parents of the same company only, no cycles (even when two moves race),
at most three levels, and roll-ups of budget, spend, audience, sends, opens, clicks,
conversions and revenue that are correct on a three-level tree and never stale."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from crm_common.models import Campaign, CampaignMetric, ExchangeRate
from crm_common.testing.builders import make_contacts


async def _set_parent(client, headers, child: str, parent: str | None):
    return await client.put(
        f"/api/campaigns/{child}/parent/", json={"parent_campaign_id": parent}, headers=headers
    )


async def _spend(db, campaign_id: str, amount: str) -> None:
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(campaign_id))
            .values(actual_spend=Decimal(amount))
        )


async def _metrics(db, campaign: dict[str, Any], sent: int, opens: int, clicks: int) -> None:
    async with db.system_session() as session:
        session.add(
            CampaignMetric(
                company_id=uuid.UUID(campaign["company_id"]),
                campaign_id=uuid.UUID(campaign["id"]),
                channel="email",
                metric_date=date.today(),
                sent=sent,
                delivered=sent,
                opens=opens,
                clicks=clicks,
            )
        )


@pytest.fixture
async def tree(
    client, db, acme, admin, funded, add_budget, create_campaign
) -> dict[str, dict[str, Any]]:
    """programme → (campaign A → sub-campaign A1, campaign B); B is held in EUR."""
    await add_budget(acme, currency="EUR")
    programme = await create_campaign(
        admin, campaign_name="Programme", total_budget="1000.00", target_audience_size=100
    )
    a = await create_campaign(
        admin, campaign_name="A", total_budget="500.00", target_audience_size=2000
    )
    a1 = await create_campaign(
        admin, campaign_name="A1", total_budget="250.00", target_audience_size=300
    )
    b = await create_campaign(
        admin,
        campaign_name="B",
        total_budget="400.00",
        currency_code="EUR",
        target_audience_size=4000,
    )
    for child, parent in ((a, programme), (a1, a), (b, programme)):
        response = await _set_parent(client, admin, child["id"], parent["id"])
        assert response.status_code == 200, response.text
        assert response.json()["parent_campaign_id"] == parent["id"]
    return {"programme": programme, "a": a, "a1": a1, "b": b}


async def test_roll_ups_are_correct_on_a_three_level_tree(client, db, acme, admin, tree) -> None:
    async with db.system_session() as session:
        session.add(ExchangeRate(company_id=acme.id, currency_code="EUR", rate=Decimal("1.1")))
    await _spend(db, tree["programme"]["id"], "100.00")
    await _spend(db, tree["a"]["id"], "200.00")
    await _spend(db, tree["a1"]["id"], "50.50")
    await _spend(db, tree["b"]["id"], "10.00")
    await _metrics(db, tree["a"], sent=1000, opens=400, clicks=90)
    await _metrics(db, tree["a1"], sent=200, opens=50, clicks=10)
    await _metrics(db, tree["b"], sent=3000, opens=600, clicks=30)
    [contact] = await make_contacts(db, acme, 1)
    for campaign, external_id, amount in (
        (tree["a1"], "o-1", "70.00"),
        (tree["b"], "o-2", "30.00"),
    ):
        response = await client.post(
            "/api/conversions/",
            json={
                "source": "shop",
                "external_id": external_id,
                "contact_id": str(contact.id),
                "amount": amount,
                "currency_code": "USD",
                "occurred_at": datetime.now(UTC).isoformat(),
                "campaign_id": campaign["id"],
            },
            headers=admin,
        )
        assert response.status_code == 201, response.text

    detail = await client.get(
        f"/api/campaigns/{tree['programme']['id']}/?include_rollup=true", headers=admin
    )
    assert detail.status_code == 200, detail.text
    # Hand computation: budgets 1000 + 500 + 250 + 400 * 1.1; spend 100 + 200 + 50.50 + 10 * 1.1
    assert detail.json()["rollup"] == {
        "campaigns": 4,
        "depth": 2,
        "currency_code": "USD",
        "total_budget": "2190.00",
        "actual_spend": "361.50",
        "audience": 6400,
        "sent": 4200,
        "opens": 1050,
        "clicks": 130,
        "conversions": 2,
        "revenue": "100.00",
        "missing_rates": [],
    }
    middle = await client.get(
        f"/api/campaigns/{tree['a']['id']}/?include_rollup=true", headers=admin
    )
    assert middle.json()["rollup"] | {"missing_rates": []} == {
        "campaigns": 2,
        "depth": 1,
        "currency_code": "USD",
        "total_budget": "750.00",
        "actual_spend": "250.50",
        "audience": 2300,
        "sent": 1200,
        "opens": 450,
        "clicks": 100,
        "conversions": 1,
        "revenue": "70.00",
        "missing_rates": [],
    }

    listed = await client.get("/api/campaigns/?include_rollup=true&page_size=10", headers=admin)
    by_id = {item["id"]: item for item in listed.json()["items"]}
    assert by_id[tree["programme"]["id"]]["rollup"] == detail.json()["rollup"]
    assert by_id[tree["a1"]["id"]]["rollup"]["campaigns"] == 1
    assert by_id[tree["a1"]["id"]]["rollup"]["revenue"] == "70.00"

    hierarchy = await client.get(f"/api/campaigns/{tree['a1']['id']}/hierarchy/", headers=admin)
    body = hierarchy.json()
    assert body["ancestors"] == [tree["programme"]["id"], tree["a"]["id"]]
    assert body["root"]["id"] == tree["programme"]["id"]
    assert body["root"]["rollup"] == detail.json()["rollup"]
    assert [child["campaign_name"] for child in body["root"]["children"]] == ["A", "B"]
    assert body["root"]["children"][0]["children"][0]["id"] == tree["a1"]["id"]


async def test_the_default_list_carries_no_roll_up(client, admin, tree) -> None:
    listed = await client.get("/api/campaigns/", headers=admin)
    assert listed.status_code == 200
    assert all("rollup" not in item for item in listed.json()["items"])
    assert {item["parent_campaign_id"] for item in listed.json()["items"]} == {
        None,
        tree["programme"]["id"],
        tree["a"]["id"],
    }


async def test_a_currency_without_a_rate_is_named_and_left_out(client, admin, tree) -> None:
    response = await client.get(
        f"/api/campaigns/{tree['programme']['id']}/?include_rollup=true", headers=admin
    )
    rollup = response.json()["rollup"]
    assert rollup["missing_rates"] == ["EUR"]
    assert rollup["total_budget"] == "1750.00"


async def test_a_change_in_a_child_shows_in_the_parent_roll_up_at_once(client, admin, tree) -> None:
    path = f"/api/campaigns/{tree['a']['id']}/?include_rollup=true"
    before = (await client.get(path, headers=admin)).json()["rollup"]
    assert before["total_budget"] == "750.00"
    patched = await client.patch(
        f"/api/campaigns/{tree['a1']['id']}/", json={"total_budget": "300.00"}, headers=admin
    )
    assert patched.status_code == 200, patched.text
    assert (await client.get(path, headers=admin)).json()["rollup"]["total_budget"] == "800.00"
    moved = await _set_parent(client, admin, tree["a1"]["id"], tree["b"]["id"])
    assert moved.status_code == 200
    assert (await client.get(path, headers=admin)).json()["rollup"]["campaigns"] == 1


async def test_cycles_are_refused(client, admin, tree) -> None:
    to_grandchild = await _set_parent(client, admin, tree["programme"]["id"], tree["a1"]["id"])
    assert to_grandchild.status_code == 409
    assert to_grandchild.json()["error_code"] == "hierarchy_cycle"
    to_itself = await _set_parent(client, admin, tree["a"]["id"], tree["a"]["id"])
    assert to_itself.status_code == 409
    assert to_itself.json()["error_code"] == "hierarchy_cycle"


async def test_a_fourth_level_is_refused(client, admin, tree, create_campaign) -> None:
    deeper = await create_campaign(admin, campaign_name="A1x")
    response = await _set_parent(client, admin, deeper["id"], tree["a1"]["id"])
    assert response.status_code == 409
    assert response.json()["error_code"] == "hierarchy_too_deep"
    # Moving a two-level branch under a second-level campaign would make four levels too.
    moved = await _set_parent(client, admin, tree["a"]["id"], tree["b"]["id"])
    assert moved.status_code == 409
    assert moved.json()["error_code"] == "hierarchy_too_deep"


async def test_a_parent_of_another_company_is_404(
    client, admin, globex, headers_for, create_campaign, add_budget, tree
) -> None:
    await add_budget(globex)
    theirs = await create_campaign(await headers_for(globex, "admin"))
    response = await _set_parent(client, admin, tree["a"]["id"], theirs["id"])
    assert response.status_code == 404
    assert response.json()["error_code"] == "parent_not_found"
    unknown = await _set_parent(client, admin, tree["a"]["id"], str(uuid.uuid4()))
    assert unknown.status_code == 404


async def test_a_campaign_can_return_to_the_top_level(client, admin, tree) -> None:
    response = await _set_parent(client, admin, tree["b"]["id"], None)
    assert response.status_code == 200
    assert response.json()["parent_campaign_id"] is None
    audit = await client.get(f"/api/campaigns/{tree['b']['id']}/audit/", headers=admin)
    changes = [e for e in audit.json()["items"] if e["action"] == "campaign.updated"]
    assert changes[0]["new_values"] == {"parent_campaign_id": None}


async def test_a_parent_with_live_sub_campaigns_cannot_be_deleted(client, admin, tree) -> None:
    response = await client.delete(f"/api/campaigns/{tree['a']['id']}/", headers=admin)
    assert response.status_code == 409
    assert response.json()["details"]["live_sub_campaigns"] is True
    assert (
        await client.delete(f"/api/campaigns/{tree['a1']['id']}/", headers=admin)
    ).status_code == 200
    assert (
        await client.delete(f"/api/campaigns/{tree['a']['id']}/", headers=admin)
    ).status_code == 200


async def test_the_database_refuses_a_cycle_made_by_two_concurrent_moves(
    db, acme, admin, funded, create_campaign
) -> None:
    """x under y and y under x, at the same time: the second move waits for the first and is
    refused, whichever transaction gets there first."""
    x = uuid.UUID((await create_campaign(admin, campaign_name="X"))["id"])
    y = uuid.UUID((await create_campaign(admin, campaign_name="Y"))["id"])
    first_in = asyncio.Event()

    async def move(child: uuid.UUID, parent: uuid.UUID, lead: bool) -> str:
        try:
            async with db.tenant_session(acme.id) as session:
                if not lead:
                    await first_in.wait()
                await session.execute(
                    update(Campaign).where(Campaign.id == child).values(parent_campaign_id=parent)
                )
                if lead:
                    first_in.set()
                    await asyncio.sleep(0.5)
            return "moved"
        except IntegrityError as exc:
            return "refused" if "its own ancestor" in str(exc.orig) else str(exc)

    results = await asyncio.gather(move(x, y, True), move(y, x, False))
    assert sorted(results) == ["moved", "refused"]


async def test_readers_without_budget_view_get_no_money_in_the_roll_up(
    client, acme, headers_for, tree
) -> None:
    analyst = await headers_for(acme, "marketing_analyst")
    response = await client.get(
        f"/api/campaigns/{tree['programme']['id']}/?include_rollup=true", headers=analyst
    )
    rollup = response.json()["rollup"]
    assert rollup["campaigns"] == 4
    assert not {"total_budget", "actual_spend", "revenue"} & set(rollup)


async def test_only_editors_may_move_a_campaign(client, acme, headers_for, tree) -> None:
    analyst = await headers_for(acme, "marketing_analyst")
    response = await _set_parent(client, analyst, tree["b"]["id"], None)
    assert response.status_code == 403
