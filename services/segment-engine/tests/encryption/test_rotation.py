"""Key rotation without downtime: a new data key encrypts new writes while every version
decrypts; re-encryption moves old rows over; a KEK rotation rewraps keys and touches no data."""

from __future__ import annotations

import base64
import os
import uuid

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common import crypto
from crm_common.crypto import envelope, rotation
from crm_common.settings import Settings, to_asyncpg_url

PERSON = {"external_id": "ROT-1", "email": "rot@example.com", "first_name": "Rita"}


async def stored(database_url: str, sql: str, **params: object) -> list[dict[str, object]]:
    engine = create_async_engine(to_asyncpg_url(database_url))
    try:
        async with engine.connect() as connection:
            return [dict(r) for r in (await connection.execute(text(sql), params)).mappings()]
    finally:
        await engine.dispose()


async def versions(database_url: str, company_id: uuid.UUID) -> list[int | None]:
    rows = await stored(
        database_url,
        "SELECT pii_key_version AS v FROM crm_contacts WHERE company_id = :c ORDER BY external_id",
        c=company_id,
    )
    return [row["v"] for row in rows]  # type: ignore[misc]


async def test_a_new_data_key_takes_writes_and_old_rows_move_over_online(
    client, acme, db, database_url
) -> None:
    first = await client.post("/api/contacts/", json=PERSON, headers=acme.admin)
    assert first.status_code == 201, first.text

    version = await rotation.rotate_data_key(db, acme.company.id)
    second = await client.post(
        "/api/contacts/", json={**PERSON, "external_id": "ROT-2"}, headers=acme.admin
    )
    mixed = await versions(database_url, acme.company.id)
    both = (await client.get("/api/contacts/?sort=external_id", headers=acme.admin)).json()

    assert version == 2
    assert mixed == [1, 2]
    assert [c["email"] for c in both["items"]] == ["rot@example.com", "rot@example.com"]
    # Email dedupe still finds both: the keyed-hash key is not rotated with the data key.
    found = await client.get("/api/contacts/?email=rot@example.com", headers=acme.admin)
    assert found.json()["total"] == 2

    report = await rotation.reencrypt_company(db, acme.company.id)
    assert (report.key_version, report.contacts) == (2, 1)
    assert await versions(database_url, acme.company.id) == [2, 2]
    [row] = await stored(database_url, "SELECT email FROM crm_contacts WHERE external_id = 'ROT-1'")
    assert envelope.key_version(bytes(row["email"])) == 2  # type: ignore[arg-type]
    again = await client.get(f"/api/contacts/{first.json()['id']}/", headers=acme.admin)
    assert again.json()["first_name"] == "Rita"
    assert second.status_code == 201


async def test_a_kek_rotation_rewraps_the_keys_and_leaves_the_data(
    client, acme, db, database_url, settings
) -> None:
    old, new = (base64.b64encode(os.urandom(32)).decode() for _ in range(2))
    try:
        crypto.configure(Settings(env="test", kek=old))  # type: ignore[arg-type]
        created = await client.post("/api/contacts/", json=PERSON, headers=acme.admin)
        before = await stored(database_url, "SELECT email FROM crm_contacts")

        # The new KEK current, the old one only unwrapping: the rewrap moves every key over.
        crypto.configure(Settings(env="test", kek=new, kek_previous=old))  # type: ignore[arg-type]
        assert await rotation.rewrap_keys(db, acme.company.id) == 2
        keys = await stored(
            database_url,
            "SELECT DISTINCT kek_id FROM crm_pii_keys WHERE company_id = :c",
            c=acme.company.id,
        )
        assert [k["kek_id"] for k in keys] == [crypto.process_keyring().provider.current_kek_id]

        # Only the new KEK now: the data, never rewritten, still decrypts.
        crypto.configure(Settings(env="test", kek=new))  # type: ignore[arg-type]
        read = await client.get(f"/api/contacts/{created.json()['id']}/", headers=acme.admin)
        assert read.json()["email"] == "rot@example.com"
        assert await stored(database_url, "SELECT email FROM crm_contacts") == before
    finally:
        crypto.configure(settings)
