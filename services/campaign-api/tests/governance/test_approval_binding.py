"""An approval is bound to the content it approved: a later change to the template, the
variants, the segments' criteria, the schedule or the budget sends the campaign back to
pending_approval (audited, announced by campaign.updated with the reason), the approval
state shows the field-level diff, and the launch waits for a new approval."""

import uuid
from datetime import timedelta

from sqlalchemy import update

from crm_common.models import Campaign
from crm_common.testing.builders import make_contacts


async def test_approve_edit_template_reapprove_and_launch(
    client,
    db,
    acme,
    admin,
    governed,
    template,
    finance,
    second_finance,
    act,
    approval_state,
    events,
    audit_rows,
    launch,
) -> None:
    approver, finance_headers = finance
    campaign_id = governed["id"]
    await make_contacts(db, acme, 3, country="DE")
    await act(admin, campaign_id, "plan")

    approved = await act(finance_headers, campaign_id, "approve", {"comment": "Looks right"})
    state = await approval_state(admin, campaign_id)
    edited = await client.patch(
        f"/api/campaign-templates/{template['id']}/",
        json={"default_settings": {"subject": "B"}},
        headers=admin,
    )
    after_edit = await approval_state(admin, campaign_id)
    refused = await launch(admin, campaign_id, "gov-flow-1")
    _, other_finance = second_finance
    reapproved = await act(other_finance, campaign_id, "approve")
    launched = await launch(admin, campaign_id, "gov-flow-2")

    assert approved.json()["approval_status"] == "approved"
    step = state["chain"][0]["approval"]
    assert step["approver_user_id"] == str(approver.id)
    assert step["comment"] == "Looks right"
    assert step["fingerprint"] == state["fingerprint"] == state["approved_fingerprint"]
    assert state["content_matches_approval"] is True
    assert state["changes_since_approval"] == []

    assert edited.status_code == 200, edited.text
    assert after_edit["approval_status"] == "pending_approval"
    assert after_edit["content_matches_approval"] is False
    assert after_edit["changes_since_approval"] == [
        {
            "path": "templates.WELCOME.default_settings.subject",
            "change": "changed",
            "before": "A",
            "after": "B",
        }
    ]
    assert after_edit["chain"][0]["approval"] is None
    assert after_edit["history"][0]["is_current"] is False
    assert after_edit["history"][0]["invalidated_reason"] == "content_changed"

    assert refused.status_code == 409
    assert refused.json()["error_code"] == "approval_required"

    assert reapproved.status_code == 200, reapproved.text
    assert reapproved.json()["approval_status"] == "approved"
    assert launched.status_code == 202, launched.text

    updated = [e for e in await events("campaign.updated") if e["data"].get("reason")]
    assert updated[-1]["data"]["reason"] == "content_changed"
    assert updated[-1]["data"]["trigger"] == "template_updated"
    assert updated[-1]["data"]["content_changes"] == ["templates.WELCOME.default_settings.subject"]
    assert updated[-1]["data"]["before"]["approval_status"] == "approved"
    assert updated[-1]["data"]["after"]["approval_status"] == "pending_approval"
    requested = await events("campaign.approval_requested")
    assert requested[-1]["data"]["reason"] == "content_changed"
    rows = [r for r in await audit_rows("campaign.updated") if (r.new_values or {}).get("reason")]
    assert rows[-1].new_values["trigger"] == "template_updated"


async def test_a_change_that_leaves_content_alone_keeps_the_approval(
    client, admin, governed, template, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")

    renamed = await client.patch(
        f"/api/campaign-templates/{template['id']}/",
        json={"template_name": "Welcome mail", "description": "wording unchanged"},
        headers=admin,
    )
    described = await client.patch(
        f"/api/campaigns/{governed['id']}/", json={"description": "notes"}, headers=admin
    )

    assert renamed.status_code == described.status_code == 200
    state = await approval_state(admin, governed["id"])
    assert state["approval_status"] == "approved"
    assert state["content_matches_approval"] is True


async def test_segment_criteria_change_sends_the_campaign_back(
    client, admin, governed, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")
    segment = (
        await client.get(f"/api/campaign-segments/?campaign_id={governed['id']}", headers=admin)
    ).json()["items"][0]

    response = await client.patch(
        f"/api/campaign-segments/{segment['id']}/",
        json={"geographic_criteria": {"all": [{"field": "country", "op": "eq", "value": "AT"}]}},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    state = await approval_state(admin, governed["id"])
    assert state["approval_status"] == "pending_approval"
    assert [c["path"] for c in state["changes_since_approval"]] == [
        "segments[0].geographic_criteria.all[0].value"
    ]
    assert state["changes_since_approval"][0]["before"] == "DE"
    assert state["changes_since_approval"][0]["after"] == "AT"


async def test_budget_and_schedule_changes_send_the_campaign_back(
    client, admin, governed, finance, act, approval_state, start_date, acme, user_for
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")

    response = await client.patch(
        f"/api/campaigns/{governed['id']}/",
        # An hour later (not "at 01:00", which is no change when the run starts at 01:xx UTC).
        json={"total_budget": "55000", "start_date": (start_date + timedelta(hours=1)).isoformat()},
        headers=admin,
    )

    assert response.status_code == 200, response.text
    state = await approval_state(admin, governed["id"])
    assert state["approval_status"] == "pending_approval"
    paths = [c["path"] for c in state["changes_since_approval"]]
    assert "total_budget" in paths
    budget = next(c for c in state["changes_since_approval"] if c["path"] == "total_budget")
    assert (budget["before"], budget["after"]) == ("60000.00", "55000.00")

    # A reader without budget visibility learns the schedule changed, not the amounts.
    _, analyst = await user_for(acme, "marketing_analyst")
    hidden = await approval_state(analyst, governed["id"])
    paths = [c["path"] for c in hidden["changes_since_approval"]]
    assert "start_date" in paths
    assert not [p for p in paths if p.startswith(("total_budget", "budget_allocations"))]
    assert "60000" not in str(hidden)


async def test_variant_changes_send_the_campaign_back(
    client, admin, governed, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")

    created = await client.post(
        f"/api/campaigns/{governed['id']}/variants/",
        json={
            "variant_name": "B",
            "subject": "Other subject",
            "content": "<p>Hi</p>",
            "weight": 50,
        },
        headers=admin,
    )

    assert created.status_code == 201, created.text
    state = await approval_state(admin, governed["id"])
    assert state["approval_status"] == "pending_approval"
    assert any(c["path"].startswith("variants.B") for c in state["changes_since_approval"])


async def test_budget_allocation_change_sends_the_campaign_back(
    client, admin, governed, funded, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")

    allocated = await client.put(
        f"/api/campaigns/{governed['id']}/budgets/{funded.id}/",
        json={"allocated_amount": "1000.00"},
        headers=admin,
    )

    assert allocated.status_code == 200, allocated.text
    state = await approval_state(admin, governed["id"])
    assert state["approval_status"] == "pending_approval"
    assert [c["path"] for c in state["changes_since_approval"]] == [
        f"budget_allocations.{funded.budget_code}"
    ]


async def test_an_active_campaigns_approved_content_cannot_change(
    client, db, admin, governed, template, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(governed["id"]))
            .values(campaign_status="active")
        )

    edited = await client.patch(
        f"/api/campaign-templates/{template['id']}/",
        json={"default_settings": {"subject": "B"}},
        headers=admin,
    )

    assert edited.status_code == 409
    assert edited.json()["error_code"] == "live_content_change_refused"
    assert edited.json()["details"]["changed"] == ["templates.WELCOME.default_settings.subject"]
    template_now = await client.get(f"/api/campaign-templates/{template['id']}/", headers=admin)
    assert template_now.json()["default_settings"] == {"subject": "A"}
    assert (await approval_state(admin, governed["id"]))["approval_status"] == "approved"


async def test_a_paused_campaign_changes_and_waits_for_approval_to_resume(
    client, db, admin, governed, template, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(governed["id"]))
            .values(campaign_status="paused")
        )

    edited = await client.patch(
        f"/api/campaign-templates/{template['id']}/",
        json={"default_settings": {"subject": "B"}},
        headers=admin,
    )
    resumed = await act(admin, governed["id"], "resume")

    assert edited.status_code == 200, edited.text
    assert (await approval_state(admin, governed["id"]))["approval_status"] == "pending_approval"
    assert resumed.status_code == 409
    assert resumed.json()["error_code"] == "approval_required"


async def test_a_shared_template_edit_reaches_every_approved_campaign_using_it(
    client, admin, create_campaign, funded, template, finance, act, approval_state
) -> None:
    _, finance_headers = finance
    ids = []
    for _ in range(2):
        campaign = await create_campaign(admin, total_budget="100")
        await client.post(
            f"/api/campaigns/{campaign['id']}/templates/",
            json={"template_id": template["id"]},
            headers=admin,
        )
        await act(admin, campaign["id"], "submit-for-approval")
        approved = await act(finance_headers, campaign["id"], "approve")
        assert approved.json()["approval_status"] == "approved"
        ids.append(campaign["id"])
        # read once, so the campaign's rendering sits in the read cache
        cached = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)
        assert cached.json()["approval_status"] == "approved"

    await client.patch(
        f"/api/campaign-templates/{template['id']}/",
        json={"content_template": "<p>New words</p>"},
        headers=admin,
    )

    for campaign_id in ids:
        state = await approval_state(admin, campaign_id)
        assert state["approval_status"] == "pending_approval"
        # the campaign itself reads pending at once too, not the cached approved rendering
        read = await client.get(f"/api/campaigns/{campaign_id}/", headers=admin)
        assert read.json()["approval_status"] == "pending_approval"
        assert [c["path"] for c in state["changes_since_approval"]] == [
            "templates.WELCOME.content_template"
        ]


async def test_the_launch_refuses_content_changed_behind_the_approval(
    client, db, acme, admin, governed, finance, act, launch
) -> None:
    """A path that bypasses the API (here a direct database write) cannot slip unapproved
    content into a launch: the launch compares fingerprints itself; submitting again then
    puts the campaign back under approval."""
    _, finance_headers = finance
    await make_contacts(db, acme, 2, country="DE")
    await act(admin, governed["id"], "plan")
    await act(finance_headers, governed["id"], "approve")
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(governed["id"]))
            .values(end_date=Campaign.end_date + timedelta(days=1))
        )

    refused = await launch(admin, governed["id"], "gov-bypass-1")
    resubmitted = await act(admin, governed["id"], "submit-for-approval")

    assert refused.status_code == 409
    assert refused.json()["error_code"] == "approval_outdated"
    assert refused.json()["details"]["changed"] == ["end_date"]
    assert resubmitted.status_code == 200, resubmitted.text
    assert resubmitted.json()["approval_status"] == "pending_approval"
