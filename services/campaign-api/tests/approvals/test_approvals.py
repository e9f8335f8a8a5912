"""The approval workflow: submit, approve (with an MFA step-up above the company threshold),
reject with a comment, resubmit."""

import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from crm_common.models import Campaign, ExchangeRate, OutboxEvent
from crm_common.security.jwt import TokenType
from crm_common.testing.builders import make_company, make_contacts


@pytest.fixture
async def pending(create_campaign, admin, funded):
    campaign = await create_campaign(admin, total_budget="60000")
    assert campaign["approval_status"] == "pending_approval"
    return campaign


@pytest.fixture
async def finance(acme, user_for):
    return await user_for(acme, "finance")


async def _events(db, event_type):
    async with db.system_session() as session:
        return (
            (
                await session.execute(
                    select(OutboxEvent.envelope).where(OutboxEvent.event_type == event_type)
                )
            )
            .scalars()
            .all()
        )


async def test_approve_records_who_and_when(client, pending, finance, act, db) -> None:
    user, headers = finance

    response = await act(headers, pending["id"], "approve", {"comment": "Fine by finance"})

    body = response.json()
    assert response.status_code == 200
    assert body["approval_status"] == "approved"
    assert body["approved_by_user_id"] == str(user.id)
    assert body["approved_at"] is not None
    assert body["approval_comment"] == "Fine by finance"
    assert body["version"] == pending["version"] + 1
    events = await _events(db, "campaign.approved")
    assert [e["data"]["campaign_id"] for e in events] == [pending["id"]]
    assert events[0]["data"]["decided_by_user_id"] == str(user.id)


async def test_reject_needs_a_comment(client, pending, finance, act, db) -> None:
    _, headers = finance

    without = await act(headers, pending["id"], "reject")
    empty = await act(headers, pending["id"], "reject", {"comment": "  "})
    rejected = await act(headers, pending["id"], "reject", {"comment": "Too expensive"})

    assert without.status_code == 422
    assert empty.status_code == 422
    assert rejected.status_code == 200
    assert rejected.json()["approval_status"] == "rejected"
    assert rejected.json()["approval_comment"] == "Too expensive"
    assert rejected.json()["approved_by_user_id"] is None
    assert len(await _events(db, "campaign.rejected")) == 1


async def test_only_a_pending_campaign_can_be_decided(
    client, admin, create_campaign, funded, finance, act
) -> None:
    _, headers = finance
    campaign = await create_campaign(admin)

    approve = await act(headers, campaign["id"], "approve")
    reject = await act(headers, campaign["id"], "reject", {"comment": "no"})

    assert approve.status_code == reject.status_code == 409
    assert approve.json()["error_code"] == "approval_not_pending"


async def test_submit_and_resubmit_after_rejection(
    client, admin, pending, finance, act, db
) -> None:
    _, finance_headers = finance

    again = await act(admin, pending["id"], "submit-for-approval")
    await act(finance_headers, pending["id"], "reject", {"comment": "Halve it"})
    resubmitted = await act(admin, pending["id"], "submit-for-approval", {"comment": "Halved"})
    approved = await act(finance_headers, pending["id"], "approve")
    after_approval = await act(admin, pending["id"], "submit-for-approval")

    assert again.status_code == 409
    assert again.json()["error_code"] == "approval_already_pending"
    assert resubmitted.status_code == 200
    assert resubmitted.json()["approval_status"] == "pending_approval"
    assert approved.json()["approval_status"] == "approved"
    assert after_approval.status_code == 409
    assert after_approval.json()["error_code"] == "already_approved"
    requested = await _events(db, "campaign.approval_requested")
    assert [e["data"]["reason"] for e in requested] == ["budget_above_threshold", "submitted"]


async def test_a_campaign_under_the_threshold_may_still_be_submitted(
    client, admin, create_campaign, funded, act
) -> None:
    campaign = await create_campaign(admin)

    response = await act(admin, campaign["id"], "submit-for-approval")

    assert response.json()["approval_status"] == "pending_approval"


async def test_final_campaigns_take_no_approval_actions(
    client, admin, pending, finance, act, db
) -> None:
    _, headers = finance
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(pending["id"]))
            .values(campaign_status="cancelled")
        )

    response = await act(headers, pending["id"], "approve")

    assert response.status_code == 409
    assert response.json()["error_code"] == "campaign_locked"


async def test_approval_opens_the_way_to_a_launch(
    client, db, acme, admin, pending, finance, act, add_segment, give_message
) -> None:
    _, headers = finance
    await add_segment(admin, pending["id"])
    await give_message(pending["id"])
    await make_contacts(db, acme, 1, country="DE")
    await act(admin, pending["id"], "plan")
    blocked = await client.post(
        f"/api/campaigns/{pending['id']}/launch/",
        headers={**admin, "Idempotency-Key": "approval-gate-1"},
    )

    await act(headers, pending["id"], "approve")
    launched = await client.post(
        f"/api/campaigns/{pending['id']}/launch/",
        headers={**admin, "Idempotency-Key": "approval-gate-2"},
    )

    assert blocked.status_code == 409
    assert launched.status_code == 202
    # Active once the launch worker starts sending.
    assert launched.json()["campaign"]["campaign_status"] == "planned"


@pytest.fixture
async def strict(db, add_budget):
    """A company asking for an MFA step-up to approve more than 10,000."""
    company = await make_company(db, "strict", mfa_approval_threshold="10000")
    await add_budget(company, total="100000", threshold="5000")
    return company


async def test_approving_above_the_mfa_threshold_needs_a_step_up(
    client, strict, user_for, payload, act, resources
) -> None:
    _, admin = await user_for(strict, "admin")
    approver, headers = await user_for(strict, "finance")
    big = (
        await client.post("/api/campaigns/", json=payload(total_budget="20000"), headers=admin)
    ).json()
    small = (
        await client.post("/api/campaigns/", json=payload(total_budget="8000"), headers=admin)
    ).json()
    token = resources.codec.encode(
        TokenType.MFA,
        str(approver.id),
        timedelta(minutes=5),
        {"company_id": str(strict.id), "amr": ["otp"]},
    )
    someone_else = resources.codec.encode(
        TokenType.MFA,
        str(uuid.uuid4()),
        timedelta(minutes=5),
        {"company_id": str(strict.id), "amr": ["otp"]},
    )

    without = await act(headers, big["id"], "approve")
    wrong_user = await act(headers, big["id"], "approve", **{"X-MFA-Token": someone_else})
    with_token = await act(headers, big["id"], "approve", **{"X-MFA-Token": token})
    below = await act(headers, small["id"], "approve")

    assert without.status_code == 403
    assert without.json()["error_code"] == "mfa_required"
    assert wrong_user.status_code == 403
    assert with_token.status_code == 200
    assert with_token.json()["approval_status"] == "approved"
    assert below.status_code == 200


async def test_the_mfa_threshold_is_compared_in_the_company_currency(
    client, strict, user_for, payload, act, add_budget, db
) -> None:
    """The threshold is stated in the company's default currency (USD here): a campaign in
    another currency is converted at the company's rate, and one in a currency without a rate
    always needs the step-up."""
    for currency in ("EUR", "KWD"):
        await add_budget(strict, total="100000", threshold="5000", currency=currency)
    async with db.system_session() as session:
        session.add(ExchangeRate(company_id=strict.id, currency_code="EUR", rate=Decimal("1.1")))
    _, admin = await user_for(strict, "admin")
    _, headers = await user_for(strict, "finance")

    async def approve(total: str, currency: str) -> tuple[int, str | None]:
        body = payload(total_budget=total, currency_code=currency)
        created = await client.post("/api/campaigns/", json=body, headers=admin)
        assert created.status_code == 201, created.text
        answer = await act(headers, created.json()["id"], "approve")
        return answer.status_code, answer.json().get("error_code")

    # 9,500 EUR is 10,450 USD: over the 10,000 threshold, though the figure is under it.
    assert await approve("9500", "EUR") == (403, "mfa_required")
    assert await approve("9000", "EUR") == (200, None)  # 9,900 USD
    # No rate from KWD: the amount cannot be stated in USD, so the step-up is asked for.
    assert await approve("6000", "KWD") == (403, "mfa_required")
    assert await approve("9000", "USD") == (200, None)


async def test_an_approved_budget_taken_under_the_threshold_needs_no_approval(
    client, admin, pending, finance, act, db
) -> None:
    """The approved content changed, so the approval no longer stands; but what changed took
    the budget under the threshold: the campaign needs none (not pending, waiting for one)."""
    _, finance_headers = finance
    await act(finance_headers, pending["id"], "approve")

    lowered = await client.patch(
        f"/api/campaigns/{pending['id']}/", json={"total_budget": "40000"}, headers=admin
    )

    assert lowered.status_code == 200, lowered.text
    assert lowered.json()["approval_status"] == "not_required"
    assert lowered.json()["approval_required"] is False
    requested = await _events(db, "campaign.approval_requested")
    assert [e["data"]["reason"] for e in requested] == ["budget_above_threshold"]
