"""The list shape `{items, total, page, page_size, filters}` (README "Contracts")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, Query
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")

MAX_PAGE_SIZE = 200


class PageParams(BaseModel):
    page: int = 1
    page_size: int = 50

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.page_size


async def page_params(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")] = 1,
    page_size: Annotated[
        int, Query(ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 200.")
    ] = 50,
) -> PageParams:
    return PageParams(page=page, page_size=page_size)


Pagination = Annotated[PageParams, Depends(page_params)]


class Page(BaseModel, Generic[T]):
    """One page of a list."""

    model_config = ConfigDict(from_attributes=True)

    items: list[T]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any] = {}


async def paginate(
    session: AsyncSession,
    statement: Select[Any],
    params: PageParams,
    *,
    filters: dict[str, Any] | None = None,
    scalars: bool = True,
) -> tuple[Sequence[Any], int, dict[str, Any]]:
    """Run `statement` for one page and count its total; returns (rows, total, filters)."""
    total_statement = select(func.count()).select_from(
        statement.order_by(None).limit(None).offset(None).subquery()
    )
    total = (await session.execute(total_statement)).scalar_one()
    result = await session.execute(statement.limit(params.page_size).offset(params.offset))
    rows = result.scalars().all() if scalars else result.all()
    applied = {key: value for key, value in (filters or {}).items() if value is not None}
    return rows, total, applied


def make_page(
    items: Sequence[Any], total: int, params: PageParams, filters: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The list shape (README "Contracts"); `filters` echoes only the filters that were applied."""
    return {
        "items": list(items),
        "total": total,
        "page": params.page,
        "page_size": params.page_size,
        "filters": {key: value for key, value in (filters or {}).items() if value is not None},
    }
