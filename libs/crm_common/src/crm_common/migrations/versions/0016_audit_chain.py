"""Tamper-evident audit log: a hash chain per tenant.

Every audit row gets, at insert time and inside the database, its place in its company's
chain: `chain_seq` (1, 2, 3 … per company, no gaps), `chained_at` (the clock when it was
chained), `payload_digest` (SHA-256 of its old and new values as PostgreSQL renders them),
`prev_hash` (the previous row's `row_hash`, 64 zeros for the first) and `row_hash` (SHA-256 of
a length-prefixed encoding of the row's fields, its digest and `prev_hash`). A BEFORE INSERT
trigger assigns them under a per-company transaction advisory lock, so concurrent writers of
one company queue for the chain's head and the application cannot skip or forge it.

Append-only stays enforced by grants (the application roles have SELECT and INSERT only) and by
a guard trigger. Two sanctioned changes exist, each a SECURITY DEFINER function owned by the
NOLOGIN role `crm_audit_custodian` (the only role the guard lets through):
- `crm_audit_redact(company, request, contact, values, reason, actor)` replaces personal data in
  the old/new values of a company's rows (those about the contact, and those naming one of the
  values), keeps their digest, marks them with `redacted_at` / `redaction_request_id`, and
  appends an `audit.redacted` row listing the redacted sequence numbers — so a verifier can
  tell a recorded redaction from tampering.
- `crm_audit_prune(company, before)` deletes a prefix of a company's chain (rows chained before
  `before`, never the newest row) and records an anchor in `crm_audit_anchors`: the first
  remaining row's `prev_hash`, with a checkpoint hash chained over the company's anchors, and
  appends an `audit.pruned` row.
Both act only on the company the calling transaction is bound to (`app.company_id`).

Existing rows are chained in (company, occurred_at, id) order.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLES = ("crm_app", "crm_system")
CUSTODIAN = "crm_audit_custodian"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
GENESIS = "0" * 64

# Keys whose values are personal data wherever they appear in a row about the erased contact.
PII_KEYS = (
    "email",
    "phone",
    "first_name",
    "last_name",
    "full_name",
    "name",
    "birth_date",
    "address",
    "address_line1",
    "address_line2",
    "street",
    "city",
    "postal_code",
    "latitude",
    "longitude",
    "external_id",
    "to",
)

FUNCTIONS = """
CREATE FUNCTION crm_audit_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN value IS NULL THEN '-' ELSE octet_length(value)::text || ':' || value END
$$;

CREATE FUNCTION crm_audit_time(value timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_char(value AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

CREATE FUNCTION crm_audit_sha256(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT encode(sha256(convert_to(value, 'UTF8')), 'hex')
$$;

CREATE FUNCTION crm_audit_payload_digest(old_values jsonb, new_values jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT crm_audit_sha256(
    'crm-audit-payload-v1'
    || crm_audit_field(nullif(old_values, 'null'::jsonb)::text)
    || crm_audit_field(nullif(new_values, 'null'::jsonb)::text)
  )
$$;

CREATE FUNCTION crm_audit_row_hash(
  company_id uuid, chain_seq bigint, chained_at timestamptz, occurred_at timestamptz,
  actor_user_id uuid, action text, entity_type text, entity_id uuid, request_id text,
  client_ip inet, user_agent text, payload_digest text, prev_hash text
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT crm_audit_sha256(
    'crm-audit-row-v1'
    || crm_audit_field(company_id::text)
    || crm_audit_field(chain_seq::text)
    || crm_audit_field(crm_audit_time(chained_at))
    || crm_audit_field(crm_audit_time(occurred_at))
    || crm_audit_field(actor_user_id::text)
    || crm_audit_field(action)
    || crm_audit_field(entity_type)
    || crm_audit_field(entity_id::text)
    || crm_audit_field(request_id)
    || crm_audit_field(abbrev(client_ip))
    || crm_audit_field(user_agent)
    || crm_audit_field(payload_digest)
    || crm_audit_field(prev_hash)
  )
$$;

CREATE FUNCTION crm_audit_lock_key(company_id uuid) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT hashtextextended('crm_audit_chain:' || company_id::text, 0)
$$;

-- The chain's head: the newest row, or the latest prune anchor when no row is left, or genesis.
CREATE FUNCTION crm_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(crm_audit_lock_key(NEW.company_id));
  SELECT chain_seq, row_hash INTO head_seq, head_hash
    FROM crm_audit_log WHERE company_id = NEW.company_id
    ORDER BY chain_seq DESC LIMIT 1;
  IF head_seq IS NULL THEN
    SELECT first_seq - 1, prev_hash INTO head_seq, head_hash
      FROM crm_audit_anchors WHERE company_id = NEW.company_id
      ORDER BY first_seq DESC LIMIT 1;
  END IF;
  NEW.chain_seq := coalesce(head_seq, 0) + 1;
  NEW.prev_hash := coalesce(head_hash, repeat('0', 64));
  NEW.chained_at := clock_timestamp();
  NEW.redacted_at := NULL;
  NEW.redaction_request_id := NULL;
  NEW.payload_digest := crm_audit_payload_digest(NEW.old_values, NEW.new_values);
  NEW.row_hash := crm_audit_row_hash(
    NEW.company_id, NEW.chain_seq, NEW.chained_at, NEW.occurred_at, NEW.actor_user_id,
    NEW.action, NEW.entity_type, NEW.entity_id, NEW.request_id, NEW.client_ip,
    NEW.user_agent, NEW.payload_digest, NEW.prev_hash
  );
  RETURN NEW;
END $$;

-- Only the custodian (inside crm_audit_redact / crm_audit_prune) may change or remove a row,
-- and a redaction may touch nothing but the values and the redaction marks.
CREATE FUNCTION crm_audit_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'crm_audit_custodian' THEN
    IF TG_OP = 'DELETE' THEN
      RETURN OLD;
    END IF;
    IF NEW.redaction_request_id IS NOT NULL AND NEW.redacted_at IS NOT NULL
       AND (NEW.id, NEW.company_id, NEW.chain_seq, NEW.chained_at, NEW.occurred_at,
            NEW.actor_user_id, NEW.action, NEW.entity_type, NEW.entity_id, NEW.request_id,
            NEW.client_ip, NEW.user_agent, NEW.payload_digest, NEW.prev_hash, NEW.row_hash)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.company_id, OLD.chain_seq, OLD.chained_at, OLD.occurred_at,
            OLD.actor_user_id, OLD.action, OLD.entity_type, OLD.entity_id, OLD.request_id,
            OLD.client_ip, OLD.user_agent, OLD.payload_digest, OLD.prev_hash, OLD.row_hash)
    THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE FUNCTION crm_audit_scrub_text(value text, secrets text[]) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  secret text;
BEGIN
  FOREACH secret IN ARRAY coalesce(secrets, '{}') LOOP
    value := regexp_replace(
      value, regexp_replace(secret, '([\\^$.|?*+()\\[\\]{}-])', '\\\\\\1', 'g'), '[redacted]', 'gi'
    );
  END LOOP;
  RETURN value;
END $$;

-- Replace the secrets inside every string of a JSON value and, when `by_key`, the whole value
-- of every personal-data key; keys, structure and other values stay.
CREATE FUNCTION crm_audit_scrub(value jsonb, secrets text[], by_key boolean) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result jsonb;
BEGIN
  CASE jsonb_typeof(value)
    WHEN 'object' THEN
      SELECT coalesce(jsonb_object_agg(
               key,
               CASE WHEN by_key AND lower(key) = ANY(%(pii_keys)s) AND jsonb_typeof(item) <> 'null'
                    THEN to_jsonb('[redacted]'::text)
                    ELSE crm_audit_scrub(item, secrets, by_key) END
             ), '{}'::jsonb)
        INTO result FROM jsonb_each(value) AS entries(key, item);
      RETURN result;
    WHEN 'array' THEN
      SELECT coalesce(jsonb_agg(crm_audit_scrub(item, secrets, by_key) ORDER BY position),
                      '[]'::jsonb)
        INTO result FROM jsonb_array_elements(value) WITH ORDINALITY AS items(item, position);
      RETURN result;
    WHEN 'string' THEN
      RETURN to_jsonb(crm_audit_scrub_text(value #>> '{}', secrets));
    ELSE
      RETURN value;
  END CASE;
END $$;

CREATE FUNCTION crm_audit_require_tenant(p_company uuid) RETURNS void
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF p_company IS NULL OR current_setting('app.company_id', true) IS DISTINCT FROM p_company::text
  THEN
    RAISE EXCEPTION 'the transaction is not bound to company %%', p_company
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$;

CREATE FUNCTION crm_audit_redact(
  p_company uuid, p_request uuid, p_contact uuid, p_values text[], p_reason text,
  p_actor uuid DEFAULT NULL
) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  secrets text[];
  seqs bigint[];
BEGIN
  PERFORM crm_audit_require_tenant(p_company);
  IF p_request IS NULL THEN
    RAISE EXCEPTION 'a redaction needs the request it fulfils' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  -- Longest first, so a name inside an email does not spoil the email's match.
  SELECT coalesce(array_agg(v ORDER BY length(v) DESC, v), '{}') INTO secrets
    FROM (SELECT DISTINCT trim(raw) AS v FROM unnest(coalesce(p_values, '{}')) AS raw
           WHERE length(trim(raw)) >= 3) AS distinct_values;
  IF p_contact IS NULL AND cardinality(secrets) = 0 THEN
    RAISE EXCEPTION 'nothing to redact: no contact and no value of 3 characters or more'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  PERFORM pg_advisory_xact_lock(crm_audit_lock_key(p_company));
  WITH candidates AS (
    SELECT id,
           crm_audit_scrub(old_values, secrets, entity_id = p_contact) AS old_scrubbed,
           crm_audit_scrub(new_values, secrets, entity_id = p_contact) AS new_scrubbed
      FROM crm_audit_log
     WHERE company_id = p_company
       AND action <> 'audit.redacted'
       AND (entity_id = p_contact
            OR EXISTS (SELECT FROM unnest(secrets) AS s
                        WHERE strpos(lower(coalesce(old_values::text, '')), lower(s)) > 0
                           OR strpos(lower(coalesce(new_values::text, '')), lower(s)) > 0))
  ), changed AS (
    UPDATE crm_audit_log AS entry
       SET old_values = c.old_scrubbed, new_values = c.new_scrubbed,
           redacted_at = clock_timestamp(), redaction_request_id = p_request
      FROM candidates AS c
     WHERE entry.id = c.id
       AND (entry.old_values IS DISTINCT FROM c.old_scrubbed
            OR entry.new_values IS DISTINCT FROM c.new_scrubbed)
    RETURNING entry.chain_seq
  )
  SELECT coalesce(array_agg(chain_seq ORDER BY chain_seq), '{}') INTO seqs FROM changed;
  IF cardinality(seqs) > 0 THEN
    INSERT INTO crm_audit_log (company_id, actor_user_id, action, entity_type, entity_id, new_values)
    VALUES (p_company, p_actor, 'audit.redacted', 'audit_redaction', p_request,
            jsonb_build_object('redaction_request_id', p_request, 'contact_id', p_contact,
                               'reason', p_reason, 'seqs', to_jsonb(seqs)));
  END IF;
  RETURN cardinality(seqs);
END $$;

CREATE FUNCTION crm_audit_prune(p_company uuid, p_before timestamptz) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq bigint;
  cutoff bigint;
  first_hash text;
  removed bigint;
  previous text;
  anchored_at timestamptz := clock_timestamp();
  checkpoint text;
BEGIN
  PERFORM crm_audit_require_tenant(p_company);
  PERFORM pg_advisory_xact_lock(crm_audit_lock_key(p_company));
  SELECT max(chain_seq) INTO head_seq FROM crm_audit_log WHERE company_id = p_company;
  SELECT max(chain_seq) INTO cutoff
    FROM crm_audit_log WHERE company_id = p_company AND chained_at < p_before;
  IF cutoff IS NULL THEN
    RETURN 0;
  END IF;
  cutoff := least(cutoff, head_seq - 1);
  IF cutoff < 1 THEN
    RETURN 0;
  END IF;
  SELECT prev_hash INTO first_hash
    FROM crm_audit_log WHERE company_id = p_company AND chain_seq = cutoff + 1;
  IF first_hash IS NULL THEN
    RAISE EXCEPTION 'audit chain of company %% has no row %%', p_company, cutoff + 1
      USING ERRCODE = 'data_corrupted';
  END IF;
  DELETE FROM crm_audit_log WHERE company_id = p_company AND chain_seq <= cutoff;
  GET DIAGNOSTICS removed = ROW_COUNT;
  IF removed = 0 THEN
    RETURN 0;
  END IF;
  SELECT checkpoint_hash INTO previous
    FROM crm_audit_anchors WHERE company_id = p_company ORDER BY first_seq DESC LIMIT 1;
  previous := coalesce(previous, repeat('0', 64));
  checkpoint := crm_audit_sha256(
    'crm-audit-anchor-v1'
    || crm_audit_field(p_company::text)
    || crm_audit_field((cutoff + 1)::text)
    || crm_audit_field(first_hash)
    || crm_audit_field(removed::text)
    || crm_audit_field(crm_audit_time(anchored_at))
    || crm_audit_field(previous)
  );
  INSERT INTO crm_audit_anchors
    (company_id, first_seq, prev_hash, pruned_rows, pruned_before, anchored_at,
     previous_checkpoint, checkpoint_hash)
  VALUES (p_company, cutoff + 1, first_hash, removed, p_before, anchored_at, previous, checkpoint);
  INSERT INTO crm_audit_log (company_id, action, entity_type, entity_id, new_values)
  VALUES (p_company, 'audit.pruned', 'audit_chain', p_company,
          jsonb_build_object('first_seq', cutoff + 1, 'prev_hash', first_hash,
                             'pruned_rows', removed, 'checkpoint_hash', checkpoint));
  RETURN removed;
END $$;
""".replace("%(pii_keys)s", "ARRAY[" + ", ".join(f"'{key}'" for key in PII_KEYS) + "]").replace(
    "%%", "%"
)

FUNCTION_NAMES = (
    "crm_audit_prune(uuid, timestamptz)",
    "crm_audit_redact(uuid, uuid, uuid, text[], text, uuid)",
    "crm_audit_require_tenant(uuid)",
    "crm_audit_scrub(jsonb, text[], boolean)",
    "crm_audit_scrub_text(text, text[])",
    "crm_audit_guard()",
    "crm_audit_chain()",
    "crm_audit_lock_key(uuid)",
    "crm_audit_row_hash(uuid, bigint, timestamptz, timestamptz, uuid, text, text, uuid, text, "
    "inet, text, text, text)",
    "crm_audit_payload_digest(jsonb, jsonb)",
    "crm_audit_sha256(text)",
    "crm_audit_time(timestamptz)",
    "crm_audit_field(text)",
)

BACKFILL = """
DO $$
DECLARE
  entry record;
  company uuid;
  seq bigint;
  previous text;
  digest text;
  chained timestamptz;
BEGIN
  FOR entry IN SELECT * FROM crm_audit_log ORDER BY company_id, occurred_at, id LOOP
    IF company IS DISTINCT FROM entry.company_id THEN
      company := entry.company_id;
      seq := 0;
      previous := repeat('0', 64);
    END IF;
    seq := seq + 1;
    chained := entry.occurred_at;
    digest := crm_audit_payload_digest(entry.old_values, entry.new_values);
    UPDATE crm_audit_log
       SET chain_seq = seq, chained_at = chained, payload_digest = digest, prev_hash = previous,
           row_hash = crm_audit_row_hash(
             entry.company_id, seq, chained, entry.occurred_at, entry.actor_user_id,
             entry.action, entry.entity_type, entry.entity_id, entry.request_id,
             entry.client_ip, entry.user_agent, digest, previous)
     WHERE id = entry.id
     RETURNING row_hash INTO previous;
  END LOOP;
END $$;
"""


def upgrade() -> None:
    """Chain the audit log per company; add anchors, redaction and pruning."""
    op.execute("DROP TRIGGER IF EXISTS crm_audit_log_append_only ON crm_audit_log")
    op.add_column("crm_audit_log", sa.Column("chain_seq", sa.BigInteger(), nullable=True))
    op.add_column(
        "crm_audit_log", sa.Column("chained_at", sa.DateTime(timezone=True), nullable=True)
    )
    for column in ("payload_digest", "prev_hash", "row_hash"):
        op.add_column("crm_audit_log", sa.Column(column, sa.String(length=64), nullable=True))
    op.add_column(
        "crm_audit_log", sa.Column("redacted_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.add_column("crm_audit_log", sa.Column("redaction_request_id", sa.Uuid(), nullable=True))

    op.create_table(
        "crm_audit_anchors",
        sa.Column("id", sa.BigInteger(), autoincrement=True, nullable=False),
        sa.Column("first_seq", sa.BigInteger(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("pruned_rows", sa.BigInteger(), nullable=False),
        sa.Column("pruned_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("anchored_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("previous_checkpoint", sa.String(length=64), nullable=False),
        sa.Column("checkpoint_hash", sa.String(length=64), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_audit_anchors_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_audit_anchors")),
    )
    op.create_index(
        op.f("ix_crm_audit_anchors_company_id"), "crm_audit_anchors", ["company_id"], unique=False
    )
    op.create_index(
        op.f("ix_crm_audit_anchors_company_id_first_seq"),
        "crm_audit_anchors",
        ["company_id", "first_seq"],
        unique=True,
    )

    for statement in re.split(r"\n(?=CREATE FUNCTION)", FUNCTIONS.strip()):
        op.execute(statement)
    op.execute(BACKFILL)
    for column in ("chain_seq", "chained_at", "payload_digest", "prev_hash", "row_hash"):
        op.alter_column("crm_audit_log", column, nullable=False)
    op.create_index(
        op.f("ix_crm_audit_log_company_id_chain_seq"),
        "crm_audit_log",
        ["company_id", "chain_seq"],
        unique=True,
    )
    op.create_index(
        op.f("ix_crm_audit_log_company_id_chained_at"),
        "crm_audit_log",
        ["company_id", "chained_at"],
        unique=False,
    )
    op.execute(
        "CREATE TRIGGER crm_audit_log_chain BEFORE INSERT ON crm_audit_log "
        "FOR EACH ROW EXECUTE FUNCTION crm_audit_chain()"
    )
    op.execute(
        "CREATE TRIGGER crm_audit_log_guard BEFORE UPDATE OR DELETE ON crm_audit_log "
        "FOR EACH ROW EXECUTE FUNCTION crm_audit_guard()"
    )
    _secure()


def _secure() -> None:
    op.execute(
        f"""
        DO $$ BEGIN
          IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{CUSTODIAN}') THEN
            CREATE ROLE {CUSTODIAN} NOLOGIN NOSUPERUSER NOBYPASSRLS;
          END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN
          NULL;  -- created meanwhile by a migration of another database on this server
        END $$;
        """
    )
    op.execute(
        f"""
        DO $$ BEGIN
          GRANT {CUSTODIAN} TO CURRENT_USER;
        EXCEPTION WHEN unique_violation THEN
          NULL;
        END $$;
        """
    )
    # Owning the two definer functions needs CREATE on the schema; the role cannot log in.
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA public TO {CUSTODIAN}")
    op.execute(
        f"GRANT SELECT, INSERT, DELETE, UPDATE (old_values, new_values, redacted_at, "
        f"redaction_request_id) ON crm_audit_log TO {CUSTODIAN}"
    )
    op.execute(f"GRANT SELECT, INSERT ON crm_audit_anchors TO {CUSTODIAN}")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE crm_audit_log_id_seq TO {CUSTODIAN}")
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE crm_audit_anchors_id_seq TO {CUSTODIAN}")
    op.execute(
        f"CREATE POLICY audit_custodian ON crm_audit_log TO {CUSTODIAN} "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    for role in APP_ROLES:
        op.execute(f"GRANT SELECT ON crm_audit_anchors TO {role}")
    op.execute("ALTER TABLE crm_audit_anchors ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE crm_audit_anchors FORCE ROW LEVEL SECURITY")
    op.execute(
        "CREATE POLICY tenant_isolation ON crm_audit_anchors TO crm_app "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    op.execute(
        "CREATE POLICY platform_access ON crm_audit_anchors TO crm_system "
        "USING (true) WITH CHECK (true)"
    )
    op.execute(
        f"CREATE POLICY audit_custodian ON crm_audit_anchors TO {CUSTODIAN} "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    for function in (
        "crm_audit_redact(uuid, uuid, uuid, text[], text, uuid)",
        "crm_audit_prune(uuid, timestamptz)",
    ):
        op.execute(f"ALTER FUNCTION {function} OWNER TO {CUSTODIAN}")
        op.execute(f"REVOKE EXECUTE ON FUNCTION {function} FROM PUBLIC")
        for role in APP_ROLES:
            op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {role}")


def downgrade() -> None:
    """Back to the unchained append-only log (anchors and chain columns dropped)."""
    op.execute("DROP TRIGGER IF EXISTS crm_audit_log_guard ON crm_audit_log")
    op.execute("DROP TRIGGER IF EXISTS crm_audit_log_chain ON crm_audit_log")
    op.execute("DROP POLICY IF EXISTS audit_custodian ON crm_audit_log")
    for function in FUNCTION_NAMES:
        op.execute(f"DROP FUNCTION IF EXISTS {function}")
    op.drop_index(op.f("ix_crm_audit_log_company_id_chained_at"), table_name="crm_audit_log")
    op.drop_index(op.f("ix_crm_audit_log_company_id_chain_seq"), table_name="crm_audit_log")
    for column in (
        "redaction_request_id",
        "redacted_at",
        "row_hash",
        "prev_hash",
        "payload_digest",
        "chained_at",
        "chain_seq",
    ):
        op.drop_column("crm_audit_log", column)
    op.drop_table("crm_audit_anchors")
    op.execute(f"REVOKE ALL ON crm_audit_log FROM {CUSTODIAN}")
    op.execute(f"REVOKE ALL ON SCHEMA public FROM {CUSTODIAN}")
    op.execute(f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {CUSTODIAN}")
    op.execute(
        "CREATE TRIGGER crm_audit_log_append_only BEFORE UPDATE OR DELETE ON crm_audit_log "
        "FOR EACH ROW EXECUTE FUNCTION crm_refuse_change()"
    )
