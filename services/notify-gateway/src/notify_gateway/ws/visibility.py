"""Which campaigns a client may subscribe to: those of its own company that are not deleted,
as the campaign API would show them. A subscription naming any other id is refused, so the
answer never suggests the client watches something it may not see."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from crm_common.db import Database
from crm_common.models import Campaign
from crm_common.security.principal import Principal


class CampaignVisibility:
    """Looks campaign ids up under the caller's tenant (row-level security applies too)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def hidden(self, principal: Principal, campaign_ids: frozenset[str] | None) -> list[str]:
        """The ids among `campaign_ids` the principal may not see, sorted; [] when all are
        visible (or no campaign is named)."""
        if not campaign_ids:
            return []
        wanted = [uuid.UUID(campaign_id) for campaign_id in campaign_ids]
        async with self.db.tenant_session(principal.company_id) as session:
            rows = await session.execute(
                select(Campaign.id).where(
                    Campaign.company_id == principal.company_id,
                    Campaign.id.in_(wanted),
                    Campaign.is_deleted.is_(False),
                )
            )
            visible = {str(campaign_id) for campaign_id in rows.scalars()}
        return sorted(campaign_ids - visible)
