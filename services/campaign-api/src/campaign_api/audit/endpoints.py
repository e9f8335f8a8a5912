"""A campaign's audit history."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from campaign_api.audit import service
from campaign_api.audit.chain_endpoints import router as chain_router
from campaign_api.audit.schemas import AuditPage
from campaign_api.campaigns import service as campaign_service
from campaign_api.campaigns.deps import CampaignId, CampaignReader
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination, make_page

router = APIRouter(tags=["audit"], responses=COMMON_RESPONSES)


@router.get(
    "/api/campaigns/{campaign_id}/audit/",
    response_model=AuditPage,
    summary="List a campaign's history",
    responses=errors(CampaignNotFound),
)
async def campaign_history(
    campaign_id: CampaignId,
    principal: CampaignReader,
    scope: Scope,
    pagination: Pagination,
    action: Annotated[
        str | None,
        Query(min_length=1, max_length=64, description="Only this action, e.g. campaign.updated."),
    ] = None,
) -> dict[str, Any]:
    """List every change of a campaign and its segments, links and approvals, newest first."""
    campaign = await campaign_service.load(scope, campaign_id, include_deleted=True)
    rows, total = await service.history(scope, "campaign", campaign.id, pagination, action)
    # Rows, validated once: by the page's response model.
    items = [
        {**row, "client_ip": str(row["client_ip"]) if row["client_ip"] is not None else None}
        for row in rows
    ]
    page = make_page(items, total, pagination, {"action": action or None})
    return respond(page, principal)


router.include_router(chain_router)
