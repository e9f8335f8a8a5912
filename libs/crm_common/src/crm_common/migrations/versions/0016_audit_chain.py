"""Tamper-evident audit log: a hash chain per tenant.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

from collections.abc import Sequence

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Filled in by the change that introduces these tables."""


def downgrade() -> None:
    """Filled in by the change that introduces these tables."""
