"""Record a change in the audit log and its event in the outbox, in the caller's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.audit import repository
from campaign_api.shared.values import jsonable
from crm_common import audit
from crm_common.audit import RequestMeta
from crm_common.events import emit
from crm_common.models import AuditLog
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal


async def record_change(
    session: AsyncSession,
    principal: Principal,
    meta: RequestMeta,
    *,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    old_values: dict[str, Any] | None = None,
    new_values: dict[str, Any] | None = None,
    event_type: str | None = None,
    event_data: dict[str, Any] | None = None,
) -> None:
    """Append the audit row (who, when, old/new values, request id, client IP) and stage the
    event; both commit or roll back with the change itself."""
    await audit.record(
        session,
        company_id=principal.company_id,
        actor_user_id=principal.user_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        old_values=jsonable(old_values) if old_values is not None else None,
        new_values=jsonable(new_values) if new_values is not None else None,
        meta=meta,
    )
    if event_type is not None:
        await emit(
            session,
            event_type,
            principal.company_id,
            jsonable(event_data or {}),
            actor_user_id=principal.user_id,
        )


async def history(
    session: AsyncSession,
    company_id: uuid.UUID,
    entity_type: str,
    entity_id: uuid.UUID,
    params: PageParams,
    action: str | None = None,
) -> tuple[Sequence[AuditLog], int]:
    """One page of an entity's audit history, newest first."""
    return await repository.history(session, company_id, entity_type, entity_id, params, action)
