"""Approvals bound to content: fingerprints, approval chains, audience snapshots.

crm_campaign_approvals holds one row per approver per step of a campaign's approval chain, with
the canonical JSON of the governed content it approved (channel, templates, variants, segments'
criteria, schedule, budget) and its SHA-256 fingerprint; a change to that content or a rejection
ends it (is_current false). crm_approval_audience_snapshots keeps, per segment, the contact ids
it matched when the chain completed (one uuid[] per segment), from which the audience drift since
approval is counted. crm_approval_policies holds a company's chain and its drift threshold.
Tenant-owned: row-level security like every other table.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPROVALS = "crm_campaign_approvals"
SNAPSHOTS = "crm_approval_audience_snapshots"
POLICIES = "crm_approval_policies"
TABLES = (APPROVALS, SNAPSHOTS, POLICIES)
APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"


def _timestamp(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def _tenant(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["company_id"],
        ["crm_companies.id"],
        name=f"fk_{table}_company_id",
        ondelete="RESTRICT",
    )


def upgrade() -> None:
    op.create_table(
        APPROVALS,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("step_index", sa.Integer(), nullable=False),
        sa.Column("step_name", sa.String(length=100), nullable=False),
        sa.Column("approver_user_id", sa.Uuid(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("content", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("total_budget", sa.Numeric(15, 2), nullable=False),
        sa.Column("mfa_verified", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("completes_chain", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("is_current", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("invalidated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("invalidated_reason", sa.String(length=50), nullable=True),
        _timestamp("created_at"),
        sa.CheckConstraint("step_index >= 0", name=op.f(f"ck_{APPROVALS}_step_index_non_negative")),
        sa.CheckConstraint(
            "fingerprint ~ '^[0-9a-f]{64}$'", name=op.f(f"ck_{APPROVALS}_fingerprint_format")
        ),
        _tenant(APPROVALS),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=f"fk_{APPROVALS}_campaign_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["approver_user_id"],
            ["crm_users.id"],
            name=f"fk_{APPROVALS}_approver_user_id",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{APPROVALS}"),
    )
    op.create_index(f"ix_{APPROVALS}_company_id", APPROVALS, ["company_id"])
    op.create_index(
        f"ix_{APPROVALS}_campaign_id_created_at", APPROVALS, ["campaign_id", "created_at"]
    )
    op.create_index(
        "uq_crm_campaign_approvals_current_step",
        APPROVALS,
        ["campaign_id", "step_index"],
        unique=True,
        postgresql_where=sa.text("is_current"),
    )

    op.create_table(
        SNAPSHOTS,
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("approval_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("segment_id", sa.Uuid(), nullable=False),
        sa.Column("segment_name", sa.String(length=100), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column(
            "member_ids",
            postgresql.ARRAY(sa.Uuid()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        _timestamp("created_at"),
        sa.CheckConstraint(
            "member_count >= 0", name=op.f(f"ck_{SNAPSHOTS}_member_count_non_negative")
        ),
        _tenant(SNAPSHOTS),
        sa.ForeignKeyConstraint(
            ["approval_id"],
            [f"{APPROVALS}.id"],
            name=f"fk_{SNAPSHOTS}_approval_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=f"fk_{SNAPSHOTS}_campaign_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["crm_campaign_segments.id"],
            name=f"fk_{SNAPSHOTS}_segment_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{SNAPSHOTS}"),
    )
    op.create_index(f"ix_{SNAPSHOTS}_company_id", SNAPSHOTS, ["company_id"])
    op.create_index(f"ix_{SNAPSHOTS}_approval_id", SNAPSHOTS, ["approval_id"])
    # Deleting a segment (erasure tooling hard-deletes) finds its snapshots by this index.
    op.create_index(f"ix_{SNAPSHOTS}_segment_id", SNAPSHOTS, ["segment_id"])

    op.create_table(
        POLICIES,
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "steps",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'"),
            nullable=False,
        ),
        sa.Column("drift_threshold_percent", sa.Numeric(6, 2), nullable=True),
        sa.Column("updated_by_user_id", sa.Uuid(), nullable=True),
        _timestamp("updated_at"),
        sa.CheckConstraint(
            "drift_threshold_percent IS NULL OR drift_threshold_percent >= 0",
            name=op.f(f"ck_{POLICIES}_drift_threshold_non_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=f"fk_{POLICIES}_company_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_user_id"],
            ["crm_users.id"],
            name=f"fk_{POLICIES}_updated_by_user_id",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("company_id", name=f"pk_{POLICIES}"),
    )

    for table in TABLES:
        for role in (APP_ROLE, SYSTEM_ROLE):
            op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {role}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_isolation ON {table} TO {APP_ROLE} "
            f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
        )
        op.execute(
            f"CREATE POLICY platform_access ON {table} TO {SYSTEM_ROLE} "
            "USING (true) WITH CHECK (true)"
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
