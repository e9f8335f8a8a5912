"""Raising an alert once per campaign, metric and threshold, and pausing a campaign the way
its pause action does (campaign paused, its sending launch with it, audited, evented)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.campaign_changes import record_status_change
from crm_common.enums import CampaignStatus, LaunchStatus
from crm_common.events import emit
from crm_common.models import Campaign, CampaignAlert, Launch

PAUSE_ACTION = "pause"
"""The audit action and `campaign.status_changed` action of a pause, whoever pauses."""


@dataclass(frozen=True)
class NewAlert:
    company_id: uuid.UUID
    campaign_id: uuid.UUID
    launch_id: uuid.UUID | None
    alert_kind: str
    metric: str
    severity: str
    observed: Decimal
    threshold: Decimal
    details: dict[str, Any]


async def raise_alert(session: AsyncSession, alert: NewAlert) -> uuid.UUID | None:
    """Insert the alert unless this campaign already raised it (same metric and threshold);
    its id when it is new."""
    statement = (
        insert(CampaignAlert)
        .values(
            id=uuid.uuid4(),
            company_id=alert.company_id,
            campaign_id=alert.campaign_id,
            launch_id=alert.launch_id,
            alert_kind=alert.alert_kind,
            metric=alert.metric,
            severity=alert.severity,
            observed=alert.observed.quantize(Decimal("0.000001")),
            threshold=alert.threshold,
            details=alert.details,
        )
        .on_conflict_do_nothing(index_elements=["campaign_id", "metric", "threshold"])
        .returning(CampaignAlert.id)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def mark_paused(session: AsyncSession, alert_id: uuid.UUID) -> None:
    await session.execute(
        update(CampaignAlert).where(CampaignAlert.id == alert_id).values(paused=True)
    )


async def lock_campaign(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> Campaign | None:
    """The campaign row, locked for this transaction (the first lock every writer takes)."""
    statement = (
        select(Campaign)
        .where(Campaign.id == campaign_id, Campaign.company_id == company_id)
        .with_for_update(key_share=True)
    )
    return (await session.execute(statement)).scalar_one_or_none()


async def pause_campaign(
    session: AsyncSession, campaign: Campaign, reason: str, details: dict[str, str]
) -> bool:
    """Pause a locked active campaign and its sending launch, as the pause action does; it
    resumes the same way (the resume action). False when it was not active."""
    if campaign.campaign_status != CampaignStatus.ACTIVE or campaign.is_deleted:
        return False
    await record_status_change(
        session,
        campaign,
        CampaignStatus.PAUSED,
        action=PAUSE_ACTION,
        now=datetime.now(UTC),
        details={"reason": reason, **details},
    )
    await session.execute(
        update(Launch)
        .where(
            Launch.company_id == campaign.company_id,
            Launch.campaign_id == campaign.id,
            Launch.launch_status == LaunchStatus.SENDING,
        )
        .values(launch_status=LaunchStatus.PAUSED, updated_at=func.now())
    )
    return True


async def emit_alert(session: AsyncSession, event_type: str, alert: NewAlert, paused: bool) -> None:
    """Stage the alert's event in the outbox (published when the transaction commits)."""
    await emit(
        session,
        event_type,
        alert.company_id,
        {
            "campaign_id": str(alert.campaign_id),
            "launch_id": str(alert.launch_id) if alert.launch_id else None,
            "metric": alert.metric,
            "severity": alert.severity,
            "observed": str(alert.observed.quantize(Decimal("0.000001"))),
            "threshold": str(alert.threshold),
            "paused": paused,
            **alert.details,
        },
    )
