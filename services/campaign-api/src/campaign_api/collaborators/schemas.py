"""Collaborator request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import ConfigDict

from crm_common.enums import CollaboratorRole
from crm_common.schemas import Schema, WholeList, WriteSchema


class CollaboratorCreate(WriteSchema):
    """Add a user of the company to a campaign."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"user_id": "0b7f5a0e-7d7e-4a43-9a55-0f4f4cf1b0b6", "collaborator_role": "editor"}
            ]
        },
    )

    user_id: uuid.UUID
    collaborator_role: CollaboratorRole = CollaboratorRole.EDITOR


class CollaboratorUpdate(WriteSchema):
    """Change a collaborator's role."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"collaborator_role": "reviewer"}]})

    collaborator_role: CollaboratorRole


COLLABORATOR_EXAMPLE: dict[str, Any] = {
    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "user_id": "0b7f5a0e-7d7e-4a43-9a55-0f4f4cf1b0b6",
    "full_name": "Sara Specialist",
    "email": "specialist@acme.test",
    "collaborator_role": "editor",
    "added_by_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
    "created_at": "2026-03-01T09:30:00Z",
}


class CollaboratorRead(Schema):
    """A user working on a campaign."""

    model_config = ConfigDict(json_schema_extra={"examples": [COLLABORATOR_EXAMPLE]})

    campaign_id: uuid.UUID
    user_id: uuid.UUID
    full_name: str
    email: str
    collaborator_role: CollaboratorRole
    added_by_user_id: uuid.UUID | None
    created_at: datetime


class CollaboratorList(WholeList):
    """The users working on a campaign."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": COLLABORATOR_EXAMPLE["campaign_id"],
                    "items": [COLLABORATOR_EXAMPLE],
                    "total": 1,
                }
            ]
        }
    )

    campaign_id: uuid.UUID
    items: list[CollaboratorRead]
