"""A campaign's performance thresholds (read and replaced as a whole, audited) and the
alerts the launch worker raised on it (budget thresholds and performance rules)."""

from __future__ import annotations

from datetime import UTC, datetime

from campaign_api.alerts import repository
from campaign_api.alerts.schemas import AlertRead, AlertThresholdsRead, AlertThresholdsWrite
from campaign_api.audit.service import record_change
from crm_common.campaign_alerts import AlertRule, Severity
from crm_common.models import Campaign, CampaignAlertSettings
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign"


def _read(campaign: Campaign, settings: CampaignAlertSettings | None) -> AlertThresholdsRead:
    if settings is None:
        return AlertThresholdsRead(
            campaign_id=campaign.id, rules=[], pause_at_severity=None, updated_at=None
        )
    return AlertThresholdsRead(
        campaign_id=campaign.id,
        rules=[AlertRule.model_validate(rule) for rule in settings.rules],
        pause_at_severity=Severity(settings.pause_at_severity)
        if settings.pause_at_severity
        else None,
        updated_at=settings.updated_at,
    )


async def thresholds(scope: TenantScope, campaign: Campaign) -> AlertThresholdsRead:
    """The campaign's rules and pause severity (none set: no rules, never pauses)."""
    return _read(campaign, await repository.settings_of(scope, campaign.id))


async def set_thresholds(
    scope: TenantScope, principal: Principal, campaign: Campaign, body: AlertThresholdsWrite
) -> AlertThresholdsRead:
    """Replace a locked campaign's rules and pause severity; audited with the old ones."""
    settings = await repository.settings_of(scope, campaign.id, for_update=True)
    before = _read(campaign, settings)
    rules = [rule.model_dump(mode="json") for rule in body.rules]
    now = datetime.now(UTC)
    pause = body.pause_at_severity.value if body.pause_at_severity else None
    if settings is None:
        settings = scope.add(
            CampaignAlertSettings(
                campaign_id=campaign.id,
                rules=rules,
                pause_at_severity=pause,
                updated_by_user_id=principal.user_id,
                updated_at=now,
            )
        )
    else:
        settings.rules = rules
        settings.pause_at_severity = pause
        settings.updated_by_user_id = principal.user_id
        settings.updated_at = now
    await scope.session.flush()
    after = _read(campaign, settings)
    await record_change(
        scope,
        principal,
        action="campaign.alert_thresholds_updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values=before.model_dump(mode="json", include={"rules", "pause_at_severity"}),
        new_values=after.model_dump(mode="json", include={"rules", "pause_at_severity"}),
    )
    return after


async def alerts(
    scope: TenantScope, campaign: Campaign, kind: str | None, params: PageParams
) -> tuple[list[AlertRead], int]:
    """One page of the alerts raised on the campaign, newest first."""
    rows, total = await repository.page_of_alerts(scope, campaign.id, kind, params)
    return [AlertRead.model_validate(row) for row in rows], total
