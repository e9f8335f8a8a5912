"""Collaborator endpoints under a campaign."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response

from campaign_api.campaigns.deps import (
    CampaignEditor,
    CampaignReader,
    PartEditableCampaign,
    ReadableCampaign,
    part_written,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound
from campaign_api.collaborators import service
from campaign_api.collaborators.errors import (
    AlreadyCollaborator,
    CollaboratorNotFound,
    InactiveUser,
    LastOwner,
    UserNotFound,
)
from campaign_api.collaborators.schemas import (
    CollaboratorCreate,
    CollaboratorList,
    CollaboratorRead,
    CollaboratorUpdate,
)
from campaign_api.shared.responses import respond
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors

router = APIRouter(prefix="/api/campaigns", tags=["collaborators"], responses=COMMON_RESPONSES)

UserId = Annotated[uuid.UUID, Path(description="The collaborator's user id.")]


@router.get(
    "/{campaign_id}/collaborators/",
    response_model=CollaboratorList,
    summary="List a campaign's collaborators",
    responses=errors(CampaignNotFound),
)
async def list_collaborators(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> CollaboratorList:
    """List the users working on a campaign, with their roles."""
    items = await service.list_collaborators(scope, campaign)
    body = CollaboratorList(campaign_id=campaign.id, items=list(items), total=len(items))
    return respond(body, principal)


@router.post(
    "/{campaign_id}/collaborators/",
    status_code=201,
    response_model=CollaboratorRead,
    summary="Add a collaborator",
    responses=errors(
        CampaignNotFound,
        UserNotFound,
        PreconditionFailed,
        AlreadyCollaborator,
        InactiveUser,
        CampaignLocked,
    ),
)
async def add_collaborator(
    body: CollaboratorCreate,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> CollaboratorRead:
    """Add a user of the company to the campaign with a role."""
    added = await service.add(scope, principal, campaign, body.user_id, body.collaborator_role)
    return respond(added, principal)


@router.patch(
    "/{campaign_id}/collaborators/{user_id}/",
    response_model=CollaboratorRead,
    summary="Change a collaborator's role",
    responses=errors(
        CampaignNotFound, CollaboratorNotFound, PreconditionFailed, LastOwner, CampaignLocked
    ),
)
async def change_collaborator(
    user_id: UserId,
    body: CollaboratorUpdate,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> CollaboratorRead:
    """Change a collaborator's role; the last owner stays an owner."""
    changed = await service.change_role(scope, principal, campaign, user_id, body.collaborator_role)
    return respond(changed, principal)


@router.delete(
    "/{campaign_id}/collaborators/{user_id}/",
    status_code=204,
    summary="Remove a collaborator",
    responses=errors(
        CampaignNotFound, CollaboratorNotFound, PreconditionFailed, LastOwner, CampaignLocked
    ),
)
async def remove_collaborator(
    user_id: UserId,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> Response:
    """Remove a collaborator from the campaign; the last owner stays."""
    await service.remove(scope, principal, campaign, user_id)
    return part_written(campaign)
