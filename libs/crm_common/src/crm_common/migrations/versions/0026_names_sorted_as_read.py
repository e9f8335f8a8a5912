"""Campaign names sorted as people read them: the list's name order compares lower-cased names
(then the names, then ids), so "conc…" comes before "UX…" whatever the database's collation
("C" sorts every capital before every small letter). The name index follows.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEX = "ix_crm_campaigns_company_name"


def upgrade() -> None:
    op.drop_index(INDEX, table_name="crm_campaigns")
    op.execute(
        f"CREATE INDEX {INDEX} ON crm_campaigns (company_id, lower(campaign_name)) "
        "WHERE NOT is_deleted"
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="crm_campaigns")
    op.execute(
        f"CREATE INDEX {INDEX} ON crm_campaigns (company_id, campaign_name) WHERE NOT is_deleted"
    )
