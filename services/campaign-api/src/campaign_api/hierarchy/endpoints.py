"""`/api/campaigns/{id}/parent/` and `/api/campaigns/{id}/hierarchy/`."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from campaign_api.campaigns.deps import (
    CampaignEditor,
    CampaignReader,
    EditableCampaign,
    ReadableCampaign,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound
from campaign_api.campaigns.schemas import CampaignRead
from campaign_api.hierarchy import service
from campaign_api.hierarchy.errors import (
    HierarchyCycle,
    HierarchyTooDeep,
    ParentDeleted,
    ParentNotFound,
)
from campaign_api.hierarchy.schemas import HierarchyRead, ParentSet
from campaign_api.shared.responses import respond
from crm_common.concurrency import etag
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors

router = APIRouter(prefix="/api/campaigns", tags=["hierarchy"], responses=COMMON_RESPONSES)


@router.put(
    "/{campaign_id}/parent/",
    response_model=CampaignRead,
    summary="Set a campaign's parent",
    responses=errors(
        CampaignNotFound,
        PreconditionFailed,
        CampaignLocked,
        ParentNotFound,
        ParentDeleted,
        HierarchyCycle,
        HierarchyTooDeep,
    ),
)
async def set_parent(
    body: ParentSet,
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
) -> Any:
    """Place the campaign under a parent of the company (null: top level); no cycles, at
    most three levels."""
    updated = await service.set_parent(scope, principal, campaign, body.parent_campaign_id)
    payload = CampaignRead.model_validate(updated)
    return respond(payload, principal, response, headers={"ETag": etag(updated.version)})


@router.get(
    "/{campaign_id}/hierarchy/",
    response_model=HierarchyRead,
    summary="Get a campaign's hierarchy",
    responses=errors(CampaignNotFound),
)
async def get_hierarchy(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> HierarchyRead:
    """The tree the campaign belongs to, from its top-level campaign, with a roll-up of
    budget, spend, audience, sends, opens, clicks, conversions and revenue at every node."""
    return respond(await service.hierarchy(scope, campaign), principal)
