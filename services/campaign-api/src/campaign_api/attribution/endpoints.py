"""`/api/conversions/`, `/api/attribution-settings/` and `/api/campaigns/{id}/roi/`."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from campaign_api.attribution import service
from campaign_api.attribution.errors import (
    ConversionConflict,
    ConversionNotFound,
    ExchangeRateMissing,
    UnknownReference,
)
from campaign_api.attribution.schemas import (
    AttributionModel,
    AttributionSettingsRead,
    AttributionSettingsWrite,
    ConversionCreate,
    ConversionPage,
    ConversionRead,
    RoiRead,
)
from campaign_api.campaigns.deps import ReadableCampaign
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination
from crm_common.security.permissions import Permission as P
from crm_common.security.principal import Principal, require

ConversionWriter = Annotated[Principal, Depends(require(P.UPDATE_CAMPAIGN))]
RevenueReader = Annotated[Principal, Depends(require(P.READ_CAMPAIGN, P.VIEW_BUDGET))]
RateManager = Annotated[Principal, Depends(require(P.MANAGE_BUDGET))]

router = APIRouter(tags=["attribution"], responses=COMMON_RESPONSES)


@router.post(
    "/api/conversions/",
    status_code=201,
    response_model=ConversionRead,
    summary="Record a conversion",
    responses={
        200: {"model": ConversionRead, "description": "The same conversion again (replayed)."},
        **errors(UnknownReference, ExchangeRateMissing, ConversionConflict),
    },
)
async def record_conversion(
    body: ConversionCreate, principal: ConversionWriter, scope: Scope, response: Response
) -> ConversionRead:
    """Record a conversion once per source and external id and attribute it to campaigns
    (tracked clicks and UTM codes within the window); the same body again answers 200."""
    conversion, created = await service.record_conversion(scope, body)
    return respond(conversion, principal, response, status_code=201 if created else 200)


@router.get("/api/conversions/", response_model=ConversionPage, summary="List conversions")
async def list_conversions(
    principal: RevenueReader,
    scope: Scope,
    pagination: Pagination,
    campaign_id: Annotated[
        uuid.UUID | None, Query(description="Only conversions attributed to this campaign.")
    ] = None,
    contact_id: Annotated[uuid.UUID | None, Query(description="Only this contact's.")] = None,
) -> dict[str, Any]:
    """The company's conversions, newest first, each with the campaigns it is attributed to."""
    page = await service.list_conversions(scope, campaign_id, contact_id, pagination)
    return respond(page, principal)


@router.get(
    "/api/conversions/{conversion_id}/",
    response_model=ConversionRead,
    summary="Get a conversion",
    responses=errors(ConversionNotFound),
)
async def get_conversion(
    conversion_id: uuid.UUID, principal: RevenueReader, scope: Scope
) -> ConversionRead:
    """One conversion and its attribution."""
    return respond(await service.get_conversion(scope, conversion_id), principal)


@router.get(
    "/api/attribution-settings/",
    response_model=AttributionSettingsRead,
    summary="Get the attribution settings",
)
async def get_settings(principal: RevenueReader, scope: Scope) -> AttributionSettingsRead:
    """The attribution window, the company's default currency and its exchange-rate table."""
    return respond(await service.read_settings(scope), principal)


@router.put(
    "/api/attribution-settings/",
    response_model=AttributionSettingsRead,
    summary="Replace the attribution settings",
)
async def put_settings(
    body: AttributionSettingsWrite, principal: RateManager, scope: Scope
) -> AttributionSettingsRead:
    """Set the attribution window and replace the exchange-rate table (conversions recorded
    from now on use them)."""
    return respond(await service.write_settings(scope, principal, body), principal)


@router.get(
    "/api/campaigns/{campaign_id}/roi/",
    response_model=RoiRead,
    summary="Get a campaign's ROI",
    responses=errors(CampaignNotFound, ExchangeRateMissing),
)
async def get_roi(
    campaign: ReadableCampaign,
    principal: RevenueReader,
    scope: Scope,
    model: Annotated[
        AttributionModel, Query(description="first_touch, last_touch or linear.")
    ] = AttributionModel.LAST_TOUCH,
) -> RoiRead:
    """Attributed revenue, cost, ROI, cost per click and per conversion and the conversion
    rate under one attribution model, against the campaign's targets."""
    return respond(await service.roi(scope, campaign, model), principal)
