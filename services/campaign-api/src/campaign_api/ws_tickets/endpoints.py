"""`POST /api/ws-ticket/`: a one-time ticket to authenticate the WebSocket without putting
a long-lived token in a URL."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from campaign_api.ws_tickets import service
from campaign_api.ws_tickets.schemas import WsTicket
from crm_common.deps import AppResources, NoStore
from crm_common.errors import NotAuthenticated, PermissionDenied
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

router = APIRouter(prefix="/api/ws-ticket", tags=["realtime"])

CampaignReader = Annotated[Principal, Depends(require(Permission.READ_CAMPAIGN))]


@router.post(
    "/",
    response_model=WsTicket,
    responses={**NotAuthenticated.openapi(), **PermissionDenied.openapi()},
    dependencies=[NoStore],
)
async def create_ws_ticket(principal: CampaignReader, resources: AppResources) -> WsTicket:
    """Issue a single-use ticket (about 30 s) for the first message on `/ws`."""
    return service.issue_ticket(resources.codec, principal, resources.settings.ws_ticket_ttl_s)
