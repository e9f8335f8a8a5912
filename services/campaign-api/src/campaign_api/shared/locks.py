"""Transaction-scoped advisory locks that serialise rule checks which read-then-write
(budget availability, scheduling conflicts) within one company."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession


async def lock(session: AsyncSession, company_id: uuid.UUID, *parts: object) -> None:
    """Hold the lock named by (company, parts) until the transaction ends."""
    name = ":".join([str(company_id), *(str(part) for part in parts)])
    key = func.hashtextextended(name, 0)
    await session.execute(select(func.pg_advisory_xact_lock(key)))
