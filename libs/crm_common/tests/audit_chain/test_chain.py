"""The audit log as a hash chain per company: assigned by the database at insert, verified
row by row, and every kind of tampering (as the owner role, which can get past the guard)
named at the row where it happened."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from sqlalchemy import delete, insert, select, text, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, create_async_engine

from crm_common.audit import RequestMeta, record
from crm_common.audit_chain import GENESIS_HASH, jsonb_text, verify_stored
from crm_common.audit_chain.canonical import parse_json
from crm_common.db import Database
from crm_common.models import AuditLog, Company
from crm_common.settings import to_asyncpg_url
from crm_common.testing.builders import make_company


async def write(db: Database, company: Company, count: int = 1, **values: object) -> None:
    async with db.tenant_session(company.id) as session:
        for number in range(count):
            await record(
                session,
                company_id=company.id,
                actor_user_id=None,
                action="campaign.updated",
                entity_type="campaign",
                entity_id=uuid.uuid4(),
                old_values={"total_budget": "100.00", "n": number},
                new_values={"total_budget": "250.00", "n": number, **values},
                meta=RequestMeta(request_id=f"req-{number}", client_ip="203.0.113.7"),
            )


async def verify(db: Database, company: Company):
    async with db.tenant_session(company.id) as session:
        return await verify_stored(session, company.id)


@pytest.fixture
async def owner(db: Database, database_url: str) -> AsyncIterator[AsyncConnection]:
    """A connection as the owner role with the audit guard switched off: a tamperer with
    the keys to the database, whom the chain must still expose."""
    engine = create_async_engine(to_asyncpg_url(database_url))
    async with engine.connect() as connection:
        await connection.execute(text("SET session_replication_role = replica"))
        await connection.commit()
        yield connection
    await engine.dispose()


async def test_rows_get_consecutive_numbers_linked_by_hash(db: Database) -> None:
    company = await make_company(db)
    await write(db, company, 4)
    async with db.tenant_session(company.id) as session:
        rows = (await session.execute(select(AuditLog).order_by(AuditLog.chain_seq))).scalars()
        chain = [(row.chain_seq, row.prev_hash, row.row_hash) for row in rows]
    assert [seq for seq, _, _ in chain] == [1, 2, 3, 4]
    assert chain[0][1] == GENESIS_HASH
    assert all(chain[i][1] == chain[i - 1][2] for i in range(1, 4))
    result = await verify(db, company)
    assert result.ok, result.to_json()
    assert (result.rows, result.last_seq) == (4, 4)


async def test_each_company_has_its_own_chain(db: Database) -> None:
    acme, globex = await make_company(db), await make_company(db)
    await write(db, acme, 2)
    await write(db, globex, 3)
    await write(db, acme, 1)
    assert (await verify(db, acme)).last_seq == 3
    assert (await verify(db, globex)).last_seq == 3


async def test_the_application_cannot_forge_chain_fields(db: Database) -> None:
    company = await make_company(db)
    async with db.tenant_session(company.id) as session:
        session.add(
            AuditLog(
                company_id=company.id,
                action="campaign.created",
                entity_type="campaign",
                entity_id=uuid.uuid4(),
                chain_seq=99,
                prev_hash="f" * 64,
                row_hash="e" * 64,
                payload_digest="d" * 64,
            )
        )
    result = await verify(db, company)
    assert result.ok
    assert result.last_seq == 1


@pytest.mark.parametrize(
    "statement",
    [update(AuditLog).values(new_values={"x": 1}), delete(AuditLog)],
)
async def test_application_roles_cannot_change_or_remove_rows(db: Database, statement) -> None:
    company = await make_company(db)
    await write(db, company)
    for session_of in (lambda: db.tenant_session(company.id), db.system_session):
        with pytest.raises(DBAPIError, match="permission denied|append-only"):
            async with session_of() as session:
                await session.execute(statement)


async def test_values_updated_by_the_owner_are_reported_at_that_row(db, owner) -> None:
    company = await make_company(db)
    await write(db, company, 5)
    await owner.execute(
        text(
            'UPDATE crm_audit_log SET new_values = new_values || \'{"total_budget": "900.00"}\''
            " WHERE company_id = :c AND chain_seq = 3"
        ),
        {"c": company.id},
    )
    await owner.commit()
    result = await verify(db, company)
    assert not result.ok
    problem = result.first_problem
    assert (problem.kind, problem.chain_seq) == ("altered", 3)
    assert result.problem_count == 1


async def test_a_field_updated_by_the_owner_is_reported_at_that_row(db, owner) -> None:
    company = await make_company(db)
    await write(db, company, 5)
    await owner.execute(
        text(
            "UPDATE crm_audit_log SET actor_user_id = NULL, action = 'campaign.viewed' "
            "WHERE company_id = :c AND chain_seq = 2"
        ),
        {"c": company.id},
    )
    await owner.commit()
    problem = (await verify(db, company)).first_problem
    assert (problem.kind, problem.chain_seq) == ("altered", 2)


async def test_a_row_deleted_by_the_owner_is_reported_missing(db, owner) -> None:
    company = await make_company(db)
    await write(db, company, 5)
    await owner.execute(
        text("DELETE FROM crm_audit_log WHERE company_id = :c AND chain_seq = 3"),
        {"c": company.id},
    )
    await owner.commit()
    result = await verify(db, company)
    problem = result.first_problem
    assert (problem.kind, problem.chain_seq) == ("removed", 3)
    assert "seq 3 missing" in problem.message
    assert result.problem_count == 1


async def test_two_rows_swapped_by_the_owner_are_reported_reordered(db, owner) -> None:
    company = await make_company(db)
    await write(db, company, 5)
    for before, after in ((3, -3), (4, 3), (-3, 4)):
        await owner.execute(
            text(
                "UPDATE crm_audit_log SET chain_seq = :after "
                "WHERE company_id = :c AND chain_seq = :before"
            ),
            {"c": company.id, "before": before, "after": after},
        )
    await owner.commit()
    result = await verify(db, company)
    problem = result.first_problem
    assert (problem.kind, problem.chain_seq) == ("reordered", 3)
    assert "chained as seq 4" in problem.message


async def test_a_row_inserted_by_the_owner_is_reported(db, owner) -> None:
    company = await make_company(db)
    await write(db, company, 3)
    for seq in (3, 2):
        await owner.execute(
            text(
                "UPDATE crm_audit_log SET chain_seq = chain_seq + 1 "
                "WHERE company_id = :c AND chain_seq = :seq"
            ),
            {"c": company.id, "seq": seq},
        )
    await owner.execute(
        text(
            "INSERT INTO crm_audit_log (company_id, action, entity_type, entity_id, chain_seq, "
            "chained_at, payload_digest, prev_hash, row_hash) "
            "SELECT company_id, 'campaign.approved', 'campaign', entity_id, 2, chained_at, "
            "payload_digest, row_hash, repeat('a', 64) FROM crm_audit_log "
            "WHERE company_id = :c AND chain_seq = 1"
        ),
        {"c": company.id},
    )
    await owner.commit()
    problem = (await verify(db, company)).first_problem
    assert (problem.kind, problem.chain_seq) == ("inserted", 2)


async def test_concurrent_writers_keep_one_unbroken_chain(db: Database) -> None:
    company = await make_company(db)

    async def writer(rounds: int) -> None:
        for _ in range(rounds):
            async with db.tenant_session(company.id) as session:
                for _ in range(3):
                    await record(
                        session,
                        company_id=company.id,
                        actor_user_id=None,
                        action="campaign.updated",
                        entity_type="campaign",
                        entity_id=uuid.uuid4(),
                        new_values={"n": 1},
                    )
                    await asyncio.sleep(0)

    await asyncio.gather(writer(10), writer(10), writer(10))
    result = await verify(db, company)
    assert result.ok, result.to_json()
    assert (result.rows, result.last_seq) == (90, 90)


async def _record_first(session: AsyncSession, company_id: uuid.UUID) -> None:
    await record(
        session,
        company_id=company_id,
        actor_user_id=None,
        action="a.first",
        entity_type="campaign",
        entity_id=uuid.uuid4(),
    )


async def _actions(db: Database, company_id: uuid.UUID) -> list[str]:
    async with db.tenant_session(company_id) as session:
        actions = (
            await session.execute(select(AuditLog.action).order_by(AuditLog.chain_seq))
        ).scalars()
        return list(actions)


async def test_held_transaction_makes_the_other_writer_wait_for_the_head(db: Database) -> None:
    company = await make_company(db)
    async with db.tenant_session(company.id) as first:
        # A row written mid-transaction (a recorded row is written only just before COMMIT)
        # takes the chain's head until the transaction ends.
        await first.execute(
            insert(AuditLog).values(
                company_id=company.id,
                action="a.first",
                entity_type="campaign",
                entity_id=uuid.uuid4(),
            )
        )
        second = asyncio.create_task(write(db, company))
        await asyncio.sleep(0.3)
        assert not second.done()
    await second
    assert await _actions(db, company.id) == ["a.first", "campaign.updated"]
    assert (await verify(db, company)).ok


@pytest.mark.parametrize(
    "value",
    [
        {"b": 1, "aa": [1.50, -0.0, 1e-7, 12345678901234567890, 2.5e3], "a": None},
        {"é": 'naïve \u2028 \u001f tab\t "quoted" back\\slash /', "zz": {"": True}},
        ["x", {"nested": {"deeper": [False, {}, []]}}],
        {"long key first?": 1, "k": 2, "kk": 3, "B": 4, "a": 5},
    ],
)
async def test_jsonb_text_renders_exactly_as_postgres(db: Database, value) -> None:
    async with db.system_session() as session:
        stored = (
            await session.execute(text("SELECT CAST(:v AS jsonb)::text"), {"v": jsonb_text(value)})
        ).scalar_one()
    assert jsonb_text(parse_json(stored)) == stored
    assert parse_json(stored) == parse_json(jsonb_text(value))
    assert isinstance(parse_json("1.50"), Decimal)


async def test_a_staged_row_takes_the_chain_only_at_commit(db: Database) -> None:
    """Recording stages the row: until it is written just before COMMIT, other writers of
    the company are not held up by it, not even by a flush of the transaction's changes."""
    company = await make_company(db)
    async with db.tenant_session(company.id) as first:
        await _record_first(first, company.id)
        await first.flush()
        await asyncio.wait_for(write(db, company), timeout=5)
    assert await _actions(db, company.id) == ["campaign.updated", "a.first"]
    assert (await verify(db, company)).ok
