"""Audience drift: at approval each segment's audience is kept; the campaign shows the
contacts added and removed since; above the company's threshold the launch is refused until
the campaign is approved again."""

import uuid

from sqlalchemy import delete, select

from crm_common.models import ApprovalAudienceSnapshot, Contact
from crm_common.testing.builders import make_contacts


async def _drift(client, headers, campaign_id):
    response = await client.get(f"/api/campaigns/{campaign_id}/audience-drift/", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_added_and_removed_contacts_since_approval(
    client, db, acme, admin, governed, finance, act
) -> None:
    _, finance_headers = finance
    before = await make_contacts(db, acme, 4, country="DE")
    await make_contacts(db, acme, 2, country="FR")
    unapproved = await _drift(client, admin, governed["id"])
    await act(finance_headers, governed["id"], "approve")

    await make_contacts(db, acme, 3, country="DE")
    async with db.system_session() as session:
        await session.execute(delete(Contact).where(Contact.id == before[0].id))
    drift = await _drift(client, admin, governed["id"])

    assert unapproved["approval_id"] is None
    assert unapproved["segments"] == []
    assert drift["approved_count"] == 4
    assert drift["current_count"] == 6
    assert (drift["added"], drift["removed"]) == (3, 1)
    assert drift["drift_percent"] == "100.00"
    assert drift["segments"][0]["segment_name"] == "Germany"
    assert drift["exceeds_threshold"] is False  # no threshold set


async def test_drift_above_the_threshold_refuses_the_launch_until_reapproved(
    client, db, acme, admin, governed, finance, second_finance, act, launch
) -> None:
    _, finance_headers = finance
    _, other_finance = second_finance
    await client.put(
        "/api/approval-policy/",
        json={"steps": [{"name": "Approval"}], "drift_threshold_percent": "20"},
        headers=admin,
    )
    await make_contacts(db, acme, 10, country="DE")
    await act(admin, governed["id"], "plan")
    await act(finance_headers, governed["id"], "approve")
    await make_contacts(db, acme, 1, country="DE")
    within = await _drift(client, admin, governed["id"])
    await make_contacts(db, acme, 2, country="DE")

    refused = await launch(admin, governed["id"], "drift-launch-1")
    resubmitted = await act(admin, governed["id"], "submit-for-approval")
    reapproved = await act(other_finance, governed["id"], "approve")
    launched = await launch(admin, governed["id"], "drift-launch-2")

    assert within["exceeds_threshold"] is False
    assert refused.status_code == 409, refused.text
    assert refused.json()["error_code"] == "audience_drift_exceeded"
    assert refused.json()["details"]["added"] == 3
    assert refused.json()["details"]["drift_percent"] == "30.00"
    assert resubmitted.json()["approval_status"] == "pending_approval"
    assert reapproved.json()["approval_status"] == "approved"
    assert launched.status_code == 202, launched.text
    after = await _drift(client, admin, governed["id"])
    assert (after["approved_count"], after["added"], after["removed"]) == (13, 0, 0)


async def test_an_approved_campaign_without_drift_cannot_be_resubmitted(
    client, db, acme, admin, governed, finance, act
) -> None:
    _, finance_headers = finance
    await act(finance_headers, governed["id"], "approve")

    again = await act(admin, governed["id"], "submit-for-approval")

    assert again.status_code == 409
    assert again.json()["error_code"] == "already_approved"


async def test_the_snapshot_keeps_member_ids_inside_the_company(
    client, db, acme, globex, admin, governed, finance, act
) -> None:
    _, finance_headers = finance
    mine = await make_contacts(db, acme, 2, country="DE")
    await make_contacts(db, globex, 5, country="DE")

    await act(finance_headers, governed["id"], "approve")

    async with db.system_session() as session:
        kept = (
            await session.execute(
                select(ApprovalAudienceSnapshot).where(
                    ApprovalAudienceSnapshot.campaign_id == uuid.UUID(governed["id"])
                )
            )
        ).scalar_one()
    assert sorted(kept.member_ids) == sorted(c.id for c in mine)
    assert kept.company_id == acme.id


async def test_another_companys_campaign_is_a_404(client, globex, headers_for, governed) -> None:
    other = await headers_for(globex, "admin")

    drift = await client.get(f"/api/campaigns/{governed['id']}/audience-drift/", headers=other)
    state = await client.get(f"/api/campaigns/{governed['id']}/approval/", headers=other)

    assert drift.status_code == state.status_code == 404
