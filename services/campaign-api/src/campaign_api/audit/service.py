"""Record a change in the audit log and its event in the outbox, in the caller's transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from campaign_api.audit import repository
from campaign_api.shared.values import differences, jsonable
from crm_common import audit
from crm_common.events import emit
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


async def record_update(
    scope: TenantScope,
    principal: Principal,
    before: dict[str, Any],
    after: dict[str, Any],
    *,
    action: str,
    entity_type: str,
    entity_id: uuid.UUID,
    event_type: str,
    event_data: Callable[[list[str]], dict[str, Any]],
    keys: dict[str, Any] | None = None,
) -> list[str]:
    """Audit and announce the fields that differ between two snapshots of an entity (nothing
    when none do); `keys` go into both the old and the new values. Returns the changed fields,
    sorted; `event_data` builds the event's data from them."""
    changes = differences(before, after)
    if not changes:
        return []
    changed = sorted(changes)
    await record_change(
        scope,
        principal,
        action=action,
        entity_type=entity_type,
        entity_id=entity_id,
        old_values={**(keys or {}), **{name: before[name] for name in changes}},
        new_values={**(keys or {}), **{name: after[name] for name in changes}},
        event_type=event_type,
        event_data=event_data(changed),
    )
    return changed


async def history(
    scope: TenantScope,
    entity_type: str,
    entity_id: uuid.UUID,
    params: PageParams,
    action: str | None = None,
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """One page of an entity's audit history, newest first, as rows."""
    return await repository.history(scope, entity_type, entity_id, params, action)
