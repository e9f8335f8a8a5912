"""Audit history bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import ConfigDict

from crm_common.schemas import Schema

AUDIT_EXAMPLE: dict[str, Any] = {
    "id": 42,
    "occurred_at": "2026-03-01T09:45:00Z",
    "actor_user_id": "dde4cc25-8cec-48d6-a3f3-63fe26a4337b",
    "action": "campaign.updated",
    "entity_type": "campaign",
    "entity_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
    "old_values": {"total_budget": "15000.00"},
    "new_values": {"total_budget": "18000.00"},
    "request_id": "726ce67e9568470694476d7d23f02ac2",
    "client_ip": "203.0.113.7",
    "user_agent": "Mozilla/5.0",
}


class AuditEntry(Schema):
    """One change: who, when, what (old and new values), from where."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [AUDIT_EXAMPLE]})

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


class AuditPage(Schema):
    """One page of a campaign's history, newest first."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"items": [AUDIT_EXAMPLE], "total": 1, "page": 1, "page_size": 50, "filters": {}}
            ]
        }
    )

    items: list[AuditEntry]
    total: int
    page: int
    page_size: int
    filters: dict[str, Any]
