"""Reference budgets: who manages them, unique codes, what they may not drop below, and the
availability views."""

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from crm_common.models import AuditLog, Campaign, CampaignBudgetAllocation, OutboxEvent

from ..conftest import campaign_body

BUDGET = {
    "budget_name": "FY Marketing",
    "budget_code": "FY-MKT",
    "budget_type": "annual",
    "total_amount": "100000.00",
    "approval_threshold": "25000.00",
    "currency_code": "USD",
    "fiscal_year": 2026,
}


@pytest.fixture
async def finance(acme, headers_for):
    return await headers_for(acme, "finance")


async def test_finance_creates_and_reads_budgets(client, finance, db) -> None:
    created = await client.post("/api/campaign-budgets/", json=BUDGET, headers=finance)
    fetched = await client.get(f"/api/campaign-budgets/{created.json()['id']}/", headers=finance)

    assert created.status_code == 201
    assert fetched.json()["total_amount"] == "100000.00"
    assert fetched.json()["budget_code"] == "FY-MKT"
    async with db.system_session() as session:
        assert (await session.execute(select(AuditLog.action))).scalar_one() == "budget.created"
        assert (
            await session.execute(select(OutboxEvent.event_type))
        ).scalar_one() == "campaign_budget.created"


async def test_budget_codes_are_unique_per_company(client, finance, globex, headers_for) -> None:
    await client.post("/api/campaign-budgets/", json=BUDGET, headers=finance)

    again = await client.post("/api/campaign-budgets/", json=BUDGET, headers=finance)
    elsewhere = await client.post(
        "/api/campaign-budgets/", json=BUDGET, headers=await headers_for(globex, "finance")
    )

    assert again.status_code == 409
    assert again.json()["error_code"] == "duplicate_budget_code"
    assert elsewhere.status_code == 201


@pytest.mark.parametrize(
    "change",
    [
        {"currency_code": "ABC"},
        {"total_amount": "-1"},
        {"approval_threshold": "-5"},
        {"fiscal_year": 1800},
        {"budget_type": "forever"},
        {"budget_code": "has space"},
        {"currency_code": "JPY", "total_amount": "10.5"},
        {"unknown": 1},
    ],
)
async def test_invalid_budgets_are_422(client, finance, change) -> None:
    response = await client.post(
        "/api/campaign-budgets/", json={**BUDGET, **change}, headers=finance
    )

    assert response.status_code == 422


async def test_list_filters(client, finance) -> None:
    for code, year, active, currency in (
        ("A-26", 2026, True, "USD"),
        ("B-26", 2026, False, "USD"),
        ("C-27", 2027, True, "EUR"),
    ):
        await client.post(
            "/api/campaign-budgets/",
            json={
                **BUDGET,
                "budget_code": code,
                "fiscal_year": year,
                "is_active": active,
                "currency_code": currency,
            },
            headers=finance,
        )

    async def codes(query: str) -> list[str]:
        response = await client.get(f"/api/campaign-budgets/?{query}", headers=finance)
        return sorted(item["budget_code"] for item in response.json()["items"])

    assert await codes("") == ["A-26", "B-26", "C-27"]
    assert await codes("is_active=true") == ["A-26", "C-27"]
    assert await codes("fiscal_year=2026") == ["A-26", "B-26"]
    assert await codes("currency_code=eur") == ["C-27"]
    assert await codes("search=b-2") == ["B-26"]


async def test_budget_figures_are_hidden_without_budget_view(
    client, finance, acme, headers_for
) -> None:
    created = (await client.post("/api/campaign-budgets/", json=BUDGET, headers=finance)).json()
    analyst = await headers_for(acme, "marketing_analyst")

    read = await client.get(f"/api/campaign-budgets/{created['id']}/", headers=analyst)
    availability = await client.get(
        f"/api/campaign-budgets/{created['id']}/availability/", headers=analyst
    )

    assert read.status_code == 200
    assert "total_amount" not in read.json()
    assert "approval_threshold" not in read.json()
    assert availability.status_code == 403


async def test_availability_views(
    client, admin, finance, acme, funded, create_campaign, act
) -> None:
    campaign = await create_campaign(admin, total_budget="30000")
    cancelled = await create_campaign(admin, total_budget="5000")
    await act(admin, cancelled["id"], "cancel")
    await client.put(
        f"/api/campaigns/{campaign['id']}/budgets/{funded.id}/",
        json={"allocated_amount": "20000"},
        headers=admin,
    )

    one = await client.get(f"/api/campaign-budgets/{funded.id}/availability/", headers=finance)
    year = await client.get(
        f"/api/campaign-budgets/availability/?fiscal_year={funded.fiscal_year}&currency_code=USD",
        headers=finance,
    )

    assert one.json()["total_amount"] == "100000.00"
    assert one.json()["held_by_live_campaigns"] == "20000.00"
    assert one.json()["available_amount"] == "80000.00"
    assert one.json()["live_allocations"] == 1
    assert year.json()["total_amount"] == "100000.00"
    assert year.json()["held_by_live_campaigns"] == "30000.00"
    assert year.json()["available_amount"] == "70000.00"
    assert year.json()["approval_threshold"] == "50000.00"


async def test_money_spent_stays_counted_once_a_campaign_is_finished(
    client, admin, finance, funded, create_campaign, act, db
) -> None:
    """A completed or cancelled campaign gives back what it did not spend, never what it
    spent; a live one that overspent holds its spend."""
    completed = await create_campaign(admin, total_budget="30000")
    cancelled = await create_campaign(admin, total_budget="20000")
    overspent = await create_campaign(admin, total_budget="10000")
    spend = {completed["id"]: "25000", cancelled["id"]: "4000", overspent["id"]: "12000"}
    async with db.system_session() as session:
        for campaign_id, amount in spend.items():
            await session.execute(
                update(Campaign)
                .where(Campaign.id == uuid.UUID(campaign_id))
                .values(actual_spend=Decimal(amount))
            )
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(completed["id"]))
            .values(campaign_status="completed")
        )
    await act(admin, cancelled["id"], "cancel")
    year_url = (
        f"/api/campaign-budgets/availability/?fiscal_year={funded.fiscal_year}&currency_code=USD"
    )

    year = (await client.get(year_url, headers=finance)).json()
    too_much = await client.post(
        "/api/campaigns/", json=campaign_body(total_budget="59000.01"), headers=admin
    )
    shrink = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"total_amount": "40999"}, headers=finance
    )

    assert year["held_by_live_campaigns"] == "12000.00"
    assert year["spent_by_finished_campaigns"] == "29000.00"
    assert year["available_amount"] == "59000.00"
    assert too_much.status_code == 422
    assert too_much.json()["error_code"] == "budget_exceeded"
    assert shrink.status_code == 422
    assert shrink.json()["details"]["spent_by_finished_campaigns"] == "29000.00"


async def test_what_a_campaign_drew_on_a_budget_stays_drawn(
    client, admin, finance, funded, create_campaign, db
) -> None:
    """An allocation cannot go below what the campaign's sending drew, nor be released;
    once the campaign is finished its draw stays counted on the budget."""
    campaign = await create_campaign(admin, total_budget="30000")
    url = f"/api/campaigns/{campaign['id']}/budgets/{funded.id}/"
    await client.put(url, json={"allocated_amount": "20000"}, headers=admin)

    async def draw(amount: str, **campaign_values: str) -> None:
        async with db.system_session() as session:
            await session.execute(
                update(CampaignBudgetAllocation)
                .where(CampaignBudgetAllocation.campaign_id == uuid.UUID(campaign["id"]))
                .values(drawn_amount=Decimal(amount))
            )
            if campaign_values:
                await session.execute(
                    update(Campaign)
                    .where(Campaign.id == uuid.UUID(campaign["id"]))
                    .values(**campaign_values)
                )

    async def availability() -> dict:
        response = await client.get(
            f"/api/campaign-budgets/{funded.id}/availability/", headers=finance
        )
        return response.json()

    await draw("22000.004")  # a provider charged above the price: more than allocated
    overdrawn = await availability()
    below = await client.put(url, json={"allocated_amount": "22000"}, headers=admin)
    released = await client.delete(url, headers=admin)
    await draw("15000", campaign_status="completed")
    finished = await availability()
    shrink = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"total_amount": "14999"}, headers=finance
    )

    assert overdrawn["held_by_live_campaigns"] == "22000.00"
    assert overdrawn["spent_by_finished_campaigns"] == "0.00"
    assert below.status_code == 422
    assert below.json()["details"]["fields"]["allocated_amount"] == [
        "below what the campaign's sending already drew on the budget (22000.01)"
    ]
    assert released.status_code == 409
    assert released.json()["error_code"] == "allocation_in_use"
    assert finished["held_by_live_campaigns"] == "0.00"
    assert finished["spent_by_finished_campaigns"] == "15000.00"
    assert finished["available_amount"] == "85000.00"
    assert shrink.status_code == 422
    assert shrink.json()["details"]["spent_by_finished_campaigns"] == "15000.00"


async def test_a_budget_cannot_shrink_below_its_allocations(
    client, admin, finance, funded, create_campaign
) -> None:
    campaign = await create_campaign(admin, total_budget="30000")
    await client.put(
        f"/api/campaigns/{campaign['id']}/budgets/{funded.id}/",
        json={"allocated_amount": "20000"},
        headers=admin,
    )

    too_small = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"total_amount": "19999.99"}, headers=finance
    )
    moved = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"fiscal_year": 2031}, headers=finance
    )
    deactivated = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"is_active": False}, headers=finance
    )
    renamed = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"budget_name": "Renamed"}, headers=finance
    )

    assert too_small.status_code == 422
    assert too_small.json()["error_code"] == "budget_below_allocations"
    assert moved.status_code == 409
    assert deactivated.status_code == 409
    assert deactivated.json()["error_code"] == "budget_in_use"
    assert renamed.status_code == 200


async def test_a_budget_cannot_leave_its_year_short(
    client, admin, finance, funded, create_campaign
) -> None:
    await create_campaign(admin, total_budget="90000")

    shrink = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"total_amount": "89999"}, headers=finance
    )
    fine = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"total_amount": "90000"}, headers=finance
    )
    deactivate = await client.patch(
        f"/api/campaign-budgets/{funded.id}/", json={"is_active": False}, headers=finance
    )

    assert shrink.status_code == 422
    assert shrink.json()["details"]["held_by_live_campaigns"] == "90000.00"
    assert fine.status_code == 200
    assert deactivate.status_code == 422


async def test_put_replaces_a_budget(client, finance) -> None:
    created = (await client.post("/api/campaign-budgets/", json=BUDGET, headers=finance)).json()

    response = await client.put(
        f"/api/campaign-budgets/{created['id']}/",
        json={**BUDGET, "budget_name": "Whole new"},
        headers=finance,
    )

    assert response.status_code == 200
    assert response.json()["budget_name"] == "Whole new"
