"""Row-level security under the application role: tenant isolation holds even when a query
forgets the company filter, and a transaction with no tenant set fails."""

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, StatementError

from crm_common.db import Database
from crm_common.models import Company, User
from crm_common.tenancy import TENANT, TenantScope, owned
from crm_common.testing.builders import make_company, make_user


async def test_query_without_tenant_filter_sees_only_own_rows(db: Database) -> None:
    acme = await make_company(db, "acme")
    globex = await make_company(db, "globex")
    await make_user(db, acme)
    await make_user(db, acme)
    globex_user = await make_user(db, globex)

    async with db.tenant_session(acme.id) as session:
        users = (await session.execute(select(User))).scalars().all()
        companies = (await session.execute(select(Company))).scalars().all()

    assert len(users) == 2
    assert {user.company_id for user in users} == {acme.id}
    assert globex_user.id not in {user.id for user in users}
    assert [company.id for company in companies] == [acme.id]


async def test_query_with_no_tenant_set_fails(db: Database) -> None:
    acme = await make_company(db, "acme")
    await make_user(db, acme)
    with pytest.raises(DBAPIError, match="app.company_id|invalid input syntax"):
        async with db.app_engine.connect() as connection:
            await connection.execute(select(User))


async def test_tenant_setting_does_not_leak_to_next_transaction(db: Database) -> None:
    acme = await make_company(db, "acme")
    await make_user(db, acme)
    async with db.tenant_session(acme.id) as session:
        assert (await session.execute(select(User))).scalars().all()
    # The same pooled connection, a new transaction without a tenant: refused, not empty.
    for _ in range(3):
        with pytest.raises(DBAPIError):
            async with db.app_engine.connect() as connection:
                await connection.execute(select(User))


async def test_insert_for_another_tenant_is_refused(db: Database) -> None:
    acme = await make_company(db, "acme")
    globex = await make_company(db, "globex")
    with pytest.raises(DBAPIError, match="row-level security"):
        async with db.tenant_session(acme.id) as session:
            session.add(
                User(company_id=globex.id, email="x@globex.test", full_name="X", password_hash="h")
            )
            await session.flush()


async def test_application_role_is_neither_owner_nor_bypassrls(db: Database) -> None:
    acme = await make_company(db, "acme")
    async with db.tenant_session(acme.id) as session:
        role = (
            await session.execute(
                text(
                    "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles "
                    "WHERE rolname = current_user"
                )
            )
        ).one()
        owners = (
            await session.execute(
                text("SELECT count(*) FROM pg_tables WHERE tableowner = current_user")
            )
        ).scalar_one()
    assert role == ("crm_app", False, False)
    assert owners == 0


async def test_tenant_scope_helper_filters_every_statement(db: Database) -> None:
    acme = await make_company(db, "acme")
    globex = await make_company(db, "globex")
    own = await make_user(db, acme)
    other = await make_user(db, globex)
    # Through the system role (no RLS filtering) the helper alone must keep tenants apart.
    async with db.system_session() as session:
        scope = TenantScope(session, acme.id)
        assert await scope.get(User, own.id) is not None
        assert await scope.get(User, other.id) is None
        rows = await scope.all(scope.select(User))
        assert [u.id for u in rows] == [own.id]
        assert (await session.execute(scope.count(User))).scalar_one() == 1


async def test_a_statement_built_once_reads_the_company_it_is_run_for(db: Database) -> None:
    """`owned` binds the company at execution: the same statement object serves each
    company its own rows (checked under the platform role, which row-level security does
    not limit to one company), and run without the company it fails rather than reading
    every company's rows."""
    acme = await make_company(db, "acme")
    globex = await make_company(db, "globex")
    acme_user = await make_user(db, acme)
    globex_user = await make_user(db, globex)
    statement = select(User.id).where(owned(User))

    async with db.system_session() as session:
        seen = {
            company.id: set((await session.execute(statement, scope.params())).scalars())
            for company in (acme, globex)
            for scope in [TenantScope(session, company.id)]
        }
        with pytest.raises(StatementError, match=TENANT):
            await session.execute(statement)

    assert seen == {acme.id: {acme_user.id}, globex.id: {globex_user.id}}
