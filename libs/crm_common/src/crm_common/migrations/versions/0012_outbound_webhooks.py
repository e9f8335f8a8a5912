"""Outbound webhooks: subscriptions and delivery log.

crm_webhook_subscriptions holds a tenant's target URLs, the event types each wants, its
signing secret (encrypted) and its health (consecutive failures, when and why it was
disabled). crm_webhook_deliveries holds one row per event and subscription (unique, so a
redelivered stream entry queues nothing twice) with the exact body sent and the next attempt's
due time; crm_webhook_attempts logs every try (status, the start of the response, latency,
error). crm_webhook_allow_lists keeps the hosts and networks an admin lets a company's webhooks
reach although they are not public. All tenant-owned: row-level security like every table.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
TABLES = (
    "crm_webhook_subscriptions",
    "crm_webhook_deliveries",
    "crm_webhook_attempts",
    "crm_webhook_allow_lists",
)


def _timestamps() -> list[Any]:
    return [
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
    ]


def _company(table: str, *, primary_key: bool = False) -> list[Any]:
    return [
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f(f"fk_{table}_company_id"),
            ondelete="CASCADE" if primary_key else "RESTRICT",
        ),
    ]


def upgrade() -> None:
    op.create_table(
        "crm_webhook_subscriptions",
        sa.Column("id", sa.Uuid(), nullable=False),
        *_company("crm_webhook_subscriptions"),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("event_types", sa.ARRAY(sa.String(length=100)), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="active", nullable=False),
        sa.Column("secret_sealed", sa.Text(), nullable=False),
        sa.Column("previous_secret_sealed", sa.Text(), nullable=True),
        sa.Column("previous_secret_expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "consecutive_failures", sa.Integer(), server_default=sa.text("0"), nullable=False
        ),
        sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("disabled_reason", sa.Text(), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_by_user_id", sa.Uuid(), nullable=True),
        *_timestamps(),
        sa.CheckConstraint(
            "status IN ('active', 'paused', 'disabled')",
            name=op.f("ck_crm_webhook_subscriptions_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["created_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_webhook_subscriptions_created_by_user_id"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_webhook_subscriptions")),
    )
    op.create_index(
        op.f("ix_crm_webhook_subscriptions_company_id"), "crm_webhook_subscriptions", ["company_id"]
    )

    op.create_table(
        "crm_webhook_deliveries",
        sa.Column("id", sa.Uuid(), nullable=False),
        *_company("crm_webhook_deliveries"),
        sa.Column("subscription_id", sa.Uuid(), nullable=False),
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("event_type", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("is_test", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("status", sa.String(length=20), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        *_timestamps(),
        sa.CheckConstraint(
            "status IN ('pending', 'succeeded', 'failed')",
            name=op.f("ck_crm_webhook_deliveries_status_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["crm_webhook_subscriptions.id"],
            name=op.f("fk_crm_webhook_deliveries_subscription_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_webhook_deliveries")),
        sa.UniqueConstraint(
            "subscription_id",
            "event_id",
            name=op.f("uq_crm_webhook_deliveries_subscription_id_event_id"),
        ),
    )
    op.create_index(
        op.f("ix_crm_webhook_deliveries_company_id"), "crm_webhook_deliveries", ["company_id"]
    )
    op.create_index(
        op.f("ix_crm_webhook_deliveries_subscription_id_created_at"),
        "crm_webhook_deliveries",
        ["subscription_id", "created_at"],
    )
    op.create_index(
        "ix_crm_webhook_deliveries_due",
        "crm_webhook_deliveries",
        ["next_attempt_at"],
        postgresql_where=sa.text("status = 'pending'"),
    )

    op.create_table(
        "crm_webhook_attempts",
        sa.Column("id", sa.Uuid(), nullable=False),
        *_company("crm_webhook_attempts"),
        sa.Column("delivery_id", sa.Uuid(), nullable=False),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("latency_ms", sa.Integer(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('succeeded', 'failed', 'refused')",
            name=op.f("ck_crm_webhook_attempts_outcome_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["crm_webhook_deliveries.id"],
            name=op.f("fk_crm_webhook_attempts_delivery_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_webhook_attempts")),
        sa.UniqueConstraint(
            "delivery_id", "attempt", name=op.f("uq_crm_webhook_attempts_delivery_id_attempt")
        ),
    )
    op.create_index(
        op.f("ix_crm_webhook_attempts_company_id"), "crm_webhook_attempts", ["company_id"]
    )

    op.create_table(
        "crm_webhook_allow_lists",
        *_company("crm_webhook_allow_lists", primary_key=True),
        sa.Column(
            "entries",
            sa.ARRAY(sa.String(length=255)),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("updated_by_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_webhook_allow_lists_updated_by_user_id"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_crm_webhook_allow_lists")),
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
