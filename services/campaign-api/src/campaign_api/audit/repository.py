"""Audit history queries."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from campaign_api.shared.pages import ListQuery
from crm_common.models import AuditLog
from crm_common.pagination import PageParams
from crm_common.tenancy import TenantScope

HISTORY = ListQuery(
    model=AuditLog,
    columns=(
        AuditLog.id,
        AuditLog.occurred_at,
        AuditLog.actor_user_id,
        AuditLog.action,
        AuditLog.entity_type,
        AuditLog.entity_id,
        AuditLog.old_values,
        AuditLog.new_values,
        AuditLog.request_id,
        AuditLog.client_ip,
        AuditLog.user_agent,
    ),
    filters=("entity_type", "entity_id", "action"),
    searched=(),
    order=(AuditLog.occurred_at.desc(), AuditLog.id.desc()),
)
"""An entity's audit history, newest first (optionally one action)."""


async def history(
    scope: TenantScope,
    entity_type: str,
    entity_id: uuid.UUID,
    params: PageParams,
    action: str | None = None,
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """One page of an entity's audit rows (optionally one action), newest first, and their
    total."""
    filters = {"entity_type": entity_type, "entity_id": entity_id, "action": action}
    return await HISTORY.page(scope, filters, None, params.page_size, params.offset)


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
