"""The governed content is read in one statement (every part as an array of rows) and holds
exactly what reading each part on its own gives: the same values of the same types, so a
fingerprint taken before stays the fingerprint of unchanged content."""

import uuid

from campaign_api.governance import content
from crm_common.models import Campaign
from crm_common.tenancy import TenantScope


async def test_one_statement_reads_every_part_as_the_parts_read_alone(
    client, db, acme, admin, governed, funded
) -> None:
    campaign_id = governed["id"]
    for name, weight in (("A", 50), ("B", 50)):
        created = await client.post(
            f"/api/campaigns/{campaign_id}/variants/",
            json={
                "variant_name": name,
                "subject": f"Subject {name}",
                "content": "<p>Hi</p>",
                "weight": weight,
            },
            headers=admin,
        )
        assert created.status_code == 201, created.text
    allocated = await client.put(
        f"/api/campaigns/{campaign_id}/budgets/{funded.id}/",
        json={"allocated_amount": "1234.50"},
        headers=admin,
    )
    assert allocated.status_code == 200, allocated.text

    async with db.tenant_session(acme.id) as session:
        scope = TenantScope(session, acme.id)
        campaign = await session.get(Campaign, uuid.UUID(campaign_id))
        assert campaign is not None
        read = await content.governed_content(scope, campaign)
        parts = {
            name: await scope.records(statement, campaign_id=campaign.id)
            for name, statement in (
                ("templates", content._TEMPLATES),
                ("variants", content._VARIANTS),
                ("segments", content._SEGMENTS),
                ("budget_allocations", content._ALLOCATIONS),
            )
        }

    templates = {
        row["template_code"]: {
            "is_primary": row["is_primary"],
            **{name: row[name] for name in content.TEMPLATE_FIELDS},
        }
        for row in parts["templates"]
    }
    variants = {
        row["variant_name"]: {name: row[name] for name in content.VARIANT_FIELDS}
        for row in parts["variants"]
    }
    segments = [
        {"id": row["id"], **{name: row[name] for name in content.SEGMENT_FIELDS}}
        for row in parts["segments"]
    ]
    allocations = {
        row["budget_code"]: row["allocated_amount"] for row in parts["budget_allocations"]
    }
    assert read["templates"] == content.canonical_value(templates) != {}
    assert read["variants"] == content.canonical_value(variants)
    assert set(read["variants"]) == {"A", "B"}
    assert read["segments"] == content.canonical_value(segments) != []
    assert isinstance(read["segments"][0]["geographic_criteria"], dict)
    assert read["budget_allocations"] == {funded.budget_code: "1234.50"}
    assert read["budget_allocations"] == content.canonical_value(allocations)
