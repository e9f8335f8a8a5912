"""Row versions for templates, budgets, webhook subscriptions and contacts: their ETag. A
trigger bumps `version` on every update that changes the row (a subscription: its settings),
whoever writes it (the API, a bulk import, the launch worker, a maintenance job), so an
If-Match based on an older read is refused (412) instead of silently overwriting what another
user saved.

Adding a column with a constant default rewrites nothing (PostgreSQL 11+).

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# What bumps each table's version. A subscription: a change of its settings only — its health
# (failure counts, last success), which the launch worker writes after every delivery, is not
# something an admin edits, and an edit based on an older read of it is not stale. A contact:
# any change, its generated `sample_bucket` left out of the comparison (a BEFORE trigger sees
# it not yet computed).
SETTINGS_ONLY = {
    "crm_webhook_subscriptions": ("name", "description", "url", "event_types", "status")
}
GENERATED = {"crm_contacts": ("sample_bucket",)}
TABLES = (
    "crm_campaign_templates",
    "crm_campaign_budgets",
    "crm_webhook_subscriptions",
    "crm_contacts",
)


def _trigger_name(table: str) -> str:
    return f"crm_{table.removeprefix('crm_')}_version"


def _trigger(table: str) -> str:
    arguments = ", ".join(f"'{column}'" for column in GENERATED.get(table, ()))
    run = f"EXECUTE FUNCTION crm_bump_row_version({arguments})"
    columns = SETTINGS_ONLY.get(table)
    if columns is None:
        return f"CREATE TRIGGER {_trigger_name(table)} BEFORE UPDATE ON {table} FOR EACH ROW {run}"
    old = ", ".join(f"OLD.{column}" for column in columns)
    new = ", ".join(f"NEW.{column}" for column in columns)
    return (
        f"CREATE TRIGGER {_trigger_name(table)} BEFORE UPDATE OF {', '.join(columns)} ON {table} "
        f"FOR EACH ROW WHEN (({old}) IS DISTINCT FROM ({new})) {run}"
    )


def upgrade() -> None:
    op.execute(
        """
        CREATE FUNCTION crm_bump_row_version() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            -- The trigger's arguments name generated columns, which NEW does not hold yet
            -- (TG_ARGV is NULL without arguments).
            ignored text[] := coalesce(TG_ARGV, '{}');
        BEGIN
            -- An UPDATE that leaves the row as it was keeps its version.
            IF (to_jsonb(NEW) - ignored) IS DISTINCT FROM (to_jsonb(OLD) - ignored) THEN
                NEW.version := OLD.version + 1;
            END IF;
            RETURN NEW;
        END
        $$
        """
    )
    for table in TABLES:
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
        op.create_check_constraint("version_positive", table, "version >= 1")
        op.execute(_trigger(table))


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP TRIGGER {_trigger_name(table)} ON {table}")
        op.drop_constraint(f"ck_{table}_version_positive", table)
        op.drop_column(table, "version")
    op.execute("DROP FUNCTION crm_bump_row_version()")
