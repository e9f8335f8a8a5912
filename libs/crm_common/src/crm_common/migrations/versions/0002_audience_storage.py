"""Audience storage shaped by measurement on a 1M-contact tenant.

1. crm_contacts is rebuilt with its fixed-width, always-present columns first (id, company_id,
   timestamps, birth date, coordinates), then the short text fields rules filter on, then the
   long ones (names, addresses, tag arrays, attributes). Postgres finds a column by walking
   every variable-width column before it; with company_id — which row-level security checks
   on every row — placed after the arrays and the JSON attributes, a scan of 1M contacts spent
   more time locating columns than testing them (count of one tenant's contacts by gender:
   330 ms → 170 ms).
2. crm_segment_memberships loses its three per-row foreign keys. Each new member cost three
   trigger queries — 5.6 s of a 7.3 s materialisation of 225k members, most of it locking every
   contact row. The same guarantees now hold per statement:
   - an AFTER INSERT statement trigger checks, in one query each, that every new row's
     segment and contact exist in the row's own company (which also makes a cross-tenant
     membership impossible — the old keys did not check that), and locks the segments;
   - deleting contacts or segments deletes their memberships (statement triggers);
   - contact deletions take an exclusive advisory lock per company, and membership writers a
     shared one, so a deletion waits for an evaluation in flight and then removes what it
     wrote (contact deletion must therefore run at READ COMMITTED, which is enforced);
   - a contact's or segment's id and company can no longer change.
   The company_id index of memberships goes with its foreign key (nothing reads by it).
3. Email addresses are stored lower-case (every writer already normalised them; a CHECK now
   says so), and the email index is on the column itself. Under row-level security Postgres
   may use an index, or push a filter below the tenant check, only for leakproof functions;
   `lower()` is not one, so `lower(email)` could use no index and cost 130 ms per 290k
   contacts in every audience's suppression check.
4. The GIN indexes on the tag arrays and the attributes are gone, for the same reason: `&&`,
   `@>` and the JSON operators are not leakproof, so under row-level security no tenant query
   can use them (EXPLAIN as crm_app with sequential scans disabled still does not); they only
   cost disk and write work (through the API the difference is within noise).

The rebuild copies crm_contacts and re-validates every foreign key on it under an exclusive lock:
27 s for 1M contacts and 10.6M events on the 2-core bench VM. Plan it as maintenance on a large
database.

Downgrade restores the keys and the indexes (GIN included) and drops the CHECK; the column order
of crm_contacts stays (it is invisible to every query).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"

# (name, SQL type and constraints), in storage order.
CONTACT_COLUMNS = (
    ("id", "uuid NOT NULL"),
    ("company_id", "uuid NOT NULL"),
    ("created_at", "timestamp with time zone NOT NULL DEFAULT now()"),
    ("updated_at", "timestamp with time zone NOT NULL DEFAULT now()"),
    ("birth_date", "date"),
    ("latitude", "double precision"),
    ("longitude", "double precision"),
    ("gender", "varchar(20)"),
    ("country", "varchar(2)"),
    ("language", "varchar(12)"),
    ("region", "varchar(100)"),
    ("city", "varchar(100)"),
    ("postal_code", "varchar(20)"),
    ("timezone", "varchar(64)"),
    ("external_id", "varchar(100) NOT NULL"),
    ("email", "varchar(254)"),
    ("phone", "varchar(32)"),
    ("first_name", "varchar(100)"),
    ("last_name", "varchar(100)"),
    ("consented_channels", "varchar(20)[] NOT NULL DEFAULT '{}'"),
    ("interests", "text[] NOT NULL DEFAULT '{}'"),
    ("lifestyle", "text[] NOT NULL DEFAULT '{}'"),
    ("values", "text[] NOT NULL DEFAULT '{}'"),
    ("attributes", "jsonb NOT NULL DEFAULT '{}'"),
)
CONTACT_INDEXES = (
    "CREATE INDEX ix_crm_contacts_company_country ON crm_contacts "
    "(company_id, country, region, city)",
    "CREATE INDEX ix_crm_contacts_company_email ON crm_contacts (company_id, email)",
    "CREATE INDEX ix_crm_contacts_company_id ON crm_contacts (company_id)",
    "CREATE UNIQUE INDEX uq_crm_contacts_company_external ON crm_contacts "
    "(company_id, external_id)",
)
# The GIN indexes of 0001, which no tenant query can use (see 4. above); downgrade restores them.
GIN_INDEXES = (
    "CREATE INDEX ix_crm_contacts_attributes ON crm_contacts USING gin (attributes jsonb_path_ops)",
    "CREATE INDEX ix_crm_contacts_interests ON crm_contacts USING gin (interests)",
    "CREATE INDEX ix_crm_contacts_lifestyle ON crm_contacts USING gin (lifestyle)",
    'CREATE INDEX ix_crm_contacts_values ON crm_contacts USING gin ("values")',
)
# Foreign keys of other tables on crm_contacts.id that survive the rebuild: (table, on delete).
CONTACT_REFERENCES = (
    ("crm_contact_consents", "CASCADE"),
    ("crm_contact_events", "CASCADE"),
    ("crm_suppressions", "SET NULL"),
    ("crm_campaign_contacts", "CASCADE"),
    ("crm_deliveries", "CASCADE"),
)
MEMBERSHIP_KEYS = (
    ("company_id", "crm_companies", "RESTRICT"),
    ("segment_id", "crm_campaign_segments", "CASCADE"),
    ("contact_id", "crm_contacts", "CASCADE"),
)

MEMBERSHIP_FUNCTIONS = (
    """
CREATE FUNCTION crm_memberships_lock_key(company uuid) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT hashtextextended('crm_segment_memberships:' || company::text, 0) $$;
""",
    """
CREATE FUNCTION crm_memberships_check() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  -- Contact deletions of these companies wait until this transaction ends.
  PERFORM pg_advisory_xact_lock_shared(crm_memberships_lock_key(company_id))
    FROM (SELECT DISTINCT company_id FROM added ORDER BY company_id) AS companies;
  -- The segments stay until this transaction ends.
  PERFORM 1 FROM crm_campaign_segments
    WHERE id IN (SELECT DISTINCT segment_id FROM added) ORDER BY id FOR KEY SHARE;
  SELECT a.segment_id, a.company_id INTO bad FROM added a
    WHERE NOT EXISTS (
      SELECT 1 FROM crm_campaign_segments s WHERE s.id = a.segment_id AND s.company_id = a.company_id
    ) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'segment % is not a segment of company %', bad.segment_id, bad.company_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_segment_memberships';
  END IF;
  SELECT a.contact_id, a.company_id INTO bad FROM added a
    WHERE NOT EXISTS (
      SELECT 1 FROM crm_contacts c WHERE c.id = a.contact_id AND c.company_id = a.company_id
    ) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'contact % is not a contact of company %', bad.contact_id, bad.company_id
      USING ERRCODE = 'foreign_key_violation', TABLE = 'crm_segment_memberships';
  END IF;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_contacts_drop_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    -- A later snapshot is what lets this see the members an evaluation in flight wrote.
    RAISE EXCEPTION 'contacts must be deleted at READ COMMITTED isolation'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  PERFORM pg_advisory_xact_lock(crm_memberships_lock_key(company_id))
    FROM (SELECT DISTINCT company_id FROM gone ORDER BY company_id) AS companies;
  DELETE FROM crm_segment_memberships m USING gone g WHERE m.contact_id = g.id;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_segments_drop_memberships() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM crm_segment_memberships m USING gone g WHERE m.segment_id = g.id;
  RETURN NULL;
END $$;
""",
    """
CREATE FUNCTION crm_refuse_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the id and company of a row of % never change', TG_TABLE_NAME
    USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
END $$;
""",
)

MEMBERSHIP_TRIGGERS = (
    "CREATE TRIGGER crm_segment_memberships_check AFTER INSERT ON crm_segment_memberships "
    "REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION crm_memberships_check()",
    "CREATE TRIGGER crm_contacts_drop_memberships AFTER DELETE ON crm_contacts "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_contacts_drop_memberships()",
    "CREATE TRIGGER crm_campaign_segments_drop_memberships AFTER DELETE ON crm_campaign_segments "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION crm_segments_drop_memberships()",
    *(
        f"CREATE TRIGGER {table}_key_unchanged BEFORE UPDATE OF id, company_id ON {table} "
        "FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id "
        "OR OLD.company_id IS DISTINCT FROM NEW.company_id) "
        "EXECUTE FUNCTION crm_refuse_key_change()"
        for table in ("crm_contacts", "crm_campaign_segments")
    ),
)


def upgrade() -> None:
    _rebuild_contacts()
    _membership_triggers()


def downgrade() -> None:
    for table in ("crm_contacts", "crm_campaign_segments"):
        op.execute(f"DROP TRIGGER {table}_key_unchanged ON {table}")
    op.execute("DROP TRIGGER crm_campaign_segments_drop_memberships ON crm_campaign_segments")
    op.execute("DROP TRIGGER crm_contacts_drop_memberships ON crm_contacts")
    op.execute("DROP TRIGGER crm_segment_memberships_check ON crm_segment_memberships")
    for function in (
        "crm_refuse_key_change()",
        "crm_segments_drop_memberships()",
        "crm_contacts_drop_memberships()",
        "crm_memberships_check()",
        "crm_memberships_lock_key(uuid)",
    ):
        op.execute(f"DROP FUNCTION {function}")
    for column, parent, on_delete in MEMBERSHIP_KEYS:
        op.execute(
            f"ALTER TABLE crm_segment_memberships ADD CONSTRAINT "
            f"fk_crm_segment_memberships_{column} FOREIGN KEY ({column}) "
            f"REFERENCES {parent} (id) ON DELETE {on_delete}"
        )
    op.execute(
        "CREATE INDEX ix_crm_segment_memberships_company_id ON crm_segment_memberships (company_id)"
    )
    op.execute("ALTER TABLE crm_contacts DROP CONSTRAINT ck_crm_contacts_email_lower_case")
    op.execute("DROP INDEX ix_crm_contacts_company_email")
    op.execute(
        "CREATE INDEX ix_crm_contacts_company_email ON crm_contacts (company_id, lower(email))"
    )
    for statement in GIN_INDEXES:
        op.execute(statement)


def _rebuild_contacts() -> None:
    columns = ", ".join(f'"{name}"' for name, _ in CONTACT_COLUMNS)
    definitions = ", ".join(f'"{name}" {kind}' for name, kind in CONTACT_COLUMNS)
    op.execute(f"CREATE TABLE crm_contacts_rebuilt ({definitions})")
    # FORCE would hide every row from the owner running this migration.
    op.execute("ALTER TABLE crm_contacts NO FORCE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE crm_contacts DISABLE ROW LEVEL SECURITY")
    # Every writer already stores addresses lower-cased; the new CHECK makes it a rule.
    copied = columns.replace('"email"', 'lower("email")')
    op.execute(
        f"INSERT INTO crm_contacts_rebuilt ({columns}) "  # noqa: S608 - constant names
        f"SELECT {copied} FROM crm_contacts ORDER BY company_id, external_id"
    )
    for table, _ in CONTACT_REFERENCES:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT fk_{table}_contact_id")
    for column, _, _ in MEMBERSHIP_KEYS:
        op.execute(
            "ALTER TABLE crm_segment_memberships "
            f"DROP CONSTRAINT fk_crm_segment_memberships_{column}"
        )
    op.execute("DROP INDEX ix_crm_segment_memberships_company_id")
    op.execute("DROP TABLE crm_contacts")
    op.execute("ALTER TABLE crm_contacts_rebuilt RENAME TO crm_contacts")
    op.execute("ALTER TABLE crm_contacts ADD CONSTRAINT pk_crm_contacts PRIMARY KEY (id)")
    op.execute(
        "ALTER TABLE crm_contacts ADD CONSTRAINT fk_crm_contacts_company_id "
        "FOREIGN KEY (company_id) REFERENCES crm_companies (id) ON DELETE RESTRICT"
    )
    op.execute(
        "ALTER TABLE crm_contacts ADD CONSTRAINT ck_crm_contacts_latitude_range "
        "CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90)"
    )
    op.execute(
        "ALTER TABLE crm_contacts ADD CONSTRAINT ck_crm_contacts_longitude_range "
        "CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180)"
    )
    op.execute(
        "ALTER TABLE crm_contacts ADD CONSTRAINT ck_crm_contacts_email_lower_case "
        "CHECK (email = lower(email))"
    )
    for statement in CONTACT_INDEXES:
        op.execute(statement)
    for table, on_delete in CONTACT_REFERENCES:
        op.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT fk_{table}_contact_id FOREIGN KEY (contact_id) "
            f"REFERENCES crm_contacts (id) ON DELETE {on_delete}"
        )
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON crm_contacts TO {role}")
    op.execute("ALTER TABLE crm_contacts ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE crm_contacts FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON crm_contacts TO {APP_ROLE} "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    op.execute(
        f"CREATE POLICY platform_access ON crm_contacts TO {SYSTEM_ROLE} "
        "USING (true) WITH CHECK (true)"
    )
    op.execute("ANALYZE crm_contacts")


def _membership_triggers() -> None:
    for statement in (*MEMBERSHIP_FUNCTIONS, *MEMBERSHIP_TRIGGERS):
        op.execute(statement)
