"""Unit costs per channel and provider: read, replaced with validation, audited, kept in the
company's settings where the launch worker prices its messages."""

from sqlalchemy import select, text

from campaign_api.budget_guard import service as budget_guard_service
from crm_common import audit
from crm_common.models import AuditLog, Company
from crm_common.tenancy import TenantScope


async def test_costs_start_empty_and_list_every_channel_with_its_providers(client, admin) -> None:
    response = await client.get("/api/channel-costs/", headers=admin)

    assert response.status_code == 200
    channels = response.json()["channels"]
    assert set(channels) == {"email", "sms", "social", "direct_mail"}
    assert channels["email"] == {
        "unit_cost": None,
        "providers": {},
        "available_providers": ["smtp", "sendgrid", "sandbox"],
    }


async def test_costs_are_replaced_per_channel_and_provider_and_audited(
    client, admin, acme, db
) -> None:
    body = {
        "channels": {
            "email": {"unit_cost": "0.0008", "providers": {"sendgrid": "0.0006"}},
            "sms": {"unit_cost": "0.0079"},
        }
    }
    response = await client.put("/api/channel-costs/", json=body, headers=admin)

    assert response.status_code == 200, response.text
    channels = response.json()["channels"]
    assert channels["email"]["unit_cost"] == "0.0008"
    assert channels["email"]["providers"] == {"sendgrid": "0.0006"}
    assert channels["sms"]["unit_cost"] == "0.0079"
    assert channels["direct_mail"]["unit_cost"] is None
    again = (await client.get("/api/channel-costs/", headers=admin)).json()
    assert again == response.json()
    async with db.system_session() as session:
        company = await session.get(Company, acme.id)
        assert company is not None
        assert company.settings["channel_costs"] == {"email": "0.0008", "sms": "0.0079"}
        assert company.settings["provider_costs"] == {"email": {"sendgrid": "0.0006"}}
        audit = (
            await session.execute(
                select(AuditLog).where(AuditLog.action == "company.channel_costs_updated")
            )
        ).scalar_one()
    assert audit.new_values["channels"]["email"]["unit_cost"] == "0.0008"
    assert audit.old_values["channels"]["email"]["unit_cost"] is None


async def test_invalid_costs_are_refused_with_the_offending_fields(client, admin) -> None:
    unknown_provider = await client.put(
        "/api/channel-costs/",
        json={"channels": {"sms": {"unit_cost": "0.01", "providers": {"sendgrid": "0.01"}}}},
        headers=admin,
    )
    negative = await client.put(
        "/api/channel-costs/", json={"channels": {"email": {"unit_cost": "-1"}}}, headers=admin
    )
    unknown_channel = await client.put(
        "/api/channel-costs/", json={"channels": {"fax": {"unit_cost": "1"}}}, headers=admin
    )
    too_precise = await client.put(
        "/api/channel-costs/",
        json={"channels": {"email": {"providers": {"smtp": "0.0000001"}}}},
        headers=admin,
    )

    assert unknown_provider.status_code == 422
    assert unknown_provider.json()["error_code"] == "invalid_channel_costs"
    assert "channels.sms.providers.sendgrid" in unknown_provider.json()["details"]["fields"]
    assert negative.status_code == 422
    assert negative.json()["error_code"] == "validation_error"
    assert unknown_channel.status_code == 422
    assert too_precise.status_code == 422


async def test_only_budget_managers_change_costs(client, acme, headers_for) -> None:
    body = {"channels": {"email": {"unit_cost": "0.001"}}}
    finance = await headers_for(acme, "finance")
    manager = await headers_for(acme, "marketing_manager")

    assert (await client.put("/api/channel-costs/", json=body, headers=finance)).status_code == 200
    refused = await client.put("/api/channel-costs/", json=body, headers=manager)
    assert refused.status_code == 403
    assert (await client.get("/api/channel-costs/", headers=manager)).status_code == 200


async def test_a_costs_update_lets_other_writers_audit_the_company_meanwhile(db, acme) -> None:
    # The update locks its company row FOR NO KEY UPDATE. An audit row of another transaction
    # holds the company's audit-chain lock while its foreign key checks that row: FOR UPDATE
    # would keep it waiting, and the update's own audit row would then wait for its chain lock.
    async with db.tenant_session(acme.id) as updating:
        await budget_guard_service._company(TenantScope(updating, acme.id), for_update=True)
        async with db.tenant_session(acme.id) as writing:
            await writing.execute(text("SET LOCAL lock_timeout = '2s'"))
            await audit.record(
                writing,
                company_id=acme.id,
                actor_user_id=None,
                action="company.checked",
                entity_type="company",
                entity_id=acme.id,
                meta=audit.RequestMeta(),
            )
            await writing.flush()
