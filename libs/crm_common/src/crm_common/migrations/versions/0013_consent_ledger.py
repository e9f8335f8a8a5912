"""Consent ledger and double opt-in.

crm_consent_ledger records every grant, withdrawal, double opt-in request, confirmation and
expiry of a contact's consent on a channel, with its source, time, legal basis and proof (IP,
user agent, form or import id, the opt-in request it confirms). It is append-only twice over:
the application roles hold only SELECT and INSERT on it, and a trigger refuses UPDATE and
DELETE from anyone — except inside `crm_consent_ledger_pseudonymise(company, contact)`, a
SECURITY DEFINER function erasure calls to strip the proof of one contact's entries.
Tenant-owned: row-level security like every other table. `contact_id` has no foreign key: the
evidence of a consent or a withdrawal outlives the contact row.

crm_contact_consents, the current state derived from the ledger, gains `pending` (an email
grant awaiting the contact's confirmation: not consent), `legal_basis`, `expires_at` (implied
consent ends) and `ledger_id` (the entry that produced the state). Existing rows get one
`grant` or `withdraw` ledger entry each, marked `{"migrated": true}` in their proof.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LEDGER = "crm_consent_ledger"
CONSENTS = "crm_contact_consents"
APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
ERASURE_SETTING = "crm.consent_ledger_erasure"


def _consents_columns() -> None:
    op.add_column(
        CONSENTS, sa.Column("pending", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    op.add_column(
        CONSENTS,
        sa.Column("legal_basis", sa.String(length=30), server_default="express", nullable=False),
    )
    op.add_column(CONSENTS, sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(CONSENTS, sa.Column("ledger_id", sa.Uuid(), nullable=True))
    op.create_check_constraint(
        op.f("ck_crm_contact_consents_granted_or_pending"), CONSENTS, "NOT (granted AND pending)"
    )
    # The expiry sweep reads only granted consent that has an end.
    op.create_index(
        "ix_crm_contact_consents_expiring",
        CONSENTS,
        ["expires_at"],
        postgresql_where=sa.text("granted AND expires_at IS NOT NULL"),
    )


def _ledger_table() -> None:
    op.create_table(
        LEDGER,
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("previous_status", sa.String(length=20), nullable=True),
        sa.Column("legal_basis", sa.String(length=30), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_user_id", sa.Uuid(), nullable=True),
        sa.Column(
            "proof",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("clock_timestamp()"),
            nullable=False,
        ),
        sa.Column("pseudonymised_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('email', 'sms', 'social', 'direct_mail')",
            name=op.f("ck_crm_consent_ledger_channel_valid"),
        ),
        sa.CheckConstraint(
            "action IN ('grant', 'request', 'confirm', 'withdraw', 'expire')",
            name=op.f("ck_crm_consent_ledger_action_valid"),
        ),
        sa.CheckConstraint(
            "status IN ('granted', 'pending', 'withdrawn')",
            name=op.f("ck_crm_consent_ledger_status_valid"),
        ),
        sa.CheckConstraint(
            "legal_basis IS NULL OR legal_basis IN "
            "('express', 'implied', 'legitimate_interest', 'contract')",
            name=op.f("ck_crm_consent_ledger_legal_basis_valid"),
        ),
        sa.CheckConstraint(
            "(status = 'withdrawn') = (legal_basis IS NULL)",
            name=op.f("ck_crm_consent_ledger_basis_when_consented"),
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_consent_ledger_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crm_consent_ledger")),
    )
    op.create_index(op.f("ix_crm_consent_ledger_company_id"), LEDGER, ["company_id"])
    op.create_index(
        "ix_crm_consent_ledger_contact_time", LEDGER, ["company_id", "contact_id", "created_at"]
    )


def _secure_ledger() -> None:
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(f"GRANT SELECT, INSERT ON {LEDGER} TO {role}")
    op.execute(f"ALTER TABLE {LEDGER} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {LEDGER} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON {LEDGER} TO {APP_ROLE} "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    op.execute(
        f"CREATE POLICY platform_access ON {LEDGER} TO {SYSTEM_ROLE} USING (true) WITH CHECK (true)"
    )
    # The pseudonymising function runs as the owner; FORCE binds the owner too, so it gets a
    # policy of its own: one company's rows, and only for the update.
    op.execute(
        f"CREATE POLICY erasure ON {LEDGER} FOR ALL TO CURRENT_USER "
        "USING (company_id = nullif(current_setting('crm.consent_ledger_company', true), '')::uuid)"
    )
    op.execute(
        f"""
        CREATE FUNCTION crm_consent_ledger_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'UPDATE'
             AND current_setting('{ERASURE_SETTING}', true) = 'on'
             AND NEW.id = OLD.id AND NEW.company_id = OLD.company_id
             AND NEW.contact_id = OLD.contact_id AND NEW.channel = OLD.channel
             AND NEW.action = OLD.action AND NEW.status = OLD.status
             AND NEW.previous_status IS NOT DISTINCT FROM OLD.previous_status
             AND NEW.recorded_at = OLD.recorded_at AND NEW.created_at = OLD.created_at THEN
            RETURN NEW;
          END IF;
          RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
            USING ERRCODE = 'insufficient_privilege';
        END $$;
        """
    )
    op.execute(
        f"CREATE TRIGGER {LEDGER}_append_only BEFORE UPDATE OR DELETE ON {LEDGER} "
        "FOR EACH ROW EXECUTE FUNCTION crm_consent_ledger_guard()"
    )
    # Erasure keeps what happened (channel, action, status, basis, times) and drops what
    # identifies the person behind it: the proof's IP, user agent, form and request data.
    op.execute(
        """
        CREATE FUNCTION crm_consent_ledger_pseudonymise(p_company uuid, p_contact uuid)
        RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        DECLARE
          changed integer;
        BEGIN
          IF p_company IS DISTINCT FROM nullif(current_setting('app.company_id', true), '')::uuid THEN
            RAISE EXCEPTION 'pseudonymising another company''s consent ledger refused'
              USING ERRCODE = 'insufficient_privilege';
          END IF;
          PERFORM set_config('crm.consent_ledger_company', p_company::text, true);
          PERFORM set_config('crm.consent_ledger_erasure', 'on', true);
          UPDATE crm_consent_ledger
             SET proof = jsonb_build_object('pseudonymised', true),
                 actor_user_id = NULL,
                 pseudonymised_at = now()
           WHERE company_id = p_company AND contact_id = p_contact AND pseudonymised_at IS NULL;
          GET DIAGNOSTICS changed = ROW_COUNT;
          PERFORM set_config('crm.consent_ledger_erasure', 'off', true);
          RETURN changed;
        END $$;
        """
    )
    op.execute("REVOKE ALL ON FUNCTION crm_consent_ledger_pseudonymise(uuid, uuid) FROM PUBLIC")
    for role in (APP_ROLE, SYSTEM_ROLE):
        op.execute(
            f"GRANT EXECUTE ON FUNCTION crm_consent_ledger_pseudonymise(uuid, uuid) TO {role}"
        )


def _backfill() -> None:
    op.execute(
        """
        WITH entries AS (
          INSERT INTO crm_consent_ledger (id, company_id, contact_id, channel, action, status,
                                legal_basis, source, recorded_at, proof)
          SELECT gen_random_uuid(), company_id, contact_id, channel,
                 CASE WHEN granted THEN 'grant' ELSE 'withdraw' END,
                 CASE WHEN granted THEN 'granted' ELSE 'withdrawn' END,
                 CASE WHEN granted THEN legal_basis END,
                 source, recorded_at, '{"migrated": true}'::jsonb
            FROM crm_contact_consents
          RETURNING id, contact_id, channel
        )
        UPDATE crm_contact_consents c SET ledger_id = e.id
          FROM entries e WHERE c.contact_id = e.contact_id AND c.channel = e.channel
        """
    )


def upgrade() -> None:
    _consents_columns()
    _ledger_table()
    _secure_ledger()
    _backfill()


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS crm_consent_ledger_pseudonymise(uuid, uuid)")
    op.drop_table(LEDGER)
    op.execute("DROP FUNCTION IF EXISTS crm_consent_ledger_guard()")
    op.drop_index("ix_crm_contact_consents_expiring", table_name=CONSENTS)
    op.drop_constraint(op.f("ck_crm_contact_consents_granted_or_pending"), CONSENTS, type_="check")
    for column in ("ledger_id", "expires_at", "legal_basis", "pending"):
        op.drop_column(CONSENTS, column)
