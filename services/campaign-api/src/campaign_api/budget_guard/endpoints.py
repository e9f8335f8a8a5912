"""Budget guard endpoints: the company's unit costs, and a launch's forecast."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from campaign_api.budget_guard import service
from campaign_api.budget_guard.deps import CostManager, CostReader, ForecastReader
from campaign_api.budget_guard.errors import InvalidChannelCosts
from campaign_api.budget_guard.schemas import BudgetForecast, ChannelCostsRead, ChannelCostsWrite
from campaign_api.campaigns.deps import CampaignId
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.launches import service as launch_service
from campaign_api.launches.errors import InvalidLaunch
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.enums import DeliveryChannel
from crm_common.errors import COMMON_RESPONSES
from crm_common.errors import error_responses as errors

cost_router = APIRouter(
    prefix="/api/channel-costs", tags=["budget guard"], responses=COMMON_RESPONSES
)
router = APIRouter(prefix="/api/campaigns", tags=["budget guard"], responses=COMMON_RESPONSES)


@cost_router.get("/", response_model=ChannelCostsRead, summary="Read unit costs")
async def read_channel_costs(principal: CostReader, scope: Scope) -> ChannelCostsRead:
    """The company's price per message on each channel and provider."""
    return respond(await service.channel_costs(scope), principal)


@cost_router.put(
    "/",
    response_model=ChannelCostsRead,
    summary="Set unit costs",
    responses=errors(InvalidChannelCosts),
)
async def update_channel_costs(
    body: ChannelCostsWrite, principal: CostManager, scope: Scope
) -> ChannelCostsRead:
    """Replace the company's unit costs per channel and provider (audited)."""
    return respond(await service.set_channel_costs(scope, principal, body), principal)


@router.get(
    "/{campaign_id}/budget-forecast/",
    response_model=BudgetForecast,
    summary="Forecast a launch's cost",
    responses=errors(CampaignNotFound, InvalidLaunch),
)
async def budget_forecast(
    campaign_id: CampaignId,
    principal: ForecastReader,
    scope: Scope,
    channels: Annotated[
        list[DeliveryChannel] | None,
        Query(max_length=4, description="Default: the campaign's channels."),
    ] = None,
) -> BudgetForecast:
    """The cost of launching now (sendable audience times unit costs) against the
    campaign's remaining budget, as the launch request will check it."""
    body = await launch_service.launch_forecast(scope, campaign_id, channels or None)
    return respond(body, principal)
