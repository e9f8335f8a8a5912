"""Campaign governance: approvals bound to the content they approved, per-company approval
chains, and the audience each segment had when the campaign was approved."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Uuid,
    func,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, TenantOwned, UUIDPk


class CampaignApproval(UUIDPk, TenantOwned, Base):
    """One approver's decision on one step of a campaign's approval chain, bound to the
    governed content it approved (`content`, canonical JSON, and its SHA-256 `fingerprint`).
    A change to that content or a rejection ends the approval (`is_current` false, with when
    and why). Written by campaign-api."""

    __tablename__ = "crm_campaign_approvals"
    __table_args__ = (
        Index(None, "campaign_id", "created_at"),
        # One current approval per step: two approvers racing for a step cannot both count.
        Index(
            "uq_crm_campaign_approvals_current_step",
            "campaign_id",
            "step_index",
            unique=True,
            postgresql_where=text("is_current"),
        ),
        CheckConstraint("step_index >= 0", name="step_index_non_negative"),
        CheckConstraint("fingerprint ~ '^[0-9a-f]{64}$'", name="fingerprint_format"),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE")
    )
    step_index: Mapped[int] = mapped_column(Integer)
    step_name: Mapped[str] = mapped_column(String(100))
    approver_user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    comment: Mapped[str | None] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict[str, Any]]
    total_budget: Mapped[Decimal]
    mfa_verified: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    completes_chain: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    is_current: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    invalidated_at: Mapped[datetime | None]
    invalidated_reason: Mapped[str | None] = mapped_column(String(50))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class ApprovalAudienceSnapshot(UUIDPk, TenantOwned, Base):
    """The contacts one segment matched when its campaign's approval chain completed, kept
    as one compact id array so the drift since approval is one hash join. Written by
    campaign-api."""

    __tablename__ = "crm_approval_audience_snapshots"
    __table_args__ = (
        Index(None, "approval_id"),
        Index(None, "segment_id"),
        CheckConstraint("member_count >= 0", name="member_count_non_negative"),
    )

    approval_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaign_approvals.id", ondelete="CASCADE")
    )
    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE")
    )
    segment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaign_segments.id", ondelete="CASCADE")
    )
    segment_name: Mapped[str] = mapped_column(String(100))
    member_count: Mapped[int] = mapped_column(Integer)
    member_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(Uuid(as_uuid=True)), server_default=text("'{}'")
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class ApprovalPolicy(Base):
    """A company's approval chain (`steps`: name, optional role, optional budget above which
    the step applies) and the audience drift (percent) above which a launch needs a new
    approval. Written by campaign-api."""

    __tablename__ = "crm_approval_policies"
    __table_args__ = (
        CheckConstraint(
            "drift_threshold_percent IS NULL OR drift_threshold_percent >= 0",
            name="drift_threshold_non_negative",
        ),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="CASCADE"), primary_key=True
    )
    steps: Mapped[list[Any]] = mapped_column(server_default=text("'[]'"))
    drift_threshold_percent: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    updated_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now())
