"""Approval queries."""

from __future__ import annotations

import uuid

from crm_common.models import AuditLog
from crm_common.tenancy import TenantScope

EDIT_ACTION = "campaign.updated"


async def last_editor(
    scope: TenantScope, entity_type: str, campaign_id: uuid.UUID
) -> uuid.UUID | None:
    """Who last edited the campaign's content (its newest `campaign.updated` audit row);
    submitting, approving or moving it through its lifecycle is not an edit."""
    statement = (
        scope.select(AuditLog, AuditLog.entity_type == entity_type)
        .where(AuditLog.entity_id == campaign_id, AuditLog.action == EDIT_ACTION)
        .order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
        .limit(1)
    )
    rows = await scope.all(statement)
    return rows[0].actor_user_id if rows else None
