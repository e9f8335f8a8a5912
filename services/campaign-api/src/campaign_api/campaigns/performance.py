"""A campaign's performance from its daily metrics (crm_campaign_metrics) and, for its
conversions and revenue, its last-touch attribution (crm_conversion_attributions)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from campaign_api.campaigns.schemas import ChannelPerformance, Performance
from campaign_api.shared.types import CENT
from crm_common.campaign_metrics import reached
from crm_common.models.delivery import METRIC_COUNTERS


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


@dataclass(frozen=True)
class Attributed:
    """The conversions credited to a campaign by last touch, and their revenue in the
    campaign's currency (None when no exchange rate converts it)."""

    conversions: int
    revenue: Decimal | None


def summarise(rows: Sequence[Any], attributed: Attributed | None = None) -> Performance:
    """Totals, rates and a per-channel breakdown of the per-channel metric sums; with
    `attributed`, the totals' conversions and revenue are the campaign's attributed ones (a
    conversion is credited to a campaign, not to one of its channels)."""
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
                revenue=Decimal(revenue or 0).quantize(CENT),
                spend=Decimal(spend or 0).quantize(CENT),
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
    if attributed is not None:
        totals.conversions = attributed.conversions
        totals.revenue = attributed.revenue
    spend = totals.spend or Decimal(0)
    revenue = totals.revenue
    base = reached(totals.delivered, totals.sent)
    return Performance(
        totals=totals,
        # Unknown (None) until a provider reports a delivery: an SMTP relay never does.
        delivery_rate=_rate(totals.delivered, totals.sent) if totals.delivered else None,
        open_rate=_rate(totals.unique_opens, base),
        click_rate=_rate(totals.unique_clicks, base),
        conversion_rate=_rate(totals.conversions, base),
        unsubscribe_rate=_rate(totals.unsubscribes, base),
        roi=round(float((revenue - spend) / spend), 4) if spend and revenue is not None else None,
        by_channel=by_channel,
        first_day=min(firsts).isoformat() if firsts else None,
        last_day=max(lasts).isoformat() if lasts else None,
        updated_at=max(updates) if updates else None,
    )
