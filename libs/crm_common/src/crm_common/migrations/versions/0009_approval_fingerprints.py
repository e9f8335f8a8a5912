"""Approvals bound to content: fingerprints, approval chains, audience snapshots.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04
"""

from collections.abc import Sequence

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Filled in by the change that introduces these tables."""


def downgrade() -> None:
    """Filled in by the change that introduces these tables."""
