"""Approval queries."""

from __future__ import annotations

import uuid

from sqlalchemy import bindparam, literal_column, select

from crm_common.models import AuditLog
from crm_common.tenancy import TenantScope, owned

EDIT_ACTIONS = (
    "campaign.updated",
    "segment.created",
    "segment.updated",
    "segment.deleted",
    "template.linked",
    "template.unlinked",
    "variant.created",
    "variant.updated",
    "variant.deleted",
    "budget_allocation.set",
    "budget_allocation.released",
)
"""The writes of what an approval approves — the campaign's fields, its segments, message,
variants and budget allocations — each audited on the campaign."""
LAST_EDITOR = (
    select(AuditLog.actor_user_id)
    .where(
        owned(AuditLog),
        AuditLog.entity_type == bindparam("entity_type"),
        AuditLog.entity_id == bindparam("entity_id"),
        # Constants written into the statement (it runs through the driver as it is).
        AuditLog.action.in_([literal_column(f"'{action}'") for action in EDIT_ACTIONS]),
    )
    .order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
    .limit(1)
)


async def last_editor(
    scope: TenantScope, entity_type: str, campaign_id: uuid.UUID
) -> uuid.UUID | None:
    """Who last edited the campaign's content (its newest audit row of `EDIT_ACTIONS`: its
    fields, segments, template links, variants or allocations); submitting, approving or
    moving it through its lifecycle is not an edit."""
    editor: uuid.UUID | None = await scope.value(
        LAST_EDITOR, entity_type=entity_type, entity_id=campaign_id
    )
    return editor
