"""A campaign's audit history: who, when, old and new values, request id and client IP,
newest first and paginated. The database refuses UPDATE/DELETE of audit rows for the
application role: see libs/crm_common/tests/db/test_audit.py (and the check below on rows
written through the API)."""

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from crm_common.models import AuditLog


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def test_history_lists_changes_newest_first(client, acme, user_for, campaign) -> None:
    user, headers = await user_for(acme, "marketing_manager")
    await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"campaign_name": "Renamed"},
        headers={**headers, "X-Request-ID": "req-audit-1", "User-Agent": "audit-test"},
    )

    response = await client.get(f"/api/campaigns/{campaign['id']}/audit/", headers=headers)

    body = response.json()
    assert response.status_code == 200
    assert body["total"] == 2
    latest = body["items"][0]
    assert latest["action"] == "campaign.updated"
    assert latest["actor_user_id"] == str(user.id)
    assert latest["old_values"] == {"campaign_name": "Spring sale"}
    assert latest["new_values"]["campaign_name"] == "Renamed"
    assert latest["request_id"] == "req-audit-1"
    assert latest["client_ip"] == "127.0.0.1"
    assert latest["user_agent"] == "audit-test"
    assert body["items"][1]["action"] == "campaign.created"


async def test_history_is_paginated_and_filterable(client, admin, campaign) -> None:
    for n in range(5):
        await client.patch(
            f"/api/campaigns/{campaign['id']}/", json={"target_audience_size": n}, headers=admin
        )

    page = await client.get(
        f"/api/campaigns/{campaign['id']}/audit/?page=2&page_size=2", headers=admin
    )
    only_updates = await client.get(
        f"/api/campaigns/{campaign['id']}/audit/?action=campaign.updated", headers=admin
    )

    assert page.json()["total"] == 6
    assert len(page.json()["items"]) == 2
    assert only_updates.json()["total"] == 5


async def test_rows_written_through_the_api_cannot_be_changed_by_the_app_role(
    client, acme, admin, campaign, db
) -> None:
    for statement in (update(AuditLog).values(action="tampered"), delete(AuditLog)):
        with pytest.raises(DBAPIError, match="permission denied|append-only"):
            async with db.tenant_session(acme.id) as session:
                await session.execute(statement)
    async with db.system_session() as session:
        assert (await session.execute(select(AuditLog.action))).scalars().all() == [
            "campaign.created"
        ]
