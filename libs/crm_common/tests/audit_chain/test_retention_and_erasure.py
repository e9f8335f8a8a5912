"""Sanctioned changes to the audit chain — retention pruning a prefix behind an anchor, and
erasure redacting a contact's personal data — keep it verifiable and stay distinguishable
from tampering; an export of a period verifies on its own."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import create_async_engine

from crm_common.audit import record
from crm_common.audit_chain import (
    TenantMismatch,
    export_lines,
    prune_before,
    redact_contact,
    verify_export,
    verify_stored,
)
from crm_common.db import Database
from crm_common.models import AuditLog, Company
from crm_common.models.platform import AuditAnchor
from crm_common.settings import to_asyncpg_url
from crm_common.testing.builders import make_company

EMAIL = "jane.roe+audit@example.org"


async def write(db: Database, company: Company, count: int, **values: object) -> None:
    async with db.tenant_session(company.id) as session:
        for number in range(count):
            await record(
                session,
                company_id=company.id,
                actor_user_id=None,
                action="campaign.updated",
                entity_type="campaign",
                entity_id=uuid.uuid4(),
                new_values={"n": number, **values},
            )


async def chained_at(db: Database, company: Company, seq: int) -> datetime:
    async with db.tenant_session(company.id) as session:
        return (
            await session.execute(select(AuditLog.chained_at).where(AuditLog.chain_seq == seq))
        ).scalar_one()


async def verify(db: Database, company: Company, **period):
    async with db.tenant_session(company.id) as session:
        return await verify_stored(session, company.id, **period)


async def export(db: Database, company: Company, **period) -> list[str]:
    async with db.tenant_session(company.id) as session:
        return [line async for line in export_lines(session, company.id, **period)]


async def test_pruning_removes_a_prefix_and_the_rest_verifies_from_the_anchor(db) -> None:
    company = await make_company(db)
    await write(db, company, 6)
    cut = await chained_at(db, company, 5)
    async with db.system_session() as session:
        assert await prune_before(session, company.id, cut) == 4
    async with db.tenant_session(company.id) as session:
        seqs = (await session.execute(select(AuditLog.chain_seq))).scalars().all()
        anchor = (await session.execute(select(AuditAnchor))).scalar_one()
    assert sorted(seqs) == [5, 6, 7]  # 7: the audit.pruned row recording the prune
    assert (anchor.first_seq, anchor.pruned_rows) == (5, 4)
    result = await verify(db, company)
    assert result.ok, result.to_json()
    assert (result.anchor.source, result.anchor.seq, result.first_seq) == ("prune_anchor", 4, 5)
    await write(db, company, 1)
    assert (await verify(db, company)).last_seq == 8


async def test_pruning_never_removes_the_head_or_anything_when_nothing_is_old(db) -> None:
    company = await make_company(db)
    await write(db, company, 2)
    async with db.tenant_session(company.id) as session:
        assert await prune_before(session, company.id, datetime(2000, 1, 1, tzinfo=UTC)) == 0
        assert await prune_before(session, company.id, datetime.now(UTC) + timedelta(1)) == 1
    assert (await verify(db, company)).ok


async def test_a_row_removed_after_the_anchor_is_still_reported(db, database_url) -> None:
    company = await make_company(db)
    await write(db, company, 5)
    async with db.tenant_session(company.id) as session:
        await prune_before(session, company.id, await chained_at(db, company, 3))
    engine = create_async_engine(to_asyncpg_url(database_url))
    async with engine.begin() as owner:
        await owner.execute(text("SET LOCAL session_replication_role = replica"))
        await owner.execute(
            text("DELETE FROM crm_audit_log WHERE company_id = :c AND chain_seq = 3"),
            {"c": company.id},
        )
    await engine.dispose()
    problem = (await verify(db, company)).first_problem
    assert (problem.kind, problem.chain_seq) == ("removed", 3)


async def test_a_session_bound_to_another_company_cannot_prune_or_redact(db) -> None:
    acme, globex = await make_company(db), await make_company(db)
    await write(db, globex, 3)
    with pytest.raises(TenantMismatch):
        async with db.tenant_session(acme.id) as session:
            await prune_before(session, globex.id, datetime.now(UTC))
    with pytest.raises(DBAPIError, match="not bound to company"):
        async with db.tenant_session(acme.id) as session:
            await session.execute(select(text(f"crm_audit_prune('{globex.id}', now())")))
    with pytest.raises(TenantMismatch):
        async with db.tenant_session(acme.id) as session:
            await redact_contact(session, globex.id, None, [EMAIL], request_id=uuid.uuid4())
    assert (await verify(db, globex)).rows == 3


async def test_redaction_removes_the_contact_and_the_chain_still_verifies(db) -> None:
    company = await make_company(db)
    contact_id, request_id = uuid.uuid4(), uuid.uuid4()
    await write(db, company, 2)
    async with db.tenant_session(company.id) as session:
        await record(
            session,
            company_id=company.id,
            actor_user_id=None,
            action="segment.updated",
            entity_type="segment",
            entity_id=uuid.uuid4(),
            new_values={"rules": {"field": "email", "op": "eq", "value": EMAIL.upper()}},
        )
        await record(
            session,
            company_id=company.id,
            actor_user_id=None,
            action="contact.updated",
            entity_type="contact",
            entity_id=contact_id,
            old_values={"first_name": "Jane", "phone": "+15550100", "country": "US"},
            new_values={"first_name": "Janet", "note": f"mail {EMAIL} please"},
        )
    async with db.tenant_session(company.id) as session:
        redacted = await redact_contact(
            session, company.id, contact_id, [EMAIL, "Jane"], request_id=request_id
        )
    assert redacted == 2
    async with db.tenant_session(company.id) as session:
        rows = (await session.execute(select(AuditLog).order_by(AuditLog.chain_seq))).scalars()
        by_seq = {row.chain_seq: row for row in rows}
    assert by_seq[3].new_values == {"rules": {"field": "email", "op": "eq", "value": "[redacted]"}}
    assert by_seq[4].old_values == {
        "first_name": "[redacted]",
        "phone": "[redacted]",
        "country": "US",
    }
    assert by_seq[4].new_values["note"] == "mail [redacted] please"
    assert by_seq[4].redaction_request_id == request_id
    assert by_seq[5].action == "audit.redacted"
    assert by_seq[5].new_values["seqs"] == [3, 4]
    assert EMAIL not in str([(row.old_values, row.new_values) for row in by_seq.values()])

    result = await verify(db, company)
    assert result.ok, result.to_json()
    assert result.redacted_rows == 2
    # A period ending before the redaction record still verifies: the export carries it.
    lines = await export(db, company, start=None, end=by_seq[5].chained_at)
    assert any('"type": "attestation"' in line for line in lines)
    assert verify_export(lines).ok


async def test_a_redaction_mark_forged_by_the_owner_is_not_accepted(db, database_url) -> None:
    company = await make_company(db)
    await write(db, company, 3, email=EMAIL)
    engine = create_async_engine(to_asyncpg_url(database_url))
    async with engine.begin() as owner:
        await owner.execute(text("SET LOCAL session_replication_role = replica"))
        await owner.execute(
            text(
                "UPDATE crm_audit_log SET new_values = '{\"n\": 1}', redacted_at = now(), "
                "redaction_request_id = gen_random_uuid() WHERE company_id = :c AND chain_seq = 2"
            ),
            {"c": company.id},
        )
    await engine.dispose()
    problem = (await verify(db, company)).first_problem
    assert (problem.kind, problem.chain_seq) == ("unrecorded_redaction", 2)


async def test_an_export_verifies_on_its_own_and_an_edited_line_is_named(db) -> None:
    company = await make_company(db)
    await write(db, company, 3)
    start = datetime.now(UTC)
    await write(db, company, 4, amount=1.5)
    end = datetime.now(UTC)
    await write(db, company, 2)
    lines = await export(db, company, start=start, end=end)
    assert [line.split('"type": "')[1].split('"')[0] for line in lines] == [
        "header",
        *["row"] * 4,
        "end",
    ]
    result = verify_export(lines)
    assert result.ok, result.to_json()
    assert (result.anchor.seq, result.first_seq, result.last_seq) == (3, 4, 7)

    edited = [
        line.replace('"amount": 1.5', '"amount": 2.5') if '"chain_seq": 5' in line else line
        for line in lines
    ]
    problem = verify_export(edited).first_problem
    assert (problem.kind, problem.chain_seq) == ("altered", 5)

    dropped = [line for line in lines if '"chain_seq": 6' not in line]
    problem = verify_export(dropped).first_problem
    assert (problem.kind, problem.chain_seq) == ("removed", 6)

    swapped = [lines[0], lines[1], lines[3], lines[2], *lines[4:]]
    assert verify_export(swapped).first_problem.kind == "reordered"

    cut = lines[:-2]
    assert verify_export(cut).first_problem.kind == "truncated"

    first_gone = [lines[0], *lines[2:]]
    problem = verify_export(first_gone).first_problem
    assert (problem.kind, problem.chain_seq) == ("removed", 4)
