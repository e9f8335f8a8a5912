"""PII encrypted at rest with per-tenant data keys.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

from collections.abc import Sequence

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Filled in by the change that introduces these tables."""


def downgrade() -> None:
    """Filled in by the change that introduces these tables."""
