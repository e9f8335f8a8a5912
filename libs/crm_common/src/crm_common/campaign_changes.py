"""Status changes of a campaign made by the platform (the launch worker), recorded the way
campaign-api records its status actions: the audit row and `campaign.status_changed` in the
caller's transaction, the version bumped."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from crm_common import audit
from crm_common.events import EventType, emit
from crm_common.models import Campaign

ENTITY = "campaign"


async def record_status_change(
    session: AsyncSession,
    campaign: Campaign,
    target: str,
    *,
    action: str,
    now: datetime,
    actor_user_id: uuid.UUID | None = None,
    details: dict[str, str] | None = None,
) -> None:
    """Move a locked campaign row to `target` and record it (no rule checks: the caller
    decided). `action` names why (`launch_started`, `end_date_reached`, …)."""
    previous = campaign.campaign_status
    campaign.campaign_status = target
    campaign.version += 1
    campaign.updated_at = now
    await session.flush()
    await audit.record(
        session,
        company_id=campaign.company_id,
        actor_user_id=actor_user_id,
        action=f"campaign.{action}",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"campaign_status": previous},
        new_values={"campaign_status": target, **(details or {})},
    )
    await emit(
        session,
        EventType.CAMPAIGN_STATUS_CHANGED,
        campaign.company_id,
        {
            "campaign_id": str(campaign.id),
            "campaign_code": campaign.campaign_code,
            "action": action,
            "from_status": previous,
            "to_status": target,
            "version": campaign.version,
        },
        actor_user_id=actor_user_id,
    )
