"""Tighter autovacuum thresholds for the tables that churn.

Autovacuum's defaults wait until a fifth of a table is dead rows (or, for inserts, a fifth
new rows) before visiting it. The outbox, the idempotency keys, the processed-event markers
and the deliveries are written and deleted or updated all day, so their dead rows would pile
up to millions before a visit: they are vacuumed at 1 %. The contact events only grow; they
are vacuumed after 5 % new rows, which keeps their visibility map current, so the segment
engine's index-only scans of events need not read the heap for each row. The nightly
maintenance of the launch worker (`launch_worker.maintenance`) vacuums the purged tables
after the purge besides.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

THRESHOLDS: dict[str, dict[str, str]] = {
    "crm_outbox": {"autovacuum_vacuum_scale_factor": "0.01"},
    "crm_idempotency_keys": {"autovacuum_vacuum_scale_factor": "0.01"},
    "crm_processed_events": {"autovacuum_vacuum_scale_factor": "0.01"},
    "crm_deliveries": {"autovacuum_vacuum_scale_factor": "0.01"},
    "crm_contact_events": {"autovacuum_vacuum_insert_scale_factor": "0.05"},
}
"""Storage parameters per table (names and values are constants of this migration)."""


def upgrade() -> None:
    for table, parameters in THRESHOLDS.items():
        settings = ", ".join(f"{name} = {value}" for name, value in parameters.items())
        op.execute(f"ALTER TABLE {table} SET ({settings})")


def downgrade() -> None:
    for table, parameters in THRESHOLDS.items():
        op.execute(f"ALTER TABLE {table} RESET ({', '.join(parameters)})")
