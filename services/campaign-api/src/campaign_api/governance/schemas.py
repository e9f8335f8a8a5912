"""Governance bodies: the approval policy, a campaign's approval state and its audience drift."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, StringConstraints, field_validator

from crm_common.schemas import Schema, WriteSchema
from crm_common.security.permissions import RoleName

StepName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
MAX_STEPS = 10


class ApprovalStep(WriteSchema):
    """One step of an approval chain: who may decide it (a role; admins decide any step) and
    from which campaign budget on it applies (`min_total_budget`: above that amount)."""

    name: StepName
    role: RoleName | None = None
    min_total_budget: Annotated[Decimal, Field(ge=0, max_digits=15, decimal_places=2)] | None = None


class ApprovalPolicyWrite(WriteSchema):
    """A company's approval chain, in order, and its audience drift threshold."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "steps": [
                        {"name": "Marketing sign-off"},
                        {"name": "Finance", "role": "finance", "min_total_budget": "10000.00"},
                    ],
                    "drift_threshold_percent": "10.00",
                }
            ]
        }
    )

    steps: Annotated[list[ApprovalStep], Field(min_length=1, max_length=MAX_STEPS)]
    drift_threshold_percent: (
        Annotated[Decimal, Field(ge=0, le=1000, max_digits=6, decimal_places=2)] | None
    ) = None

    @field_validator("steps")
    @classmethod
    def _distinct_names(cls, steps: list[ApprovalStep]) -> list[ApprovalStep]:
        names = [step.name.casefold() for step in steps]
        if len(set(names)) != len(names):
            raise ValueError("step names must be distinct")
        return steps


class ApprovalPolicyRead(Schema):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "steps": [
                        {"name": "Marketing sign-off"},
                        {"name": "Finance", "role": "finance", "min_total_budget": "10000.00"},
                    ],
                    "drift_threshold_percent": "10.00",
                    "is_default": False,
                    "updated_by_user_id": "0b7f3c52-2f7e-4a55-9a43-0d6f0f6f2a10",
                    "updated_at": "2026-12-04T10:00:00+00:00",
                }
            ]
        },
    )

    steps: list[ApprovalStep]
    drift_threshold_percent: Decimal | None
    is_default: bool
    updated_by_user_id: uuid.UUID | None = None
    updated_at: datetime | None = None


class ContentChange(Schema):
    """One field of the governed content that differs: `path` like
    `templates.WELCOME.default_settings.subject` or `segments[0].demographic_criteria.value`."""

    path: str
    change: Literal["added", "removed", "changed"]
    before: Any = None
    after: Any = None


class ApprovalRecord(Schema):
    id: uuid.UUID
    step_index: int
    step_name: str
    approver_user_id: uuid.UUID
    comment: str | None
    fingerprint: str
    total_budget: Decimal | None = Field(
        default=None, description="The budget approved; only for callers with budget visibility."
    )
    mfa_verified: bool
    completes_chain: bool
    is_current: bool
    invalidated_at: datetime | None
    invalidated_reason: str | None
    created_at: datetime


class ChainStepState(Schema):
    step_index: int
    name: str
    role: RoleName | None
    min_total_budget: Decimal | None
    required: bool
    approval: ApprovalRecord | None


class CampaignApprovalState(Schema):
    """Where the campaign's approval stands: the chain with each step's current approval,
    the fingerprint of its content now and what changed since the approved version."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "approval_status": "pending_approval",
                    "fingerprint": "9b1d" + "0" * 60,
                    "approved_fingerprint": "3e7a" + "0" * 60,
                    "approved_at": "2026-12-04T10:00:00+00:00",
                    "content_matches_approval": False,
                    "chain": [
                        {
                            "step_index": 0,
                            "name": "Approval",
                            "role": None,
                            "min_total_budget": None,
                            "required": True,
                            "approval": None,
                        }
                    ],
                    "next_step": None,
                    "changes_since_approval": [
                        {
                            "path": "templates.WELCOME.default_settings.subject",
                            "change": "changed",
                            "before": "Spring is here",
                            "after": "Spring sale: 20% off",
                        }
                    ],
                    "history": [],
                }
            ]
        },
    )

    campaign_id: uuid.UUID
    approval_status: str
    fingerprint: str
    approved_fingerprint: str | None
    approved_at: datetime | None
    content_matches_approval: bool | None
    chain: list[ChainStepState]
    next_step: ChainStepState | None
    changes_since_approval: list[ContentChange]
    history: list[ApprovalRecord]


class SegmentDrift(Schema):
    segment_id: uuid.UUID
    segment_name: str
    approved_count: int
    current_count: int
    added: int
    removed: int


class AudienceDrift(Schema):
    """Added and removed contacts per segment since the approval, and whether the total
    drift is above the company's threshold (a launch then needs a new approval)."""

    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={
            "examples": [
                {
                    "campaign_id": "5f0c2a8e-1c1b-4a4a-9c9c-2b2b2b2b2b2b",
                    "approval_id": "8d2f9a61-4b0e-4f7c-9d51-1c3e5a7b9d20",
                    "approved_at": "2026-12-04T10:00:00+00:00",
                    "approved_count": 1000,
                    "current_count": 1080,
                    "added": 120,
                    "removed": 40,
                    "drift_percent": "16.00",
                    "threshold_percent": "10.00",
                    "exceeds_threshold": True,
                    "segments": [
                        {
                            "segment_id": "1a2b3c4d-0000-4000-8000-000000000001",
                            "segment_name": "Germany",
                            "approved_count": 1000,
                            "current_count": 1080,
                            "added": 120,
                            "removed": 40,
                        }
                    ],
                }
            ]
        },
    )

    campaign_id: uuid.UUID
    approval_id: uuid.UUID | None
    approved_at: datetime | None
    approved_count: int
    current_count: int
    added: int
    removed: int
    drift_percent: Decimal | None
    threshold_percent: Decimal | None
    exceeds_threshold: bool
    segments: list[SegmentDrift]
