"""Daily campaign counters (`crm_campaign_metrics`), bumped by whoever observes an outcome:
the launch worker (sends, provider callbacks) and the segment engine (tracking)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import CampaignMetric
from crm_common.tenancy import TenantScope


async def bump_metrics(
    scope: TenantScope, campaign_id: uuid.UUID, channel: str, day: date, increments: dict[str, int]
) -> None:
    """Add to a campaign's counters of one day and channel, creating the row when needed."""
    metrics = CampaignMetric.__table__
    statement = insert(CampaignMetric).values(
        id=uuid.uuid4(),
        company_id=scope.company_id,
        campaign_id=campaign_id,
        channel=channel,
        metric_date=day,
        **increments,
    )
    statement = statement.on_conflict_do_update(
        index_elements=["campaign_id", "channel", "metric_date"],
        set_={
            **{name: metrics.c[name] + statement.excluded[name] for name in increments},
            "updated_at": func.now(),
        },
        where=metrics.c.company_id == scope.company_id,
    )
    await scope.session.execute(statement)
