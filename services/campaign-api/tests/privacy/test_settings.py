"""GET/PUT /api/privacy/settings/: double opt-in for email and data residency, changed by
administrators only, audited, other settings untouched."""

from __future__ import annotations

from sqlalchemy import select

from crm_common.models import AuditLog, Company

URL = "/api/privacy/settings/"


async def test_defaults_are_off_and_unset(client, admin) -> None:
    response = await client.get(URL, headers=admin)
    assert response.status_code == 200
    assert response.json() == {
        "double_opt_in_email": False,
        "residency_region": None,
        "residency_allowed_hosts": [],
    }


async def test_an_admin_changes_them_and_the_change_is_audited(client, db, acme, admin) -> None:
    body = {
        "double_opt_in_email": True,
        "residency_region": "eu",
        "residency_allowed_hosts": ["Hooks.Partner.example.com", "hooks.partner.example.com"],
    }
    response = await client.put(URL, json=body, headers=admin)

    assert response.status_code == 200, response.text
    assert response.json() == {
        "double_opt_in_email": True,
        "residency_region": "eu",
        "residency_allowed_hosts": ["hooks.partner.example.com"],
    }
    assert (await client.get(URL, headers=admin)).json() == response.json()
    async with db.system_session() as session:
        company = await session.get(Company, acme.id)
        assert company is not None
        assert company.settings["double_opt_in_email"] is True
        actions = (
            await session.execute(select(AuditLog.action).where(AuditLog.company_id == acme.id))
        ).scalars()
        assert "company.privacy_settings_changed" in list(actions)


async def test_other_settings_are_kept(client, db, acme, admin) -> None:
    async with db.system_session() as session:
        company = await session.get(Company, acme.id)
        assert company is not None
        company.settings = {**company.settings, "campaign_code_prefix": "AC"}
    await client.put(URL, json={"double_opt_in_email": True}, headers=admin)
    async with db.system_session() as session:
        company = await session.get(Company, acme.id)
        assert company is not None
        assert company.settings["campaign_code_prefix"] == "AC"


async def test_only_admins_change_them(client, acme, headers_for) -> None:
    manager = await headers_for(acme, "marketing_manager")
    response = await client.put(URL, json={"double_opt_in_email": True}, headers=manager)
    assert response.status_code == 403
    assert (await client.get(URL, headers=manager)).status_code == 200


async def test_bad_values_are_422(client, admin) -> None:
    for body in (
        {"residency_region": "mars"},
        {"residency_allowed_hosts": ["not a host"]},
        {"double_opt_in_email": True, "surprise": 1},
    ):
        response = await client.put(URL, json=body, headers=admin)
        assert response.status_code == 422, body
        assert response.json()["error_code"] == "validation_error"


async def test_each_company_has_its_own(client, globex, headers_for, admin) -> None:
    await client.put(URL, json={"residency_region": "us"}, headers=admin)
    theirs = await headers_for(globex, "admin")
    assert (await client.get(URL, headers=theirs)).json()["residency_region"] is None
