"""Spend kept to the sixth decimal: a campaign's and each daily metric's spend grew by each
batch's cost rounded to cents, so a message priced below a cent (email at 0.0008) sent one
batch at a time added nothing, and a throttled launch's spend depended on its batch sizes.
`spend_exact` adds up the exact costs; `actual_spend` and `spend` are it rounded to cents.
Rows written before start from their rounded figure.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = {"crm_campaigns": "actual_spend", "crm_campaign_metrics": "spend"}


def upgrade() -> None:
    for table, rounded in COLUMNS.items():
        op.add_column(
            table,
            sa.Column(
                "spend_exact", sa.Numeric(18, 6), server_default=sa.text("0"), nullable=False
            ),
        )
        op.execute(
            sa.text(f"UPDATE {table} SET spend_exact = {rounded} WHERE {rounded} <> 0")  # noqa: S608 - constants
        )


def downgrade() -> None:
    for table in COLUMNS:
        op.drop_column(table, "spend_exact")
