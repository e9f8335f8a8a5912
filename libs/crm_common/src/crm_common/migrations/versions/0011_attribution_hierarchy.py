"""Campaign hierarchy, conversions and attribution.

- `crm_campaigns.parent_campaign_id`: a campaign may belong to a parent of the same company (a
  composite foreign key on (company_id, id) makes another tenant's parent impossible). A
  trigger keeps the tree a tree: no cycles, at most three levels (programme → campaign →
  sub-campaign), no deleted parent, and no soft delete of a campaign that still has live
  children. It serialises every re-parenting of a company on a transaction advisory lock, so
  two concurrent moves cannot each pass their check and together make a cycle.
- `crm_conversions`: revenue events of contacts (idempotent per company, source and external
  id), with the amount converted to the company's default currency at an explicit rate.
- `crm_conversion_attributions`: the credit each campaign earns for a conversion under the
  first-touch, last-touch and linear models.
- `crm_exchange_rates`, `crm_attribution_settings`: the company's rate table and window.

Every new table is tenant-owned: row-level security like every other table.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
TABLES = (
    "crm_conversions",
    "crm_conversion_attributions",
    "crm_exchange_rates",
    "crm_attribution_settings",
)
# At most 3 levels; the ancestor and subtree walks stop one level past that.
HIERARCHY_GUARD = """
CREATE FUNCTION crm_campaign_hierarchy_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent_depth integer;
  subtree_height integer;
  found_cycle boolean;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.is_deleted AND NOT OLD.is_deleted THEN
    IF EXISTS (
      SELECT 1 FROM crm_campaigns
      WHERE company_id = NEW.company_id AND parent_campaign_id = NEW.id AND NOT is_deleted
    ) THEN
      RAISE EXCEPTION 'campaign % still has live sub-campaigns', NEW.id
        USING ERRCODE = 'check_violation', CONSTRAINT = 'crm_campaign_hierarchy_children';
    END IF;
  END IF;
  IF NEW.parent_campaign_id IS NULL
     OR (TG_OP = 'UPDATE' AND NEW.parent_campaign_id IS NOT DISTINCT FROM OLD.parent_campaign_id)
  THEN
    RETURN NEW;
  END IF;
  -- One re-parenting at a time per company; every query below runs after the lock, so it
  -- sees what concurrent moves committed.
  PERFORM pg_advisory_xact_lock(hashtextextended('crm_campaign_hierarchy:' || NEW.company_id, 0));
  IF NEW.parent_campaign_id = NEW.id THEN
    RAISE EXCEPTION 'a campaign cannot be its own parent'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'crm_campaign_hierarchy_cycle';
  END IF;
  IF EXISTS (
    SELECT 1 FROM crm_campaigns
    WHERE company_id = NEW.company_id AND id = NEW.parent_campaign_id AND is_deleted
  ) THEN
    RAISE EXCEPTION 'the parent campaign is deleted'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'crm_campaign_hierarchy_parent_deleted';
  END IF;
  WITH RECURSIVE ancestors(id, parent_id, depth, path) AS (
    SELECT c.id, c.parent_campaign_id, 1, ARRAY[c.id]
    FROM crm_campaigns c WHERE c.company_id = NEW.company_id AND c.id = NEW.parent_campaign_id
    UNION ALL
    SELECT c.id, c.parent_campaign_id, a.depth + 1, a.path || c.id
    FROM ancestors a JOIN crm_campaigns c
      ON c.company_id = NEW.company_id AND c.id = a.parent_id
    WHERE NOT c.id = ANY(a.path) AND a.depth <= 4
  )
  SELECT max(depth), bool_or(id = NEW.id) INTO parent_depth, found_cycle FROM ancestors;
  IF found_cycle THEN
    RAISE EXCEPTION 'campaign % would become its own ancestor', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'crm_campaign_hierarchy_cycle';
  END IF;
  WITH RECURSIVE subtree(id, height, path) AS (
    SELECT NEW.id, 1, ARRAY[NEW.id]
    UNION ALL
    SELECT c.id, s.height + 1, s.path || c.id
    FROM subtree s JOIN crm_campaigns c
      ON c.company_id = NEW.company_id AND c.parent_campaign_id = s.id AND NOT c.is_deleted
    WHERE NOT c.id = ANY(s.path) AND s.height <= 4
  )
  SELECT max(height) INTO subtree_height FROM subtree;
  IF coalesce(parent_depth, 0) + subtree_height > 3 THEN
    RAISE EXCEPTION 'the hierarchy would be deeper than 3 levels'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'crm_campaign_hierarchy_depth';
  END IF;
  RETURN NEW;
END $$;
"""


def _secure(table: str) -> None:
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {role}")
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON {table} TO {APP_ROLE} "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    op.execute(
        f"CREATE POLICY platform_access ON {table} TO {SYSTEM_ROLE} USING (true) WITH CHECK (true)"
    )


def _hierarchy() -> None:
    op.add_column("crm_campaigns", sa.Column("parent_campaign_id", sa.Uuid(), nullable=True))
    op.create_unique_constraint(
        op.f("uq_crm_campaigns_company_id_id"), "crm_campaigns", ["company_id", "id"]
    )
    op.create_foreign_key(
        "fk_crm_campaigns_parent",
        "crm_campaigns",
        "crm_campaigns",
        ["company_id", "parent_campaign_id"],
        ["company_id", "id"],
    )
    op.create_index(
        "ix_crm_campaigns_company_parent",
        "crm_campaigns",
        ["company_id", "parent_campaign_id"],
        postgresql_where=sa.text("parent_campaign_id IS NOT NULL"),
    )
    op.execute(HIERARCHY_GUARD)
    # Campaigns without a parent, and updates that touch neither the parent nor the deleted
    # flag, never run the function.
    op.execute(
        """
        CREATE TRIGGER crm_campaign_hierarchy_insert BEFORE INSERT ON crm_campaigns
        FOR EACH ROW WHEN (NEW.parent_campaign_id IS NOT NULL)
        EXECUTE FUNCTION crm_campaign_hierarchy_guard()
        """
    )
    op.execute(
        """
        CREATE TRIGGER crm_campaign_hierarchy_update
        BEFORE UPDATE OF parent_campaign_id, is_deleted ON crm_campaigns
        FOR EACH ROW WHEN (
          NEW.parent_campaign_id IS DISTINCT FROM OLD.parent_campaign_id
          OR (NEW.is_deleted AND NOT OLD.is_deleted)
        )
        EXECUTE FUNCTION crm_campaign_hierarchy_guard()
        """
    )


def _company_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["company_id"], ["crm_companies.id"], name=f"fk_{table}_company_id", ondelete="RESTRICT"
    )


def _conversions() -> None:
    op.create_table(
        "crm_conversions",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("source", sa.String(length=50), nullable=False),
        sa.Column("external_id", sa.String(length=100), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("conversion_type", sa.String(length=64), nullable=False),
        sa.Column("amount", sa.Numeric(15, 2), nullable=False),
        sa.Column("currency_code", sa.String(length=3), nullable=False),
        sa.Column("exchange_rate", sa.Numeric(18, 8), nullable=False),
        sa.Column("amount_base", sa.Numeric(15, 2), nullable=False),
        sa.Column("base_currency", sa.String(length=3), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=True),
        sa.Column("utm_source", sa.String(length=200), nullable=True),
        sa.Column("utm_medium", sa.String(length=200), nullable=True),
        sa.Column("utm_campaign", sa.String(length=200), nullable=True),
        sa.Column("event_id", sa.String(length=100), nullable=True),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_crm_conversions_amount_positive")),
        sa.CheckConstraint(
            "exchange_rate > 0", name=op.f("ck_crm_conversions_exchange_rate_positive")
        ),
        sa.CheckConstraint(
            "currency_code ~ '^[A-Z]{3}$'", name=op.f("ck_crm_conversions_currency_code_format")
        ),
        sa.CheckConstraint(
            "base_currency ~ '^[A-Z]{3}$'", name=op.f("ck_crm_conversions_base_currency_format")
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["crm_contacts.id"],
            name=op.f("fk_crm_conversions_contact_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_conversions_campaign_id"),
            ondelete="SET NULL",
        ),
        _company_fk("crm_conversions"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_conversions")),
        sa.UniqueConstraint(
            "company_id",
            "source",
            "external_id",
            name=op.f("uq_crm_conversions_company_id_source_external_id"),
        ),
    )
    op.create_index(op.f("ix_crm_conversions_company_id"), "crm_conversions", ["company_id"])
    op.create_index(op.f("ix_crm_conversions_contact_id"), "crm_conversions", ["contact_id"])
    op.create_index(op.f("ix_crm_conversions_campaign_id"), "crm_conversions", ["campaign_id"])
    op.create_index(
        "ix_crm_conversions_company_occurred", "crm_conversions", ["company_id", "occurred_at"]
    )

    op.create_table(
        "crm_conversion_attributions",
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("conversion_id", sa.Uuid(), nullable=False),
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("touches", sa.Integer(), nullable=False),
        sa.Column("total_touches", sa.Integer(), nullable=False),
        sa.Column("is_first_touch", sa.Boolean(), nullable=False),
        sa.Column("is_last_touch", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "touches >= 1 AND touches <= total_touches",
            name=op.f("ck_crm_conversion_attributions_touches_within_total"),
        ),
        sa.ForeignKeyConstraint(
            ["conversion_id"],
            ["crm_conversions.id"],
            name=op.f("fk_crm_conversion_attributions_conversion_id"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["crm_campaigns.id"],
            name=op.f("fk_crm_conversion_attributions_campaign_id"),
            ondelete="CASCADE",
        ),
        _company_fk("crm_conversion_attributions"),
        sa.PrimaryKeyConstraint(
            "conversion_id", "campaign_id", name=op.f("pk_crm_conversion_attributions")
        ),
    )
    op.create_index(
        op.f("ix_crm_conversion_attributions_company_id"),
        "crm_conversion_attributions",
        ["company_id"],
    )
    op.create_index(
        "ix_crm_conversion_attributions_company_campaign",
        "crm_conversion_attributions",
        ["company_id", "campaign_id"],
    )


def _settings() -> None:
    op.create_table(
        "crm_exchange_rates",
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("currency_code", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.Numeric(18, 8), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint("rate > 0", name=op.f("ck_crm_exchange_rates_rate_positive")),
        sa.CheckConstraint(
            "currency_code ~ '^[A-Z]{3}$'", name=op.f("ck_crm_exchange_rates_currency_code_format")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_exchange_rates_company_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("company_id", "currency_code", name=op.f("pk_crm_exchange_rates")),
    )
    op.create_table(
        "crm_attribution_settings",
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("window_days", sa.Integer(), server_default=sa.text("30"), nullable=False),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint(
            "window_days BETWEEN 1 AND 365",
            name=op.f("ck_crm_attribution_settings_window_days_range"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_attribution_settings_company_id"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("company_id", name=op.f("pk_crm_attribution_settings")),
    )


def upgrade() -> None:
    _hierarchy()
    _conversions()
    _settings()
    for table in TABLES:
        _secure(table)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_table(table)
    op.execute("DROP TRIGGER IF EXISTS crm_campaign_hierarchy_update ON crm_campaigns")
    op.execute("DROP TRIGGER IF EXISTS crm_campaign_hierarchy_insert ON crm_campaigns")
    op.execute("DROP FUNCTION IF EXISTS crm_campaign_hierarchy_guard()")
    op.drop_index("ix_crm_campaigns_company_parent", table_name="crm_campaigns")
    op.drop_constraint("fk_crm_campaigns_parent", "crm_campaigns", type_="foreignkey")
    op.drop_constraint(op.f("uq_crm_campaigns_company_id_id"), "crm_campaigns", type_="unique")
    op.drop_column("crm_campaigns", "parent_campaign_id")
