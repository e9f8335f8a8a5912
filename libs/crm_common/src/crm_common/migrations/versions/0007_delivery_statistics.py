"""Delivery statistics right after a launch's audience is frozen.

A resolution inserts up to millions of delivery rows in one statement; until autovacuum
analyzes the table, the planner believes it nearly empty and joins each batch of a few
hundred deliveries against every open delivery of the company (once per batch: quadratic
over a launch). The worker runs as crm_app, which may not ANALYZE a table it does not own, so
`crm_analyze_deliveries()` (SECURITY DEFINER, owned by the migrating role) does it for it, in
the resolution's transaction (ANALYZE counts that transaction's own new rows).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION crm_analyze_deliveries() RETURNS void
        LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
        AS 'ANALYZE public.crm_deliveries'
        """
    )
    op.execute("REVOKE ALL ON FUNCTION crm_analyze_deliveries() FROM PUBLIC")
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(f"GRANT EXECUTE ON FUNCTION crm_analyze_deliveries() TO {role}")


def downgrade() -> None:
    op.execute("DROP FUNCTION crm_analyze_deliveries()")
