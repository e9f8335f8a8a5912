"""Many contacts and suppressions at once, with COPY, stored as the API stores them (personal
data sealed under the company's key, keyed hashes for lookups): what load tests and benches
start from."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

import asyncpg

from crm_common.crypto import pii
from crm_common.crypto.keyring import PiiCipher
from crm_common.db import Database


async def _cipher(db: Database, company_id: uuid.UUID) -> PiiCipher:
    async with db.system_session() as session:
        return await pii.cipher_for(session, company_id)


async def _copy(url: str, table: str, rows: list[dict[str, Any]], analyze: bool = True) -> None:
    if not rows:
        return
    columns = list(rows[0])
    connection = await asyncpg.connect(url)
    try:
        await connection.copy_records_to_table(
            table, records=[tuple(row[c] for c in columns) for row in rows], columns=columns
        )
        if analyze:
            await connection.execute(f"ANALYZE {table}")  # a module constant, never input
    finally:
        await connection.close()


async def copy_contacts(
    db: Database,
    url: str,
    company_id: uuid.UUID,
    rows: Sequence[Mapping[str, Any]],
    *,
    analyze: bool = True,
) -> None:
    """Contacts of `company_id` from plaintext column values (every row the same columns;
    `id` and `company_id` are filled in when missing); the table analysed after, unless the
    caller loads in chunks and leaves that to the last."""
    cipher = await _cipher(db, company_id)
    stored = []
    for row in rows:
        contact_id = row.get("id") or uuid.uuid4()
        values = {**row, "id": contact_id, "company_id": company_id}
        stored.append(pii.seal_contact(cipher, contact_id, values))
    await _copy(url, pii.CONTACTS, stored, analyze)


async def copy_suppressions(
    db: Database, url: str, company_id: uuid.UUID, rows: Sequence[Mapping[str, Any]]
) -> None:
    """Suppressions of `company_id`, each with a normalised `address` (and `channel`, `reason`)."""
    cipher = await _cipher(db, company_id)
    stored = []
    for row in rows:
        suppression_id = row.get("id") or uuid.uuid4()
        values = {**row, "id": suppression_id, "company_id": company_id}
        values.update(pii.seal_suppression(cipher, suppression_id, row["address"]))
        stored.append(values)
    await _copy(url, pii.SUPPRESSIONS, stored)
