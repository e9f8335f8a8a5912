"""Performance alerts while a campaign sends: its thresholds (bounce, unsubscribe and failure
rate, spend pace) checked against the metrics table at most every CHECK_INTERVAL_S per
launch and worker; each crossing raises `campaign.alert` once, and pauses the campaign when
its severity reaches the campaign's `pause_at_severity`."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime

import structlog
from pydantic import ValidationError
from sqlalchemy import select

from crm_common.campaign_alerts import (
    AlertRule,
    at_least,
    campaign_totals,
    observe,
)
from crm_common.campaign_cache import invalidate_campaign
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignAlertSettings
from crm_common.resources import Resources
from launch_worker.alerts.raising import (
    NewAlert,
    emit_alert,
    lock_campaign,
    mark_paused,
    pause_campaign,
    raise_alert,
)

log = structlog.get_logger(__name__)

CHECK_INTERVAL_S = 1.0
PAUSE_REASON = "performance_alert"


def _rules(raw: object) -> list[AlertRule]:
    """The stored rules that still validate (the API validated them when they were saved)."""
    rules = []
    for item in raw if isinstance(raw, list) else []:
        try:
            rules.append(AlertRule.model_validate(item))
        except ValidationError:
            log.warning("alert_rule_invalid", rule=str(item)[:200])
    return rules


class PerformanceAlerts:
    def __init__(self, resources: Resources, interval_s: float = CHECK_INTERVAL_S) -> None:
        self.resources = resources
        self.interval_s = interval_s
        self._checked_at: dict[uuid.UUID, float] = {}

    def forget(self, launch_id: uuid.UUID) -> None:
        self._checked_at.pop(launch_id, None)

    async def maybe_check(
        self, company_id: uuid.UUID, campaign_id: uuid.UUID, launch_id: uuid.UUID
    ) -> int:
        """Check the campaign's rules unless this launch was checked within the interval."""
        now = time.monotonic()
        if now - self._checked_at.get(launch_id, -self.interval_s) < self.interval_s:
            return 0
        self._checked_at[launch_id] = now
        return await self.check(company_id, campaign_id, launch_id)

    async def check(
        self, company_id: uuid.UUID, campaign_id: uuid.UUID, launch_id: uuid.UUID | None
    ) -> int:
        """Raise the alerts of every rule the campaign now crosses; how many were new."""
        raised = 0
        paused = False
        async with self.resources.db.tenant_session(company_id) as session:
            settings = await session.scalar(
                select(CampaignAlertSettings).where(
                    CampaignAlertSettings.company_id == company_id,
                    CampaignAlertSettings.campaign_id == campaign_id,
                )
            )
            rules = _rules(settings.rules) if settings is not None else []
            if settings is None or not rules:
                return 0
            campaign = await session.scalar(
                select(Campaign).where(
                    Campaign.id == campaign_id, Campaign.company_id == company_id
                )
            )
            if campaign is None:
                return 0
            totals = await campaign_totals(session, company_id, campaign_id)
            now = datetime.now(UTC)
            crossings = []
            for rule in rules:
                if totals.sent < rule.min_sent:
                    continue
                value = observe(
                    rule.metric,
                    totals,
                    campaign.total_budget,
                    campaign.start_date,
                    campaign.end_date,
                    now,
                )
                if value is not None and value >= rule.threshold:
                    crossings.append((rule, value))
            if not crossings:
                return 0
            locked = await lock_campaign(session, company_id, campaign_id)
            for rule, value in crossings:
                alert = NewAlert(
                    company_id=company_id,
                    campaign_id=campaign_id,
                    launch_id=launch_id,
                    alert_kind="performance",
                    metric=rule.metric,
                    severity=rule.severity,
                    observed=value,
                    threshold=rule.threshold,
                    details={"sent": totals.sent, "min_sent": rule.min_sent},
                )
                alert_id = await raise_alert(session, alert)
                if alert_id is None:
                    continue
                raised += 1
                pauses = False
                if locked is not None and at_least(rule.severity, settings.pause_at_severity):
                    pauses = await pause_campaign(
                        session,
                        locked,
                        PAUSE_REASON,
                        {"metric": rule.metric, "severity": rule.severity},
                    )
                    paused = paused or pauses
                if pauses:
                    await mark_paused(session, alert_id)
                await emit_alert(session, EventType.CAMPAIGN_ALERT, alert, pauses)
            if paused:
                await invalidate_campaign(
                    self.resources.redis,
                    company_id,
                    campaign_id,
                    self.resources.settings.campaign_cache_ttl_s,
                    session=session,
                )
        return raised
