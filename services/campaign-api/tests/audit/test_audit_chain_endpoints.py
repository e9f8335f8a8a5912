"""The company audit log over HTTP: rows by period with their chain fields, a verification
that names a tampered row, an export that verifies on its own, for readers of the audit log
only and never across tenants."""

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text, update
from sqlalchemy.ext.asyncio import create_async_engine

from campaign_api.main import create_app
from crm_common.audit_chain import verify_export
from crm_common.models import Company
from crm_common.settings import to_asyncpg_url
from crm_common.testing.client import app_client


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def _rename(client, campaign, headers, name: str) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"campaign_name": name}, headers=headers
    )
    assert response.status_code == 200, response.text


async def test_log_lists_rows_with_chain_fields_newest_first(client, admin, campaign) -> None:
    await _rename(client, campaign, admin, "Renamed")
    response = await client.get("/api/audit/", headers=admin)
    body = response.json()
    assert response.status_code == 200, body
    assert [item["chain_seq"] for item in body["items"]] == [2, 1]
    assert body["items"][0]["prev_hash"] == body["items"][1]["row_hash"]
    assert body["items"][0]["action"] == "campaign.updated"
    assert body["total"] == 2


async def test_verify_reports_an_intact_chain(client, admin, campaign) -> None:
    await _rename(client, campaign, admin, "Renamed")
    body = (await client.get("/api/audit/verify/", headers=admin)).json()
    assert body["ok"] is True
    assert (body["rows"], body["last_seq"], body["first_problem"]) == (2, 2, None)


async def test_verify_names_a_row_tampered_with_in_the_database(
    client, admin, campaign, acme, database_url
) -> None:
    await _rename(client, campaign, admin, "Renamed")
    await _rename(client, campaign, admin, "Renamed again")
    engine = create_async_engine(to_asyncpg_url(database_url))
    async with engine.begin() as owner:
        await owner.execute(text("SET LOCAL session_replication_role = replica"))
        await owner.execute(
            text(
                'UPDATE crm_audit_log SET new_values = \'{"campaign_name": "Forged"}\' '
                "WHERE company_id = :c AND chain_seq = 2"
            ),
            {"c": acme.id},
        )
    await engine.dispose()
    body = (await client.get("/api/audit/verify/", headers=admin)).json()
    assert body["ok"] is False
    assert body["first_problem"]["kind"] == "altered"
    assert body["first_problem"]["chain_seq"] == 2


async def test_export_of_a_period_verifies_on_its_own(client, admin, campaign) -> None:
    start = datetime.now(UTC)
    await _rename(client, campaign, admin, "Renamed")
    await _rename(client, campaign, admin, "Renamed again")
    end = datetime.now(UTC)
    await _rename(client, campaign, admin, "Later")
    response = await client.get(
        "/api/audit/export/",
        params={"from": start.isoformat(), "to": end.isoformat()},
        headers=admin,
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/x-ndjson")
    assert "attachment" in response.headers["content-disposition"]
    lines = response.text.splitlines()
    result = verify_export(lines)
    assert result.ok, result.to_json()
    assert (result.anchor.seq, result.first_seq, result.last_seq) == (1, 2, 3)
    log = await client.get("/api/audit/", headers=admin, params={"action": "audit.exported"})
    assert log.json()["total"] == 1


async def test_a_period_ending_before_it_starts_is_a_422(client, admin) -> None:
    now = datetime.now(UTC)
    response = await client.get(
        "/api/audit/verify/",
        params={"from": now.isoformat(), "to": (now - timedelta(hours=1)).isoformat()},
        headers=admin,
    )
    assert response.status_code == 422
    assert response.json()["error_code"] == "invalid_audit_period"
    naive = await client.get(
        "/api/audit/export/", params={"from": "2026-01-01T00:00:00"}, headers=admin
    )
    assert naive.status_code == 422
    assert naive.json()["error_code"] == "validation_error"
    numeric = await client.get("/api/audit/", params={"to": "0.5"}, headers=admin)
    assert numeric.status_code == 422, "a number is not a moment (ISO 8601 only)"
    # Past year 9999 once in UTC: the field's 422 before the export starts streaming.
    for path in ("/api/audit/", "/api/audit/export/"):
        beyond = await client.get(path, params={"to": "9999-12-31T23:59:59-12:00"}, headers=admin)
        assert beyond.status_code == 422
        assert "to" in beyond.json()["details"]["fields"]


@pytest.mark.parametrize("path", ["/api/audit/", "/api/audit/verify/", "/api/audit/export/"])
async def test_only_readers_of_the_audit_log_get_it(client, acme, headers_for, path) -> None:
    for role in ("marketing_manager", "marketing_analyst", "finance"):
        response = await client.get(path, headers=await headers_for(acme, role))
        assert response.status_code == 403, (role, response.text)
        assert response.json()["details"]["missing_permissions"] == ["read_audit_log"]
    assert (await client.get(path)).status_code == 401


async def test_another_tenants_rows_never_show(client, admin, campaign, globex, headers_for):
    spy = await headers_for(globex, "admin")
    listed = (await client.get("/api/audit/", headers=spy)).json()
    assert listed["total"] == 0
    verified = (await client.get("/api/audit/verify/", headers=spy)).json()
    assert verified["rows"] == 0
    exported = (await client.get("/api/audit/export/", headers=spy)).text
    assert str(campaign["id"]) not in exported
    assert uuid.UUID(campaign["id"])


@pytest.mark.parametrize(("region", "status"), [("eu", 200), ("us", 409), (None, 409)])
async def test_export_is_served_only_in_the_companys_residency_region(
    admin, acme, campaign, db, settings, resources, region, status
) -> None:
    async with db.system_session() as session:
        await session.execute(
            update(Company)
            .where(Company.id == acme.id)
            .values(settings={**(acme.settings or {}), "residency_region": "eu"})
        )
    regional = settings.model_copy(update={"data_region": region})
    app = create_app(regional, dataclasses.replace(resources, settings=regional))
    async with app_client(app) as client:
        response = await client.get("/api/audit/export/", headers=admin)
        log = await client.get("/api/audit/", headers=admin, params={"action": "audit.exported"})
    assert response.status_code == status, response.text
    if status == 409:
        body = response.json()
        assert body["error_code"] == "residency_violation"
        assert body["details"] == {"residency_region": "eu", "destination_region": region}
    assert log.json()["total"] == (1 if status == 200 else 0)
