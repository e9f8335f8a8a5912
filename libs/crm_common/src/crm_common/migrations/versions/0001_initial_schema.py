"""Initial schema: every table, index and constraint, plus the database roles, grants,
row-level security policies and the audit log's immutability.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _create_tables()
    _secure()


def downgrade() -> None:
    _unsecure()
    _drop_tables()


def _create_tables() -> None:
    op.create_table(
        "crm_companies",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=63), nullable=False),
        sa.Column(
            "settings",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_companies")),
        sa.UniqueConstraint("slug", name=op.f("uq_crm_companies_slug")),
    )
    op.create_table(
        "crm_processed_events",
        sa.Column("consumer", sa.String(length=100), nullable=False),
        sa.Column("event_id", sa.String(length=64), nullable=False),
        sa.Column(
            "processed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("consumer", "event_id", name=op.f("pk_crm_processed_events")),
    )
    op.create_table(
        "crm_roles",
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("permissions", sa.ARRAY(sa.String(length=50)), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_crm_roles")),
    )
    op.create_table(
        "crm_campaign_budgets",
        sa.Column("budget_name", sa.String(length=100), nullable=False),
        sa.Column("budget_code", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("budget_type", sa.String(length=50), nullable=False),
        sa.Column(
            "allocation_rules",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "approval_threshold",
            sa.Numeric(precision=15, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column(
            "total_amount",
            sa.Numeric(precision=15, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column("currency_code", sa.String(length=3), server_default="USD", nullable=False),
        sa.Column(
            "cost_centers",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'"),
            nullable=False,
        ),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "budget_type IN ('annual', 'quarterly', 'monthly', 'program', 'campaign')",
            name=op.f("ck_crm_campaign_budgets_budget_type_valid"),
        ),
        sa.CheckConstraint(
            "currency_code ~ '^[A-Z]{3}$'",
            name=op.f("ck_crm_campaign_budgets_currency_code_format"),
        ),
        sa.CheckConstraint(
            "approval_threshold >= 0",
            name=op.f("ck_crm_campaign_budgets_approval_threshold_non_negative"),
        ),
        sa.CheckConstraint(
            "fiscal_year BETWEEN 1900 AND 9999",
            name=op.f("ck_crm_campaign_budgets_fiscal_year_range"),
        ),
        sa.CheckConstraint(
            "total_amount >= 0", name=op.f("ck_crm_campaign_budgets_total_amount_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_budgets_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_campaign_budgets")),
    )
    op.create_index("idx_budget_code", "crm_campaign_budgets", ["budget_code"], unique=False)
    op.create_index("idx_budget_type", "crm_campaign_budgets", ["budget_type"], unique=False)
    op.create_index("idx_fiscal_year", "crm_campaign_budgets", ["fiscal_year"], unique=False)
    op.create_index(
        op.f("ix_crm_campaign_budgets_company_id"),
        "crm_campaign_budgets",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        "uk_company_budget_code", "crm_campaign_budgets", ["company_id", "budget_code"], unique=True
    )
    op.create_table(
        "crm_campaign_templates",
        sa.Column("template_name", sa.String(length=100), nullable=False),
        sa.Column("template_code", sa.String(length=20), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("template_type", sa.String(length=50), nullable=False),
        sa.Column(
            "campaign_structure",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "default_settings",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("content_template", sa.Text(), nullable=True),
        sa.Column(
            "asset_references",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'"),
            nullable=False,
        ),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("is_default", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("usage_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "template_type IN ('email', 'sms', 'social', 'direct_mail', 'multi_channel', 'landing_page')",
            name=op.f("ck_crm_campaign_templates_template_type_valid"),
        ),
        sa.CheckConstraint(
            "usage_count >= 0", name=op.f("ck_crm_campaign_templates_usage_count_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_templates_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_campaign_templates")),
    )
    op.create_index("idx_is_default", "crm_campaign_templates", ["is_default"], unique=False)
    op.create_index("idx_template_code", "crm_campaign_templates", ["template_code"], unique=False)
    op.create_index("idx_template_type", "crm_campaign_templates", ["template_type"], unique=False)
    op.create_index(
        op.f("ix_crm_campaign_templates_company_id"),
        "crm_campaign_templates",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        "uk_company_template_code",
        "crm_campaign_templates",
        ["company_id", "template_code"],
        unique=True,
    )
    op.create_table(
        "crm_code_sequences",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("prefix", sa.String(length=20), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_value", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_code_sequences_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_code_sequences")),
        sa.UniqueConstraint(
            "company_id",
            "prefix",
            "year",
            name=op.f("uq_crm_code_sequences_company_id_prefix_year"),
        ),
    )
    op.create_index(
        op.f("ix_crm_code_sequences_company_id"), "crm_code_sequences", ["company_id"], unique=False
    )
    op.create_table(
        "crm_contacts",
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("last_name", sa.String(length=100), nullable=True),
        sa.Column("gender", sa.String(length=20), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("language", sa.String(length=12), nullable=True),
        sa.Column("country", sa.String(length=2), nullable=True),
        sa.Column("region", sa.String(length=100), nullable=True),
        sa.Column("city", sa.String(length=100), nullable=True),
        sa.Column("postal_code", sa.String(length=20), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=True),
        sa.Column("latitude", sa.Double(), nullable=True),
        sa.Column("longitude", sa.Double(), nullable=True),
        sa.Column("interests", sa.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("lifestyle", sa.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column("values", sa.ARRAY(sa.Text()), server_default=sa.text("'{}'"), nullable=False),
        sa.Column(
            "attributes",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "consented_channels",
            sa.ARRAY(sa.String(length=20)),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "latitude IS NULL OR latitude BETWEEN -90 AND 90",
            name=op.f("ck_crm_contacts_latitude_range"),
        ),
        sa.CheckConstraint(
            "longitude IS NULL OR longitude BETWEEN -180 AND 180",
            name=op.f("ck_crm_contacts_longitude_range"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_contacts_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_contacts")),
    )
    op.create_index(
        "ix_crm_contacts_attributes",
        "crm_contacts",
        ["attributes"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"attributes": "jsonb_path_ops"},
    )
    op.create_index(
        "ix_crm_contacts_company_country",
        "crm_contacts",
        ["company_id", "country", "region", "city"],
        unique=False,
    )
    op.create_index(
        "ix_crm_contacts_company_email",
        "crm_contacts",
        ["company_id", sa.literal_column("lower(email)")],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_contacts_company_id"), "crm_contacts", ["company_id"], unique=False
    )
    op.create_index(
        "ix_crm_contacts_interests",
        "crm_contacts",
        ["interests"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_crm_contacts_lifestyle",
        "crm_contacts",
        ["lifestyle"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_crm_contacts_values", "crm_contacts", ["values"], unique=False, postgresql_using="gin"
    )
    op.create_index(
        "uq_crm_contacts_company_external",
        "crm_contacts",
        ["company_id", "external_id"],
        unique=True,
    )
    op.create_table(
        "crm_idempotency_keys",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("scope", sa.String(length=200), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("request_hash", sa.String(length=64), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_body", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_idempotency_keys_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("key", "scope", "company_id", name=op.f("pk_crm_idempotency_keys")),
    )
    op.create_index(
        op.f("ix_crm_idempotency_keys_expires_at"),
        "crm_idempotency_keys",
        ["expires_at"],
        unique=False,
    )
    op.create_table(
        "crm_outbox",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("envelope", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("stream_id", sa.String(length=40), nullable=True),
        sa.Column("publish_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_outbox_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_outbox")),
    )
    op.create_index(op.f("ix_crm_outbox_company_id"), "crm_outbox", ["company_id"], unique=False)
    op.create_index(op.f("ix_crm_outbox_event_id"), "crm_outbox", ["event_id"], unique=True)
    op.create_index(
        "ix_crm_outbox_unpublished",
        "crm_outbox",
        ["id"],
        unique=False,
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.create_table(
        "crm_users",
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("full_name", sa.String(length=200), server_default="", nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("is_active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("mfa_secret", sa.String(length=255), nullable=True),
        sa.Column("mfa_enabled", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "password_changed_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_users_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_users")),
    )
    op.create_index(op.f("ix_crm_users_company_id"), "crm_users", ["company_id"], unique=False)
    op.create_index(
        "uq_crm_users_email_lower", "crm_users", [sa.literal_column("lower(email)")], unique=True
    )
    op.create_table(
        "crm_audit_log",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column(
            "occurred_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("actor_user_id", sa.Uuid(), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("entity_type", sa.String(length=64), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("old_values", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("new_values", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("client_ip", postgresql.INET(), nullable=True),
        sa.Column("user_agent", sa.String(length=255), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_audit_log_actor_user_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_audit_log_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_audit_log")),
    )
    op.create_index(
        op.f("ix_crm_audit_log_company_id"), "crm_audit_log", ["company_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_audit_log_company_id_entity_type_entity_id_occurred_at"),
        "crm_audit_log",
        ["company_id", "entity_type", "entity_id", "occurred_at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_audit_log_company_id_occurred_at"),
        "crm_audit_log",
        ["company_id", "occurred_at"],
        unique=False,
    )
    op.create_table(
        "crm_campaigns",
        sa.Column("created_by_user_id", sa.Uuid(), nullable=False),
        sa.Column("updated_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("approved_by_user_id", sa.Uuid(), nullable=True),
        sa.Column("campaign_name", sa.String(length=200), nullable=False),
        sa.Column("campaign_code", sa.String(length=50), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("campaign_type", sa.String(length=50), nullable=False),
        sa.Column(
            "campaign_category", sa.String(length=50), server_default="other", nullable=False
        ),
        sa.Column("primary_channel", sa.String(length=50), nullable=False),
        sa.Column("campaign_status", sa.String(length=50), server_default="draft", nullable=False),
        sa.Column(
            "approval_status", sa.String(length=50), server_default="not_required", nullable=False
        ),
        sa.Column("start_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("end_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "total_budget",
            sa.Numeric(precision=15, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column(
            "actual_spend",
            sa.Numeric(precision=15, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column("currency_code", sa.String(length=3), server_default="USD", nullable=False),
        sa.Column(
            "target_audience_size", sa.Integer(), server_default=sa.text("0"), nullable=False
        ),
        sa.Column(
            "expected_conversion_rate",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column(
            "target_roi",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approval_comment", sa.Text(), nullable=True),
        sa.Column("is_deleted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "approval_status IN ('not_required', 'pending_approval', 'approved', 'rejected')",
            name=op.f("ck_crm_campaigns_approval_status_valid"),
        ),
        sa.CheckConstraint(
            "campaign_category IN ('acquisition', 'engagement', 'retention', 'brand', 'sales', 'other')",
            name=op.f("ck_crm_campaigns_campaign_category_valid"),
        ),
        sa.CheckConstraint(
            "campaign_code ~ '^[A-Za-z0-9-]+$'", name=op.f("ck_crm_campaigns_campaign_code_format")
        ),
        sa.CheckConstraint(
            "campaign_status IN ('draft', 'planned', 'active', 'paused', 'completed', 'cancelled')",
            name=op.f("ck_crm_campaigns_campaign_status_valid"),
        ),
        sa.CheckConstraint(
            "campaign_type IN ('promotional', 'newsletter', 'product_launch', 'event', 'nurture', 'retention', 'reengagement', 'awareness')",
            name=op.f("ck_crm_campaigns_campaign_type_valid"),
        ),
        sa.CheckConstraint(
            "currency_code ~ '^[A-Z]{3}$'", name=op.f("ck_crm_campaigns_currency_code_format")
        ),
        sa.CheckConstraint(
            "primary_channel IN ('email', 'sms', 'social', 'direct_mail', 'multi_channel')",
            name=op.f("ck_crm_campaigns_primary_channel_valid"),
        ),
        sa.CheckConstraint(
            "actual_spend >= 0", name=op.f("ck_crm_campaigns_actual_spend_non_negative")
        ),
        sa.CheckConstraint("start_date < end_date", name=op.f("ck_crm_campaigns_dates_ordered")),
        sa.CheckConstraint(
            "total_budget >= 0", name=op.f("ck_crm_campaigns_total_budget_non_negative")
        ),
        sa.CheckConstraint("version >= 1", name=op.f("ck_crm_campaigns_version_positive")),
        sa.CheckConstraint(
            "campaign_status <> 'active' OR approval_status IN ('not_required', 'approved')",
            name=op.f("ck_crm_campaigns_active_requires_approval"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_campaigns_approved_by_user_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaigns_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_campaigns_created_by_user_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_campaigns_updated_by_user_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_campaigns")),
    )
    op.create_index("idx_campaign_type", "crm_campaigns", ["campaign_type"], unique=False)
    op.create_index(
        "idx_company_campaign", "crm_campaigns", ["company_id", "campaign_code"], unique=False
    )
    op.create_index("idx_start_date", "crm_campaigns", ["start_date"], unique=False)
    op.create_index("idx_status", "crm_campaigns", ["campaign_status"], unique=False)
    op.create_index(
        "ix_crm_campaigns_company_created",
        "crm_campaigns",
        ["company_id", "created_at"],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        op.f("ix_crm_campaigns_company_id"), "crm_campaigns", ["company_id"], unique=False
    )
    op.create_index(
        "ix_crm_campaigns_company_status_start",
        "crm_campaigns",
        ["company_id", "campaign_status", "start_date"],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "uk_company_campaign_code",
        "crm_campaigns",
        ["company_id", "campaign_code"],
        unique=True,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "ix_crm_campaigns_company_filters",
        "crm_campaigns",
        [
            "company_id",
            "campaign_status",
            "primary_channel",
            "campaign_type",
            "approval_status",
            "campaign_category",
        ],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "ix_crm_campaigns_company_start",
        "crm_campaigns",
        ["company_id", "start_date"],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "ix_crm_campaigns_company_end",
        "crm_campaigns",
        ["company_id", "end_date"],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "ix_crm_campaigns_company_updated",
        "crm_campaigns",
        ["company_id", "updated_at"],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "ix_crm_campaigns_company_name",
        "crm_campaigns",
        ["company_id", "campaign_name"],
        unique=False,
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.create_index(
        "ix_crm_campaigns_schedule",
        "crm_campaigns",
        ["company_id", "primary_channel", "start_date"],
        unique=False,
        postgresql_include=["end_date"],
        postgresql_where=sa.text("NOT is_deleted AND campaign_status IN ('planned', 'active')"),
    )
    op.create_index(
        "ix_crm_campaigns_fiscal_holdings",
        "crm_campaigns",
        ["company_id", "currency_code", "start_date"],
        unique=False,
        postgresql_include=["total_budget"],
        postgresql_where=sa.text(
            "NOT is_deleted AND campaign_status IN ('draft', 'planned', 'active', 'paused')"
        ),
    )
    op.create_table(
        "crm_contact_consents",
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=100), server_default="api", nullable=False),
        sa.Column(
            "recorded_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('email', 'sms', 'social', 'direct_mail')",
            name=op.f("ck_crm_contact_consents_channel_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_contact_consents_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_contact_consents_contact_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "channel", name=op.f("pk_crm_contact_consents")),
    )
    op.create_index(
        op.f("ix_crm_contact_consents_company_id"),
        "crm_contact_consents",
        ["company_id"],
        unique=False,
    )
    op.create_table(
        "crm_refresh_tokens",
        sa.Column("jti", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("parent_jti", sa.Uuid(), nullable=True),
        sa.Column(
            "issued_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("family_expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=50), nullable=True),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_refresh_tokens_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_refresh_tokens_user_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("jti", name=op.f("pk_crm_refresh_tokens")),
    )
    op.create_index(
        op.f("ix_crm_refresh_tokens_company_id"), "crm_refresh_tokens", ["company_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_refresh_tokens_family_id"), "crm_refresh_tokens", ["family_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_refresh_tokens_user_id"), "crm_refresh_tokens", ["user_id"], unique=False
    )
    op.create_table(
        "crm_user_roles",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("role_name", sa.String(length=50), nullable=False),
        sa.Column(
            "granted_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_user_roles_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["role_name"],
            ["crm_roles.name"],
            name=op.f("fk_crm_user_roles_role_name"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_user_roles_user_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "role_name", name=op.f("pk_crm_user_roles")),
    )
    op.create_index(
        op.f("ix_crm_user_roles_company_id"), "crm_user_roles", ["company_id"], unique=False
    )
    op.create_table(
        "crm_ab_variants",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("variant_name", sa.String(length=50), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=True),
        sa.Column("subject", sa.String(length=255), nullable=True),
        sa.Column("content", sa.Text(), nullable=True),
        sa.Column("weight", sa.Integer(), server_default=sa.text("50"), nullable=False),
        sa.Column("is_control", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "weight BETWEEN 0 AND 100", name=op.f("ck_crm_ab_variants_weight_range")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_ab_variants_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_ab_variants_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["crm_campaign_templates.id"],
            name=op.f("fk_crm_ab_variants_template_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_ab_variants")),
        sa.UniqueConstraint(
            "campaign_id", "variant_name", name=op.f("uq_crm_ab_variants_campaign_id_variant_name")
        ),
    )
    op.create_index(
        op.f("ix_crm_ab_variants_company_id"), "crm_ab_variants", ["company_id"], unique=False
    )
    op.create_table(
        "crm_campaign_budget_allocations",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("budget_id", sa.Uuid(), nullable=False),
        sa.Column("allocated_amount", sa.Numeric(precision=15, scale=2), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "allocated_amount >= 0",
            name=op.f("ck_crm_campaign_budget_allocations_allocated_non_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["crm_campaign_budgets.id"],
            name=op.f("fk_crm_campaign_budget_allocations_budget_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_budget_allocations_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_budget_allocations_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "campaign_id", "budget_id", name=op.f("pk_crm_campaign_budget_allocations")
        ),
    )
    op.create_index(
        op.f("ix_crm_campaign_budget_allocations_budget_id"),
        "crm_campaign_budget_allocations",
        ["budget_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_campaign_budget_allocations_company_id"),
        "crm_campaign_budget_allocations",
        ["company_id"],
        unique=False,
    )
    op.create_table(
        "crm_campaign_collaborators",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "collaborator_role", sa.String(length=20), server_default="editor", nullable=False
        ),
        sa.Column("added_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "collaborator_role IN ('owner', 'editor', 'reviewer', 'viewer')",
            name=op.f("ck_crm_campaign_collaborators_collaborator_role_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["added_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_campaign_collaborators_added_by_user_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_collaborators_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_collaborators_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_campaign_collaborators_user_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "campaign_id", "user_id", name=op.f("pk_crm_campaign_collaborators")
        ),
    )
    op.create_index(
        op.f("ix_crm_campaign_collaborators_company_id"),
        "crm_campaign_collaborators",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_campaign_collaborators_user_id"),
        "crm_campaign_collaborators",
        ["user_id"],
        unique=False,
    )
    op.create_table(
        "crm_campaign_metrics",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("metric_date", sa.Date(), nullable=False),
        sa.Column("sent", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("delivered", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("failed", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("opens", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("unique_opens", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("clicks", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("unique_clicks", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("unsubscribes", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("bounces", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("conversions", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "revenue",
            sa.Numeric(precision=15, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column(
            "spend", sa.Numeric(precision=15, scale=2), server_default=sa.text("0"), nullable=False
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('email', 'sms', 'social', 'direct_mail')",
            name=op.f("ck_crm_campaign_metrics_channel_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_metrics_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_metrics_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_campaign_metrics")),
        sa.UniqueConstraint(
            "campaign_id",
            "channel",
            "metric_date",
            name=op.f("uq_crm_campaign_metrics_campaign_id_channel_metric_date"),
        ),
    )
    op.create_index(
        op.f("ix_crm_campaign_metrics_company_id"),
        "crm_campaign_metrics",
        ["company_id"],
        unique=False,
    )
    op.create_table(
        "crm_campaign_segments",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("segment_name", sa.String(length=100), nullable=False),
        sa.Column("segment_type", sa.String(length=50), nullable=False),
        sa.Column(
            "demographic_criteria",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "behavioral_criteria",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "geographic_criteria",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "psychographic_criteria",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("target_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("actual_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "engagement_rate",
            sa.Numeric(precision=5, scale=2),
            server_default=sa.text("0"),
            nullable=False,
        ),
        sa.Column("last_evaluated_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("is_deleted", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "segment_type IN ('demographic', 'behavioral', 'geographic', 'psychographic', 'mixed')",
            name=op.f("ck_crm_campaign_segments_segment_type_valid"),
        ),
        sa.CheckConstraint(
            "actual_count >= 0", name=op.f("ck_crm_campaign_segments_actual_count_non_negative")
        ),
        sa.CheckConstraint(
            "target_count >= 0", name=op.f("ck_crm_campaign_segments_target_count_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_segments_campaign_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_segments_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_campaign_segments")),
    )
    op.create_index(
        "idx_campaign_segment",
        "crm_campaign_segments",
        ["campaign_id", "segment_type"],
        unique=False,
    )
    op.create_index("idx_segment_name", "crm_campaign_segments", ["segment_name"], unique=False)
    op.create_index(
        op.f("ix_crm_campaign_segments_company_id"),
        "crm_campaign_segments",
        ["company_id"],
        unique=False,
    )
    op.create_table(
        "crm_campaign_template_links",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("is_primary", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_template_links_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_template_links_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["crm_campaign_templates.id"],
            name=op.f("fk_crm_campaign_template_links_template_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint(
            "campaign_id", "template_id", name=op.f("pk_crm_campaign_template_links")
        ),
    )
    op.create_index(
        op.f("ix_crm_campaign_template_links_company_id"),
        "crm_campaign_template_links",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_campaign_template_links_template_id"),
        "crm_campaign_template_links",
        ["template_id"],
        unique=False,
    )
    op.create_table(
        "crm_contact_events",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.String(length=100), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "properties",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column(
            "received_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_contact_events_campaign_id"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_contact_events_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_contact_events_contact_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_contact_events")),
    )
    op.create_index(
        "ix_crm_contact_events_campaign", "crm_contact_events", ["campaign_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_contact_events_company_id"), "crm_contact_events", ["company_id"], unique=False
    )
    op.create_index(
        "ix_crm_contact_events_company_type_time",
        "crm_contact_events",
        ["company_id", "event_type", "occurred_at"],
        unique=False,
        postgresql_include=["contact_id"],
    )
    op.create_index(
        "ix_crm_contact_events_contact_type_time",
        "crm_contact_events",
        ["company_id", "contact_id", "event_type", "occurred_at"],
        unique=False,
    )
    op.create_index(
        "ix_crm_contact_events_occurred_brin",
        "crm_contact_events",
        ["occurred_at"],
        unique=False,
        postgresql_using="brin",
    )
    op.create_index(
        "uq_crm_contact_events_company_event",
        "crm_contact_events",
        ["company_id", "event_id"],
        unique=True,
    )
    op.create_table(
        "crm_launches",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("idempotency_key", sa.String(length=255), nullable=False),
        sa.Column("requested_by_user_id", sa.Uuid(), nullable=False),
        sa.Column(
            "launch_status", sa.String(length=20), server_default="requested", nullable=False
        ),
        sa.Column(
            "parameters",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("scheduled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("total_recipients", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("sent_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("failed_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("skipped_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "launch_status IN ('requested', 'scheduled', 'resolving', 'sending', 'completed', 'failed', 'cancelled')",
            name=op.f("ck_crm_launches_launch_status_valid"),
        ),
        sa.CheckConstraint(
            "sent_count >= 0 AND failed_count >= 0 AND skipped_count >= 0",
            name=op.f("ck_crm_launches_counts_non_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_launches_campaign_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_launches_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_launches_requested_by_user_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_launches")),
        sa.UniqueConstraint(
            "company_id", "idempotency_key", name=op.f("uq_crm_launches_company_id_idempotency_key")
        ),
    )
    op.create_index(
        op.f("ix_crm_launches_campaign_id"), "crm_launches", ["campaign_id"], unique=False
    )
    op.create_index(
        "ix_crm_launches_claimable",
        "crm_launches",
        ["launch_status", "scheduled_at"],
        unique=False,
        postgresql_where=sa.text(
            "launch_status IN ('requested', 'scheduled', 'resolving', 'sending')"
        ),
    )
    op.create_index(
        op.f("ix_crm_launches_company_id"), "crm_launches", ["company_id"], unique=False
    )
    op.create_table(
        "crm_suppressions",
        sa.Column("channel", sa.String(length=20), nullable=True),
        sa.Column("address", sa.String(length=254), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=100), server_default="api", nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "channel IS NULL OR channel IN ('email', 'sms', 'social', 'direct_mail')",
            name=op.f("ck_crm_suppressions_channel_valid"),
        ),
        sa.CheckConstraint(
            "reason IN ('unsubscribe', 'hard_bounce', 'complaint', 'manual', 'legal')",
            name=op.f("ck_crm_suppressions_reason_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_suppressions_campaign_id"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_suppressions_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_suppressions_contact_id"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_suppressions")),
    )
    op.create_index(
        op.f("ix_crm_suppressions_company_id"), "crm_suppressions", ["company_id"], unique=False
    )
    op.create_index("ix_crm_suppressions_contact", "crm_suppressions", ["contact_id"], unique=False)
    op.create_index(
        "uq_crm_suppressions_address",
        "crm_suppressions",
        ["company_id", sa.literal_column("coalesce(channel, '*')"), "address"],
        unique=True,
    )
    op.create_table(
        "crm_campaign_contacts",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("segment_id", sa.Uuid(), nullable=True),
        sa.Column(
            "added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_contacts_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_campaign_contacts_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_campaign_contacts_contact_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["crm_campaign_segments.id"],
            name=op.f("fk_crm_campaign_contacts_segment_id"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("campaign_id", "contact_id", name=op.f("pk_crm_campaign_contacts")),
    )
    op.create_index(
        op.f("ix_crm_campaign_contacts_company_id"),
        "crm_campaign_contacts",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_campaign_contacts_contact_id"),
        "crm_campaign_contacts",
        ["contact_id"],
        unique=False,
    )
    op.create_table(
        "crm_deliveries",
        sa.Column("launch_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("variant_id", sa.Uuid(), nullable=True),
        sa.Column(
            "delivery_status", sa.String(length=20), server_default="pending", nullable=False
        ),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("lease_owner", sa.String(length=100), nullable=True),
        sa.Column("lease_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("provider_message_id", sa.String(length=255), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "cost", sa.Numeric(precision=15, scale=2), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "channel IN ('email', 'sms', 'social', 'direct_mail')",
            name=op.f("ck_crm_deliveries_channel_valid"),
        ),
        sa.CheckConstraint(
            "delivery_status IN ('pending', 'sending', 'sent', 'delivered', 'failed', 'skipped', 'bounced')",
            name=op.f("ck_crm_deliveries_delivery_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_deliveries_campaign_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_deliveries_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_deliveries_contact_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["launch_id"],
            ["crm_launches.id"],
            name=op.f("fk_crm_deliveries_launch_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["variant_id"],
            ["crm_ab_variants.id"],
            name=op.f("fk_crm_deliveries_variant_id"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_deliveries")),
        sa.UniqueConstraint(
            "campaign_id",
            "contact_id",
            "channel",
            name=op.f("uq_crm_deliveries_campaign_id_contact_id_channel"),
        ),
    )
    op.create_index(
        op.f("ix_crm_deliveries_company_id"), "crm_deliveries", ["company_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_deliveries_contact_id"), "crm_deliveries", ["contact_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_deliveries_launch_id_delivery_status"),
        "crm_deliveries",
        ["launch_id", "delivery_status"],
        unique=False,
    )
    op.create_table(
        "crm_segment_evaluations",
        sa.Column("segment_id", sa.Uuid(), nullable=False),
        sa.Column(
            "evaluated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("matched", sa.BigInteger(), nullable=False),
        sa.Column("member_count", sa.BigInteger(), nullable=False),
        sa.Column("added", sa.BigInteger(), nullable=False),
        sa.Column("removed", sa.BigInteger(), nullable=False),
        sa.Column(
            "excluded",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("took_ms", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_segment_evaluations_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["crm_campaign_segments.id"],
            name=op.f("fk_crm_segment_evaluations_segment_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_segment_evaluations")),
    )
    op.create_index(
        op.f("ix_crm_segment_evaluations_company_id"),
        "crm_segment_evaluations",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_segment_evaluations_segment_id_evaluated_at"),
        "crm_segment_evaluations",
        ["segment_id", "evaluated_at"],
        unique=False,
    )
    op.create_table(
        "crm_segment_memberships",
        sa.Column("segment_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column(
            "added_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_segment_memberships_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_segment_memberships_contact_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["crm_campaign_segments.id"],
            name=op.f("fk_crm_segment_memberships_segment_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "segment_id", "contact_id", name=op.f("pk_crm_segment_memberships")
        ),
    )
    op.create_index(
        op.f("ix_crm_segment_memberships_company_id"),
        "crm_segment_memberships",
        ["company_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_crm_segment_memberships_contact_id"),
        "crm_segment_memberships",
        ["contact_id"],
        unique=False,
    )
    op.create_table(
        "crm_message_links",
        sa.Column("delivery_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_message_links_company_id"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["crm_deliveries.id"],
            name=op.f("fk_crm_message_links_delivery_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("delivery_id", "position", name=op.f("pk_crm_message_links")),
    )
    op.create_index(
        op.f("ix_crm_message_links_company_id"), "crm_message_links", ["company_id"], unique=False
    )


def _drop_tables() -> None:
    op.drop_index(op.f("ix_crm_message_links_company_id"), table_name="crm_message_links")
    op.drop_table("crm_message_links")
    op.drop_index(
        op.f("ix_crm_segment_memberships_contact_id"), table_name="crm_segment_memberships"
    )
    op.drop_index(
        op.f("ix_crm_segment_memberships_company_id"), table_name="crm_segment_memberships"
    )
    op.drop_table("crm_segment_memberships")
    op.drop_index(
        op.f("ix_crm_segment_evaluations_segment_id_evaluated_at"),
        table_name="crm_segment_evaluations",
    )
    op.drop_index(
        op.f("ix_crm_segment_evaluations_company_id"), table_name="crm_segment_evaluations"
    )
    op.drop_table("crm_segment_evaluations")
    op.drop_index(op.f("ix_crm_deliveries_launch_id_delivery_status"), table_name="crm_deliveries")
    op.drop_index(op.f("ix_crm_deliveries_contact_id"), table_name="crm_deliveries")
    op.drop_index(op.f("ix_crm_deliveries_company_id"), table_name="crm_deliveries")
    op.drop_table("crm_deliveries")
    op.drop_index(op.f("ix_crm_campaign_contacts_contact_id"), table_name="crm_campaign_contacts")
    op.drop_index(op.f("ix_crm_campaign_contacts_company_id"), table_name="crm_campaign_contacts")
    op.drop_table("crm_campaign_contacts")
    op.drop_index("uq_crm_suppressions_address", table_name="crm_suppressions")
    op.drop_index("ix_crm_suppressions_contact", table_name="crm_suppressions")
    op.drop_index(op.f("ix_crm_suppressions_company_id"), table_name="crm_suppressions")
    op.drop_table("crm_suppressions")
    op.drop_index(op.f("ix_crm_launches_company_id"), table_name="crm_launches")
    op.drop_index(
        "ix_crm_launches_claimable",
        table_name="crm_launches",
        postgresql_where=sa.text(
            "launch_status IN ('requested', 'scheduled', 'resolving', 'sending')"
        ),
    )
    op.drop_index(op.f("ix_crm_launches_campaign_id"), table_name="crm_launches")
    op.drop_table("crm_launches")
    op.drop_index("uq_crm_contact_events_company_event", table_name="crm_contact_events")
    op.drop_index(
        "ix_crm_contact_events_occurred_brin",
        table_name="crm_contact_events",
        postgresql_using="brin",
    )
    op.drop_index("ix_crm_contact_events_contact_type_time", table_name="crm_contact_events")
    op.drop_index("ix_crm_contact_events_company_type_time", table_name="crm_contact_events")
    op.drop_index(op.f("ix_crm_contact_events_company_id"), table_name="crm_contact_events")
    op.drop_index("ix_crm_contact_events_campaign", table_name="crm_contact_events")
    op.drop_table("crm_contact_events")
    op.drop_index(
        op.f("ix_crm_campaign_template_links_template_id"), table_name="crm_campaign_template_links"
    )
    op.drop_index(
        op.f("ix_crm_campaign_template_links_company_id"), table_name="crm_campaign_template_links"
    )
    op.drop_table("crm_campaign_template_links")
    op.drop_index(op.f("ix_crm_campaign_segments_company_id"), table_name="crm_campaign_segments")
    op.drop_index("idx_segment_name", table_name="crm_campaign_segments")
    op.drop_index("idx_campaign_segment", table_name="crm_campaign_segments")
    op.drop_table("crm_campaign_segments")
    op.drop_index(op.f("ix_crm_campaign_metrics_company_id"), table_name="crm_campaign_metrics")
    op.drop_table("crm_campaign_metrics")
    op.drop_index(
        op.f("ix_crm_campaign_collaborators_user_id"), table_name="crm_campaign_collaborators"
    )
    op.drop_index(
        op.f("ix_crm_campaign_collaborators_company_id"), table_name="crm_campaign_collaborators"
    )
    op.drop_table("crm_campaign_collaborators")
    op.drop_index(
        op.f("ix_crm_campaign_budget_allocations_company_id"),
        table_name="crm_campaign_budget_allocations",
    )
    op.drop_index(
        op.f("ix_crm_campaign_budget_allocations_budget_id"),
        table_name="crm_campaign_budget_allocations",
    )
    op.drop_table("crm_campaign_budget_allocations")
    op.drop_index(op.f("ix_crm_ab_variants_company_id"), table_name="crm_ab_variants")
    op.drop_table("crm_ab_variants")
    op.drop_index(op.f("ix_crm_user_roles_company_id"), table_name="crm_user_roles")
    op.drop_table("crm_user_roles")
    op.drop_index(op.f("ix_crm_refresh_tokens_user_id"), table_name="crm_refresh_tokens")
    op.drop_index(op.f("ix_crm_refresh_tokens_family_id"), table_name="crm_refresh_tokens")
    op.drop_index(op.f("ix_crm_refresh_tokens_company_id"), table_name="crm_refresh_tokens")
    op.drop_table("crm_refresh_tokens")
    op.drop_index(op.f("ix_crm_contact_consents_company_id"), table_name="crm_contact_consents")
    op.drop_table("crm_contact_consents")
    op.drop_index(
        "uk_company_campaign_code",
        table_name="crm_campaigns",
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.drop_index(
        "ix_crm_campaigns_company_status_start",
        table_name="crm_campaigns",
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.drop_index(op.f("ix_crm_campaigns_company_id"), table_name="crm_campaigns")
    op.drop_index(
        "ix_crm_campaigns_company_created",
        table_name="crm_campaigns",
        postgresql_where=sa.text("NOT is_deleted"),
    )
    op.drop_index("ix_crm_campaigns_fiscal_holdings", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_schedule", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_company_name", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_company_updated", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_company_end", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_company_start", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_company_filters", table_name="crm_campaigns")
    op.drop_index("idx_status", table_name="crm_campaigns")
    op.drop_index("idx_start_date", table_name="crm_campaigns")
    op.drop_index("idx_company_campaign", table_name="crm_campaigns")
    op.drop_index("idx_campaign_type", table_name="crm_campaigns")
    op.drop_table("crm_campaigns")
    op.drop_index(op.f("ix_crm_audit_log_company_id_occurred_at"), table_name="crm_audit_log")
    op.drop_index(
        op.f("ix_crm_audit_log_company_id_entity_type_entity_id_occurred_at"),
        table_name="crm_audit_log",
    )
    op.drop_index(op.f("ix_crm_audit_log_company_id"), table_name="crm_audit_log")
    op.drop_table("crm_audit_log")
    op.drop_index("uq_crm_users_email_lower", table_name="crm_users")
    op.drop_index(op.f("ix_crm_users_company_id"), table_name="crm_users")
    op.drop_table("crm_users")
    op.drop_index(
        "ix_crm_outbox_unpublished",
        table_name="crm_outbox",
        postgresql_where=sa.text("published_at IS NULL"),
    )
    op.drop_index(op.f("ix_crm_outbox_event_id"), table_name="crm_outbox")
    op.drop_index(op.f("ix_crm_outbox_company_id"), table_name="crm_outbox")
    op.drop_table("crm_outbox")
    op.drop_index(op.f("ix_crm_idempotency_keys_expires_at"), table_name="crm_idempotency_keys")
    op.drop_table("crm_idempotency_keys")
    op.drop_index("uq_crm_contacts_company_external", table_name="crm_contacts")
    op.drop_index("ix_crm_contacts_values", table_name="crm_contacts", postgresql_using="gin")
    op.drop_index("ix_crm_contacts_lifestyle", table_name="crm_contacts", postgresql_using="gin")
    op.drop_index("ix_crm_contacts_interests", table_name="crm_contacts", postgresql_using="gin")
    op.drop_index(op.f("ix_crm_contacts_company_id"), table_name="crm_contacts")
    op.drop_index("ix_crm_contacts_company_email", table_name="crm_contacts")
    op.drop_index("ix_crm_contacts_company_country", table_name="crm_contacts")
    op.drop_index(
        "ix_crm_contacts_attributes",
        table_name="crm_contacts",
        postgresql_using="gin",
        postgresql_ops={"attributes": "jsonb_path_ops"},
    )
    op.drop_table("crm_contacts")
    op.drop_index(op.f("ix_crm_code_sequences_company_id"), table_name="crm_code_sequences")
    op.drop_table("crm_code_sequences")
    op.drop_index("uk_company_template_code", table_name="crm_campaign_templates")
    op.drop_index(op.f("ix_crm_campaign_templates_company_id"), table_name="crm_campaign_templates")
    op.drop_index("idx_template_type", table_name="crm_campaign_templates")
    op.drop_index("idx_template_code", table_name="crm_campaign_templates")
    op.drop_index("idx_is_default", table_name="crm_campaign_templates")
    op.drop_table("crm_campaign_templates")
    op.drop_index("uk_company_budget_code", table_name="crm_campaign_budgets")
    op.drop_index(op.f("ix_crm_campaign_budgets_company_id"), table_name="crm_campaign_budgets")
    op.drop_index("idx_fiscal_year", table_name="crm_campaign_budgets")
    op.drop_index("idx_budget_type", table_name="crm_campaign_budgets")
    op.drop_index("idx_budget_code", table_name="crm_campaign_budgets")
    op.drop_table("crm_campaign_budgets")
    op.drop_table("crm_roles")
    op.drop_table("crm_processed_events")
    op.drop_table("crm_companies")


# --- roles, grants, row-level security -------------------------------------------------------
# Requests run as crm_app: row-level security limits every tenant-owned table to the company in
# the transaction-local setting app.company_id, and fails (an error, not an empty result) when it
# is unset. Cross-tenant platform work (the outbox relay, sign-in lookups, seeding) runs as
# crm_system, which has its own policy. Neither role owns a table or has BYPASSRLS; FORCE makes
# the policies bind the owner too. Roles are cluster-wide, so downgrade leaves them in place.

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"

TENANT_TABLES = (
    "crm_users",
    "crm_user_roles",
    "crm_refresh_tokens",
    "crm_campaigns",
    "crm_campaign_segments",
    "crm_campaign_templates",
    "crm_campaign_budgets",
    "crm_campaign_template_links",
    "crm_campaign_budget_allocations",
    "crm_campaign_collaborators",
    "crm_campaign_contacts",
    "crm_code_sequences",
    "crm_contacts",
    "crm_contact_consents",
    "crm_contact_events",
    "crm_suppressions",
    "crm_segment_memberships",
    "crm_segment_evaluations",
    "crm_ab_variants",
    "crm_launches",
    "crm_deliveries",
    "crm_message_links",
    "crm_campaign_metrics",
    "crm_audit_log",
    "crm_outbox",
    "crm_idempotency_keys",
)
APPEND_ONLY_TABLES = ("crm_audit_log",)
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"


def _secure() -> None:
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(
            f"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS;
              END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN
              NULL;  -- created meanwhile by a migration of another database on this server
            END $$;
            """
        )
        # The migrating (owner) user switches to these roles per connection. Roles are
        # server-wide, so another database's migration may grant the same membership at once.
        op.execute(
            f"""
            DO $$ BEGIN
              GRANT {role} TO CURRENT_USER;
            EXCEPTION WHEN unique_violation THEN
              NULL;
            END $$;
            """
        )
        op.execute(f"GRANT USAGE ON SCHEMA public TO {role}")
        op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
        op.execute(f"GRANT SELECT ON crm_roles TO {role}")
        op.execute(f"GRANT SELECT, INSERT, DELETE ON crm_processed_events TO {role}")
        for table in TENANT_TABLES:
            privileges = (
                "SELECT, INSERT"
                if table in APPEND_ONLY_TABLES
                else "SELECT, INSERT, UPDATE, DELETE"
            )
            op.execute(f"GRANT {privileges} ON {table} TO {role}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON crm_roles TO {SYSTEM_ROLE}")
    op.execute(f"GRANT SELECT, UPDATE ON crm_companies TO {APP_ROLE}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON crm_companies TO {SYSTEM_ROLE}")

    for table in TENANT_TABLES:
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_isolation ON {table} TO {APP_ROLE} "
            f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
        )
        op.execute(
            f"CREATE POLICY platform_access ON {table} TO {SYSTEM_ROLE} USING (true) WITH CHECK (true)"
        )
    op.execute("ALTER TABLE crm_companies ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE crm_companies FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON crm_companies TO {APP_ROLE} "
        "USING (id = current_setting('app.company_id')::uuid) "
        "WITH CHECK (id = current_setting('app.company_id')::uuid)"
    )
    op.execute(
        f"CREATE POLICY platform_access ON crm_companies TO {SYSTEM_ROLE} USING (true) WITH CHECK (true)"
    )

    op.execute(
        """
        CREATE FUNCTION crm_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        """
    )
    for table in APPEND_ONLY_TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION crm_refuse_change()"
        )


def _unsecure() -> None:
    for table in APPEND_ONLY_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
    op.execute("DROP FUNCTION IF EXISTS crm_refuse_change()")
    for table in (*TENANT_TABLES, "crm_companies"):
        op.execute(f"DROP POLICY IF EXISTS tenant_isolation ON {table}")
        op.execute(f"DROP POLICY IF EXISTS platform_access ON {table}")
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role}")
        op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role}")
        op.execute(f"REVOKE USAGE ON SCHEMA public FROM {role}")
