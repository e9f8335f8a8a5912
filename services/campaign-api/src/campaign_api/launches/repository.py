"""Launch queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from crm_common.enums import LaunchStatus
from crm_common.models import CampaignSegment, Launch
from crm_common.tenancy import TenantScope

IN_FLIGHT = (
    LaunchStatus.REQUESTED,
    LaunchStatus.SCHEDULED,
    LaunchStatus.RESOLVING,
    LaunchStatus.SENDING,
)


async def in_flight(scope: TenantScope, campaign_id: uuid.UUID) -> Launch | None:
    """The campaign's latest launch that has not ended, if any."""
    statement = (
        scope.select(Launch, Launch.campaign_id == campaign_id, Launch.launch_status.in_(IN_FLIGHT))
        .order_by(Launch.created_at.desc())
        .limit(1)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def live_segment_ids(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[uuid.UUID]:
    """The ids of the campaign's live segments, oldest first."""
    statement = (
        scope.select(
            CampaignSegment,
            CampaignSegment.campaign_id == campaign_id,
            ~CampaignSegment.is_deleted,
        )
        .with_only_columns(CampaignSegment.id)
        .order_by(CampaignSegment.created_at)
    )
    return list((await scope.session.execute(statement)).scalars().all())
