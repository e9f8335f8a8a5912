"""after_commit hooks run once the transaction has committed, never after a rollback, and a
failing hook does not undo the commit."""

import pytest
from sqlalchemy import select

from crm_common.db import Database, after_commit
from crm_common.models import Company
from crm_common.testing.builders import make_company


async def test_hook_runs_after_commit_and_sees_the_data(db: Database) -> None:
    company = await make_company(db, "acme")
    seen: list[str] = []

    async def read_back() -> None:
        async with db.system_session() as other:
            name = (
                await other.execute(select(Company.name).where(Company.id == company.id))
            ).scalar_one()
        seen.append(name)

    async with db.tenant_session(company.id) as session:
        after_commit(session, read_back)
        (await session.get(Company, company.id)).name = "Renamed"
        await session.flush()
        assert seen == []

    assert seen == ["Renamed"]


async def test_hook_is_dropped_on_rollback(db: Database) -> None:
    company = await make_company(db, "acme")
    calls: list[int] = []

    async def hook() -> None:
        calls.append(1)

    with pytest.raises(RuntimeError):
        async with db.tenant_session(company.id) as session:
            after_commit(session, hook)
            raise RuntimeError("boom")

    assert calls == []


async def test_failing_hook_keeps_the_commit_and_the_other_hooks(db: Database) -> None:
    calls: list[str] = []

    async def broken() -> None:
        raise ConnectionError("cache down")

    async def fine() -> None:
        calls.append("fine")

    async with db.system_session() as session:
        after_commit(session, broken)
        after_commit(session, fine)
        session.add(Company(name="Kept", slug="kept"))

    async with db.system_session() as session:
        kept = (await session.execute(select(Company).where(Company.slug == "kept"))).scalar_one()
    assert kept.name == "Kept"
    assert calls == ["fine"]
