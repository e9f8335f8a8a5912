"""Whether a test send's message was rendered from a contact's personal data.

A test send renders the campaign's message with a contact's data. A caller without
`view_pii` gets it rendered from the contact's masked fields; one with it, from the real
ones, and only readers with `view_pii` may see such a message afterwards. The rows written
before this column existed are taken as rendered from personal data.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "crm_test_sends",
        sa.Column("personal_data", sa.Boolean(), server_default=sa.text("true"), nullable=False),
    )


def downgrade() -> None:
    op.drop_column("crm_test_sends", "personal_data")
