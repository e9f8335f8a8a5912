"""Queries of a campaign's alert settings and raised alerts, scoped to the tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from crm_common.models import CampaignAlert, CampaignAlertSettings
from crm_common.pagination import PageParams
from crm_common.tenancy import TenantScope


async def settings_of(
    scope: TenantScope, campaign_id: uuid.UUID, *, for_update: bool = False
) -> CampaignAlertSettings | None:
    statement = scope.select(
        CampaignAlertSettings, CampaignAlertSettings.campaign_id == campaign_id
    )
    if for_update:
        statement = statement.with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def page_of_alerts(
    scope: TenantScope, campaign_id: uuid.UUID, kind: str | None, params: PageParams
) -> tuple[Sequence[CampaignAlert], int]:
    conditions = [CampaignAlert.campaign_id == campaign_id]
    if kind is not None:
        conditions.append(CampaignAlert.alert_kind == kind)
    total = await scope.session.scalar(scope.count(CampaignAlert, *conditions))
    rows = await scope.session.execute(
        scope.select(CampaignAlert, *conditions)
        .order_by(CampaignAlert.raised_at.desc(), CampaignAlert.id)
        .offset(params.offset)
        .limit(params.page_size)
    )
    return rows.scalars().all(), int(total or 0)
