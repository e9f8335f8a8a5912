"""Erasure: afterwards no table, stream entry or cache holds the contact's address or phone
number (every text and JSON column of every table is scanned, and every Redis key), the
aggregates and an anonymous audit trail stay, and the request is logged and announced."""

from __future__ import annotations

import hashlib

import asyncpg
from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql

from crm_common.crypto.pii import cipher_for
from crm_common.models import (
    AuditLog,
    Contact,
    ContactEvent,
    DataSubjectRequest,
    Delivery,
    OutboxEvent,
    Suppression,
)

from .conftest import make_person, seed_redis

TEXT_TYPES = ("text", "character varying", "character", "json", "jsonb", "ARRAY", "USER-DEFINED")


async def _database_hits(
    database_url: str, needles: list[str], hashes: list[bytes] = (), hash_allowed: str = ""
) -> list[str]:
    """Every (table.column) of the public schema whose text holds one of `needles`, or whose
    binary value (sealed columns are `bytea`) holds one of them or one of `hashes` — except
    `hash_allowed` (table.column) for the hashes. Read as the owner: no row-level security,
    every table."""
    hits: list[str] = []
    connection = await asyncpg.connect(database_url)
    quote = postgresql.dialect().identifier_preparer.quote
    try:
        columns = await connection.fetch(
            "SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
            "JOIN pg_tables t ON t.schemaname = c.table_schema AND t.tablename = c.table_name "
            "WHERE c.table_schema = 'public' AND c.data_type = ANY($1::text[])",
            [*TEXT_TYPES, "bytea"],
        )
        assert len(columns) > 50
        for table, column, data_type in columns:
            # Identifiers come from the catalogue and are quoted; the needle is a parameter.
            if data_type == "bytea":
                query = f"SELECT count(*) FROM {quote(table)} WHERE position($1::bytea in {quote(column)}) > 0"  # noqa: S608
                probes = [n.encode() for n in needles]
                if f"{table}.{column}" != hash_allowed:
                    probes += list(hashes)
            else:
                query = f"SELECT count(*) FROM {quote(table)} WHERE strpos({quote(column)}::text, $1) > 0"  # noqa: S608
                probes = list(needles) + [h.hex() for h in hashes]
            for probe in probes:
                if await connection.fetchval(query, probe):
                    hits.append(f"{table}.{column}: {probe!r}")
    finally:
        await connection.close()
    return hits


async def _redis_hits(redis, needles: list[str]) -> list[str]:
    hits = []
    async for key in redis.scan_iter(count=500):
        kind = await redis.type(key)
        if kind == "stream":
            parts = [str(fields) for _, fields in await redis.xrange(key)]
        elif kind == "string":
            parts = [await redis.get(key) or ""]
        elif kind == "hash":
            parts = [str(await redis.hgetall(key))]
        elif kind == "list":
            parts = await redis.lrange(key, 0, -1)
        elif kind == "set":
            parts = list(await redis.smembers(key))
        elif kind == "zset":
            parts = await redis.zrange(key, 0, -1)
        else:
            parts = []
        for needle in needles:
            if needle in key or any(needle in part for part in parts):
                hits.append(f"{key}: {needle}")
    return hits


def _hash_forms(value: str) -> list[str]:
    """Unkeyed digests of a value anyone could compute (none may remain)."""
    data = value.encode()
    return [hashlib.sha256(data).hexdigest(), hashlib.md5(data).hexdigest()]  # noqa: S324


async def test_erasure_leaves_no_trace_of_the_address_or_phone(
    client, acme, db, resources, settings, database_url
):
    person = await make_person(db, acme)
    await seed_redis(resources.redis, person)
    needles = [person.email, person.phone]
    async with db.tenant_session(acme.company.id) as session:
        cipher = await cipher_for(session, acme.company.id)
    hashes = [cipher.hash(needle) for needle in needles]
    hashes += [bytes.fromhex(h) for n in needles for h in _hash_forms(n)]
    assert await _database_hits(database_url, needles)  # the scan sees what is there

    response = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "erased"
    assert body["redis"]["stream_entries"] == 2
    assert body["redis"]["keys"] == 2
    # The keyed hashes stay in the suppression list only (the person is never sent to again).
    hits = await _database_hits(
        database_url, needles, hashes, hash_allowed="crm_suppressions.address_hash"
    )
    assert hits == []
    assert await _redis_hits(resources.redis, needles) == []
    assert await resources.redis.get("crm:cache:unrelated") == "nothing personal"
    assert await resources.redis.xlen("crm.events") == 1


async def test_erasure_keeps_aggregates_a_hashed_suppression_and_an_anonymous_trail(
    client, acme, db, settings
):
    person = await make_person(db, acme)

    response = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)

    assert response.status_code == 200, response.text
    async with db.system_session() as session:
        contact = await session.get(Contact, person.contact_id)
        assert contact.erased_at is not None
        assert contact.do_not_sell
        assert contact.email is None
        assert contact.phone is None
        assert contact.first_name is None
        assert contact.external_id == f"erased:{person.contact_id}"
        assert contact.attributes == {}
        assert contact.interests == []
        assert (
            await session.scalar(
                select(func.count()).select_from(Delivery).where(Delivery.contact_id == contact.id)
            )
            == 1
        )
        assert (
            await session.scalar(
                select(func.count())
                .select_from(ContactEvent)
                .where(ContactEvent.contact_id == contact.id, ContactEvent.properties == {})
            )
            == 1
        )
        cipher = await cipher_for(session, acme.company.id)
        rows = (
            await session.scalars(
                select(Suppression).where(Suppression.company_id == acme.company.id)
            )
        ).all()
        assert {(row.channel, row.address_hash) for row in rows} == {
            ("email", cipher.hash(person.email)),
            (None, cipher.hash(person.email)),
            (None, cipher.hash(person.phone)),
        }
        assert all(bytes(row.address) == b"erased" and row.contact_id is None for row in rows)
        trail = (
            await session.scalars(
                select(AuditLog).where(AuditLog.entity_id == contact.id).order_by(AuditLog.id)
            )
        ).all()
        assert [row.action for row in trail] == ["contact.updated", "contact.erased"]
        assert trail[0].new_values == {"email": "[redacted]", "phone": "[redacted]"}
        assert trail[0].redaction_request_id is not None
        erased_event = await session.scalar(
            select(OutboxEvent).where(OutboxEvent.event_type == "contact.erased")
        )
        assert erased_event.envelope["data"]["contact_id"] == str(contact.id)
        log = (
            await session.scalars(
                select(DataSubjectRequest).where(DataSubjectRequest.contact_id == contact.id)
            )
        ).all()
        assert [(row.kind, row.outcome) for row in log] == [("erase", "completed")]
        assert log[0].id == trail[0].redaction_request_id
        assert log[0].requested_by_user_id == acme.admin_user.id


async def test_a_second_erasure_is_logged_and_changes_nothing(client, acme, db):
    person = await make_person(db, acme)
    first = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)

    second = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)

    assert second.status_code == 200, second.text
    assert second.json()["status"] == "already_erased"
    assert second.json()["erased_at"] == first.json()["erased_at"]
    async with db.system_session() as session:
        outcomes = (
            await session.scalars(
                select(DataSubjectRequest.outcome)
                .where(DataSubjectRequest.contact_id == person.contact_id)
                .order_by(DataSubjectRequest.requested_at)
            )
        ).all()
        assert sorted(outcomes) == ["already_done", "completed"]
        erased_events = await session.scalar(
            select(func.count())
            .select_from(OutboxEvent)
            .where(OutboxEvent.event_type == "contact.erased")
        )
        assert erased_events == 1


async def test_erasure_under_legal_hold_is_refused_and_logged(client, acme, db):
    person = await make_person(db, acme)
    hold = await client.post(
        "/api/contacts/privacy/legal-holds/",
        json={"contact_id": str(person.contact_id), "reason": "Pending litigation"},
        headers=acme.admin,
    )
    assert hold.status_code == 201, hold.text

    response = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)

    assert response.status_code == 409
    assert response.json()["error_code"] == "contact_under_legal_hold"
    async with db.system_session() as session:
        contact = await session.get(Contact, person.contact_id)
        assert bytes(contact.email) == person.email.encode()
        refused = await session.scalar(
            select(func.count())
            .select_from(DataSubjectRequest)
            .where(
                DataSubjectRequest.contact_id == person.contact_id,
                DataSubjectRequest.kind == "erase",
                DataSubjectRequest.outcome == "refused",
            )
        )
        assert refused == 1


async def test_erasure_needs_manage_privacy(client, acme, db):
    person = await make_person(db, acme)

    response = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.manager)

    assert response.status_code == 403
    assert response.json()["error_code"] == "permission_denied"


async def test_another_companys_contact_cannot_be_erased(client, acme, globex, db):
    person = await make_person(db, acme)

    response = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=globex.admin)

    assert response.status_code == 404
    async with db.system_session() as session:
        assert bytes((await session.get(Contact, person.contact_id)).email) == person.email.encode()
