"""Fresh deliveries leave the claimable index.

A resolution wrote three index entries per recipient: the primary key, the unique (campaign,
contact, channel) key and the claimable index (launch_id, next_attempt_at) — the last one the
same key for every row of a launch, so both slices of a resolution appended to the same leaf
pages. Deliveries as a resolution writes them ("fresh": pending, due when created) now stay
out of it; their ids lie in their launch's range of the primary key (the first 16 hex digits of
the launch id), where dispatchers claim them in id order. The index keeps what needs a due
time: claimed deliveries (a lapsed lease sends them again), retried and held ones. About a
quarter less time for a resolution of 1,000,000 recipients (docs/benchmarks.md).

Deliveries written before this revision were numbered from a random prefix, outside their
launch's range: the open ones are made due a microsecond later than created, which puts them
in the claimable index.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CLAIMABLE_BEFORE = "delivery_status IN ('pending', 'sending')"
CLAIMABLE = (
    "delivery_status = 'sending' OR (delivery_status = 'pending' AND next_attempt_at <> created_at)"
)


def _claimable(predicate: str) -> None:
    op.execute("DROP INDEX ix_crm_deliveries_claimable")
    op.execute(
        "CREATE INDEX ix_crm_deliveries_claimable ON crm_deliveries "
        f"(launch_id, next_attempt_at) WHERE {predicate}"
    )


# Open deliveries numbered before this revision join the claimable index.
MOVE_FRESH = (
    "UPDATE crm_deliveries SET next_attempt_at = next_attempt_at + interval '1 microsecond' "
    "WHERE delivery_status = 'pending' AND next_attempt_at = created_at"
)


def upgrade() -> None:
    op.execute(MOVE_FRESH)
    _claimable(CLAIMABLE)


def downgrade() -> None:
    _claimable(CLAIMABLE_BEFORE)
