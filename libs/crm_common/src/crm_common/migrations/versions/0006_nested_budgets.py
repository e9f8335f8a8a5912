"""Nested budgets: a budget may draw its money from a parent budget.

`crm_campaign_budgets.parent_budget_id` names the budget a budget is carved from (a quarterly
budget drawn from the annual one). The parent's money that its active children hold is no
longer available on the parent, and a fiscal year's total counts only budgets without a
parent, so no amount is counted twice. A parent cannot be deleted while it has children.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "crm_campaign_budgets"


def upgrade() -> None:
    op.add_column(TABLE, sa.Column("parent_budget_id", sa.Uuid(), nullable=True))
    op.create_foreign_key(
        op.f("fk_crm_campaign_budgets_parent_budget_id"),
        TABLE,
        TABLE,
        ["parent_budget_id"],
        ["id"],
        ondelete="RESTRICT",
    )
    op.create_check_constraint(
        op.f("ck_crm_campaign_budgets_parent_not_self"),
        TABLE,
        "parent_budget_id IS NULL OR parent_budget_id <> id",
    )
    op.create_index("idx_parent_budget", TABLE, ["parent_budget_id"])


def downgrade() -> None:
    op.drop_index("idx_parent_budget", table_name=TABLE)
    op.drop_constraint(op.f("ck_crm_campaign_budgets_parent_not_self"), TABLE, type_="check")
    op.drop_constraint(op.f("fk_crm_campaign_budgets_parent_budget_id"), TABLE, type_="foreignkey")
    op.drop_column(TABLE, "parent_budget_id")
