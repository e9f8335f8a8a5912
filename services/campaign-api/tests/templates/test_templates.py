"""Reference templates and the templates a campaign uses (channel compatibility, 5.4)."""

import pytest
from sqlalchemy import select, update

from crm_common.models import Campaign, CampaignTemplate

TEMPLATE = {
    "template_name": "Newsletter",
    "template_code": "NEWS",
    "template_type": "email",
    "content_template": "<p>Hi {{ first_name }}</p>",
    "default_settings": {"campaign_type": "newsletter"},
}


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def test_create_read_update_templates(client, admin) -> None:
    created = await client.post("/api/campaign-templates/", json=TEMPLATE, headers=admin)
    template_id = created.json()["id"]
    patched = await client.patch(
        f"/api/campaign-templates/{template_id}/", json={"template_name": "Weekly"}, headers=admin
    )
    replaced = await client.put(
        f"/api/campaign-templates/{template_id}/",
        json={**TEMPLATE, "description": "d"},
        headers=admin,
    )
    fetched = await client.get(f"/api/campaign-templates/{template_id}/", headers=admin)

    assert created.status_code == 201
    assert created.json()["usage_count"] == 0
    assert patched.json()["template_name"] == "Weekly"
    assert replaced.json()["template_name"] == "Newsletter"
    assert fetched.json()["description"] == "d"


async def test_template_codes_are_unique_per_company(client, admin, globex, headers_for) -> None:
    await client.post("/api/campaign-templates/", json=TEMPLATE, headers=admin)

    again = await client.post("/api/campaign-templates/", json=TEMPLATE, headers=admin)
    elsewhere = await client.post(
        "/api/campaign-templates/", json=TEMPLATE, headers=await headers_for(globex)
    )

    assert again.status_code == 409
    assert again.json()["error_code"] == "duplicate_template_code"
    assert elsewhere.status_code == 201


async def test_one_default_per_template_type(client, admin, db) -> None:
    for code, type_ in (("E1", "email"), ("E2", "email"), ("S1", "sms")):
        await client.post(
            "/api/campaign-templates/",
            json={**TEMPLATE, "template_code": code, "template_type": type_, "is_default": True},
            headers=admin,
        )

    async with db.system_session() as session:
        defaults = (
            (
                await session.execute(
                    select(CampaignTemplate.template_code).where(CampaignTemplate.is_default)
                )
            )
            .scalars()
            .all()
        )
    assert sorted(defaults) == ["E2", "S1"]


async def test_list_filters(client, admin) -> None:
    for code, type_, active in (("E1", "email", True), ("S1", "sms", True), ("S2", "sms", False)):
        await client.post(
            "/api/campaign-templates/",
            json={**TEMPLATE, "template_code": code, "template_type": type_, "is_active": active},
            headers=admin,
        )

    async def codes(query: str) -> list[str]:
        response = await client.get(f"/api/campaign-templates/?{query}", headers=admin)
        return sorted(item["template_code"] for item in response.json()["items"])

    assert await codes("") == ["E1", "S1", "S2"]
    assert await codes("template_type=sms") == ["S1", "S2"]
    assert await codes("is_active=true&template_type=sms") == ["S1"]
    assert await codes("search=e1") == ["E1"]


@pytest.mark.parametrize(
    ("channel", "template_type", "fits"),
    [
        ("email", "email", True),
        ("email", "landing_page", True),
        ("email", "sms", False),
        ("sms", "sms", True),
        ("sms", "email", False),
        ("social", "social", True),
        ("direct_mail", "direct_mail", True),
        ("direct_mail", "landing_page", False),
        ("multi_channel", "sms", True),
        ("multi_channel", "direct_mail", True),
    ],
)
async def test_channel_and_template_compatibility(
    client, acme, admin, funded, create_campaign, add_template, channel, template_type, fits
) -> None:
    campaign = await create_campaign(admin, primary_channel=channel)
    template = await add_template(acme, template_type)

    response = await client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": str(template.id)},
        headers=admin,
    )

    assert response.status_code == (201 if fits else 422)
    if not fits:
        assert response.json()["error_code"] == "incompatible_template"


async def test_link_list_and_unlink(client, acme, admin, campaign, add_template, db) -> None:
    first = await add_template(acme, "email")
    second = await add_template(acme, "landing_page")
    path = f"/api/campaigns/{campaign['id']}/templates/"

    linked = await client.post(
        path, json={"template_id": str(first.id), "is_primary": True}, headers=admin
    )
    twice = await client.post(path, json={"template_id": str(first.id)}, headers=admin)
    await client.post(path, json={"template_id": str(second.id), "is_primary": True}, headers=admin)
    listed = await client.get(path, headers=admin)
    unlinked = await client.delete(f"{path}{first.id}/", headers=admin)
    missing = await client.delete(f"{path}{first.id}/", headers=admin)

    assert linked.status_code == 201
    assert twice.status_code == 409
    assert [(i["template_id"], i["is_primary"]) for i in listed.json()["items"]] == [
        (str(second.id), True),
        (str(first.id), False),
    ]
    assert unlinked.status_code == 204
    assert missing.status_code == 404
    async with db.system_session() as session:
        usage = dict(
            (await session.execute(select(CampaignTemplate.id, CampaignTemplate.usage_count))).all()
        )
    assert usage == {first.id: 0, second.id: 1}


async def test_inactive_templates_cannot_be_linked(
    client, acme, admin, campaign, add_template
) -> None:
    template = await add_template(acme, "email", active=False)

    response = await client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": str(template.id)},
        headers=admin,
    )

    assert response.status_code == 422
    assert response.json()["error_code"] == "inactive_template"


async def test_a_template_in_use_keeps_its_type_and_stays_active(
    client, acme, admin, campaign, add_template
) -> None:
    template = await add_template(acme, "email")
    await client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": str(template.id)},
        headers=admin,
    )

    retype = await client.patch(
        f"/api/campaign-templates/{template.id}/", json={"template_type": "sms"}, headers=admin
    )
    deactivate = await client.patch(
        f"/api/campaign-templates/{template.id}/", json={"is_active": False}, headers=admin
    )
    rename = await client.patch(
        f"/api/campaign-templates/{template.id}/", json={"template_name": "x"}, headers=admin
    )

    assert retype.status_code == 409
    assert retype.json()["error_code"] == "template_in_use"
    assert deactivate.status_code == 409
    assert rename.status_code == 200


async def test_completed_campaigns_keep_their_templates(
    client, acme, admin, campaign, add_template, db
) -> None:
    template = await add_template(acme, "email")
    async with db.system_session() as session:
        await session.execute(update(Campaign).values(campaign_status="completed"))

    response = await client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": str(template.id)},
        headers=admin,
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "campaign_locked"


async def test_list_pages_totals_search_literally_and_stay_within_the_company(
    client, admin, globex, headers_for
) -> None:
    for code, name in (("P1", "Promo_1"), ("P2", "Promo%2"), ("PX3", "PromoX3"), ("Q1", "Q")):
        response = await client.post(
            "/api/campaign-templates/",
            json={**TEMPLATE, "template_code": code, "template_name": name},
            headers=admin,
        )
        assert response.status_code == 201
    other = await headers_for(globex, "admin")
    await client.post(
        "/api/campaign-templates/",
        json={**TEMPLATE, "template_code": "P9", "template_name": "Promo_9"},
        headers=other,
    )

    async def page(query: str) -> dict:
        response = await client.get(f"/api/campaign-templates/?{query}", headers=admin)
        assert response.status_code == 200
        return response.json()

    # `_` and `%` are matched as themselves, not as wildcards; Globex's Promo_9 is never seen.
    assert [item["template_code"] for item in (await page("search=o_"))["items"]] == ["P1"]
    assert [item["template_code"] for item in (await page("search=o%25"))["items"]] == ["P2"]
    first = await page("page_size=2&page=1")
    assert first["total"] == 4
    assert [item["template_code"] for item in first["items"]] == ["P1", "P2"]
    assert "_total" not in first["items"][0]
    second = await page("page_size=2&page=2")
    assert [item["template_code"] for item in second["items"]] == ["PX3", "Q1"]
    assert second["total"] == 4
    # Past the last page: no rows, and the total is still told.
    past = await page("page_size=2&page=5")
    assert (past["total"], past["items"]) == (4, [])
    assert (await page("is_active=false"))["total"] == 0
