"""The audit log is append-only for the application role (enforced in the database)."""

import uuid

import pytest
from sqlalchemy import delete, select, update
from sqlalchemy.exc import DBAPIError

from crm_common.audit import RequestMeta, record
from crm_common.db import Database
from crm_common.models import AuditLog
from crm_common.testing.builders import make_company, make_user


async def _one_row(db: Database):
    company = await make_company(db)
    user = await make_user(db, company)
    async with db.tenant_session(company.id) as session:
        await record(
            session,
            company_id=company.id,
            actor_user_id=user.id,
            action="create",
            entity_type="campaign",
            entity_id=uuid.uuid4(),
            new_values={"a": 1},
            meta=RequestMeta(request_id="r1", client_ip="10.0.0.1"),
        )
    return company


async def test_insert_and_read_back(db: Database) -> None:
    company = await _one_row(db)
    async with db.tenant_session(company.id) as session:
        row = (await session.execute(select(AuditLog))).scalar_one()
    assert row.new_values == {"a": 1}
    assert row.request_id == "r1"
    assert str(row.client_ip) == "10.0.0.1"


@pytest.mark.parametrize(
    "statement",
    [
        update(AuditLog).values(action="tampered"),
        delete(AuditLog),
    ],
)
async def test_update_and_delete_are_refused(db: Database, statement) -> None:
    company = await _one_row(db)
    with pytest.raises(DBAPIError, match="permission denied|append-only"):
        async with db.tenant_session(company.id) as session:
            await session.execute(statement)
    async with db.tenant_session(company.id) as session:
        assert (await session.execute(select(AuditLog.action))).scalar_one() == "create"
