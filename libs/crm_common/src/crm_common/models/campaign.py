"""Campaigns, their segments and their links to templates, budgets, users and contacts."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    FetchedValue,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.enums import (
    ApprovalStatus,
    CampaignCategory,
    CampaignStatus,
    CampaignType,
    Channel,
    CollaboratorRole,
    SegmentType,
)
from crm_common.models.base import Base, TenantOwned, Timestamps, UUIDPk, enum_check


class Campaign(UUIDPk, TenantOwned, Timestamps, Base):
    """A marketing campaign. Written by campaign-api."""

    __tablename__ = "crm_campaigns"
    __table_args__ = (
        Index("idx_company_campaign", "company_id", "campaign_code"),
        Index("idx_campaign_type", "campaign_type"),
        Index("idx_status", "campaign_status"),
        Index("idx_start_date", "start_date"),
        # Codes are unique per company among campaigns that are not deleted.
        Index(
            "uk_company_campaign_code",
            "company_id",
            "campaign_code",
            unique=True,
            postgresql_where=text("NOT is_deleted"),
        ),
        Index(
            "ix_crm_campaigns_company_status_start",
            "company_id",
            "campaign_status",
            "start_date",
            postgresql_where=text("NOT is_deleted"),
        ),
        Index(
            "ix_crm_campaigns_company_created",
            "company_id",
            "created_at",
            postgresql_where=text("NOT is_deleted"),
        ),
        # List filters, counts and sorts at 100,000 campaigns per tenant (measured with
        # bench/campaign_queries.py): one multi-column index answers every enumeration filter
        # and its count from the index alone; one index per sortable column.
        Index(
            "ix_crm_campaigns_company_filters",
            "company_id",
            "campaign_status",
            "primary_channel",
            "campaign_type",
            "approval_status",
            "campaign_category",
            postgresql_where=text("NOT is_deleted"),
        ),
        Index(
            "ix_crm_campaigns_company_start",
            "company_id",
            "start_date",
            postgresql_where=text("NOT is_deleted"),
        ),
        Index(
            "ix_crm_campaigns_company_end",
            "company_id",
            "end_date",
            postgresql_where=text("NOT is_deleted"),
        ),
        Index(
            "ix_crm_campaigns_company_updated",
            "company_id",
            "updated_at",
            postgresql_where=text("NOT is_deleted"),
        ),
        # Sorting by name reads lower-cased names (migration 0026).
        Index(
            "ix_crm_campaigns_company_name",
            "company_id",
            func.lower(text("campaign_name")),
            postgresql_where=text("NOT is_deleted"),
        ),
        # Scheduling conflicts look only at planned and active campaigns.
        Index(
            "ix_crm_campaigns_schedule",
            "company_id",
            "primary_channel",
            "start_date",
            postgresql_include=["end_date"],
            postgresql_where=text("NOT is_deleted AND campaign_status IN ('planned', 'active')"),
        ),
        # What live campaigns hold of a fiscal year, and what the others spent, summed from
        # the indexes alone (migration 0023).
        Index(
            "ix_crm_campaigns_fiscal_holdings",
            "company_id",
            "currency_code",
            "start_date",
            postgresql_include=["total_budget", "actual_spend"],
            postgresql_where=text(
                "NOT is_deleted AND campaign_status IN ('draft', 'planned', 'active', 'paused')"
            ),
        ),
        Index(
            "ix_crm_campaigns_fiscal_spent",
            "company_id",
            "currency_code",
            "start_date",
            postgresql_include=["actual_spend"],
            postgresql_where=text(
                "actual_spend > 0 AND (is_deleted OR campaign_status IN ('completed', 'cancelled'))"
            ),
        ),
        CheckConstraint("campaign_code ~ '^[A-Za-z0-9-]+$'", name="campaign_code_format"),
        # An unapproved campaign can never be active.
        CheckConstraint(
            "campaign_status <> 'active' OR approval_status IN ('not_required', 'approved')",
            name="active_requires_approval",
        ),
        CheckConstraint("start_date < end_date", name="dates_ordered"),
        CheckConstraint("total_budget >= 0", name="total_budget_non_negative"),
        CheckConstraint("actual_spend >= 0", name="actual_spend_non_negative"),
        CheckConstraint("currency_code ~ '^[A-Z]{3}$'", name="currency_code_format"),
        CheckConstraint("version >= 1", name="version_positive"),
        enum_check("campaign_type", CampaignType),
        enum_check("campaign_category", CampaignCategory),
        enum_check("primary_channel", Channel),
        enum_check("campaign_status", CampaignStatus),
        enum_check("approval_status", ApprovalStatus),
        # The hierarchy (migration 0011): a parent is a campaign of the same company.
        UniqueConstraint("company_id", "id"),
        ForeignKeyConstraint(
            ["company_id", "parent_campaign_id"],
            ["crm_campaigns.company_id", "crm_campaigns.id"],
            name="fk_crm_campaigns_parent",
        ),
        Index(
            "ix_crm_campaigns_company_parent",
            "company_id",
            "parent_campaign_id",
            postgresql_where=text("parent_campaign_id IS NOT NULL"),
        ),
    )

    created_by_user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    updated_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    approved_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )

    campaign_name: Mapped[str] = mapped_column(String(200))
    # A generated code is a SQL expression of the INSERT (campaign-api's `next_code`): marked
    # as a value the database supplies, the ORM reads it back through RETURNING in that same
    # statement instead of expiring it. No default is declared in the schema.
    campaign_code: Mapped[str] = mapped_column(String(50), server_default=FetchedValue())
    description: Mapped[str | None] = mapped_column(Text)

    campaign_type: Mapped[str] = mapped_column(String(50))
    campaign_category: Mapped[str] = mapped_column(String(50), server_default="other")
    primary_channel: Mapped[str] = mapped_column(String(50))

    campaign_status: Mapped[str] = mapped_column(String(50), server_default="draft")
    approval_status: Mapped[str] = mapped_column(String(50), server_default="not_required")
    start_date: Mapped[datetime]
    end_date: Mapped[datetime]

    total_budget: Mapped[Decimal] = mapped_column(server_default=text("0"))
    actual_spend: Mapped[Decimal] = mapped_column(server_default=text("0"))
    spend_exact: Mapped[Decimal] = mapped_column(Numeric(18, 6), server_default=text("0"))
    """What sending spent, to the sixth decimal (written by launch-worker): `actual_spend` is
    it rounded to cents, so a message priced below a cent still adds up (migration 0024)."""
    currency_code: Mapped[str] = mapped_column(String(3), server_default="USD")

    target_audience_size: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    expected_conversion_rate: Mapped[Decimal] = mapped_column(
        Numeric(5, 2), server_default=text("0")
    )
    target_roi: Mapped[Decimal] = mapped_column(Numeric(5, 2), server_default=text("0"))

    approved_at: Mapped[datetime | None]
    approval_comment: Mapped[str | None] = mapped_column(Text)
    is_deleted: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    deleted_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    parent_campaign_id: Mapped[uuid.UUID | None]
    """The programme or campaign this one belongs to (at most three levels, no cycles)."""


class CampaignSegment(UUIDPk, TenantOwned, Timestamps, Base):
    """An audience segment of a campaign. Written by campaign-api;
    segment-engine writes the counts and evaluation fields."""

    __tablename__ = "crm_campaign_segments"
    __table_args__ = (
        Index("idx_campaign_segment", "campaign_id", "segment_type"),
        Index("idx_segment_name", "segment_name"),
        CheckConstraint("target_count >= 0", name="target_count_non_negative"),
        CheckConstraint("actual_count >= 0", name="actual_count_non_negative"),
        enum_check("segment_type", SegmentType),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="RESTRICT")
    )
    segment_name: Mapped[str] = mapped_column(String(100))
    segment_type: Mapped[str] = mapped_column(String(50))
    demographic_criteria: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    behavioral_criteria: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    geographic_criteria: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    psychographic_criteria: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    target_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    actual_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    engagement_rate: Mapped[Decimal] = mapped_column(Numeric(5, 2), server_default=text("0"))
    last_evaluated_at: Mapped[datetime | None]
    is_deleted: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    deleted_at: Mapped[datetime | None]


class CampaignTemplateLink(TenantOwned, Base):
    """A template used by a campaign. Written by campaign-api."""

    __tablename__ = "crm_campaign_template_links"

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    template_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaign_templates.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    is_primary: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class CampaignBudgetAllocation(TenantOwned, Base):
    """The amount a campaign holds from one budget (written by campaign-api), and what its
    sending drew on the budget (`drawn_amount`, written by launch-worker with the budget's
    ledger): a live campaign holds the larger of the two, a finished one what it drew."""

    __tablename__ = "crm_campaign_budget_allocations"
    __table_args__ = (
        CheckConstraint("allocated_amount >= 0", name="allocated_non_negative"),
        CheckConstraint("drawn_amount >= 0", name="drawn_non_negative"),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    budget_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaign_budgets.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    allocated_amount: Mapped[Decimal]
    drawn_amount: Mapped[Decimal] = mapped_column(Numeric(18, 6), server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())


class CampaignCollaborator(TenantOwned, Base):
    """A user working on a campaign. Written by campaign-api."""

    __tablename__ = "crm_campaign_collaborators"
    __table_args__ = (enum_check("collaborator_role", CollaboratorRole),)

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    collaborator_role: Mapped[str] = mapped_column(String(20), server_default="editor")
    added_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class CampaignContact(TenantOwned, Base):
    """A contact in a campaign's resolved audience. Written by launch-worker.

    No per-row foreign keys (migration 0008): statement triggers check that every inserted
    link's contact, campaign, launch and segment belong to its company, and deleting a
    contact or campaign deletes its links (a launch or segment: clears the reference)."""

    __tablename__ = "crm_campaign_contacts"

    company_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    campaign_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True, index=True)
    segment_id: Mapped[uuid.UUID | None]
    launch_id: Mapped[uuid.UUID | None]
    """The launch whose frozen audience the contact is in."""
    added_at: Mapped[datetime] = mapped_column(server_default=func.now())


class CodeSequence(TenantOwned, Base):
    """The last number handed out for generated campaign codes. Written by campaign-api."""

    __tablename__ = "crm_code_sequences"
    __table_args__ = (UniqueConstraint("company_id", "prefix", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    prefix: Mapped[str] = mapped_column(String(20))
    year: Mapped[int] = mapped_column(Integer)
    last_value: Mapped[int] = mapped_column(Integer, server_default=text("0"))
