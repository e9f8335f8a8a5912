"""Budget guard on sending and performance alerts.

- crm_campaign_spend: per campaign, the money its sending has drawn (spent plus what workers
  hold reserved for batches in flight). Reserved and settled by the launch worker with
  conditional updates, so a campaign never draws beyond its total_budget.
- crm_budget_spend: per shared budget, the money every campaign's sending has drawn on it;
  the same conditional updates keep it within the budget's total_amount, whatever number of
  launches and workers draw at once.
- crm_campaign_alert_settings: a campaign's performance thresholds (bounce rate, unsubscribe
  rate, failure rate, spend pace) with their severities, and the severity that pauses it.
- crm_campaign_alerts: every alert raised (budget thresholds and performance rules), unique
  per campaign, metric and threshold so each crossing is raised once.

All four are tenant-owned: row-level security like every other table.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
TABLES = (
    "crm_campaign_spend",
    "crm_budget_spend",
    "crm_campaign_alert_settings",
    "crm_campaign_alerts",
)
SPEND = sa.Numeric(18, 6)


def _company() -> sa.Column[Any]:
    return sa.Column("company_id", sa.Uuid(), nullable=False)


def _company_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["company_id"],
        ["crm_companies.id"],
        name=op.f(f"fk_{table}_company_id"),
        ondelete="RESTRICT",
    )


def _updated_at() -> sa.Column[Any]:
    return sa.Column(
        "updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "crm_campaign_spend",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        _company(),
        sa.Column("reserved_amount", SPEND, server_default=sa.text("0"), nullable=False),
        _updated_at(),
        sa.CheckConstraint(
            "reserved_amount >= 0", name=op.f("ck_crm_campaign_spend_reserved_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_spend_campaign_id"),
            ondelete="CASCADE",
        ),
        _company_fk("crm_campaign_spend"),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_crm_campaign_spend")),
    )
    op.create_index(op.f("ix_crm_campaign_spend_company_id"), "crm_campaign_spend", ["company_id"])

    op.create_table(
        "crm_budget_spend",
        sa.Column("budget_id", sa.Uuid(), nullable=False),
        _company(),
        sa.Column("reserved_amount", SPEND, server_default=sa.text("0"), nullable=False),
        _updated_at(),
        sa.CheckConstraint(
            "reserved_amount >= 0", name=op.f("ck_crm_budget_spend_reserved_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["budget_id"],
            ["crm_campaign_budgets.id"],
            name=op.f("fk_crm_budget_spend_budget_id"),
            ondelete="CASCADE",
        ),
        _company_fk("crm_budget_spend"),
        sa.PrimaryKeyConstraint("budget_id", name=op.f("pk_crm_budget_spend")),
    )
    op.create_index(op.f("ix_crm_budget_spend_company_id"), "crm_budget_spend", ["company_id"])

    op.create_table(
        "crm_campaign_alert_settings",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        _company(),
        sa.Column(
            "rules",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'"),
            nullable=False,
        ),
        sa.Column("pause_at_severity", sa.String(length=20), nullable=True),
        sa.Column("updated_by_user_id", sa.Uuid(), nullable=True),
        _updated_at(),
        sa.CheckConstraint(
            "pause_at_severity IS NULL OR pause_at_severity IN ('info', 'warning', 'critical')",
            name=op.f("ck_crm_campaign_alert_settings_pause_at_severity_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_alert_settings_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_user_id"],
            ["crm_users.id"],
            name=op.f("fk_crm_campaign_alert_settings_updated_by_user_id"),
            ondelete="SET NULL",
        ),
        _company_fk("crm_campaign_alert_settings"),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_crm_campaign_alert_settings")),
    )
    op.create_index(
        op.f("ix_crm_campaign_alert_settings_company_id"),
        "crm_campaign_alert_settings",
        ["company_id"],
    )

    op.create_table(
        "crm_campaign_alerts",
        sa.Column("id", sa.Uuid(), nullable=False),
        _company(),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("launch_id", sa.Uuid(), nullable=True),
        sa.Column("alert_kind", sa.String(length=20), nullable=False),
        sa.Column("metric", sa.String(length=40), nullable=False),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("observed", sa.Numeric(18, 6), nullable=False),
        sa.Column("threshold", sa.Numeric(18, 6), nullable=False),
        sa.Column("paused", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column(
            "details",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "raised_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "alert_kind IN ('budget', 'performance')",
            name=op.f("ck_crm_campaign_alerts_alert_kind_valid"),
        ),
        sa.CheckConstraint(
            "severity IN ('info', 'warning', 'critical')",
            name=op.f("ck_crm_campaign_alerts_severity_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_campaign_alerts_campaign_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["launch_id"],
            ["crm_launches.id"],
            name=op.f("fk_crm_campaign_alerts_launch_id"),
            ondelete="SET NULL",
        ),
        _company_fk("crm_campaign_alerts"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_campaign_alerts")),
        sa.UniqueConstraint(
            "campaign_id",
            "metric",
            "threshold",
            name=op.f("uq_crm_campaign_alerts_campaign_id_metric_threshold"),
        ),
    )
    op.create_index(
        op.f("ix_crm_campaign_alerts_company_id"), "crm_campaign_alerts", ["company_id"]
    )
    op.create_index(op.f("ix_crm_campaign_alerts_launch_id"), "crm_campaign_alerts", ["launch_id"])

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
