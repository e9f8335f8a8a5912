"""The budget guard before a launch: the forecast (sendable audience times unit costs)
against the campaign's remaining budget; a launch that does not fit is refused with the
numbers unless a user who may approve campaigns overrides it (audited, on the launch row)."""

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from crm_common.models import AuditLog, BudgetSpend, CampaignBudgetAllocation, Launch
from crm_common.testing.builders import make_contacts


@pytest.fixture
async def priced(client, admin):
    """Acme pays 300 per email (the campaigns' total_budget is 1000)."""
    response = await client.put(
        "/api/channel-costs/",
        json={"channels": {"email": {"unit_cost": "300"}}},
        headers=admin,
    )
    assert response.status_code == 200, response.text


@pytest.fixture
async def ready(create_campaign, admin, funded, add_segment, give_message, act, db, acme, priced):
    """A planned campaign whose five sendable contacts cost 1500 to reach."""
    await make_contacts(db, acme, 5, country="DE")
    campaign = await create_campaign(admin)
    await add_segment(admin, campaign["id"])
    await give_message(campaign["id"])
    assert (await act(admin, campaign["id"], "plan")).status_code == 200
    return campaign


def _launch(client, headers, campaign, body=None):
    return client.post(
        f"/api/campaigns/{campaign['id']}/launch/",
        json=body,
        headers={**headers, "Idempotency-Key": uuid.uuid4().hex},
    )


async def test_forecast_shows_cost_against_remaining_budget(client, admin, ready) -> None:
    response = await client.get(f"/api/campaigns/{ready['id']}/budget-forecast/", headers=admin)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["audience"] == 5
    assert body["forecast_cost"] == "1500.00"
    assert body["remaining"] == "1000.00"
    assert body["within_budget"] is False
    assert body["limited_by"] == "campaign"
    assert body["per_channel"]["email"]["unit_cost"] == "300"


async def test_a_launch_over_budget_is_refused_with_forecast_and_remaining(
    client, admin, ready, db
) -> None:
    response = await _launch(client, admin, ready)

    assert response.status_code == 409
    error = response.json()
    assert error["error_code"] == "launch_over_budget"
    assert error["details"]["forecast_cost"] == "1500.00"
    assert error["details"]["remaining"] == "1000.00"
    assert error["details"]["currency_code"] == "USD"
    assert error["details"]["per_channel"]["email"]["audience"] == 5
    async with db.system_session() as session:
        assert (await session.execute(select(Launch))).first() is None


async def test_a_launcher_without_approve_permission_cannot_override(
    client, acme, headers_for, ready
) -> None:
    manager = await headers_for(acme, "marketing_manager")

    response = await _launch(
        client, manager, ready, body={"budget_override": {"reason": "Board said go"}}
    )

    assert response.status_code == 403
    assert response.json()["error_code"] == "budget_override_forbidden"


async def test_an_approver_override_launches_and_is_recorded(client, admin, ready, db) -> None:
    response = await _launch(
        client, admin, ready, body={"budget_override": {"reason": "Q2 top-up approved"}}
    )

    assert response.status_code == 202, response.text
    budget = response.json()["launch"]["parameters"]["budget"]
    assert budget["forecast_cost"] == "1500.00"
    assert budget["remaining"] == "1000.00"
    assert budget["override"]["reason"] == "Q2 top-up approved"
    async with db.system_session() as session:
        launch = (await session.execute(select(Launch))).scalar_one()
        audit = (
            await session.execute(
                select(AuditLog).where(AuditLog.action == "campaign.budget_override")
            )
        ).scalar_one()
    assert launch.parameters["budget"]["override"]["approved_by_user_id"] == str(
        audit.actor_user_id
    )
    assert audit.new_values["reason"] == "Q2 top-up approved"
    assert audit.new_values["forecast_cost"] == "1500.00"


async def test_an_override_reason_is_required(client, admin, ready) -> None:
    response = await _launch(client, admin, ready, body={"budget_override": {"reason": ""}})

    assert response.status_code == 422


async def test_a_launch_within_budget_records_its_forecast(client, admin, ready) -> None:
    await client.put(
        "/api/channel-costs/", json={"channels": {"email": {"unit_cost": "100"}}}, headers=admin
    )

    response = await _launch(client, admin, ready)

    assert response.status_code == 202, response.text
    budget = response.json()["launch"]["parameters"]["budget"]
    assert budget == {"forecast_cost": "500.00", "remaining": "1000.00", "currency_code": "USD"}


async def test_remaining_is_what_the_shared_budgets_have_left(
    client, admin, ready, acme, add_budget, db
) -> None:
    shared = await add_budget(acme, total="2000.00")
    async with db.system_session() as session:
        session.add(
            CampaignBudgetAllocation(
                company_id=acme.id,
                campaign_id=uuid.UUID(ready["id"]),
                budget_id=shared.id,
                allocated_amount=Decimal("500"),
            )
        )
        # Other campaigns' sending already drew 1,900 of it.
        session.add(
            BudgetSpend(company_id=acme.id, budget_id=shared.id, reserved_amount=Decimal("1900"))
        )
    await client.put(
        "/api/channel-costs/", json={"channels": {"email": {"unit_cost": "30"}}}, headers=admin
    )

    forecast = (
        await client.get(f"/api/campaigns/{ready['id']}/budget-forecast/", headers=admin)
    ).json()
    response = await _launch(client, admin, ready)

    assert (forecast["remaining"], forecast["limited_by"]) == ("100.00", "shared_budget")
    assert forecast["shared_budgets"][0]["remaining"] == "100.00"
    assert response.status_code == 409
    assert response.json()["details"]["remaining"] == "100.00"
    assert response.json()["details"]["forecast_cost"] == "150.00"


async def test_another_companys_campaign_forecast_is_404(client, ready, globex, headers_for):
    stranger = await headers_for(globex, "admin")

    response = await client.get(f"/api/campaigns/{ready['id']}/budget-forecast/", headers=stranger)

    assert response.status_code == 404
