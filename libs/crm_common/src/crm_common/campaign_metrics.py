"""Daily campaign counters (`crm_campaign_metrics`), bumped by whoever observes an outcome:
the launch worker (sends, provider callbacks) and the segment engine (tracking)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, text
from sqlalchemy.dialects.postgresql import insert

from crm_common.models import CampaignMetric
from crm_common.tenancy import TenantScope


def reached(delivered: int, sent: int) -> int:
    """The base of a campaign's engagement rates (opens, clicks, conversions and unsubscribes
    per message): the messages delivered where the provider reports deliveries, else the
    messages sent — an SMTP relay, the default email sender, and direct mail report none, and
    an open rate over zero deliveries would say nothing. The REST performance and the live
    `campaign.performance_update` event both divide by it."""
    return delivered or sent


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


@dataclass(frozen=True)
class VariantCounts:
    """One A/B variant's messages sent, and how many of them were opened and clicked (once
    each)."""

    sent: int
    opens: int
    clicks: int


_VARIANT_COUNTS = text(
    """
    SELECT d.variant_id,
           count(*) FILTER (WHERE d.delivery_status IN ('sent', 'delivered')) AS sent,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM crm_contact_events e
               WHERE e.company_id = d.company_id AND e.event_id = 'open:' || d.id::text
           )) AS opens,
           count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM crm_contact_events e
               WHERE e.company_id = d.company_id AND e.event_id = 'click:' || d.id::text
           )) AS clicks
    FROM crm_deliveries d
    WHERE d.company_id = :company_id AND d.campaign_id = :campaign_id
      AND d.variant_id IS NOT NULL
      AND (CAST(:launch_id AS uuid) IS NULL OR d.launch_id = :launch_id)
    GROUP BY d.variant_id
    """
)


async def variant_counts(
    scope: TenantScope, campaign_id: uuid.UUID, launch_id: uuid.UUID | None = None
) -> dict[uuid.UUID, VariantCounts]:
    """Per variant of a campaign (or of one of its launches): sent, opened, clicked. Read
    through the campaign's unique delivery key; opens and clicks are the tracking events
    named after the delivery."""
    rows = await scope.session.execute(
        _VARIANT_COUNTS,
        {"company_id": scope.company_id, "campaign_id": campaign_id, "launch_id": launch_id},
    )
    return {
        row.variant_id: VariantCounts(int(row.sent), int(row.opens), int(row.clicks))
        for row in rows
    }
