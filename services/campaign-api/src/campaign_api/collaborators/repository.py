"""Collaborator queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func

from crm_common.enums import CollaboratorRole
from crm_common.models import CampaignCollaborator, User
from crm_common.tenancy import TenantScope


async def of_campaign(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """(collaborator, user) pairs, owners first."""
    statement = (
        scope.select(CampaignCollaborator, CampaignCollaborator.campaign_id == campaign_id)
        .join(User, User.id == CampaignCollaborator.user_id)
        .add_columns(User)
        .order_by(CampaignCollaborator.created_at, User.email)
    )
    return (await scope.session.execute(statement)).all()


async def get(
    scope: TenantScope, campaign_id: uuid.UUID, user_id: uuid.UUID
) -> CampaignCollaborator | None:
    """A campaign's collaborator row for the user, locked for this transaction."""
    statement = scope.select(
        CampaignCollaborator,
        CampaignCollaborator.campaign_id == campaign_id,
        CampaignCollaborator.user_id == user_id,
    ).with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def user(scope: TenantScope, user_id: uuid.UUID) -> User | None:
    """A user of the company, or None."""
    return await scope.get(User, user_id)


async def owner_count(scope: TenantScope, campaign_id: uuid.UUID) -> int:
    """How many owners the campaign has."""
    statement = scope.select(
        CampaignCollaborator,
        CampaignCollaborator.campaign_id == campaign_id,
        CampaignCollaborator.collaborator_role == CollaboratorRole.OWNER,
    ).with_only_columns(func.count())
    return int((await scope.session.execute(statement)).scalar_one())


async def delete(scope: TenantScope, campaign_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """Remove the user from the campaign's collaborators."""
    await scope.session.execute(
        scope.delete(
            CampaignCollaborator,
            CampaignCollaborator.campaign_id == campaign_id,
            CampaignCollaborator.user_id == user_id,
        )
    )
