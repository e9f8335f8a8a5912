"""Nested budgets: a quarterly budget drawn from an annual one takes its money out of the
parent, so neither the parent's nor the fiscal year's availability counts it twice."""

import pytest

from ..conftest import START

YEAR = START.year  # the fiscal year the test campaigns start in
ANNUAL = {
    "budget_name": "FY Marketing",
    "budget_code": "FY-MKT",
    "budget_type": "annual",
    "total_amount": "100000.00",
    "approval_threshold": "50000.00",
    "currency_code": "USD",
    "fiscal_year": YEAR,
}


def _quarter(parent_id: str, code: str = "FY-MKT-Q1", amount: str = "30000.00", **extra):
    return {
        **ANNUAL,
        "budget_name": f"{code} quarter",
        "budget_code": code,
        "budget_type": "quarterly",
        "total_amount": amount,
        "parent_budget_id": parent_id,
        **extra,
    }


@pytest.fixture
async def finance(acme, headers_for):
    return await headers_for(acme, "finance")


@pytest.fixture
async def annual(client, finance) -> dict:
    response = await client.post("/api/campaign-budgets/", json=ANNUAL, headers=finance)
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
async def quarter(client, finance, annual) -> dict:
    response = await client.post(
        "/api/campaign-budgets/", json=_quarter(annual["id"]), headers=finance
    )
    assert response.status_code == 201, response.text
    return response.json()


async def _availability(client, headers, budget: dict) -> dict:
    response = await client.get(
        f"/api/campaign-budgets/{budget['id']}/availability/", headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def _year(client, headers) -> dict:
    response = await client.get(
        f"/api/campaign-budgets/availability/?fiscal_year={YEAR}&currency_code=USD",
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_child_budget_is_money_of_its_parent_counted_once(
    client, finance, annual, quarter
) -> None:
    fetched = await client.get(f"/api/campaign-budgets/{quarter['id']}/", headers=finance)
    parent = await _availability(client, finance, annual)
    child = await _availability(client, finance, quarter)
    year = await _year(client, finance)

    assert quarter["parent_budget_id"] == annual["id"]
    assert annual["parent_budget_id"] is None
    assert fetched.json()["parent_budget_id"] == annual["id"]
    assert parent["total_amount"] == "100000.00"
    assert parent["drawn_by_child_budgets"] == "30000.00"
    assert parent["available_amount"] == "70000.00"
    assert child["parent_budget_id"] == annual["id"]
    assert child["drawn_by_child_budgets"] == "0.00"
    assert child["available_amount"] == "30000.00"
    assert year["total_amount"] == "100000.00"  # not 130,000: the quarter is part of the year


async def test_children_cannot_draw_more_than_the_parent_has_left(
    client, finance, annual, quarter
) -> None:
    too_much = await client.post(
        "/api/campaign-budgets/",
        json=_quarter(annual["id"], "FY-MKT-Q2", "70000.01"),
        headers=finance,
    )
    exactly = await client.post(
        "/api/campaign-budgets/",
        json=_quarter(annual["id"], "FY-MKT-Q2", "70000.00"),
        headers=finance,
    )
    grow = await client.patch(
        f"/api/campaign-budgets/{quarter['id']}/",
        json={"total_amount": "30000.01"},
        headers=finance,
    )

    assert too_much.status_code == 422
    assert "total_amount" in too_much.json()["details"]["fields"]
    assert exactly.status_code == 201
    assert grow.status_code == 422
    assert "total_amount" in grow.json()["details"]["fields"]
    assert (await _availability(client, finance, annual))["available_amount"] == "0.00"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"currency_code": "EUR"}, "currency_code"),
        ({"fiscal_year": YEAR + 1}, "fiscal_year"),
    ],
)
async def test_a_child_shares_its_parents_currency_and_fiscal_year(
    client, finance, annual, change, field
) -> None:
    response = await client.post(
        "/api/campaign-budgets/", json=_quarter(annual["id"], **change), headers=finance
    )

    assert response.status_code == 422
    assert field in response.json()["details"]["fields"]


async def test_another_companys_budget_is_no_parent(client, annual, globex, headers_for) -> None:
    response = await client.post(
        "/api/campaign-budgets/",
        json=_quarter(annual["id"]),
        headers=await headers_for(globex, "finance"),
    )

    assert response.status_code == 404
    assert response.json()["error_code"] == "budget_not_found"


async def test_a_parent_keeps_what_its_children_hold(client, finance, annual, quarter) -> None:
    shrink = await client.patch(
        f"/api/campaign-budgets/{annual['id']}/", json={"total_amount": "29999.99"}, headers=finance
    )
    deactivate = await client.patch(
        f"/api/campaign-budgets/{annual['id']}/", json={"is_active": False}, headers=finance
    )
    move = await client.patch(
        f"/api/campaign-budgets/{annual['id']}/", json={"fiscal_year": YEAR + 1}, headers=finance
    )
    fits = await client.patch(
        f"/api/campaign-budgets/{annual['id']}/", json={"total_amount": "30000.00"}, headers=finance
    )

    assert shrink.status_code == 422
    assert shrink.json()["error_code"] == "budget_below_allocations"
    assert shrink.json()["details"]["drawn_by_child_budgets"] == "30000.00"
    assert deactivate.status_code == 409
    assert deactivate.json()["details"]["child_budgets"] == [quarter["id"]]
    assert move.status_code == 409
    assert fits.status_code == 200


async def test_a_budget_cannot_descend_from_itself(client, finance, annual, quarter) -> None:
    itself = await client.patch(
        f"/api/campaign-budgets/{annual['id']}/",
        json={"parent_budget_id": annual["id"]},
        headers=finance,
    )
    cycle = await client.patch(
        f"/api/campaign-budgets/{annual['id']}/",
        json={"parent_budget_id": quarter["id"]},
        headers=finance,
    )
    detached = await client.patch(
        f"/api/campaign-budgets/{quarter['id']}/", json={"parent_budget_id": None}, headers=finance
    )

    assert itself.status_code == 422
    assert "parent_budget_id" in itself.json()["details"]["fields"]
    assert cycle.status_code == 422
    assert "parent_budget_id" in cycle.json()["details"]["fields"]
    assert detached.status_code == 200
    assert detached.json()["parent_budget_id"] is None
    # Detached, the quarter is money of its own: the year now has both.
    assert (await _year(client, finance))["total_amount"] == "130000.00"


async def test_allocations_respect_what_children_took(
    client, admin, finance, acme, annual, quarter, create_campaign
) -> None:
    campaign = await create_campaign(admin, total_budget="100000")
    path = f"/api/campaigns/{campaign['id']}/budgets/"

    over_parent = await client.put(
        f"{path}{annual['id']}/", json={"allocated_amount": "70000.01"}, headers=admin
    )
    parent = await client.put(
        f"{path}{annual['id']}/", json={"allocated_amount": "70000"}, headers=admin
    )
    child = await client.put(
        f"{path}{quarter['id']}/", json={"allocated_amount": "30000"}, headers=admin
    )
    more_children = await client.post(
        "/api/campaign-budgets/",
        json=_quarter(annual["id"], "FY-MKT-Q2", "0.01"),
        headers=finance,
    )

    assert over_parent.status_code == 422
    assert parent.status_code == 200, parent.text
    assert child.status_code == 200, child.text
    assert (await _availability(client, finance, annual))["available_amount"] == "0.00"
    assert (await _availability(client, finance, quarter))["available_amount"] == "0.00"
    assert more_children.status_code == 422
