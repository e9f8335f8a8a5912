"""The event envelope (README "Events and jobs"), carried as one JSON field per stream entry."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class EventType(StrEnum):
    CAMPAIGN_CREATED = "campaign.created"
    CAMPAIGN_UPDATED = "campaign.updated"
    CAMPAIGN_DELETED = "campaign.deleted"
    CAMPAIGN_APPROVAL_REQUESTED = "campaign.approval_requested"
    CAMPAIGN_APPROVAL_STEP_APPROVED = "campaign.approval_step_approved"
    CAMPAIGN_APPROVED = "campaign.approved"
    CAMPAIGN_REJECTED = "campaign.rejected"
    CAMPAIGN_STATUS_CHANGED = "campaign.status_changed"
    CAMPAIGN_LAUNCH_REQUESTED = "campaign.launch_requested"
    CAMPAIGN_LAUNCH_PROGRESS = "campaign.launch_progress"
    CAMPAIGN_LAUNCHED = "campaign.launched"
    CAMPAIGN_PERFORMANCE_UPDATE = "campaign.performance_update"
    CAMPAIGN_BUDGET_ALERT = "campaign.budget_alert"
    CAMPAIGN_ALERT = "campaign.alert"
    CAMPAIGN_TEST_SEND_REQUESTED = "campaign.test_send_requested"
    SEGMENT_EVALUATED = "segment.evaluated"
    SEGMENT_CREATED = "campaign.segment_created"
    SEGMENT_UPDATED = "campaign.segment_updated"
    SEGMENT_DELETED = "campaign.segment_deleted"
    COLLABORATOR_ADDED = "campaign.collaborator_added"
    COLLABORATOR_UPDATED = "campaign.collaborator_updated"
    COLLABORATOR_REMOVED = "campaign.collaborator_removed"
    BUDGET_ALLOCATED = "campaign.budget_allocated"
    BUDGET_RELEASED = "campaign.budget_released"
    TEMPLATE_LINKED = "campaign.template_linked"
    TEMPLATE_UNLINKED = "campaign.template_unlinked"
    TEMPLATE_CREATED = "campaign_template.created"
    TEMPLATE_UPDATED = "campaign_template.updated"
    BUDGET_CREATED = "campaign_budget.created"
    BUDGET_UPDATED = "campaign_budget.updated"
    WEBHOOK_CREATED = "webhook.created"
    WEBHOOK_UPDATED = "webhook.updated"
    WEBHOOK_DELETED = "webhook.deleted"
    WEBHOOK_SECRET_ROTATED = "webhook.secret_rotated"  # noqa: S105 (an event name)
    WEBHOOK_ENABLED = "webhook.enabled"
    WEBHOOK_DISABLED = "webhook.disabled"


class EventEnvelope(BaseModel):
    """`{id, type, version, company_id, occurred_at, actor_user_id, correlation_id, data}`;
    `data` carries ids and the fields a listener needs, never an ORM dump or PII."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4)
    type: str
    version: int = 1
    company_id: uuid.UUID
    occurred_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    actor_user_id: uuid.UUID | None = None
    correlation_id: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)

    def to_json(self) -> str:
        return self.model_dump_json()

    @classmethod
    def from_json(cls, raw: str | bytes) -> EventEnvelope:
        return cls.model_validate_json(raw)
