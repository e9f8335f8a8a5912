"""The one choke point for tenant scoping: every repository builds its statements here.

A statement run on every request of a kind (a list page, loading the campaign a change is
about) is better built once: building the expression, its cache key and, for Core results,
re-mapping the cached compilation's columns cost more Python than the round trip. Such a
statement names its company with `owned(model)`, a bound parameter, and runs with
`scope.params(...)`, which always supplies it: run without it, the statement fails (a
missing bound value), never reads across companies."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from asyncpg import Record
from sqlalchemy import (
    ColumnElement,
    Delete,
    Select,
    Update,
    bindparam,
    delete,
    func,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ClauseElement

from crm_common.db import Transaction, session_records
from crm_common.models import Base

M = TypeVar("M", bound=Base)

TENANT = "tenant_company_id"
"""The bound parameter naming the company in statements built once (`owned`)."""


def _company_column(model: type[Base]) -> Any:
    column = getattr(model, "company_id", None)
    if column is None:
        raise TypeError(f"{model.__name__} is not tenant-owned")
    return column


def owned(model: type[Base]) -> ColumnElement[bool]:
    """`model`'s rows of the company bound at execution (`TenantScope.params`)."""
    return _company_column(model) == bindparam(TENANT)  # type: ignore[no-any-return]


class TenantScope:
    """Statements and loads limited to one company (row-level security is the second guard).

    Built on a session, or on a `Transaction` (`Database.tenant_transaction`), whose ORM
    session then opens only when `session` is first used: a scope that only reads `records`
    runs them on the transaction's connection straight through the driver."""

    def __init__(self, session: AsyncSession | Transaction, company_id: uuid.UUID) -> None:
        self._source = session
        self.company_id = company_id

    @property
    def session(self) -> AsyncSession:
        """The ORM session of the scope's transaction (opened on first use)."""
        source = self._source
        return source.session if isinstance(source, Transaction) else source

    def _own(self, model: type[Base]) -> ColumnElement[bool]:
        return _company_column(model) == self.company_id  # type: ignore[no-any-return]

    def params(self, **values: Any) -> dict[str, Any]:
        """The bound values of a statement built once with `owned`: this company's id and
        `values`."""
        return {TENANT: self.company_id, **values}

    def select(self, model: type[M], *criteria: ColumnElement[bool]) -> Select[M]:
        return select(model).where(self._own(model), *criteria)

    def count(self, model: type[Base], *criteria: ColumnElement[bool]) -> Select[int]:
        return select(func.count()).select_from(model).where(self._own(model), *criteria)

    def update(self, model: type[Base], *criteria: ColumnElement[bool]) -> Update:
        return update(model).where(self._own(model), *criteria)

    def delete(self, model: type[Base], *criteria: ColumnElement[bool]) -> Delete:
        return delete(model).where(self._own(model), *criteria)

    async def get(self, model: type[M], ident: Any, *, for_update: bool = False) -> M | None:
        """One row by primary key `id`, or None when absent or another company's."""
        statement = self.select(model, model.id == ident)  # type: ignore[attr-defined]
        if for_update:
            statement = statement.with_for_update()
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def all(self, statement: Select[M]) -> Sequence[M]:
        return (await self.session.execute(statement)).scalars().all()

    async def records(self, statement: ClauseElement, **values: Any) -> list[Record]:
        """The rows of a statement built once with `owned`, run with this company's id and
        `values` straight through the driver (`crm_common.db.session_records`): the driver's
        records, whose values are not converted by SQLAlchemy types."""
        source = self._source
        if isinstance(source, Transaction):
            return await source.records(statement, self.params(**values))
        return await session_records(source, statement, self.params(**values))

    async def value(self, statement: ClauseElement, **values: Any) -> Any:
        """The first column of the first row of `records(statement, ...)`; None without a
        row."""
        found = await self.records(statement, **values)
        return found[0][0] if found else None

    def add(self, obj: M) -> M:
        """Stage a new row owned by this company."""
        obj.company_id = self.company_id  # type: ignore[attr-defined]
        self.session.add(obj)
        return obj
