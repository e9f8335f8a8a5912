"""The `campaign.performance_update` event: a campaign's counters summed over days and
channels, with the engagement rates a dashboard shows."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from crm_common.campaign_metrics import reached
from crm_common.events import EventType, emit
from crm_common.tenancy import TenantScope
from segment_engine.tracking import repository as repo


def _rate(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


async def snapshot(scope: TenantScope, campaign_id: uuid.UUID) -> dict[str, Any] | None:
    """The event data for a campaign, or None when it no longer exists."""
    totals = await repo.campaign_totals(scope, campaign_id)
    if totals is None:
        return None
    base = reached(totals["delivered"], totals["sent"])
    return {
        "campaign_id": str(campaign_id),
        "metrics": totals,
        "rates": {
            "open_rate": _rate(totals["unique_opens"], base),
            "click_rate": _rate(totals["unique_clicks"], base),
            "click_to_open_rate": _rate(totals["unique_clicks"], totals["unique_opens"]),
            "unsubscribe_rate": _rate(totals["unsubscribes"], base),
        },
        "as_of": datetime.now(UTC).isoformat(),
    }


async def emit_update(scope: TenantScope, campaign_id: uuid.UUID) -> bool:
    """Stage the event in the caller's transaction; False when the campaign is gone."""
    data = await snapshot(scope, campaign_id)
    if data is None:
        return False
    await emit(scope.session, EventType.CAMPAIGN_PERFORMANCE_UPDATE, scope.company_id, data)
    return True
