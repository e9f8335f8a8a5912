"""Collaborator rules: company users only, one entry per user, at least one owner."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from campaign_api.audit.service import record_change
from campaign_api.campaigns.rules import ensure_editable
from campaign_api.collaborators import repository
from campaign_api.collaborators.errors import (
    AlreadyCollaborator,
    CollaboratorNotFound,
    InactiveUser,
    LastOwner,
    UserNotFound,
)
from campaign_api.collaborators.schemas import CollaboratorRead
from crm_common.db import stage_row
from crm_common.enums import CollaboratorRole
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignCollaborator, User
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign"


def _read(collaborator: CampaignCollaborator, user: User) -> CollaboratorRead:
    return CollaboratorRead(
        campaign_id=collaborator.campaign_id,
        user_id=collaborator.user_id,
        full_name=user.full_name,
        email=user.email,
        collaborator_role=CollaboratorRole(collaborator.collaborator_role),
        added_by_user_id=collaborator.added_by_user_id,
        created_at=collaborator.created_at,
    )


def add_owner(
    scope: TenantScope, campaign_id: uuid.UUID, user_id: uuid.UUID, now: datetime
) -> None:
    """The creator of a campaign is its first owner: a row staged with the creation's audit
    row and event (`crm_common.db.stage_row`), written in their statement before COMMIT;
    nothing reads it back in the transaction that creates the campaign."""
    stage_row(
        scope.session,
        CampaignCollaborator,
        {
            "company_id": scope.company_id,
            "campaign_id": campaign_id,
            "user_id": user_id,
            "collaborator_role": CollaboratorRole.OWNER.value,
            "added_by_user_id": user_id,
            "created_at": now,
        },
    )


async def list_collaborators(scope: TenantScope, campaign: Campaign) -> Sequence[CollaboratorRead]:
    return [_read(c, u) for c, u in await repository.of_campaign(scope, campaign.id)]


async def add(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    user_id: uuid.UUID,
    role: CollaboratorRole,
) -> CollaboratorRead:
    """Add an active user of the company to an editable campaign."""
    ensure_editable(campaign)
    user = await repository.user(scope, user_id)
    if user is None:
        raise UserNotFound()
    if not user.is_active:
        raise InactiveUser(details={"user_id": str(user_id)})
    if await repository.get(scope, campaign.id, user_id) is not None:
        raise AlreadyCollaborator(details={"user_id": str(user_id)})
    collaborator = scope.add(
        CampaignCollaborator(
            campaign_id=campaign.id,
            user_id=user_id,
            collaborator_role=role,
            added_by_user_id=principal.user_id,
            created_at=datetime.now(UTC),
        )
    )
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="collaborator.added",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values={"user_id": user_id, "collaborator_role": role},
        event_type=EventType.COLLABORATOR_ADDED,
        event_data={"campaign_id": campaign.id, "user_id": user_id, "collaborator_role": role},
    )
    return _read(collaborator, user)


async def change_role(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    user_id: uuid.UUID,
    role: CollaboratorRole,
) -> CollaboratorRead:
    """Change a collaborator's role; the last owner stays an owner."""
    ensure_editable(campaign)
    collaborator = await repository.get(scope, campaign.id, user_id)
    user = await repository.user(scope, user_id)
    if collaborator is None or user is None:
        raise CollaboratorNotFound()
    old = collaborator.collaborator_role
    if old == role:
        return _read(collaborator, user)
    if old == CollaboratorRole.OWNER and await repository.owner_count(scope, campaign.id) <= 1:
        raise LastOwner()
    collaborator.collaborator_role = role
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="collaborator.updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"user_id": user_id, "collaborator_role": old},
        new_values={"user_id": user_id, "collaborator_role": role},
        event_type=EventType.COLLABORATOR_UPDATED,
        event_data={"campaign_id": campaign.id, "user_id": user_id, "collaborator_role": role},
    )
    return _read(collaborator, user)


async def remove(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    user_id: uuid.UUID,
) -> None:
    """Remove a collaborator; the last owner stays."""
    ensure_editable(campaign)
    collaborator = await repository.get(scope, campaign.id, user_id)
    if collaborator is None:
        raise CollaboratorNotFound()
    role = collaborator.collaborator_role
    if role == CollaboratorRole.OWNER and await repository.owner_count(scope, campaign.id) <= 1:
        raise LastOwner()
    await repository.delete(scope, campaign.id, user_id)
    await record_change(
        scope,
        principal,
        action="collaborator.removed",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"user_id": user_id, "collaborator_role": role},
        event_type=EventType.COLLABORATOR_REMOVED,
        event_data={"campaign_id": campaign.id, "user_id": user_id},
    )
