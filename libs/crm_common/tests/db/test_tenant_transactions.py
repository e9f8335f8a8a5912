"""The transactions owned by `Database.tenant_session` / `tenant_transaction` (BEGIN and the
tenant setting in one message) and `Database.system_session` (BEGIN): COMMIT on success,
ROLLBACK on error or cancellation, no pre-ping — a pooled connection that died is discarded
and the transaction runs on another; the ORM session opens only when asked for."""

import asyncio
import uuid

import asyncpg
import pytest
from sqlalchemy import bindparam, func, select, text

from crm_common.db import Database, fetch_records
from crm_common.models import Company, User
from crm_common.tenancy import TenantScope, owned
from crm_common.testing.builders import make_company, make_user


async def _backend_pids(db: Database, company_id: uuid.UUID | None) -> set[int]:
    """The server processes of an engine's pooled connections (checked out together): the app
    engine's for a company, the system engine's without one."""
    pids = set()
    sessions = [
        db.tenant_session(company_id) if company_id else db.system_session() for _ in range(3)
    ]
    opened = [await session.__aenter__() for session in sessions]
    try:
        for session in opened:
            pids.add(int((await session.execute(text("SELECT pg_backend_pid()"))).scalar_one()))
    finally:
        for session in reversed(sessions):
            await session.__aexit__(None, None, None)
    return pids


async def test_commit_makes_changes_visible_and_error_rolls_them_back(db: Database) -> None:
    acme = await make_company(db, "acme")
    async with db.tenant_session(acme.id) as session:
        session.add(
            User(company_id=acme.id, email="kept@acme.test", full_name="K", password_hash="h")
        )
    with pytest.raises(RuntimeError, match="boom"):
        async with db.tenant_session(acme.id) as session:
            session.add(
                User(company_id=acme.id, email="gone@acme.test", full_name="G", password_hash="h")
            )
            await session.flush()
            raise RuntimeError("boom")
    async with db.tenant_session(acme.id) as session:
        emails = set((await session.execute(select(User.email))).scalars())
    assert emails == {"kept@acme.test"}


async def test_each_transaction_is_bound_to_its_tenant_only(db: Database) -> None:
    acme = await make_company(db, "acme")
    globex = await make_company(db, "globex")
    await make_user(db, acme)
    await make_user(db, globex)
    for company in (acme, globex, acme, globex):
        async with db.tenant_session(company.id) as session:
            seen = set((await session.execute(select(User.company_id))).scalars())
            setting = (
                await session.execute(text("SELECT current_setting('app.company_id')"))
            ).scalar_one()
            in_transaction = (
                await session.execute(text("SELECT now() = statement_timestamp()"))
            ).scalar_one()
        assert seen == {company.id}
        assert setting == str(company.id)
        assert (
            in_transaction is False
        )  # a real transaction: now() is its start, not the statement's


async def test_a_failed_statement_does_not_poison_the_pooled_connection(db: Database) -> None:
    acme = await make_company(db, "acme")
    for _ in range(4):
        with pytest.raises(Exception, match="division by zero"):
            async with db.tenant_session(acme.id) as session:
                await session.execute(text("SELECT 1 / 0"))
    async with db.tenant_session(acme.id) as session:
        assert (await session.execute(select(func.count()).select_from(User))).scalar_one() == 0


async def test_a_cancelled_request_never_returns_its_connection_mid_transaction(
    db: Database,
) -> None:
    acme = await make_company(db, "acme")

    async def slow() -> None:
        async with db.tenant_session(acme.id) as session:
            session.add(
                User(
                    company_id=acme.id,
                    email="cancelled@acme.test",
                    full_name="C",
                    password_hash="h",
                )
            )
            await session.flush()
            await session.execute(text("SELECT pg_sleep(5)"))

    task = asyncio.create_task(slow())
    await asyncio.sleep(0.5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    for _ in range(3):
        async with db.tenant_session(acme.id) as session:
            assert (await session.execute(select(func.count()).select_from(User))).scalar_one() == 0
            # a fresh transaction: no leftovers of the cancelled one
            assert (
                await session.execute(text("SELECT now() = statement_timestamp()"))
            ).scalar_one() is False


async def _terminate(database_url: str, pids: set[int]) -> None:
    """Kill these server processes, as a server restart or an idle timeout would."""
    owner = await asyncpg.connect(database_url)
    try:
        for pid in pids:
            assert await owner.fetchval("SELECT pg_terminate_backend($1)", pid)
    finally:
        await owner.close()
    await asyncio.sleep(0.2)


async def test_pooled_connections_killed_by_the_server_are_replaced(
    db: Database, database_url: str
) -> None:
    acme = await make_company(db, "acme")
    await make_user(db, acme)
    pids = await _backend_pids(db, acme.id)
    assert pids
    await _terminate(database_url, pids)
    for _ in range(len(pids) + 2):
        async with db.tenant_session(acme.id) as session:
            assert (await session.execute(select(func.count()).select_from(User))).scalar_one() == 1
    assert not pids & await _backend_pids(db, acme.id)


async def test_the_tenant_id_must_be_a_uuid(db: Database) -> None:
    with pytest.raises(TypeError, match="UUID"):
        malformed = "00000000-0000-0000-0000-000000000000'; DROP TABLE crm_users; --"
        async with db.tenant_session(malformed):  # type: ignore[arg-type]
            raise AssertionError("a transaction began for a malformed tenant id")


async def test_a_process_running_several_services_keeps_each_ones_pool(settings) -> None:
    """The all-in-one runs four services in one process: its pool is what the four would
    hold apart, so the launch worker's batches do not starve the API of connections."""
    alone = Database.from_settings(settings)
    together = Database.from_settings(settings, services=4)
    try:
        assert alone.app_engine.pool.size() == settings.db_pool_size  # type: ignore[attr-defined]
        assert together.app_engine.pool.size() == 4 * settings.db_pool_size  # type: ignore[attr-defined]
        assert together.system_engine.pool.size() == settings.db_pool_size  # type: ignore[attr-defined]
    finally:
        await alone.dispose()
        await together.dispose()


async def test_a_system_session_is_one_transaction_committed_or_rolled_back(db: Database) -> None:
    acme = await make_company(db, "acme")
    with pytest.raises(RuntimeError):
        async with db.system_session() as session:
            await session.execute(
                text("UPDATE crm_companies SET name = 'Renamed' WHERE id = :id"), {"id": acme.id}
            )
            # one transaction: a second statement sees the first, the clock stands still
            assert (
                await session.execute(text("SELECT now() = statement_timestamp()"))
            ).scalar_one() is False
            raise RuntimeError("abandon")
    async with db.system_session() as session:
        name = (
            await session.execute(
                text("SELECT name FROM crm_companies WHERE id = :id"), {"id": acme.id}
            )
        ).scalar_one()
        assert name == acme.name
        await session.execute(
            text("UPDATE crm_companies SET name = 'Renamed' WHERE id = :id"), {"id": acme.id}
        )
    async with db.system_session() as session:
        name = (
            await session.execute(
                text("SELECT name FROM crm_companies WHERE id = :id"), {"id": acme.id}
            )
        ).scalar_one()
        assert name == "Renamed"


async def test_system_connections_killed_by_the_server_are_replaced(
    db: Database, database_url: str
) -> None:
    await make_company(db, "acme")
    pids = await _backend_pids(db, None)
    assert pids
    await _terminate(database_url, pids)
    for _ in range(len(pids) + 2):
        async with db.system_session() as session:
            assert (
                await session.execute(text("SELECT count(*) FROM crm_companies"))
            ).scalar_one() >= 1
    assert not pids & await _backend_pids(db, None)


async def test_platform_reads_replace_connections_killed_by_the_server(
    db: Database, database_url: str
) -> None:
    """A read outside a transaction (`platform_records`) on a pooled connection that died
    meanwhile is tried again on a new one, as a transaction's first message is."""
    acme = await make_company(db, "acme")
    count = select(func.count()).select_from(Company).where(Company.id == bindparam("company"))
    pids = await _backend_pids(db, None)
    assert pids
    await _terminate(database_url, pids)
    for _ in range(len(pids) + 2):
        [record] = await db.platform_records(count, {"company": acme.id})
        assert record[0] == 1
    assert not pids & await _backend_pids(db, None)


USER_EMAILS = select(User.email).where(owned(User)).order_by(User.email)


async def test_a_scope_that_only_reads_records_opens_no_session(db: Database) -> None:
    """`Database.tenant_transaction` opens its ORM session on first use: a scope that reads
    records only runs them on the transaction's connection, under its tenant, in one
    transaction."""
    acme = await make_company(db, "acme")
    globex = await make_company(db, "globex")
    await make_user(db, acme, email="a@acme.test")
    await make_user(db, globex, email="g@globex.test")
    async with db.tenant_transaction(acme.id) as transaction:
        scope = TenantScope(transaction, acme.id)
        emails = [row[0] for row in await scope.records(USER_EMAILS)]
        # Row-level security holds without the explicit filter: the tenant is set.
        every = await fetch_records(transaction.connection, select(User.email), {})
        clock = await scope.value(select(func.now() == func.statement_timestamp()))
        assert not transaction.session_opened
    assert emails == ["a@acme.test"]
    assert [row[0] for row in every] == ["a@acme.test"]
    assert clock is False  # one transaction: now() is its start


async def test_a_scope_opens_its_session_on_first_use_and_commits_it(db: Database) -> None:
    acme = await make_company(db, "acme")
    async with db.tenant_transaction(acme.id) as transaction:
        scope = TenantScope(transaction, acme.id)
        assert await scope.records(USER_EMAILS) == []
        scope.add(User(email="new@acme.test", full_name="N", password_hash="h"))
        assert transaction.session_opened
        # A records read after a change sees it: the session's changes are flushed first.
        assert [row[0] for row in await scope.records(USER_EMAILS)] == ["new@acme.test"]
    with pytest.raises(RuntimeError, match="boom"):
        async with db.tenant_transaction(acme.id) as transaction:
            scope = TenantScope(transaction, acme.id)
            scope.add(User(email="gone@acme.test", full_name="G", password_hash="h"))
            raise RuntimeError("boom")
    async with db.tenant_session(acme.id) as session:
        assert list((await session.execute(select(User.email))).scalars()) == ["new@acme.test"]


async def test_a_cancelled_records_read_never_returns_its_connection_mid_transaction(
    db: Database, database_url: str
) -> None:
    acme = await make_company(db, "acme")
    sleep = select(func.pg_sleep(5))

    async def slow() -> None:
        async with db.tenant_transaction(acme.id) as transaction:
            await TenantScope(transaction, acme.id).records(sleep)

    task = asyncio.create_task(slow())
    await asyncio.sleep(0.5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await asyncio.sleep(0.2)
    owner = await asyncpg.connect(database_url)
    try:
        left_open = await owner.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND state LIKE 'idle in transaction%'"
        )
    finally:
        await owner.close()
    assert left_open == 0
    for _ in range(3):
        async with db.tenant_transaction(acme.id) as transaction:
            scope = TenantScope(transaction, acme.id)
            assert await scope.value(select(func.now() == func.statement_timestamp())) is False
