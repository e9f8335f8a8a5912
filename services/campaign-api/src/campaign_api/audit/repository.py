"""Audit history queries."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from crm_common.models import AuditLog
from crm_common.pagination import PageParams
from crm_common.tenancy import TenantScope


async def history(
    scope: TenantScope,
    entity_type: str,
    entity_id: uuid.UUID,
    params: PageParams,
    action: str | None = None,
) -> tuple[Sequence[AuditLog], int]:
    """One page of an entity's audit rows (optionally one action), newest first, and their
    total."""
    criteria = [AuditLog.entity_type == entity_type, AuditLog.entity_id == entity_id]
    if action is not None:
        criteria.append(AuditLog.action == action)
    total = (await scope.session.execute(scope.count(AuditLog, *criteria))).scalar_one()
    statement = (
        scope.select(AuditLog, *criteria)
        .order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
        .limit(params.page_size)
        .offset(params.offset)
    )
    return await scope.all(statement), total


async def log_page(
    scope: TenantScope,
    start: datetime | None,
    end: datetime | None,
    params: PageParams,
    action: str | None = None,
) -> tuple[Sequence[AuditLog], int]:
    """One page of the company's audit rows chained in [start, end) (optionally one action),
    newest first, and their total."""
    criteria = []
    if start is not None:
        criteria.append(AuditLog.chained_at >= start)
    if end is not None:
        criteria.append(AuditLog.chained_at < end)
    if action is not None:
        criteria.append(AuditLog.action == action)
    total = (await scope.session.execute(scope.count(AuditLog, *criteria))).scalar_one()
    statement = (
        scope.select(AuditLog, *criteria)
        .order_by(AuditLog.chain_seq.desc())
        .limit(params.page_size)
        .offset(params.offset)
    )
    return await scope.all(statement), total
