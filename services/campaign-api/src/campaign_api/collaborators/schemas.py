"""Collaborator request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from crm_common.enums import CollaboratorRole


class CollaboratorCreate(BaseModel):
    """Add a user of the company to a campaign."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"user_id": "0b7f5a0e-7d7e-4a43-9a55-0f4f4cf1b0b6", "collaborator_role": "editor"}
            ]
        },
    )

    user_id: uuid.UUID
    collaborator_role: CollaboratorRole = CollaboratorRole.EDITOR


class CollaboratorUpdate(BaseModel):
    """Change a collaborator's role."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"collaborator_role": "reviewer"}]}
    )

    collaborator_role: CollaboratorRole


class CollaboratorRead(BaseModel):
    """A user working on a campaign."""

    campaign_id: uuid.UUID
    user_id: uuid.UUID
    full_name: str
    email: str
    collaborator_role: CollaboratorRole
    added_by_user_id: uuid.UUID | None
    created_at: datetime


class CollaboratorList(BaseModel):
    """The users working on a campaign."""

    campaign_id: uuid.UUID
    items: list[CollaboratorRead]
    total: int
