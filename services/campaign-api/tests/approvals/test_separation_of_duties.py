"""Separation of duties: nobody approves a campaign they created or last edited, unless the
company lets admins do it, and then the approval's audit row records it."""

import uuid

import pytest
from sqlalchemy import select

from crm_common.models import AuditLog
from crm_common.testing.builders import make_company


@pytest.fixture
async def creator(acme, user_for):
    return await user_for(acme, "admin")


@pytest.fixture
async def pending_by_creator(create_campaign, creator, funded):
    _, headers = creator
    campaign = await create_campaign(headers, total_budget="60000")
    assert campaign["approval_status"] == "pending_approval"
    return campaign


async def _approval_rows(db, campaign_id: str) -> list[AuditLog]:
    async with db.system_session() as session:
        statement = select(AuditLog).where(
            AuditLog.entity_id == uuid.UUID(campaign_id), AuditLog.action == "campaign.approved"
        )
        return list((await session.execute(statement)).scalars())


async def test_creator_cannot_approve_own_campaign(
    client, creator, pending_by_creator, act, db
) -> None:
    _, headers = creator

    response = await act(headers, pending_by_creator["id"], "approve")

    assert response.status_code == 403
    assert response.json()["error_code"] == "self_approval_forbidden"
    assert response.json()["details"] == {"reasons": ["created_by_user_id"]}
    assert await _approval_rows(db, pending_by_creator["id"]) == []


async def test_last_editor_cannot_approve(
    client, acme, user_for, pending_by_creator, act, db
) -> None:
    _, editor = await user_for(acme, "admin")
    approver, other = await user_for(acme, "admin")
    edited = await client.patch(
        f"/api/campaigns/{pending_by_creator['id']}/",
        json={"description": "Reworded by a second admin"},
        headers=editor,
    )

    by_editor = await act(editor, pending_by_creator["id"], "approve")
    by_someone_else = await act(other, pending_by_creator["id"], "approve")

    assert edited.status_code == 200, edited.text
    assert by_editor.status_code == 403
    assert by_editor.json()["details"] == {"reasons": ["last_edited_by_user_id"]}
    assert by_someone_else.status_code == 200
    assert by_someone_else.json()["approved_by_user_id"] == str(approver.id)
    rows = await _approval_rows(db, pending_by_creator["id"])
    assert [row.actor_user_id for row in rows] == [approver.id]
    assert "separation_of_duties" not in rows[0].new_values


@pytest.mark.parametrize("part", ["segment", "allocation"])
async def test_who_last_wrote_a_part_of_the_content_cannot_approve(
    client, acme, user_for, pending_by_creator, act, add_segment, funded, part
) -> None:
    """What an approval approves is the campaign with its segments, message, variants and
    allocations: writing any of them makes one its last editor."""
    _, editor = await user_for(acme, "admin")
    if part == "segment":
        await add_segment(editor, pending_by_creator["id"])
    else:
        allocated = await client.put(
            f"/api/campaigns/{pending_by_creator['id']}/budgets/{funded.id}/",
            json={"allocated_amount": "60000"},
            headers=editor,
        )
        assert allocated.status_code == 200, allocated.text

    response = await act(editor, pending_by_creator["id"], "approve")

    assert response.status_code == 403
    assert response.json()["details"] == {"reasons": ["last_edited_by_user_id"]}


async def test_submitting_is_not_editing(client, acme, user_for, create_campaign, funded, act):
    _, author = await user_for(acme, "admin")
    _, submitter = await user_for(acme, "admin")
    campaign = await create_campaign(author)

    submitted = await act(submitter, campaign["id"], "submit-for-approval")
    approved = await act(submitter, campaign["id"], "approve")

    assert submitted.json()["approval_status"] == "pending_approval"
    assert approved.status_code == 200


async def test_admin_self_approval_when_allowed_is_audited(
    client, db, user_for, add_budget, payload, act
) -> None:
    lenient = await make_company(db, "lenient", allow_admin_self_approval=True)
    await add_budget(lenient)
    admin, headers = await user_for(lenient, "admin")
    created = await client.post(
        "/api/campaigns/", json=payload(total_budget="60000"), headers=headers
    )
    campaign = created.json()

    response = await act(headers, campaign["id"], "approve")

    assert response.status_code == 200, response.text
    assert response.json()["approved_by_user_id"] == str(admin.id)
    [row] = await _approval_rows(db, campaign["id"])
    assert row.actor_user_id == admin.id
    assert row.new_values["separation_of_duties"] == {
        "self_approval": True,
        "allowed_by": "allow_admin_self_approval",
        "as": ["created_by_user_id"],
    }


async def test_self_approval_setting_does_not_extend_beyond_admins(
    client, db, user_for, add_budget, payload, act
) -> None:
    lenient = await make_company(db, "lenient-mgr", allow_admin_self_approval=True)
    await add_budget(lenient)
    _, manager = await user_for(lenient, "marketing_manager", "finance")
    created = await client.post(
        "/api/campaigns/", json=payload(total_budget="60000"), headers=manager
    )

    response = await act(manager, created.json()["id"], "approve")

    assert response.status_code == 403
    assert response.json()["error_code"] == "self_approval_forbidden"
