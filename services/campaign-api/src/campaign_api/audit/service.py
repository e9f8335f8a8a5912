"""Record a change in the audit log and its event in the outbox, in the caller's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from campaign_api.audit import repository
from campaign_api.shared.values import jsonable
from crm_common import audit
from crm_common.events import emit
from crm_common.models import AuditLog
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope


async def record_change(
    scope: TenantScope,
    principal: Principal,
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
    event; both commit or roll back with the change itself. The request's metadata comes
    from the current request."""
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        old_values=jsonable(old_values) if old_values is not None else None,
        new_values=jsonable(new_values) if new_values is not None else None,
    )
    if event_type is not None:
        await emit(
            scope.session,
            event_type,
            scope.company_id,
            jsonable(event_data or {}),
            actor_user_id=principal.user_id,
        )


async def history(
    scope: TenantScope,
    entity_type: str,
    entity_id: uuid.UUID,
    params: PageParams,
    action: str | None = None,
) -> tuple[Sequence[AuditLog], int]:
    """One page of an entity's audit history, newest first."""
    return await repository.history(scope, entity_type, entity_id, params, action)
