"""Consent ledger and double opt-in.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from collections.abc import Sequence

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Filled in by the change that introduces these tables."""


def downgrade() -> None:
    """Filled in by the change that introduces these tables."""
