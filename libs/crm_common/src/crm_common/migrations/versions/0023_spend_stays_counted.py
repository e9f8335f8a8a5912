"""Money spent stays counted: what a campaign's sending drew on each budget it is allocated,
and the indexes the fiscal year's sums read.

A finished campaign (completed, cancelled, or deleted) gives back what it held and did not
spend, never what it spent. The fiscal year adds up the live campaigns' budgets (or their
spend when that is more) and the others' spend; a shared budget adds up its live
allocations (or what they drew when that is more) and what finished campaigns drew on it.
`drawn_amount` is written by the launch worker with the budget's ledger; allocations made
before it existed start at 0.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = "NOT is_deleted AND campaign_status IN ('draft', 'planned', 'active', 'paused')"
FINISHED = "actual_spend > 0 AND (is_deleted OR campaign_status IN ('completed', 'cancelled'))"


def upgrade() -> None:
    op.add_column(
        "crm_campaign_budget_allocations",
        sa.Column("drawn_amount", sa.Numeric(18, 6), server_default=sa.text("0"), nullable=False),
    )
    op.create_check_constraint(
        op.f("ck_crm_campaign_budget_allocations_drawn_non_negative"),
        "crm_campaign_budget_allocations",
        "drawn_amount >= 0",
    )
    op.drop_index("ix_crm_campaigns_fiscal_holdings", table_name="crm_campaigns")
    op.create_index(
        "ix_crm_campaigns_fiscal_holdings",
        "crm_campaigns",
        ["company_id", "currency_code", "start_date"],
        postgresql_include=["total_budget", "actual_spend"],
        postgresql_where=sa.text(LIVE),
    )
    op.create_index(
        "ix_crm_campaigns_fiscal_spent",
        "crm_campaigns",
        ["company_id", "currency_code", "start_date"],
        postgresql_include=["actual_spend"],
        postgresql_where=sa.text(FINISHED),
    )


def downgrade() -> None:
    op.drop_index("ix_crm_campaigns_fiscal_spent", table_name="crm_campaigns")
    op.drop_index("ix_crm_campaigns_fiscal_holdings", table_name="crm_campaigns")
    op.create_index(
        "ix_crm_campaigns_fiscal_holdings",
        "crm_campaigns",
        ["company_id", "currency_code", "start_date"],
        postgresql_include=["total_budget"],
        postgresql_where=sa.text(LIVE),
    )
    op.drop_constraint(
        op.f("ck_crm_campaign_budget_allocations_drawn_non_negative"),
        "crm_campaign_budget_allocations",
        type_="check",
    )
    op.drop_column("crm_campaign_budget_allocations", "drawn_amount")
