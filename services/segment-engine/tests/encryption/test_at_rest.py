"""Personal data encrypted at rest: what the database holds, what the API answers, lookups
through keyed hashes, segment rules on sealed fields, and rows written before encryption."""

from __future__ import annotations

import uuid

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common.crypto import rotation
from crm_common.settings import to_asyncpg_url

JANE = {
    "external_id": "ENC-1",
    "email": "Jane.Doe@Example.com",
    "phone": "+44 20 7946 0958",
    "first_name": "Janelle",
    "last_name": "Doherty",
    "country": "GB",
    "consent": {"email": True, "sms": True},
}
PLAINTEXTS = (b"jane.doe@example.com", b"+442079460958", b"Janelle", b"Doherty")


async def owner_rows(database_url: str, sql: str, **params: object) -> list[dict[str, object]]:
    """Rows read as the owner role: what someone holding only the database sees."""
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.connect() as connection:
            result = await connection.execute(text(sql), params)
            return [dict(row) for row in result.mappings()]
    finally:
        await engine.dispose()


async def create(client, tenant, **fields):
    response = await client.post("/api/contacts/", json={**JANE, **fields}, headers=tenant.admin)
    assert response.status_code == 201, response.text
    return response.json()


async def test_the_database_alone_holds_no_personal_data_in_plaintext(
    client, acme, database_url
) -> None:
    contact = await create(client, acme)
    await client.post(
        "/api/suppressions/",
        json={"channel": "email", "address": "blocked@example.com", "reason": "manual"},
        headers=acme.admin,
    )

    [row] = await owner_rows(
        database_url,
        "SELECT email, phone, first_name, last_name, email_hash, phone_hash, email_domain, "
        "pii_key_version FROM crm_contacts WHERE id = :id",
        id=uuid.UUID(contact["id"]),
    )
    stored = b"".join(bytes(row[c]) for c in ("email", "phone", "first_name", "last_name"))
    for plaintext in PLAINTEXTS:
        assert plaintext not in stored
        assert plaintext.lower() not in stored.lower()
    assert row["email_domain"] == "example.com"
    assert row["pii_key_version"] == 1
    assert len(bytes(row["email_hash"])) == 16
    [suppression] = await owner_rows(database_url, "SELECT address FROM crm_suppressions")
    assert b"blocked" not in bytes(suppression["address"])
    keys = await owner_rows(
        database_url,
        "SELECT purpose, version, wrapped_key, kek_id FROM crm_pii_keys WHERE company_id = :c",
        c=acme.company.id,
    )
    assert sorted((k["purpose"], k["version"]) for k in keys) == [("data", 1), ("hash", 1)]


async def test_the_api_answers_plaintext_with_view_pii_and_masks_without(client, acme) -> None:
    contact = await create(client, acme)

    full = (await client.get(f"/api/contacts/{contact['id']}/", headers=acme.admin)).json()
    masked = (await client.get(f"/api/contacts/{contact['id']}/", headers=acme.analyst)).json()

    assert (full["email"], full["phone"], full["first_name"], full["last_name"]) == (
        "jane.doe@example.com",
        "+442079460958",
        "Janelle",
        "Doherty",
    )
    assert masked["email"] == "j***@e***.com"
    assert masked["first_name"] == "J."


async def test_updates_and_bulk_upserts_compare_with_the_decrypted_values(client, acme) -> None:
    contact = await create(client, acme)

    same = await client.post("/api/contacts/bulk/", json={"contacts": [JANE]}, headers=acme.admin)
    changed = await client.patch(
        f"/api/contacts/{contact['id']}/", json={"last_name": "Dane"}, headers=acme.admin
    )

    assert same.json()["unchanged"] == 1
    assert changed.json()["last_name"] == "Dane"
    assert changed.json()["email"] == "jane.doe@example.com"


async def test_email_and_phone_filters_find_contacts_by_keyed_hash(client, acme, globex) -> None:
    await create(client, acme)
    await create(client, acme, external_id="ENC-2", email="other@example.com", phone=None)
    await create(client, globex)

    by_email = await client.get("/api/contacts/?email=JANE.DOE@example.com", headers=acme.admin)
    by_phone = await client.get("/api/contacts/?phone=%2B442079460958", headers=acme.admin)

    assert [c["external_id"] for c in by_email.json()["items"]] == ["ENC-1"]
    assert [c["external_id"] for c in by_phone.json()["items"]] == ["ENC-1"]


async def test_a_suppressed_address_is_excluded_through_its_hash(client, acme) -> None:
    await create(client, acme)
    await create(client, acme, external_id="ENC-2", email="other@example.com", phone=None)
    body = {"demographic_criteria": {}, "channel": "email", "exact": True}
    before = (await client.post("/api/segments/estimate/", json=body, headers=acme.admin)).json()

    added = await client.post(
        "/api/suppressions/",
        json={"channel": "email", "address": "JANE.DOE@example.com", "reason": "manual"},
        headers=acme.admin,
    )
    after = (await client.post("/api/segments/estimate/", json=body, headers=acme.admin)).json()
    listed = (await client.get("/api/suppressions/", headers=acme.admin)).json()

    assert added.status_code == 201, added.text
    assert added.json()["contact_id"] is not None  # linked to Jane by hash
    assert (before["count"], after["count"]) == (2, 1)
    assert after["excluded"]["suppressed"] == 1
    assert listed["items"][0]["address"] == "jane.doe@example.com"


async def test_email_rules_compare_by_hash_and_domains_by_email_domain(client, acme) -> None:
    await create(client, acme)
    await create(client, acme, external_id="ENC-2", email="ann@other.test", phone=None)

    async def count(condition: dict[str, object]) -> int:
        body = {"demographic_criteria": condition, "exact": True}
        response = await client.post("/api/segments/estimate/", json=body, headers=acme.admin)
        assert response.status_code == 200, response.text
        return int(response.json()["count"])

    assert await count({"field": "email", "op": "eq", "value": "Jane.Doe@example.com"}) == 1
    assert await count({"field": "email", "op": "not_in", "value": ["ann@other.test"]}) == 1
    assert await count({"field": "email_domain", "op": "eq", "value": "other.test"}) == 1
    assert await count({"field": "email_domain", "op": "contains", "value": "example"}) == 1
    assert await count({"field": "last_name", "op": "is_set"}) == 2


async def test_rules_that_would_read_sealed_values_are_refused(client, acme) -> None:
    for condition in (
        {"field": "email", "op": "contains", "value": "@example.com"},
        {"field": "first_name", "op": "eq", "value": "Janelle"},
    ):
        body = {"demographic_criteria": condition}
        response = await client.post("/api/segments/validate/", json=body, headers=acme.admin)
        assert response.status_code == 422, response.text
        assert response.json()["details"]


async def test_rows_written_before_encryption_read_as_plaintext_until_sealed(
    client, acme, db, database_url
) -> None:
    contact_id = uuid.uuid4()
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO crm_contacts (id, company_id, external_id, email, first_name) "
                    "VALUES (:id, :c, 'OLD-1', convert_to('old@example.com', 'UTF8'), "
                    "convert_to('Olga', 'UTF8'))"
                ),
                {"id": contact_id, "c": acme.company.id},
            )
    finally:
        await engine.dispose()

    legacy = (await client.get(f"/api/contacts/{contact_id}/", headers=acme.admin)).json()
    report = await rotation.reencrypt_company(db, acme.company.id)
    sealed = (await client.get(f"/api/contacts/{contact_id}/", headers=acme.admin)).json()
    [row] = await owner_rows(
        database_url,
        "SELECT email, pii_key_version FROM crm_contacts WHERE id = :id",
        id=contact_id,
    )

    assert (legacy["email"], legacy["first_name"]) == ("old@example.com", "Olga")
    assert report.contacts == 1
    assert (sealed["email"], sealed["first_name"]) == ("old@example.com", "Olga")
    assert row["pii_key_version"] == 1
    assert b"old@" not in bytes(row["email"])
