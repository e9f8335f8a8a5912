"""Approval chains: a company's steps in order, a step above an amount only for budgets above
it, each step recorded and decided by someone else, the campaign approved only when every
required step is; the policy endpoint validates what it stores."""

from decimal import Decimal

import pytest

CHAIN = {
    "steps": [
        {"name": "Marketing sign-off"},
        {"name": "Finance", "role": "finance", "min_total_budget": "55000.00"},
    ],
    "drift_threshold_percent": "10",
}


@pytest.fixture
async def chained(client, admin):
    response = await client.put("/api/approval-policy/", json=CHAIN, headers=admin)
    assert response.status_code == 200, response.text
    return response.json()


async def test_every_required_step_is_recorded_before_approval(
    client, acme, user_for, admin, chained, governed, finance, act, approval_state, events
) -> None:
    first, first_headers = await user_for(acme, "admin")
    _, finance_headers = finance

    step_one = await act(first_headers, governed["id"], "approve", {"comment": "Copy ok"})
    middle = await approval_state(admin, governed["id"])
    step_two = await act(finance_headers, governed["id"], "approve", {"comment": "Budget ok"})
    done = await approval_state(admin, governed["id"])

    assert step_one.status_code == 200, step_one.text
    assert step_one.json()["approval_status"] == "pending_approval"
    assert middle["chain"][0]["approval"]["approver_user_id"] == str(first.id)
    assert middle["next_step"]["name"] == "Finance"
    assert step_two.json()["approval_status"] == "approved"
    assert [s["approval"]["comment"] for s in done["chain"]] == ["Copy ok", "Budget ok"]
    assert done["chain"][1]["approval"]["completes_chain"] is True
    assert done["next_step"] is None
    steps = await events("campaign.approval_step_approved")
    assert [e["data"]["step_name"] for e in steps] == ["Marketing sign-off"]
    approved = await events("campaign.approved")
    assert approved[-1]["data"]["step_name"] == "Finance"


async def test_a_reader_without_budget_visibility_gets_the_records_as_documented(
    client, acme, headers_for, admin, governed, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")
    analyst = await headers_for(acme, "marketing_analyst")

    state = await approval_state(analyst, governed["id"])
    record = state["history"][0]

    assert "total_budget" not in record
    assert "total_budget" in (await approval_state(admin, governed["id"]))["history"][0]
    schemas = (await client.get("/openapi.json")).json()["components"]["schemas"]
    assert not set(record) ^ set(schemas["ApprovalRecord"]["properties"]) - {"total_budget"}
    assert "total_budget" not in schemas["ApprovalRecord"]["required"]


async def test_a_step_above_an_amount_applies_only_above_it(
    client, admin, chained, create_campaign, funded, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    small = await create_campaign(admin, total_budget="100")
    await act(admin, small["id"], "submit-for-approval")

    decided = await act(finance_headers, small["id"], "approve")

    assert decided.json()["approval_status"] == "approved"
    state = await approval_state(admin, small["id"])
    assert [s["required"] for s in state["chain"]] == [True, False]


async def test_a_step_naming_a_role_refuses_other_approvers(
    client, acme, user_for, admin, governed, finance, act
) -> None:
    await client.put(
        "/api/approval-policy/",
        json={"steps": [{"name": "Marketing lead", "role": "marketing_manager"}]},
        headers=admin,
    )
    _, finance_headers = finance
    _, other_admin = await user_for(acme, "admin")

    refused = await act(finance_headers, governed["id"], "approve")
    admin_may = await act(other_admin, governed["id"], "approve")

    assert refused.status_code == 403
    assert refused.json()["error_code"] == "not_approver_for_step"
    assert refused.json()["details"]["role"] == "marketing_manager"
    assert admin_may.status_code == 200, admin_may.text


async def test_one_person_approves_one_step(
    client, acme, user_for, admin, chained, governed, finance, act
) -> None:
    _, finance_headers = finance

    first = await act(finance_headers, governed["id"], "approve")
    second = await act(finance_headers, governed["id"], "approve")

    assert first.status_code == 200
    assert second.status_code == 403
    assert second.json()["error_code"] == "distinct_approver_required"


async def test_nobody_approves_their_own_campaign(
    client, acme, user_for, governed, chained, admin, act
) -> None:
    own = await act(admin, governed["id"], "approve")

    assert own.status_code == 403
    assert own.json()["error_code"] == "self_approval_forbidden"


async def test_a_rejection_ends_the_steps_approved_so_far(
    client, acme, user_for, admin, chained, governed, finance, act, approval_state
) -> None:
    _, first_headers = await user_for(acme, "admin")
    _, finance_headers = finance
    await act(first_headers, governed["id"], "approve")

    await act(finance_headers, governed["id"], "reject", {"comment": "Too much"})
    await act(admin, governed["id"], "submit-for-approval")

    state = await approval_state(admin, governed["id"])
    assert [s["approval"] for s in state["chain"]] == [None, None]
    assert state["history"][0]["invalidated_reason"] == "rejected"


async def test_the_policy_is_read_by_readers_and_written_by_admins(
    client, acme, headers_for, admin
) -> None:
    analyst = await headers_for(acme, "marketing_analyst")
    default = await client.get("/api/approval-policy/", headers=analyst)
    refused = await client.put("/api/approval-policy/", json=CHAIN, headers=analyst)
    saved = await client.put("/api/approval-policy/", json=CHAIN, headers=admin)

    assert default.status_code == 200
    assert default.json()["is_default"] is True
    assert [s["name"] for s in default.json()["steps"]] == ["Approval"]
    assert refused.status_code == 403
    assert saved.json()["is_default"] is False
    assert saved.json()["steps"][1] == {
        "name": "Finance",
        "role": "finance",
        "min_total_budget": "55000.00",
    }
    assert Decimal(saved.json()["drift_threshold_percent"]) == Decimal("10")


@pytest.mark.parametrize(
    "body",
    [
        {"steps": []},
        {"steps": [{"name": "A"}, {"name": "a"}]},
        {"steps": [{"name": "A", "role": "owner"}]},
        {"steps": [{"name": "A", "min_total_budget": "-1"}]},
        {"steps": [{"name": "A"}], "drift_threshold_percent": "-5"},
        {"steps": [{"name": "A", "extra": True}]},
    ],
)
async def test_an_invalid_policy_is_a_422(client, admin, body) -> None:
    response = await client.put("/api/approval-policy/", json=body, headers=admin)

    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


async def test_each_company_has_its_own_policy(client, globex, headers_for, admin) -> None:
    await client.put("/api/approval-policy/", json=CHAIN, headers=admin)
    other = await headers_for(globex, "admin")

    response = await client.get("/api/approval-policy/", headers=other)

    assert response.json()["is_default"] is True
