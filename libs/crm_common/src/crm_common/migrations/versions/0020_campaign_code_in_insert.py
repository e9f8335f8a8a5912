"""Generated campaign codes are drawn inside the campaign's INSERT.

The next number of (company, prefix, year) was drawn by an upsert of `crm_code_sequences`,
then checked against codes a person took by hand, then the campaign inserted: three round
trips, the sequence row locked from the first until COMMIT, so every other create of the
company waited behind the rest of this one. `crm_next_campaign_code` does the draw and the
check in the database, called from the campaign's INSERT: the row is locked from that
statement to COMMIT. It runs as its caller (row-level security applies as before) and skips
numbers whose code a live campaign of the company holds, 50 at most, then raises
`CRM01` (no free code: the caller gives one).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLES = ("crm_app", "crm_system")
SIGNATURE = "crm_next_campaign_code(uuid, text, integer)"


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION crm_next_campaign_code(p_company uuid, p_prefix text, p_year integer)
        RETURNS text LANGUAGE plpgsql SET search_path = pg_catalog, public AS $$
        DECLARE
          number integer;
          code text;
        BEGIN
          FOR attempt IN 1..50 LOOP
            INSERT INTO crm_code_sequences AS s (company_id, prefix, year, last_value)
            VALUES (p_company, p_prefix, p_year, 1)
            ON CONFLICT (company_id, prefix, year)
            DO UPDATE SET last_value = s.last_value + 1
            RETURNING s.last_value INTO number;
            -- At least five digits, more past 99999.
            code := p_prefix || '-' || p_year || '-'
              || lpad(number::text, greatest(5, length(number::text)), '0');
            IF NOT EXISTS (
              SELECT 1 FROM crm_campaigns c
              WHERE c.company_id = p_company AND c.campaign_code = code AND NOT c.is_deleted
            ) THEN
              RETURN code;
            END IF;
          END LOOP;
          RAISE EXCEPTION 'no free campaign code for %-%', p_prefix, p_year
            USING ERRCODE = 'CRM01';
        END $$
        """
    )
    op.execute(f"REVOKE ALL ON FUNCTION {SIGNATURE} FROM PUBLIC")
    for role in APP_ROLES:
        op.execute(f"GRANT EXECUTE ON FUNCTION {SIGNATURE} TO {role}")


def downgrade() -> None:
    op.execute(f"DROP FUNCTION {SIGNATURE}")
