"""A campaign's performance from its daily metrics (crm_campaign_metrics)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from campaign_api.campaigns.schemas import ChannelPerformance, Performance
from crm_common.models.delivery import METRIC_COUNTERS


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summarise(rows: Sequence[Any]) -> Performance:
    """Totals, rates and a per-channel breakdown of the per-channel metric sums."""
    by_channel: list[ChannelPerformance] = []
    firsts, lasts, updates = [], [], []
    for row in rows:
        channel, *values = row
        counters = dict(
            zip(
                METRIC_COUNTERS,
                (int(v or 0) for v in values[: len(METRIC_COUNTERS)]),
                strict=True,
            )
        )
        revenue, spend, first, last, updated = values[10:]
        by_channel.append(
            ChannelPerformance(
                channel=channel,
                **counters,
                revenue=Decimal(revenue or 0),
                spend=Decimal(spend or 0),
            )
        )
        firsts.append(first)
        lasts.append(last)
        updates.append(updated)
    totals = ChannelPerformance(
        channel="all",
        **{name: sum(getattr(c, name) for c in by_channel) for name in METRIC_COUNTERS},
        revenue=sum((c.revenue or Decimal(0) for c in by_channel), Decimal("0.00")),
        spend=sum((c.spend or Decimal(0) for c in by_channel), Decimal("0.00")),
    )
    spend = totals.spend or Decimal(0)
    revenue = totals.revenue or Decimal(0)
    return Performance(
        totals=totals,
        delivery_rate=_rate(totals.delivered, totals.sent),
        open_rate=_rate(totals.unique_opens, totals.delivered),
        click_rate=_rate(totals.unique_clicks, totals.delivered),
        conversion_rate=_rate(totals.conversions, totals.delivered),
        unsubscribe_rate=_rate(totals.unsubscribes, totals.delivered),
        roi=round(float((revenue - spend) / spend), 4) if spend else None,
        by_channel=by_channel,
        first_day=min(firsts).isoformat() if firsts else None,
        last_day=max(lasts).isoformat() if lasts else None,
        updated_at=max(updates) if updates else None,
    )
