"""The consent ledger: every change appended with its source, time, legal basis and proof;
the current state derived from it in the same transaction; append-only in the database."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from crm_common.db import Database
from crm_common.models import ConsentLedgerEntry
from crm_common.privacy import consent as ledger
from crm_common.tenancy import TenantScope

from ..conftest import Tenant
from .conftest import consented_channels, create_contact


async def _history(client, tenant: Tenant, contact_id: str, **params) -> dict:
    response = await client.get(
        f"/api/contacts/{contact_id}/consents/history/", params=params, headers=tenant.admin
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_every_write_path_appends_to_the_ledger(client, db: Database, acme: Tenant) -> None:
    contact_id = await create_contact(
        client, acme.admin, consent={"email": True}, consent_source="web"
    )
    await client.patch(
        f"/api/contacts/{contact_id}/",
        json={"consent": {"sms": True}, "consent_source": "checkout"},
        headers=acme.admin,
    )
    await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={"consent": {"email": False}, "source": "preference_center", "form_id": "pc-7"},
        headers=acme.admin,
    )
    await client.post(
        "/api/contacts/bulk/",
        json={"contacts": [{"external_id": "C1", "consent": {"direct_mail": True}}]},
        headers=acme.admin,
    )

    page = await _history(client, acme, contact_id)
    entries = [(e["channel"], e["action"], e["status"], e["source"]) for e in page["items"]]
    assert entries == [
        ("direct_mail", "grant", "granted", "bulk_api"),
        ("email", "withdraw", "withdrawn", "preference_center"),
        ("sms", "grant", "granted", "checkout"),
        ("email", "grant", "granted", "web"),
    ]
    assert page["total"] == 4
    assert page["items"][1]["proof"]["form_id"] == "pc-7"
    assert page["items"][1]["previous_status"] == "granted"
    assert "batch_id" in page["items"][0]["proof"]
    assert await consented_channels(db, contact_id) == ["direct_mail", "sms"]


async def test_csv_import_names_the_import_in_the_proof(client, acme: Tenant) -> None:
    csv = "external_id,email,consent.email,consent_legal_basis\nK1,k1@example.com,yes,implied\n"
    response = await client.post(
        "/api/contacts/import/",
        files={"file": ("contacts.csv", csv.encode(), "text/csv")},
        headers=acme.admin,
    )
    assert response.status_code == 200, response.text
    contacts = (await client.get("/api/contacts/?external_id=K1", headers=acme.admin)).json()
    [entry] = (await _history(client, acme, contacts["items"][0]["id"]))["items"]
    assert entry["source"] == "csv_import"
    assert entry["legal_basis"] == "implied"
    assert "import_id" in entry["proof"]


async def test_implied_consent_ends_after_two_years(client, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin)
    given = datetime(2025, 3, 1, tzinfo=UTC)
    response = await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={
            "consent": {"email": True},
            "source": "purchase",
            "legal_basis": "implied",
            "recorded_at": given.isoformat(),
        },
        headers=acme.admin,
    )
    [email] = response.json()["channels"]
    assert email["legal_basis"] == "implied"
    assert datetime.fromisoformat(email["expires_at"]) == given + timedelta(days=730)


async def test_expired_implied_consent_is_not_consent(client, db: Database, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin)
    await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={
            "consent": {"email": True, "sms": True},
            "source": "inquiry",
            "legal_basis": "implied",
            "recorded_at": "2024-01-10T10:00:00+00:00",
        },
        headers=acme.admin,
    )
    assert await consented_channels(db, contact_id) == ["email", "sms"]

    async with db.tenant_session(acme.company.id) as session:
        expired = await ledger.expire_due(
            TenantScope(session, acme.company.id), datetime(2026, 6, 1, tzinfo=UTC)
        )

    assert expired == 2
    assert await consented_channels(db, contact_id) == []
    actions = {
        (e["channel"], e["action"], e["status"])
        for e in (await _history(client, acme, contact_id))["items"]
    }
    assert ("email", "expire", "withdrawn") in actions
    assert ("sms", "expire", "withdrawn") in actions


async def test_consent_past_its_end_is_not_counted_before_the_sweep(
    client, db: Database, acme: Tenant
) -> None:
    """Between two expiry sweeps the array still names the channel; estimates do not count it."""
    ended = await create_contact(client, acme.admin, "ENDED")
    await create_contact(client, acme.admin, "CURRENT", consent={"email": True})
    await client.patch(
        f"/api/contacts/{ended}/consent/",
        json={
            "consent": {"email": True},
            "source": "inquiry",
            "legal_basis": "implied",
            "recorded_at": "2024-01-10T10:00:00+00:00",
        },
        headers=acme.admin,
    )
    assert await consented_channels(db, ended) == ["email"]  # not swept yet

    response = await client.post(
        "/api/segments/estimate/", json={"channel": "email"}, headers=acme.analyst
    )

    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["matched"], result["count"], result["excluded"]["no_consent"]) == (2, 1, 1)


async def test_expiry_must_be_in_the_future(client, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin)
    response = await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={"consent": {"email": True}, "expires_at": "2020-01-01T00:00:00+00:00"},
        headers=acme.admin,
    )
    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


async def test_an_unknown_legal_basis_is_refused(client, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin)
    response = await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={"consent": {"email": True}, "legal_basis": "because"},
        headers=acme.admin,
    )
    assert response.status_code == 422


async def test_the_ledger_refuses_updates_and_deletes(client, db: Database, acme: Tenant) -> None:
    contact_id = uuid.UUID(await create_contact(client, acme.admin, consent={"email": True}))
    for statement in (
        update(ConsentLedgerEntry).values(source="forged"),
        delete(ConsentLedgerEntry),
    ):
        with pytest.raises(DBAPIError, match="permission denied|append-only"):
            async with db.tenant_session(acme.company.id) as session:
                await session.execute(statement.where(ConsentLedgerEntry.contact_id == contact_id))
    async with db.system_session() as session:
        sources = (await session.execute(select(ConsentLedgerEntry.source))).scalars().all()
    assert sources == ["api"]


async def test_pseudonymising_strips_the_proof_and_keeps_what_happened(
    client, db: Database, acme: Tenant, globex: Tenant
) -> None:
    mine = uuid.UUID(await create_contact(client, acme.admin, consent={"email": True}))
    theirs = uuid.UUID(await create_contact(client, globex.admin, consent={"email": True}))
    async with db.tenant_session(acme.company.id) as session:
        changed = await ledger.pseudonymise_contact(TenantScope(session, acme.company.id), mine)
        again = await ledger.pseudonymise_contact(TenantScope(session, acme.company.id), mine)
    assert (changed, again) == (1, 0)
    async with db.system_session() as session:
        rows = {
            row.contact_id: row
            for row in (await session.execute(select(ConsentLedgerEntry))).scalars()
        }
    assert rows[mine].proof == {"pseudonymised": True}
    assert rows[mine].pseudonymised_at is not None
    assert (rows[mine].channel, rows[mine].action) == ("email", "grant")
    assert rows[theirs].pseudonymised_at is None


async def test_pseudonymising_another_companys_ledger_is_refused(
    client, db: Database, acme: Tenant, globex: Tenant
) -> None:
    theirs = uuid.UUID(await create_contact(client, globex.admin, consent={"email": True}))
    with pytest.raises(DBAPIError, match="another company"):
        async with db.tenant_session(acme.company.id) as session:
            await ledger.pseudonymise_contact(TenantScope(session, globex.company.id), theirs)


async def test_history_of_another_companys_contact_is_404(
    client, acme: Tenant, globex: Tenant
) -> None:
    theirs = await create_contact(client, globex.admin, consent={"email": True})
    response = await client.get(f"/api/contacts/{theirs}/consents/history/", headers=acme.admin)
    assert response.status_code == 404
    assert response.json()["error_code"] == "contact_not_found"


async def test_history_masks_the_proof_without_view_pii(client, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin, consent={"email": True})
    analyst = await client.get(
        f"/api/contacts/{contact_id}/consents/history/", headers=acme.analyst
    )
    admin = await _history(client, acme, contact_id)
    assert analyst.status_code == 200
    assert admin["items"][0]["proof"].get("ip") not in (None, "***")
    assert analyst.json()["items"][0]["proof"]["ip"] == "***"


async def test_history_pages_and_filters_by_channel(client, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin, consent={"email": True, "sms": True})
    page = await _history(client, acme, contact_id, channel="sms", page_size=1)
    assert page["total"] == 1
    assert page["filters"] == {"channel": "sms"}
    assert [e["channel"] for e in page["items"]] == ["sms"]


async def test_history_needs_authentication(client, acme: Tenant) -> None:
    contact_id = await create_contact(client, acme.admin)
    response = await client.get(f"/api/contacts/{contact_id}/consents/history/")
    assert response.status_code == 401


async def test_a_suppression_for_an_unsubscribe_withdraws_consent(
    client, db: Database, acme: Tenant
) -> None:
    contact_id = await create_contact(client, acme.admin, consent={"email": True, "sms": True})
    response = await client.post(
        "/api/suppressions/",
        json={"channel": "email", "address": "c1@example.com", "reason": "unsubscribe"},
        headers=acme.admin,
    )
    assert response.status_code == 201, response.text
    assert await consented_channels(db, contact_id) == ["sms"]
    [latest, *_] = (await _history(client, acme, contact_id))["items"]
    assert (latest["channel"], latest["action"]) == ("email", "withdraw")
    assert latest["proof"]["reason"] == "unsubscribe"


async def test_a_hard_bounce_suppression_leaves_consent_alone(
    client, db: Database, acme: Tenant
) -> None:
    contact_id = await create_contact(client, acme.admin, consent={"email": True})
    await client.post(
        "/api/suppressions/",
        json={"channel": "email", "address": "c1@example.com", "reason": "hard_bounce"},
        headers=acme.admin,
    )
    assert await consented_channels(db, contact_id) == ["email"]
