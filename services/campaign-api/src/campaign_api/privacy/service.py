"""Consent summary of a campaign's audience; reading and changing privacy settings."""

from __future__ import annotations

from datetime import UTC, datetime

from campaign_api.privacy import repository as repo
from campaign_api.privacy.schemas import (
    ConsentCount,
    ConsentSummary,
    PrivacySettings,
    PrivacySettingsUpdate,
)
from crm_common.audit import record
from crm_common.models import Campaign
from crm_common.privacy.residency import ALLOWED_HOSTS
from crm_common.privacy.settings import (
    DOUBLE_OPT_IN_EMAIL,
    RESIDENCY_REGION,
    double_opt_in_email,
    residency_region,
)
from crm_common.security.principal import Principal
from crm_common.segments.exclusions import delivery_channels
from crm_common.tenancy import TenantScope

STATUSES = ("granted", "pending", "withdrawn", "expired", "none")


async def consent_summary(scope: TenantScope, campaign: Campaign) -> ConsentSummary:
    """Counts by channel, status and legal basis over the contacts the campaign's segments
    match now, on the campaign's delivery channels; `none` counts contacts with no consent
    ever recorded on a channel."""
    channels = list(delivery_channels(campaign.primary_channel))
    segments = await repo.segments(scope, campaign.id)
    matched, rows = await repo.consent_counts(scope, segments, channels, datetime.now(UTC))
    totals = {channel: dict.fromkeys(STATUSES, 0) for channel in channels}
    counts = []
    for channel, status, basis, count in rows:
        totals[channel][status] += count
        counts.append(ConsentCount(channel=channel, status=status, legal_basis=basis, count=count))
    for channel, by_status in totals.items():
        by_status["none"] = matched - sum(by_status.values())
        if by_status["none"]:
            counts.append(
                ConsentCount(
                    channel=channel, status="none", legal_basis=None, count=by_status["none"]
                )
            )
    counts.sort(key=lambda c: (c.channel, STATUSES.index(c.status), c.legal_basis or ""))
    return ConsentSummary(
        campaign_id=campaign.id, matched=matched, channels=channels, counts=counts, totals=totals
    )


def _present(settings: dict[str, object]) -> PrivacySettings:
    hosts = settings.get(ALLOWED_HOSTS)
    return PrivacySettings(
        double_opt_in_email=double_opt_in_email(settings),
        residency_region=residency_region(settings),
        residency_allowed_hosts=[str(h) for h in hosts] if isinstance(hosts, list) else [],
    )


async def read_settings(scope: TenantScope) -> PrivacySettings:
    """The company's privacy settings."""
    return _present(await repo.company_settings(scope))


async def change_settings(
    scope: TenantScope, principal: Principal, data: PrivacySettingsUpdate
) -> PrivacySettings:
    """Replace the company's privacy settings; the change is audited."""
    before = _present(await repo.company_settings(scope))
    after = _present(
        await repo.merge_settings(
            scope,
            {
                DOUBLE_OPT_IN_EMAIL: data.double_opt_in_email,
                RESIDENCY_REGION: data.residency_region,
                ALLOWED_HOSTS: data.residency_allowed_hosts,
            },
        )
    )
    if after != before:
        await record(
            scope.session,
            company_id=scope.company_id,
            actor_user_id=principal.user_id,
            action="company.privacy_settings_changed",
            entity_type="company",
            entity_id=scope.company_id,
            old_values=before.model_dump(),
            new_values=after.model_dump(),
        )
    return after
