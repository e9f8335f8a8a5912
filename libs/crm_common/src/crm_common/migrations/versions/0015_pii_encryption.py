"""PII encrypted at rest with per-tenant data keys.

`crm_pii_keys` holds each company's data keys (one row per version) and keyed-hash key,
wrapped by a KEK that never reaches the database. A contact's email, phone, first and last
name and a suppression's address become `bytea` holding AES-256-GCM values; equality lookups
(email dedupe, suppression matching) move to keyed-hash columns with their indexes; a contact's
email domain is kept apart, in plaintext, for domain targeting.

Encrypting needs the KEK, which migrations never see: existing values are carried over as their
UTF-8 bytes with the row flag (`pii_key_version`, `key_version`) NULL, which readers take as
plaintext, and `crm encrypt-pii` (run after `crm migrate`; `crm run` does it on start) seals
them in batches. Downgrading refuses while any row is encrypted.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
CONTACT_SEALED = ("email", "phone", "first_name", "last_name")
CONTACT_LENGTHS = {"email": 254, "phone": 32, "first_name": 100, "last_name": 100}


def upgrade() -> None:
    op.create_table(
        "crm_pii_keys",
        sa.Column("company_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.String(length=10), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("wrapped_key", sa.LargeBinary(), nullable=False),
        sa.Column("kek_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
        sa.CheckConstraint(
            "purpose IN ('data', 'hash')", name=op.f("ck_crm_pii_keys_purpose_valid")
        ),
        sa.ForeignKeyConstraint(
            ["company_id"],
            ["crm_companies.id"],
            name=op.f("fk_crm_pii_keys_company_id"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("company_id", "purpose", "version", name=op.f("pk_crm_pii_keys")),
    )
    # Services create a company's first keys; only the platform role rewraps or rotates.
    op.execute(f"GRANT SELECT, INSERT ON crm_pii_keys TO {APP_ROLE}")
    op.execute(f"GRANT SELECT, INSERT, UPDATE ON crm_pii_keys TO {SYSTEM_ROLE}")
    op.execute("ALTER TABLE crm_pii_keys ENABLE ROW LEVEL SECURITY")
    op.execute("ALTER TABLE crm_pii_keys FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON crm_pii_keys TO {APP_ROLE} "
        f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
    )
    op.execute(
        f"CREATE POLICY platform_access ON crm_pii_keys TO {SYSTEM_ROLE} "
        "USING (true) WITH CHECK (true)"
    )

    op.drop_constraint(op.f("ck_crm_contacts_email_lower_case"), "crm_contacts", type_="check")
    op.drop_index("ix_crm_contacts_company_email", table_name="crm_contacts")
    for column in CONTACT_SEALED:
        op.alter_column(
            "crm_contacts",
            column,
            type_=sa.LargeBinary(),
            postgresql_using=f"convert_to({column}, 'UTF8')",
        )
    op.add_column("crm_contacts", sa.Column("email_hash", sa.LargeBinary()))
    op.add_column("crm_contacts", sa.Column("phone_hash", sa.LargeBinary()))
    op.add_column("crm_contacts", sa.Column("email_domain", sa.String(length=253)))
    op.add_column("crm_contacts", sa.Column("pii_key_version", sa.SmallInteger()))
    # The domain needs no key: it is set for existing rows here.
    op.execute(
        "UPDATE crm_contacts SET email_domain = nullif(split_part("
        "convert_from(email, 'UTF8'), '@', 2), '') WHERE email IS NOT NULL"
    )
    op.create_index(
        "ix_crm_contacts_company_email_hash", "crm_contacts", ["company_id", "email_hash"]
    )
    op.create_index(
        "ix_crm_contacts_company_phone_hash", "crm_contacts", ["company_id", "phone_hash"]
    )

    op.drop_index("uq_crm_suppressions_address", table_name="crm_suppressions")
    op.alter_column(
        "crm_suppressions",
        "address",
        type_=sa.LargeBinary(),
        postgresql_using="convert_to(address, 'UTF8')",
    )
    op.add_column("crm_suppressions", sa.Column("address_hash", sa.LargeBinary()))
    op.add_column("crm_suppressions", sa.Column("key_version", sa.SmallInteger()))
    op.create_index(
        "uq_crm_suppressions_address_hash",
        "crm_suppressions",
        ["company_id", sa.text("coalesce(channel, '*')"), "address_hash"],
        unique=True,
    )


def downgrade() -> None:
    op.execute(
        """
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM crm_contacts WHERE pii_key_version IS NOT NULL)
             OR EXISTS (SELECT 1 FROM crm_suppressions WHERE key_version IS NOT NULL) THEN
            RAISE EXCEPTION 'personal data is encrypted: it cannot be turned back into '
              'plaintext columns without the KEK';
          END IF;
        END $$
        """
    )
    op.drop_index("uq_crm_suppressions_address_hash", table_name="crm_suppressions")
    op.drop_column("crm_suppressions", "key_version")
    op.drop_column("crm_suppressions", "address_hash")
    op.alter_column(
        "crm_suppressions",
        "address",
        type_=sa.String(length=254),
        postgresql_using="convert_from(address, 'UTF8')",
    )
    op.create_index(
        "uq_crm_suppressions_address",
        "crm_suppressions",
        ["company_id", sa.text("coalesce(channel, '*')"), "address"],
        unique=True,
    )

    op.drop_index("ix_crm_contacts_company_phone_hash", table_name="crm_contacts")
    op.drop_index("ix_crm_contacts_company_email_hash", table_name="crm_contacts")
    for column in ("pii_key_version", "email_domain", "phone_hash", "email_hash"):
        op.drop_column("crm_contacts", column)
    for column in CONTACT_SEALED:
        op.alter_column(
            "crm_contacts",
            column,
            type_=sa.String(length=CONTACT_LENGTHS[column]),
            postgresql_using=f"convert_from({column}, 'UTF8')",
        )
    op.create_index("ix_crm_contacts_company_email", "crm_contacts", ["company_id", "email"])
    op.create_check_constraint("email_lower_case", "crm_contacts", "email = lower(email)")
    op.drop_table("crm_pii_keys")
