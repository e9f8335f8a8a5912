"""A list page of one model's rows, read straight through the driver.

A list asks for the same few shapes of query again and again: which filters are given
varies, their values do not change the statement. Each shape's statements are built once
(`crm_common.tenancy`) and run on the tenant transaction's connection without SQLAlchemy's
execution or ORM objects (`TenantScope.records`); the page and the number of matches come
back in one round trip (`with_total`, `page_and_total`; the campaign list builds its own
shapes on them, `campaigns.repository`)."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Integer, Select, bindparam, func, or_, select

from crm_common.models import Base
from crm_common.tenancy import TenantScope, owned

TOTAL = "_total"
"""The column of a page row holding how many rows match (a read schema ignores it)."""


def with_total(
    count: Select[Any], columns: Sequence[Any], criteria: Sequence[Any], order: Sequence[Any]
) -> Select[Any]:
    """A page of `columns` matching `criteria` in `order` with the number of matches in
    `TOTAL`: `count` as an uncorrelated scalar subquery, which PostgreSQL runs once (an
    InitPlan) where a window count would read every match before the first row; limit and
    offset bound at execution (`page_limit`, `page_offset`)."""
    total = count.correlate(None).scalar_subquery()
    return (
        select(*columns, total.label(TOTAL))
        .where(*criteria)
        .order_by(*order)
        .limit(bindparam("page_limit", type_=Integer))
        .offset(bindparam("page_offset", type_=Integer))
    )


async def page_and_total(
    scope: TenantScope,
    page: Select[Any],
    count: Select[Any],
    values: Mapping[str, Any],
    limit: int,
    offset: int,
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """The rows of one page (a `with_total` statement) and how many rows match in all."""
    rows = await scope.records(page, page_limit=limit, page_offset=offset, **values)
    if rows:
        return rows, int(rows[0][TOTAL])
    # Past the last page (or nothing matches): only a count tells the total.
    if offset == 0:
        return rows, 0
    return rows, int(await scope.value(count, **values))


def like_pattern(term: str) -> str:
    """An ILIKE pattern matching `term` literally anywhere (its `%`, `_` and `\\` escaped)."""
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


@dataclass(frozen=True)
class ListQuery:
    """The list of a tenant-owned `model`: the `columns` a reader gets, the columns filtered
    by equality (`filters`, by name), those a search term matches (`searched`) and the
    order (ties must be broken by a unique column)."""

    model: type[Base]
    columns: tuple[Any, ...]
    filters: tuple[str, ...]
    searched: tuple[str, ...]
    order: tuple[Any, ...]

    async def page(
        self,
        scope: TenantScope,
        filters: Mapping[str, Any],
        search: str | None,
        limit: int,
        offset: int,
    ) -> tuple[Sequence[Mapping[str, Any]], int]:
        """The rows of one page matching `filters` (a None value: not filtered) and
        `search`, and how many rows match in all."""
        given = tuple(filters.get(name) is not None for name in self.filters)
        shape = (given, bool(search))
        values = {
            f"filter_{name}": filters[name]
            for name, present in zip(self.filters, given, strict=True)
            if present
        }
        if search:
            values["filter_search"] = like_pattern(search)
        return await page_and_total(
            scope,
            _page_statement(self, shape),
            _count_statement(self, shape),
            values,
            limit,
            offset,
        )


Shape = tuple[tuple[bool, ...], bool]


def _criteria(query: ListQuery, shape: Shape) -> list[ColumnElement[bool]]:
    given, searching = shape
    criteria: list[ColumnElement[bool]] = [owned(query.model)]
    for name, present in zip(query.filters, given, strict=True):
        if present:
            criteria.append(getattr(query.model, name) == bindparam(f"filter_{name}"))
    if searching:
        pattern: BindParameter[str] = bindparam("filter_search")
        criteria.append(
            or_(
                *(getattr(query.model, name).ilike(pattern, escape="\\") for name in query.searched)
            )
        )
    return criteria


@functools.lru_cache(maxsize=256)
def _count_statement(query: ListQuery, shape: Shape) -> Select[Any]:
    return select(func.count()).select_from(query.model).where(*_criteria(query, shape))


@functools.lru_cache(maxsize=256)
def _page_statement(query: ListQuery, shape: Shape) -> Select[Any]:
    return with_total(
        _count_statement(query, shape), query.columns, _criteria(query, shape), query.order
    )
