"""Audience resolution in slices: the contact check planned per statement, links written after.

1. Migration 0008's per-statement checks end with one anti-join of the new rows against the
company's contacts. Written as a static query with `LIMIT 1`, PL/pgSQL planned it once per
connection and the limit made the planner expect an early hit: a nested loop of primary-key
probes, whatever the size. A 1M-recipient audience paid 1,000,000 probes per table, about
2.7 s each, where one hash anti-join over the company's contacts takes 1.2 s. The check is now
dynamic SQL without the limit, planned on each statement with the transition table's real
row count and the range of contact ids it names: probes for a few rows, a hash join over the
contacts in range for an audience (or a slice of one). Same rows checked, same error.

2. A launch's campaign-contact links are written from its deliveries once they are committed
(launch-worker `link_audience`), in their own transaction: `crm_launches.audience_linked_at`
records that they are, so a launcher that resumes a launch writes them if its predecessor
did not. Launches resolved before this migration wrote both in one statement: they are
marked linked at their resolution time.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_0008 = importlib.import_module("crm_common.migrations.versions.0008_delivery_keys_per_statement")
# The two statement checks, as 0008 created them (deliveries, then links).
CHECKS = tuple(
    function.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)
    for function in _0008.FUNCTIONS[:2]
)
STATIC = """
  SELECT a.contact_id AS id, a.company_id INTO bad FROM added a
    WHERE NOT EXISTS (
      SELECT 1 FROM crm_contacts c WHERE c.id = a.contact_id AND c.company_id = a.company_id
    ) LIMIT 1;
  IF FOUND THEN
"""
PLANNED = """
  -- Planned here, for this statement's rows (EXECUTE leaves FOUND alone), against the
  -- contacts in the range of ids they name (a slice of an audience names a slice of them).
  low := (SELECT a.contact_id FROM added a ORDER BY a.contact_id LIMIT 1);
  high := (SELECT a.contact_id FROM added a ORDER BY a.contact_id DESC LIMIT 1);
  EXECUTE 'SELECT a.contact_id AS id, a.company_id FROM added a WHERE NOT EXISTS ('
    || 'SELECT 1 FROM crm_contacts c WHERE c.id = a.contact_id '
    || 'AND c.company_id = a.company_id AND c.id BETWEEN $1 AND $2)'
    INTO bad USING low, high;
  IF bad.id IS NOT NULL THEN
"""
DECLARED = "  bad record;\n"
BOUNDS = "  bad record;\n  low uuid;\n  high uuid;\n"


def upgrade() -> None:
    for check in CHECKS:
        assert STATIC in check
        assert DECLARED in check
        op.execute(check.replace(STATIC, PLANNED).replace(DECLARED, BOUNDS, 1))
    op.execute("ALTER TABLE crm_launches ADD COLUMN audience_linked_at timestamptz")
    op.execute(
        "UPDATE crm_launches SET audience_linked_at = resolved_at WHERE resolved_at IS NOT NULL"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE crm_launches DROP COLUMN audience_linked_at")
    for check in CHECKS:
        op.execute(check)
