"""Collaborators: company users only, one entry each, and a campaign keeps an owner."""

import pytest


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def test_creator_is_owner_and_others_can_be_added(
    client, acme, admin, campaign, user_for
) -> None:
    colleague, _ = await user_for(acme, "campaign_specialist")
    path = f"/api/campaigns/{campaign['id']}/collaborators/"

    added = await client.post(
        path, json={"user_id": str(colleague.id), "collaborator_role": "reviewer"}, headers=admin
    )
    twice = await client.post(path, json={"user_id": str(colleague.id)}, headers=admin)
    listed = await client.get(path, headers=admin)

    assert added.status_code == 201
    assert added.json()["collaborator_role"] == "reviewer"
    assert twice.status_code == 409
    assert [(i["user_id"], i["collaborator_role"]) for i in listed.json()["items"]] == [
        (campaign["created_by_user_id"], "owner"),
        (str(colleague.id), "reviewer"),
    ]


async def test_users_of_other_companies_are_not_found(
    client, globex, admin, campaign, user_for
) -> None:
    stranger, _ = await user_for(globex, "admin")

    response = await client.post(
        f"/api/campaigns/{campaign['id']}/collaborators/",
        json={"user_id": str(stranger.id)},
        headers=admin,
    )

    assert response.status_code == 404
    assert response.json()["error_code"] == "user_not_found"


async def test_the_last_owner_stays(client, acme, admin, campaign, user_for) -> None:
    colleague, _ = await user_for(acme, "marketing_manager")
    path = f"/api/campaigns/{campaign['id']}/collaborators/"
    owner = campaign["created_by_user_id"]

    demote = await client.patch(
        f"{path}{owner}/", json={"collaborator_role": "viewer"}, headers=admin
    )
    remove = await client.delete(f"{path}{owner}/", headers=admin)
    await client.post(
        path, json={"user_id": str(colleague.id), "collaborator_role": "owner"}, headers=admin
    )
    demote_now = await client.patch(
        f"{path}{owner}/", json={"collaborator_role": "viewer"}, headers=admin
    )
    remove_now = await client.delete(f"{path}{colleague.id}/", headers=admin)
    gone = await client.delete(f"{path}{colleague.id}/", headers=admin)

    assert demote.status_code == remove.status_code == 409
    assert demote.json()["error_code"] == "last_owner"
    assert demote_now.json()["collaborator_role"] == "viewer"
    assert remove_now.status_code == 409
    assert gone.status_code == 409


async def test_remove_and_change(client, acme, admin, campaign, user_for) -> None:
    colleague, _ = await user_for(acme, "campaign_specialist")
    path = f"/api/campaigns/{campaign['id']}/collaborators/"
    await client.post(path, json={"user_id": str(colleague.id)}, headers=admin)

    changed = await client.patch(
        f"{path}{colleague.id}/", json={"collaborator_role": "owner"}, headers=admin
    )
    removed = await client.delete(f"{path}{colleague.id}/", headers=admin)
    missing = await client.patch(
        f"{path}{colleague.id}/", json={"collaborator_role": "viewer"}, headers=admin
    )
    history = await client.get(f"/api/campaigns/{campaign['id']}/audit/", headers=admin)

    assert changed.json()["collaborator_role"] == "owner"
    assert removed.status_code == 204
    assert missing.status_code == 404
    assert [e["action"] for e in history.json()["items"]][:3] == [
        "collaborator.removed",
        "collaborator.updated",
        "collaborator.added",
    ]


async def test_a_change_to_a_campaigns_part_moves_its_etag(
    client, acme, admin, campaign, user_for
) -> None:
    colleague, _ = await user_for(acme, "campaign_specialist")
    path = f"/api/campaigns/{campaign['id']}/collaborators/"
    first = {**admin, "If-Match": f'"{campaign["version"]}"'}

    added = await client.post(path, json={"user_id": str(colleague.id)}, headers=first)
    stale = await client.patch(
        f"{path}{colleague.id}/", json={"collaborator_role": "viewer"}, headers=first
    )
    read = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)

    assert added.status_code == 201, added.text
    assert stale.status_code == 412
    assert stale.json()["error_code"] == "precondition_failed"
    assert read.json()["version"] == campaign["version"] + 1
    assert read.headers["ETag"] == f'"{campaign["version"] + 1}"'
    again = await client.patch(
        f"{path}{colleague.id}/",
        json={"collaborator_role": "viewer"},
        headers={**admin, "If-Match": read.headers["ETag"]},
    )
    assert again.status_code == 200, again.text


async def test_the_collaborators_come_in_the_list_shape(client, admin, campaign) -> None:
    listed = await client.get(f"/api/campaigns/{campaign['id']}/collaborators/", headers=admin)

    body = listed.json()
    assert (body["total"], body["page"], body["page_size"], body["filters"]) == (1, 1, 1, {})
    assert body["campaign_id"] == campaign["id"]
    assert len(body["items"]) == 1
