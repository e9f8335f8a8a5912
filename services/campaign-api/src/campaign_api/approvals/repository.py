"""Approval queries."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, select

from crm_common.models import AuditLog
from crm_common.tenancy import TenantScope, owned

EDIT_ACTION = "campaign.updated"
LAST_EDITOR = (
    select(AuditLog.actor_user_id)
    .where(
        owned(AuditLog),
        AuditLog.entity_type == bindparam("entity_type"),
        AuditLog.entity_id == bindparam("entity_id"),
        AuditLog.action == EDIT_ACTION,
    )
    .order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
    .limit(1)
)


async def last_editor(
    scope: TenantScope, entity_type: str, campaign_id: uuid.UUID
) -> uuid.UUID | None:
    """Who last edited the campaign's content (its newest `campaign.updated` audit row);
    submitting, approving or moving it through its lifecycle is not an edit."""
    editor: uuid.UUID | None = await scope.value(
        LAST_EDITOR, entity_type=entity_type, entity_id=campaign_id
    )
    return editor
