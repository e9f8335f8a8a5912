"""A read run straight through the driver (`fetch_records`) returns what SQLAlchemy's
execution returns, stays within the tenant's company, raises database errors as
SQLAlchemy does, and refuses a statement whose values SQLAlchemy would have to convert."""

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import String, any_, bindparam, cast, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY, insert
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from crm_common.db import driver_statement, fetch_records
from crm_common.models import CampaignBudget
from crm_common.tenancy import TENANT, TenantScope, owned
from crm_common.testing.builders import make_company

BUDGETS = (
    select(
        CampaignBudget.id,
        CampaignBudget.budget_code,
        CampaignBudget.total_amount,
        CampaignBudget.allocation_rules,
        CampaignBudget.cost_centers,
        CampaignBudget.created_at,
    )
    .where(
        owned(CampaignBudget),
        CampaignBudget.budget_type == any_(cast(bindparam("types"), ARRAY(String))),
    )
    .order_by(CampaignBudget.budget_code)
)


async def _budgets(db, company, count: int) -> None:
    async with db.tenant_session(company.id) as session:
        for index in range(count):
            session.add(
                CampaignBudget(
                    company_id=company.id,
                    budget_name=f"Budget {index}",
                    budget_code=f"B{index}-{uuid.uuid4().hex[:6]}",
                    budget_type="annual" if index % 2 else "quarterly",
                    fiscal_year=2026,
                    total_amount=Decimal("1250.50") + index,
                    allocation_rules={"split": [index, "even"]},
                    cost_centers=["north", index],
                )
            )


async def test_the_same_values_as_sqlalchemy_within_the_company(db) -> None:
    company, other = await make_company(db), await make_company(db)
    await _budgets(db, company, 4)
    await _budgets(db, other, 3)
    async with db.tenant_session(company.id) as session:
        scope = TenantScope(session, company.id)
        values = scope.params(types=["annual", "quarterly"])
        connection = await session.connection()
        records = await fetch_records(connection, BUDGETS, values)
        rows = (await connection.execute(BUDGETS, values)).mappings().all()
    assert len(records) == 4
    assert [dict(record) for record in records] == [dict(row) for row in rows]
    first = dict(records[0])
    assert isinstance(first["id"], uuid.UUID)
    assert isinstance(first["total_amount"], Decimal)
    assert first["allocation_rules"] == {"split": [0, "even"]}  # JSON decoded
    assert first["cost_centers"] == ["north", 0]


async def test_another_company_is_never_read(db) -> None:
    company, other = await make_company(db), await make_company(db)
    await _budgets(db, other, 2)
    async with db.tenant_session(company.id) as session:
        connection = await session.connection()
        # The statement names `other`, the transaction is `company`'s: row-level security.
        records = await fetch_records(
            connection, BUDGETS, {"tenant_company_id": other.id, "types": ["annual", "quarterly"]}
        )
    assert records == []


async def test_a_database_error_is_raised_as_sqlalchemy_raises_it(db) -> None:
    company = await make_company(db)
    bad = select(cast(bindparam("text"), String).cast(ARRAY(String)).label("value"))
    with pytest.raises(DBAPIError) as raised:
        async with db.tenant_session(company.id) as session:
            await fetch_records(await session.connection(), bad, {"text": "not an array"})
    assert raised.value.orig.__cause__.sqlstate.startswith("22")
    assert isinstance(raised.value, DataError)


async def test_a_violated_constraint_is_an_integrity_error_as_sqlalchemy_raises_it(db) -> None:
    company = await make_company(db)
    # No id (the model gives one in Python, the table has no default): NOT NULL violated.
    without_id = (
        insert(CampaignBudget)
        .values(
            company_id=bindparam(TENANT),
            budget_name="No id",
            budget_code="NOID",
            budget_type="annual",
            fiscal_year=2026,
            total_amount=1,
        )
        .returning(CampaignBudget.budget_code)
    )
    with pytest.raises(IntegrityError) as raised:
        async with db.tenant_session(company.id) as session:
            await TenantScope(session, company.id).records(without_id)
    assert raised.value.orig.__cause__.sqlstate == "23502"


def test_statements_needing_sqlalchemy_for_their_values_are_refused(db) -> None:
    dialect = db.app_engine.dialect
    expanding = select(CampaignBudget.id).where(
        CampaignBudget.budget_type.in_(bindparam("types", expanding=True))
    )
    converted = select(CampaignBudget.id).where(
        CampaignBudget.budget_type == any_(bindparam("types", type_=ARRAY(String)))
    )
    for statement in (expanding, converted):
        with pytest.raises(ValueError, match="convert or expand"):
            driver_statement(statement, dialect)
    # A Boolean's value goes to the driver as it is (a bool either way).
    flag = select(CampaignBudget.id).where(CampaignBudget.is_active == bindparam("active"))
    assert driver_statement(flag, dialect).names == ("active",)
    prepared = driver_statement(BUDGETS, dialect)
    assert prepared.names == ("tenant_company_id", "types")
    assert driver_statement(BUDGETS, dialect) is prepared  # compiled once


COUNT_CODES = select(func.count()).where(
    owned(CampaignBudget), CampaignBudget.budget_code.startswith(bindparam("prefix"))
)


async def test_a_scope_read_sees_what_the_session_has_not_sent_yet(db) -> None:
    company = await make_company(db)
    async with db.tenant_session(company.id) as session:
        scope = TenantScope(session, company.id)
        assert await scope.value(COUNT_CODES, prefix="PENDING-") == 0
        scope.add(
            CampaignBudget(
                budget_name="Pending",
                budget_code="PENDING-1",
                budget_type="annual",
                fiscal_year=2026,
                total_amount=Decimal("10.00"),
            )
        )
        # Flushed first, as the session's autoflush would before a query of its own.
        assert await scope.value(COUNT_CODES, prefix="PENDING-") == 1
        records = await scope.records(BUDGETS, types=["annual"])
        assert [record["budget_code"] for record in records] == ["PENDING-1"]
    async with db.tenant_session(company.id) as session:
        scope = TenantScope(session, company.id)
        assert await scope.value(COUNT_CODES, prefix="NONE-") == 0
        assert await scope.value(BUDGETS.where(CampaignBudget.id.is_(None)), types=[]) is None


def test_values_a_statement_carries_go_to_the_driver_with_it(db) -> None:
    # `x + 1` and a literal in a VALUES clause are parameters the statement holds itself.
    statement = select(
        (CampaignBudget.fiscal_year + 1).label("next_year"), literal_column("1").label("one")
    ).where(owned(CampaignBudget), CampaignBudget.budget_code == bindparam("code"))
    prepared = driver_statement(statement, db.app_engine.dialect)
    carried = dict(prepared.carried)
    assert carried == {"fiscal_year_1": 1}
    arguments = prepared.arguments({"tenant_company_id": "c", "code": "X"})
    assert arguments == [1, "c", "X"]
    with pytest.raises(KeyError):
        prepared.arguments({"code": "X"})  # the company is never carried: always bound
