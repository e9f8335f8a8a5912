"""A campaign's performance alert rules: what each metric measures, how severe a crossing is,
and the observed values read from the metrics table.

Metrics (each over the campaign's whole run, every channel):
- `bounce_rate`: bounces / sent
- `unsubscribe_rate`: unsubscribes / sent
- `failure_rate`: failed / (sent + failed)
- `spend_pace`: the share of total_budget spent divided by the share of the campaign's
  schedule (start_date → end_date) elapsed; 1.0 is on pace, 2.0 spends twice as fast.
Complaints are not tracked by the providers' callbacks yet, so there is no complaint rate.

A rule is crossed when the observed value reaches its threshold once the campaign has sent
at least `min_sent` messages (rates over a handful of messages mean nothing).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


class AlertMetric(StrEnum):
    BOUNCE_RATE = "bounce_rate"
    UNSUBSCRIBE_RATE = "unsubscribe_rate"
    FAILURE_RATE = "failure_rate"
    SPEND_PACE = "spend_pace"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    CRITICAL = "critical"


SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.CRITICAL: 3}

BUDGET_METRIC = "budget_spent"
"""The metric name of budget alerts (thresholds 80 and 100, in percent)."""


def at_least(severity: str, floor: str | None) -> bool:
    """Whether `severity` reaches `floor` (never when there is no floor)."""
    if floor is None:
        return False
    return SEVERITY_RANK[Severity(severity)] >= SEVERITY_RANK[Severity(floor)]


class AlertRule(BaseModel):
    """One threshold on one metric."""

    model_config = ConfigDict(extra="forbid")

    metric: AlertMetric
    threshold: Decimal = Field(
        gt=0,
        le=1000,
        max_digits=12,
        decimal_places=6,
        description="Rates are fractions (0.05 = 5 %); spend_pace is a ratio (1.5 = 50 % ahead).",
    )
    severity: Severity = Severity.WARNING
    min_sent: int = Field(
        default=100, ge=0, le=10_000_000, description="Sent messages before the rule applies."
    )


@dataclass(frozen=True)
class CampaignTotals:
    sent: int
    failed: int
    bounces: int
    unsubscribes: int
    spend: Decimal


_TOTALS = text(
    """
    SELECT coalesce(sum(sent), 0) AS sent, coalesce(sum(failed), 0) AS failed,
           coalesce(sum(bounces), 0) AS bounces, coalesce(sum(unsubscribes), 0) AS unsubscribes,
           coalesce(sum(spend), 0) AS spend
    FROM crm_campaign_metrics WHERE campaign_id = :campaign_id AND company_id = :company_id
    """
)


async def campaign_totals(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> CampaignTotals:
    """A campaign's counters summed over its days and channels."""
    row = (
        await session.execute(_TOTALS, {"company_id": company_id, "campaign_id": campaign_id})
    ).one()
    return CampaignTotals(
        int(row.sent), int(row.failed), int(row.bounces), int(row.unsubscribes), row.spend
    )


def observe(
    metric: AlertMetric,
    totals: CampaignTotals,
    total_budget: Decimal,
    start: datetime,
    end: datetime,
    now: datetime,
) -> Decimal | None:
    """The metric's current value (None when it cannot be measured yet)."""
    if metric == AlertMetric.BOUNCE_RATE:
        return Decimal(totals.bounces) / totals.sent if totals.sent else None
    if metric == AlertMetric.UNSUBSCRIBE_RATE:
        return Decimal(totals.unsubscribes) / totals.sent if totals.sent else None
    if metric == AlertMetric.FAILURE_RATE:
        attempted = totals.sent + totals.failed
        return Decimal(totals.failed) / attempted if attempted else None
    span = (end - start).total_seconds()
    if total_budget <= 0 or span <= 0:
        return None
    # At least a minute of the schedule counts as elapsed: a launch at the very start of its
    # campaign would otherwise be infinitely ahead of pace after its first message.
    elapsed = min(max((now - start).total_seconds(), 60.0), span) / span
    return (Decimal(totals.spend) / total_budget) / Decimal(str(elapsed))
