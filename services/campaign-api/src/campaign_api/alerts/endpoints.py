"""Alert endpoints: a campaign's performance thresholds and its raised alerts."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from campaign_api.alerts import service
from campaign_api.alerts.schemas import AlertPage, AlertThresholdsRead, AlertThresholdsWrite
from campaign_api.campaigns.deps import (
    CampaignEditor,
    CampaignReader,
    PartEditableCampaign,
    ReadableCampaign,
)
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination, make_page

router = APIRouter(prefix="/api/campaigns", tags=["alerts"], responses=COMMON_RESPONSES)


@router.get(
    "/{campaign_id}/alert-thresholds/",
    response_model=AlertThresholdsRead,
    summary="Read a campaign's alert thresholds",
    responses=errors(CampaignNotFound),
)
async def read_thresholds(
    campaign: ReadableCampaign, scope: Scope, principal: CampaignReader
) -> AlertThresholdsRead:
    """The campaign's performance rules and the severity that pauses it."""
    return respond(await service.thresholds(scope, campaign), principal)


@router.put(
    "/{campaign_id}/alert-thresholds/",
    response_model=AlertThresholdsRead,
    summary="Set a campaign's alert thresholds",
    responses=errors(CampaignNotFound, PreconditionFailed),
)
async def update_thresholds(
    body: AlertThresholdsWrite,
    campaign: PartEditableCampaign,
    scope: Scope,
    principal: CampaignEditor,
) -> AlertThresholdsRead:
    """Replace the campaign's performance rules and pause severity (audited)."""
    return respond(await service.set_thresholds(scope, principal, campaign, body), principal)


@router.get(
    "/{campaign_id}/alerts/",
    response_model=AlertPage,
    summary="List a campaign's alerts",
    responses=errors(CampaignNotFound),
)
async def list_alerts(
    campaign: ReadableCampaign,
    scope: Scope,
    pagination: Pagination,
    principal: CampaignReader,
    alert_kind: Annotated[Literal["budget", "performance"] | None, Query()] = None,
) -> dict[str, Any]:
    """The budget and performance alerts raised on the campaign, newest first."""
    items, total = await service.alerts(scope, campaign, alert_kind, pagination)
    page = make_page(
        [item.model_dump(mode="json") for item in items],
        total,
        pagination,
        {"alert_kind": alert_kind},
    )
    return respond(page, principal)
