"""Campaign ↔ budget allocations: the same currency and fiscal year, within what the budget
has left and the campaign's total; the applicable approval threshold follows them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from crm_common.models import Campaign, OutboxEvent


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin, total_budget="20000")


def _path(campaign, budget) -> str:
    return f"/api/campaigns/{campaign['id']}/budgets/{budget.id}/"


async def test_allocate_list_change_and_release(client, admin, campaign, funded, db) -> None:
    first = await client.put(
        _path(campaign, funded), json={"allocated_amount": "15000"}, headers=admin
    )
    changed = await client.put(
        _path(campaign, funded), json={"allocated_amount": "12000"}, headers=admin
    )
    listed = await client.get(f"/api/campaigns/{campaign['id']}/budgets/", headers=admin)
    released = await client.delete(_path(campaign, funded), headers=admin)
    again = await client.delete(_path(campaign, funded), headers=admin)
    after = await client.get(f"/api/campaigns/{campaign['id']}/budgets/", headers=admin)

    assert first.status_code == 200
    assert first.json()["allocated_amount"] == "15000.00"
    assert changed.json()["allocated_amount"] == "12000.00"
    assert listed.json()["total"] == 1
    assert listed.json()["allocated_amount"] == "12000.00"
    assert listed.json()["items"][0]["budget_code"] == funded.budget_code
    assert released.status_code == 204
    assert again.status_code == 404
    assert after.json()["items"] == []
    async with db.system_session() as session:
        types = (await session.execute(select(OutboxEvent.event_type))).scalars().all()
    assert types.count("campaign.budget_allocated") == 2
    assert types.count("campaign.budget_released") == 1


async def test_allocations_stay_within_the_campaign_total(
    client, admin, campaign, funded, acme, add_budget
) -> None:
    other = await add_budget(acme, total="50000")
    await client.put(_path(campaign, funded), json={"allocated_amount": "15000"}, headers=admin)

    over = await client.put(
        _path(campaign, other), json={"allocated_amount": "5000.01"}, headers=admin
    )
    fits = await client.put(
        _path(campaign, other), json={"allocated_amount": "5000"}, headers=admin
    )

    assert over.status_code == 422
    assert "allocated_amount" in over.json()["details"]["fields"]
    assert fits.status_code == 200


async def test_allocations_stay_within_what_the_budget_has_left(
    client, admin, acme, add_budget, create_campaign
) -> None:
    small = await add_budget(acme, total="10000")
    await add_budget(acme, total="100000")
    one = await create_campaign(admin, total_budget="8000")
    two = await create_campaign(admin, total_budget="8000")
    await client.put(_path(one, small), json={"allocated_amount": "8000"}, headers=admin)

    over = await client.put(_path(two, small), json={"allocated_amount": "2000.01"}, headers=admin)
    fits = await client.put(_path(two, small), json={"allocated_amount": "2000"}, headers=admin)

    assert over.status_code == 422
    assert over.json()["error_code"] == "allocation_refused"
    assert fits.status_code == 200


@pytest.mark.parametrize(
    "budget_kwargs",
    [{"currency": "EUR"}, {"year": 2031}, {"active": False}],
)
async def test_the_budget_must_fit_the_campaign(
    client, admin, campaign, acme, add_budget, budget_kwargs
) -> None:
    budget = await add_budget(acme, **budget_kwargs)

    response = await client.put(
        _path(campaign, budget), json={"allocated_amount": "10"}, headers=admin
    )

    assert response.status_code == 422
    assert "budget_id" in response.json()["details"]["fields"]


async def test_the_threshold_of_the_allocated_budgets_applies(
    client, admin, acme, add_budget, funded, create_campaign
) -> None:
    # Unallocated, the lowest threshold of the year's budgets applies (10,000 here); drawing
    # the whole of the campaign's budget on the budget whose threshold is 50,000 lifts it.
    await add_budget(acme, total="50000", threshold="10000")
    campaign = await create_campaign(admin, total_budget="20000")

    allocated = await client.put(
        _path(campaign, funded), json={"allocated_amount": "20000"}, headers=admin
    )
    state = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)
    listed = await client.get(f"/api/campaigns/{campaign['id']}/budgets/", headers=admin)
    await client.delete(_path(campaign, funded), headers=admin)
    released = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)

    assert campaign["approval_status"] == "pending_approval"
    assert allocated.status_code == 200
    assert state.json()["approval_status"] == "not_required"
    assert listed.json()["approval_required"] is False
    assert released.json()["approval_status"] == "pending_approval"


@pytest.mark.parametrize("allocated", ["0.01", "19999.99"])
async def test_a_part_allocation_leaves_the_rest_under_the_year_threshold(
    client, admin, acme, add_budget, funded, create_campaign, allocated
) -> None:
    """What the allocations do not cover is the fiscal year's money, under the year's lowest
    threshold: a token allocation from a lenient budget does not lift approval."""
    await add_budget(acme, total="50000", threshold="10000")
    campaign = await create_campaign(admin, total_budget="20000")

    response = await client.put(
        _path(campaign, funded), json={"allocated_amount": allocated}, headers=admin
    )
    state = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)

    assert response.status_code == 200
    assert state.json()["approval_status"] == "pending_approval"


async def test_allocating_an_active_campaign_back_under_approval_is_refused(
    client, admin, acme, add_budget, create_campaign, db
) -> None:
    strict = await add_budget(acme, total="50000", threshold="1000")
    await add_budget(acme, total="50000", threshold="40000")
    campaign = await create_campaign(admin, total_budget="5000")
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.campaign_code == campaign["campaign_code"])
            .values(campaign_status="active", approval_status="not_required")
        )

    response = await client.put(
        _path(campaign, strict), json={"allocated_amount": "100"}, headers=admin
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "live_change_refused"


async def test_allocation_amounts_are_hidden_without_budget_view(
    client, admin, campaign, funded, acme, headers_for
) -> None:
    await client.put(_path(campaign, funded), json={"allocated_amount": "100"}, headers=admin)

    response = await client.get(
        f"/api/campaigns/{campaign['id']}/budgets/", headers=await headers_for(acme, "sales")
    )

    assert response.status_code == 200
    assert "allocated_amount" not in response.json()
    assert "allocated_amount" not in response.json()["items"][0]


async def test_unknown_budget_is_404(client, admin, campaign) -> None:
    response = await client.put(
        f"/api/campaigns/{campaign['id']}/budgets/00000000-0000-0000-0000-000000000000/",
        json={"allocated_amount": "1"},
        headers=admin,
    )

    assert response.status_code == 404
    assert response.json()["error_code"] == "budget_not_found"


async def test_a_campaign_cannot_move_away_from_the_budgets_it_draws_on(
    client, admin, campaign, funded, start_date
) -> None:
    await client.put(_path(campaign, funded), json={"allocated_amount": "5000"}, headers=admin)
    url = f"/api/campaigns/{campaign['id']}/"
    later = start_date + timedelta(days=400)

    currency = await client.patch(url, json={"currency_code": "EUR"}, headers=admin)
    year = await client.patch(
        url,
        json={
            "start_date": later.isoformat(),
            "end_date": (later + timedelta(days=5)).isoformat(),
        },
        headers=admin,
    )
    await client.delete(_path(campaign, funded), headers=admin)
    released = await client.patch(url, json={"currency_code": "EUR"}, headers=admin)

    assert currency.status_code == 422
    assert (
        "release those allocations first"
        in currency.json()["details"]["fields"]["currency_code"][0]
    )
    assert year.status_code == 422
    assert "start_date" in year.json()["details"]["fields"]
    # Released, the move is judged on the money alone: there is no EUR budget.
    assert released.json()["error_code"] == "budget_exceeded"


async def test_a_budget_cannot_go_below_what_was_spent(client, admin, campaign, db) -> None:
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.campaign_code == campaign["campaign_code"])
            .values(actual_spend=Decimal("1500.00"))
        )
    url = f"/api/campaigns/{campaign['id']}/"

    below = await client.patch(url, json={"total_budget": "1499.99"}, headers=admin)
    at = await client.patch(url, json={"total_budget": "1500.00"}, headers=admin)

    assert below.status_code == 422
    assert below.json()["details"]["fields"]["total_budget"] == [
        "is below what the campaign has spent (1500.00)"
    ]
    assert at.status_code == 200
