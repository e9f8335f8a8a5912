"""A campaign's status actions carried over to its launch, in the same transaction: pausing
the campaign pauses its launch, resuming resumes it, cancelling or completing ends it (the
launch worker then skips what was left and publishes `campaign.launched`). Dispatchers stop
within a second because they watch both rows."""

from __future__ import annotations

import uuid

from sqlalchemy import func

from crm_common.enums import CampaignStatus, LaunchStatus
from crm_common.models import Launch
from crm_common.tenancy import TenantScope

NOT_STARTED = (LaunchStatus.REQUESTED, LaunchStatus.SCHEDULED)
RUNNING = (LaunchStatus.RESOLVING, LaunchStatus.SENDING, LaunchStatus.PAUSED)

# campaign status reached → (launch statuses it applies to, the launch status they take)
_FOLLOW: dict[str, tuple[tuple[str, ...], str]] = {
    CampaignStatus.PAUSED: ((LaunchStatus.SENDING,), LaunchStatus.PAUSED),
    CampaignStatus.ACTIVE: ((LaunchStatus.PAUSED,), LaunchStatus.SENDING),
    CampaignStatus.CANCELLED: ((*NOT_STARTED, *RUNNING), LaunchStatus.CANCELLED),
    CampaignStatus.COMPLETED: ((*NOT_STARTED, *RUNNING), LaunchStatus.COMPLETED),
}


async def follow_campaign(scope: TenantScope, campaign_id: uuid.UUID, campaign_status: str) -> int:
    """Move the campaign's launches along with its new status; how many moved. The campaign
    row is locked by the caller, so this keeps the lock order campaign → launch."""
    rule = _FOLLOW.get(campaign_status)
    if rule is None:
        return 0
    applies_to, target = rule
    result = await scope.session.execute(
        scope.update(
            Launch, Launch.campaign_id == campaign_id, Launch.launch_status.in_(applies_to)
        ).values(launch_status=target, updated_at=func.now())
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
