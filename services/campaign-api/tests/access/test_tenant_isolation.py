"""Tenant isolation: every endpoint given another company's id answers 404 (never 403, never
the object), and no list ever shows another company's rows."""

import pytest


async def test_every_endpoint_with_an_id_of_another_company_is_404(
    client, home, away, world_for, headers_for, endpoints
) -> None:
    there = await world_for(away)
    caller = await headers_for(home, "admin")

    statuses = {}
    for endpoint in endpoints:
        if "{" not in endpoint.name:
            continue
        call = await endpoint.build(there)
        response = await client.request(
            call.method, call.path, json=call.body, headers={**caller, **call.headers}
        )
        statuses[endpoint.name] = response.status_code

    assert statuses
    assert statuses == dict.fromkeys(statuses, 404)


async def test_references_to_another_companys_objects_are_404(
    client, home, away, world_for, headers_for, payload
) -> None:
    here = await world_for(home)
    there = await world_for(away)
    mine = (await here.campaign())["id"]
    foreign_campaign = (await there.campaign())["id"]
    foreign_template = await there.template()
    foreign_user = await there.user()
    _, foreign_collaborator = await there.collaborator()
    admin = here.admin

    calls = {
        "allocate from a foreign budget": await client.put(
            f"/api/campaigns/{mine}/budgets/{there.budget_id}/",
            json={"allocated_amount": "1"},
            headers=admin,
        ),
        "release a foreign budget": await client.delete(
            f"/api/campaigns/{mine}/budgets/{there.budget_id}/", headers=admin
        ),
        "link a foreign template": await client.post(
            f"/api/campaigns/{mine}/templates/",
            json={"template_id": foreign_template},
            headers=admin,
        ),
        "unlink a foreign template": await client.delete(
            f"/api/campaigns/{mine}/templates/{foreign_template}/", headers=admin
        ),
        "add a foreign user": await client.post(
            f"/api/campaigns/{mine}/collaborators/", json={"user_id": foreign_user}, headers=admin
        ),
        "change a foreign collaborator": await client.patch(
            f"/api/campaigns/{mine}/collaborators/{foreign_collaborator}/",
            json={"collaborator_role": "viewer"},
            headers=admin,
        ),
        "segment for a foreign campaign": await client.post(
            "/api/campaign-segments/",
            json={
                "campaign_id": foreign_campaign,
                "segment_name": "x",
                "segment_type": "demographic",
            },
            headers=admin,
        ),
        "campaign with a foreign template": await client.post(
            "/api/campaigns/",
            json=payload(template_id=foreign_template, total_budget="0"),
            headers=admin,
        ),
    }

    assert {name: r.status_code for name, r in calls.items()} == dict.fromkeys(calls, 404)


@pytest.mark.parametrize(
    "path",
    [
        "/api/campaigns/",
        "/api/campaigns/?search=sale",
        "/api/campaign-segments/",
        "/api/campaign-templates/",
        "/api/campaign-budgets/",
    ],
)
async def test_lists_never_show_another_companys_rows(client, home, away, world_for, path) -> None:
    here = await world_for(home)
    there = await world_for(away)
    for world in (here, there):
        await world.segment()
        await world.template()

    mine = await client.get(path, headers=here.admin)
    theirs = await client.get(path, headers=there.admin)

    assert mine.status_code == theirs.status_code == 200
    mine_ids = {item["id"] for item in mine.json()["items"]}
    their_ids = {item["id"] for item in theirs.json()["items"]}
    assert mine_ids
    assert their_ids
    assert not mine_ids & their_ids
    assert mine.json()["total"] == len(mine_ids)
    for item in mine.json()["items"]:
        assert item.get("company_id", str(home.id)) == str(home.id)


async def test_availability_counts_only_the_callers_company(client, home, away, world_for) -> None:
    here = await world_for(home)
    there = await world_for(away)
    await there.campaign(total_budget="5000")

    response = await client.get("/api/campaign-budgets/availability/", headers=here.admin)

    assert response.json()["held_by_live_campaigns"] == "0.00"
    assert response.json()["total_amount"] == "10001000.00"
