"""Deliveries and campaign-contact links checked per statement, not per row.

Freezing a launch's audience writes one delivery row and one campaign-contact link per
recipient in one statement. Each row paid five foreign-key trigger queries on each table
(company, launch, campaign, contact, variant / segment), a share lock on every contact row,
and one after-trigger queue entry per key even when the key was NULL: at 200,000 recipients
most of the 16 s resolution. The same guarantees now hold per statement, as migration 0002
made them for segment memberships:

- an AFTER INSERT statement trigger on each table checks, in one query per key, that every
  new row's contact, campaign, launch, variant (deliveries) or segment (links) exists in the
  row's own company — which also rules out a cross-tenant reference, which the old keys did
  not — and locks the campaigns, launches, variants and segments it references (FOR KEY
  SHARE) until the transaction ends; a row trigger checks a variant given to a delivery later
  (the A/B winner);
- deleting contacts deletes their deliveries and links (statement trigger, READ COMMITTED,
  under the same per-company advisory lock as memberships: a deletion waits for a resolution
  in flight and then removes what it wrote; a resolution that starts after a deletion sees
  the contacts gone and fails, to be retried);
- deleting a campaign or a launch that has deliveries is refused (as RESTRICT did); deleting
  a campaign deletes its links, deleting a launch, variant or segment clears the reference to
  it (as CASCADE / SET NULL did);
- the id and company of a campaign, launch or A/B variant never change, nor the keys of a
  delivery or link (contacts and segments already keep theirs, 0002).

Indexes a resolution filled row by row for few readers go: the company_id indexes of both
tables (every reader filters by launch, campaign or contact; the company check is row-level
security's) and (launch_id, delivery_status) on deliveries, whose one reader, a launch's
latest failures, gets a partial index that only failed deliveries enter. The company key is
implied: a row's contact must belong to its company, and a company with contacts cannot be
deleted. The check functions run with a larger work_mem, so the contact check of a
1M-recipient statement is one in-memory hash join.

Downgrade restores the keys and indexes and drops the triggers.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column, referenced table, on delete) of the per-row keys this replaces.
KEYS = (
    ("crm_deliveries", "company_id", "crm_companies", "RESTRICT"),
    ("crm_deliveries", "launch_id", "crm_launches", "RESTRICT"),
    ("crm_deliveries", "campaign_id", "crm_campaigns", "RESTRICT"),
    ("crm_deliveries", "contact_id", "crm_contacts", "CASCADE"),
    ("crm_deliveries", "variant_id", "crm_ab_variants", "SET NULL"),
    ("crm_campaign_contacts", "company_id", "crm_companies", "RESTRICT"),
    ("crm_campaign_contacts", "campaign_id", "crm_campaigns", "CASCADE"),
    ("crm_campaign_contacts", "contact_id", "crm_contacts", "CASCADE"),
    ("crm_campaign_contacts", "segment_id", "crm_campaign_segments", "SET NULL"),
    ("crm_campaign_contacts", "launch_id", "crm_launches", "SET NULL"),
)
COMPANY_INDEXES = ("crm_deliveries", "crm_campaign_contacts")
STATUS_INDEX = (
    "CREATE INDEX ix_crm_deliveries_launch_id_delivery_status "
    "ON crm_deliveries (launch_id, delivery_status)"
)
FAILED_INDEX = (
    "CREATE INDEX ix_crm_deliveries_failed ON crm_deliveries (launch_id, updated_at) "
    "WHERE delivery_status = 'failed'"
)

FUNCTIONS = (
    # One pass over the statement's rows for the few distinct parents they name, then one
    # anti-join for their contacts. Parents must exist in the row's company and are locked
    # against deletion until the transaction ends.
    """
CREATE FUNCTION crm_deliveries_check() RETURNS trigger LANGUAGE plpgsql
  SET work_mem = '256MB' AS $$
DECLARE
  parent record;
  bad record;
BEGIN
  -- Contact deletions of these companies wait until this transaction ends.
  PERFORM pg_advisory_xact_lock_shared(crm_memberships_lock_key(company_id))
    FROM (SELECT DISTINCT company_id FROM added ORDER BY company_id) AS companies;
  FOR parent IN
    SELECT DISTINCT company_id, campaign_id, launch_id, variant_id FROM added
    ORDER BY campaign_id, launch_id, variant_id
  LOOP
    PERFORM 1 FROM crm_campaigns
      WHERE id = parent.campaign_id AND company_id = parent.company_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'campaign % is not a campaign of company %',
        parent.campaign_id, parent.company_id
        USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
    END IF;
    PERFORM 1 FROM crm_launches
      WHERE id = parent.launch_id AND company_id = parent.company_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'launch % is not a launch of company %',
        parent.launch_id, parent.company_id
        USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
    END IF;
    IF parent.variant_id IS NOT NULL THEN
      PERFORM 1 FROM crm_ab_variants
        WHERE id = parent.variant_id AND company_id = parent.company_id FOR KEY SHARE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'variant % is not an A/B variant of company %',
          parent.variant_id, parent.company_id
          USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
      END IF;
    END IF;
  END LOOP;
  SELECT a.contact_id AS id, a.company_id INTO bad FROM added a
    WHERE NOT EXISTS (
      SELECT 1 FROM crm_contacts c WHERE c.id = a.contact_id AND c.company_id = a.company_id
    ) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'contact % is not a contact of company %', bad.id, bad.company_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
  END IF;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_campaign_contacts_check() RETURNS trigger LANGUAGE plpgsql
  SET work_mem = '256MB' AS $$
DECLARE
  parent record;
  bad record;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(crm_memberships_lock_key(company_id))
    FROM (SELECT DISTINCT company_id FROM added ORDER BY company_id) AS companies;
  FOR parent IN
    SELECT DISTINCT company_id, campaign_id, launch_id, segment_id FROM added
    ORDER BY campaign_id, launch_id, segment_id
  LOOP
    PERFORM 1 FROM crm_campaigns
      WHERE id = parent.campaign_id AND company_id = parent.company_id FOR KEY SHARE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'campaign % is not a campaign of company %',
        parent.campaign_id, parent.company_id
        USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_campaign_contacts';
    END IF;
    IF parent.launch_id IS NOT NULL THEN
      PERFORM 1 FROM crm_launches
        WHERE id = parent.launch_id AND company_id = parent.company_id FOR KEY SHARE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'launch % is not a launch of company %',
          parent.launch_id, parent.company_id
          USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_campaign_contacts';
      END IF;
    END IF;
    IF parent.segment_id IS NOT NULL THEN
      PERFORM 1 FROM crm_campaign_segments
        WHERE id = parent.segment_id AND company_id = parent.company_id FOR KEY SHARE;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'segment % is not a segment of company %',
          parent.segment_id, parent.company_id
          USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_campaign_contacts';
      END IF;
    END IF;
  END LOOP;
  SELECT a.contact_id AS id, a.company_id INTO bad FROM added a
    WHERE NOT EXISTS (
      SELECT 1 FROM crm_contacts c WHERE c.id = a.contact_id AND c.company_id = a.company_id
    ) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'contact % is not a contact of company %', bad.id, bad.company_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_campaign_contacts';
  END IF;
  RETURN NULL;
END $$;
""",
    # The A/B winner: a variant given to deliveries after they were written.
    """
CREATE FUNCTION crm_deliveries_variant_check() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM crm_ab_variants v
    WHERE v.id = NEW.variant_id AND v.company_id = NEW.company_id FOR KEY SHARE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'variant % is not an A/B variant of company %',
      NEW.variant_id, NEW.company_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
  END IF;
  RETURN NEW;
END $$;
""",
    """
CREATE FUNCTION crm_contacts_drop_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    -- A later snapshot is what lets this see the deliveries a resolution in flight wrote.
    RAISE EXCEPTION 'contacts must be deleted at READ COMMITTED isolation'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  PERFORM pg_advisory_xact_lock(crm_memberships_lock_key(company_id))
    FROM (SELECT DISTINCT company_id FROM gone ORDER BY company_id) AS companies;
  DELETE FROM crm_deliveries d USING gone g WHERE d.contact_id = g.id;
  DELETE FROM crm_campaign_contacts l USING gone g WHERE l.contact_id = g.id;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_campaigns_drop_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT d.campaign_id INTO bad FROM crm_deliveries d JOIN gone g ON g.id = d.campaign_id
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'campaign % still has deliveries', bad
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
  END IF;
  DELETE FROM crm_campaign_contacts l USING gone g WHERE l.campaign_id = g.id;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_launches_drop_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad uuid;
BEGIN
  SELECT d.launch_id INTO bad FROM crm_deliveries d JOIN gone g ON g.id = d.launch_id LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'launch % still has deliveries', bad
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_deliveries';
  END IF;
  UPDATE crm_campaign_contacts l SET launch_id = NULL FROM gone g WHERE l.launch_id = g.id;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_ab_variants_drop_deliveries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE crm_deliveries d SET variant_id = NULL FROM gone g WHERE d.variant_id = g.id;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_segments_drop_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE crm_campaign_contacts l SET segment_id = NULL FROM gone g WHERE l.segment_id = g.id;
  RETURN NULL;
END $$;
""",
)

TRIGGERS = (
    "CREATE TRIGGER crm_deliveries_check AFTER INSERT ON crm_deliveries "
    "REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION crm_deliveries_check()",
    "CREATE TRIGGER crm_campaign_contacts_check AFTER INSERT ON crm_campaign_contacts "
    "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_campaign_contacts_check()",
    "CREATE TRIGGER crm_deliveries_variant_check BEFORE UPDATE OF variant_id ON crm_deliveries "
    "FOR EACH ROW WHEN (NEW.variant_id IS NOT NULL "
    "AND NEW.variant_id IS DISTINCT FROM OLD.variant_id) "
    "EXECUTE FUNCTION crm_deliveries_variant_check()",
    "CREATE TRIGGER crm_contacts_drop_deliveries AFTER DELETE ON crm_contacts "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_contacts_drop_deliveries()",
    "CREATE TRIGGER crm_campaigns_drop_deliveries AFTER DELETE ON crm_campaigns "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_campaigns_drop_deliveries()",
    "CREATE TRIGGER crm_launches_drop_deliveries AFTER DELETE ON crm_launches "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_launches_drop_deliveries()",
    "CREATE TRIGGER crm_ab_variants_drop_deliveries AFTER DELETE ON crm_ab_variants "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_ab_variants_drop_deliveries()",
    "CREATE TRIGGER crm_campaign_segments_drop_links AFTER DELETE ON crm_campaign_segments "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION crm_segments_drop_links()",
    *(
        f"CREATE TRIGGER {table}_key_unchanged BEFORE UPDATE OF id, company_id ON {table} "
        "FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id "
        "OR OLD.company_id IS DISTINCT FROM NEW.company_id) "
        "EXECUTE FUNCTION crm_refuse_key_change()"
        for table in ("crm_campaigns", "crm_launches", "crm_ab_variants")
    ),
    "CREATE TRIGGER crm_deliveries_key_unchanged "
    "BEFORE UPDATE OF id, company_id, launch_id, campaign_id, contact_id ON crm_deliveries "
    "FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id "
    "OR OLD.company_id IS DISTINCT FROM NEW.company_id "
    "OR OLD.launch_id IS DISTINCT FROM NEW.launch_id "
    "OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id "
    "OR OLD.contact_id IS DISTINCT FROM NEW.contact_id) "
    "EXECUTE FUNCTION crm_refuse_key_change()",
    "CREATE TRIGGER crm_campaign_contacts_key_unchanged "
    "BEFORE UPDATE OF company_id, campaign_id, contact_id, launch_id, segment_id "
    "ON crm_campaign_contacts FOR EACH ROW "
    "WHEN (OLD.company_id IS DISTINCT FROM NEW.company_id "
    "OR OLD.campaign_id IS DISTINCT FROM NEW.campaign_id "
    "OR OLD.contact_id IS DISTINCT FROM NEW.contact_id "
    "OR (NEW.launch_id IS NOT NULL AND OLD.launch_id IS DISTINCT FROM NEW.launch_id) "
    "OR (NEW.segment_id IS NOT NULL AND OLD.segment_id IS DISTINCT FROM NEW.segment_id)) "
    "EXECUTE FUNCTION crm_refuse_key_change()",
)
TRIGGER_NAMES = (
    ("crm_deliveries", "crm_deliveries_check"),
    ("crm_campaign_contacts", "crm_campaign_contacts_check"),
    ("crm_deliveries", "crm_deliveries_variant_check"),
    ("crm_contacts", "crm_contacts_drop_deliveries"),
    ("crm_campaigns", "crm_campaigns_drop_deliveries"),
    ("crm_launches", "crm_launches_drop_deliveries"),
    ("crm_ab_variants", "crm_ab_variants_drop_deliveries"),
    ("crm_campaign_segments", "crm_campaign_segments_drop_links"),
    ("crm_campaigns", "crm_campaigns_key_unchanged"),
    ("crm_launches", "crm_launches_key_unchanged"),
    ("crm_ab_variants", "crm_ab_variants_key_unchanged"),
    ("crm_deliveries", "crm_deliveries_key_unchanged"),
    ("crm_campaign_contacts", "crm_campaign_contacts_key_unchanged"),
)
FUNCTION_NAMES = (
    "crm_deliveries_check",
    "crm_campaign_contacts_check",
    "crm_deliveries_variant_check",
    "crm_contacts_drop_deliveries",
    "crm_campaigns_drop_deliveries",
    "crm_launches_drop_deliveries",
    "crm_ab_variants_drop_deliveries",
    "crm_segments_drop_links",
)


def upgrade() -> None:
    for table, column, _, _ in KEYS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT fk_{table}_{column}")
    for table in COMPANY_INDEXES:
        op.execute(f"DROP INDEX ix_{table}_company_id")
    op.execute("DROP INDEX ix_crm_deliveries_launch_id_delivery_status")
    op.execute(FAILED_INDEX)
    for statement in (*FUNCTIONS, *TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    for table, trigger in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER {trigger} ON {table}")
    for function in FUNCTION_NAMES:
        op.execute(f"DROP FUNCTION {function}()")
    op.execute("DROP INDEX ix_crm_deliveries_failed")
    op.execute(STATUS_INDEX)
    for table in COMPANY_INDEXES:
        op.execute(f"CREATE INDEX ix_{table}_company_id ON {table} (company_id)")
    for table, column, parent, on_delete in KEYS:
        op.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT fk_{table}_{column} FOREIGN KEY ({column}) "
            f"REFERENCES {parent} (id) ON DELETE {on_delete}"
        )
