"""Audit rows and outbox events are staged and written just before COMMIT (a change's audit
row and event by one statement): in the order they were recorded, never after a rollback."""

import uuid

import pytest
from sqlalchemy import select

from crm_common.audit import record
from crm_common.db import Database, _staged_insert
from crm_common.events import emit
from crm_common.models import AuditLog, Company, OutboxEvent
from crm_common.testing.builders import make_company

AUDIT_COLUMNS = (
    "company_id",
    "actor_user_id",
    "action",
    "entity_type",
    "entity_id",
    "old_values",
    "new_values",
    "request_id",
    "client_ip",
    "user_agent",
)
OUTBOX_COLUMNS = ("event_id", "event_type", "company_id", "envelope")


async def _record(session, company: Company, action: str, **values: object) -> None:
    await record(
        session,
        company_id=company.id,
        actor_user_id=None,
        action=action,
        entity_type="campaign",
        entity_id=uuid.uuid4(),
        new_values=values or None,
    )


async def _written(db: Database, company: Company) -> tuple[list[tuple], list[tuple]]:
    async with db.tenant_session(company.id) as session:
        audit = (
            await session.execute(
                select(AuditLog.action, AuditLog.new_values, AuditLog.old_values).order_by(
                    AuditLog.chain_seq
                )
            )
        ).all()
        events = (
            await session.execute(
                select(OutboxEvent.event_type, OutboxEvent.envelope["data"]).order_by(
                    OutboxEvent.id
                )
            )
        ).all()
    return [tuple(row) for row in audit], [tuple(row) for row in events]


@pytest.mark.parametrize("count", [1, 2, 25])
async def test_staged_rows_are_written_in_the_order_recorded(db: Database, count: int) -> None:
    company = await make_company(db)
    async with db.tenant_session(company.id) as session:
        for number in range(count):
            await _record(session, company, f"step.{number}", n=number)
            await emit(session, f"step.{number}", company.id, {"n": number})

    audit, events = await _written(db, company)

    assert audit == [(f"step.{n}", {"n": n}, None) for n in range(count)]
    assert events == [(f"step.{n}", {"n": n}) for n in range(count)]


async def test_the_one_row_statement_is_built_and_compiled_once(db: Database) -> None:
    company = await make_company(db)
    for _ in range(2):
        async with db.tenant_session(company.id) as session:
            await _record(session, company, "again")
            await emit(session, "again", company.id, {})
    shape = ((AuditLog, AUDIT_COLUMNS), (OutboxEvent, OUTBOX_COLUMNS))

    assert _staged_insert(shape)._generate_cache_key() is not None  # SQLAlchemy can cache it
    assert _staged_insert.cache_info().hits >= 1
    assert len((await _written(db, company))[0]) == 2


async def test_only_audit_or_only_events(db: Database) -> None:
    company = await make_company(db)
    async with db.tenant_session(company.id) as session:
        await _record(session, company, "alone")
    async with db.tenant_session(company.id) as session:
        await emit(session, "alone", company.id, {})

    assert await _written(db, company) == ([("alone", None, None)], [("alone", {})])


async def test_nothing_staged_is_written_after_a_rollback(db: Database) -> None:
    company = await make_company(db)
    with pytest.raises(RuntimeError):
        async with db.tenant_session(company.id) as session:
            await _record(session, company, "lost")
            await emit(session, "lost", company.id, {})
            raise RuntimeError("the change failed")
    async with db.tenant_session(company.id) as session:
        await _record(session, company, "kept")

    audit, events = await _written(db, company)

    assert audit == [("kept", None, None)]
    assert events == []
