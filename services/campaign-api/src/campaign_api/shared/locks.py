"""Transaction-scoped advisory locks that serialise rule checks which read-then-write
(budget availability, scheduling conflicts) within one company."""

from __future__ import annotations

import uuid

from sqlalchemy import String, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import session_records

LOCK = select(func.pg_advisory_xact_lock(func.hashtextextended(bindparam("name", type_=String), 0)))
"""Take the advisory lock named by the bound `name` until the transaction ends."""


async def lock(session: AsyncSession, company_id: uuid.UUID, *parts: object) -> None:
    """Hold the lock named by (company, parts) until the transaction ends."""
    name = ":".join([str(company_id), *(str(part) for part in parts)])
    await session_records(session, LOCK, {"name": name})
