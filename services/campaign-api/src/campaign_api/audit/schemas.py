"""Audit history bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class AuditEntry(BaseModel):
    """One change: who, when, what (old and new values), from where."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    occurred_at: datetime
    actor_user_id: uuid.UUID | None
    action: str
    entity_type: str
    entity_id: uuid.UUID
    old_values: dict[str, Any] | None
    new_values: dict[str, Any] | None
    request_id: str | None
    client_ip: str | None
    user_agent: str | None


class AuditPage(BaseModel):
    """One page of a campaign's history, newest first."""

    items: list[AuditEntry]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]
