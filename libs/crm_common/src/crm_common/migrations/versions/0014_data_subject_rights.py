"""Data-subject requests, retention policies and legal holds.

- `crm_contacts.do_not_sell` (CCPA "do not sell or share") and `crm_contacts.erased_at` (the
  row stays as a pseudonymous tombstone after erasure, so aggregates keep their keys).
- `crm_data_subject_requests`: who asked for which contact's export, erasure, do-not-sell
  change or legal hold, when, and the outcome; names the contact by id only. Append-only for
  the application roles.
- `crm_legal_holds`: per contact or per campaign; at most one active hold per subject.
- `crm_retention_policies`: days kept per company and data class.

The audit log is not touched here: erasure redacts it and retention prunes it only through
the audit chain's own functions (migration 0016).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APP_ROLE = "crm_app"
SYSTEM_ROLE = "crm_system"
TENANT_PREDICATE = "company_id = current_setting('app.company_id')::uuid"
NEW_TABLES = {
    "crm_data_subject_requests": "SELECT, INSERT",
    "crm_legal_holds": "SELECT, INSERT, UPDATE",
    "crm_retention_policies": "SELECT, INSERT, UPDATE, DELETE",
}


def _company_fk() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(
        "company_id",
        sa.Uuid(),
        sa.ForeignKey("crm_companies.id", ondelete="RESTRICT", name=None),
        nullable=False,
    )


def _tables() -> None:
    op.add_column(
        "crm_contacts",
        sa.Column("do_not_sell", sa.Boolean(), server_default=sa.text("false"), nullable=False),
    )
    op.add_column("crm_contacts", sa.Column("erased_at", sa.DateTime(timezone=True)))

    op.create_table(
        "crm_data_subject_requests",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _company_fk(),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("requested_by_user_id", sa.Uuid()),
        sa.Column(
            "requested_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column(
            "details",
            postgresql.JSONB(),
            server_default=sa.text("'{}'"),
            nullable=False,
        ),
        sa.Column("request_id", sa.String(64)),
        sa.CheckConstraint(
            "kind IN ('export', 'erase', 'do_not_sell', 'legal_hold', 'legal_hold_release')",
            name="kind_valid",
        ),
        sa.CheckConstraint(
            "outcome IN ('completed', 'already_done', 'refused')", name="outcome_valid"
        ),
    )
    op.create_index(
        op.f("ix_crm_data_subject_requests_company_id"), "crm_data_subject_requests", ["company_id"]
    )
    op.create_index(
        op.f("ix_crm_data_subject_requests_company_id_requested_at"),
        "crm_data_subject_requests",
        ["company_id", "requested_at"],
    )
    op.create_index(
        op.f("ix_crm_data_subject_requests_contact_id"), "crm_data_subject_requests", ["contact_id"]
    )

    op.create_table(
        "crm_legal_holds",
        sa.Column("id", sa.Uuid(), primary_key=True),
        _company_fk(),
        sa.Column("contact_id", sa.Uuid()),
        sa.Column("campaign_id", sa.Uuid()),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("placed_by_user_id", sa.Uuid()),
        sa.Column(
            "placed_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.Column("released_at", sa.DateTime(timezone=True)),
        sa.Column("released_by_user_id", sa.Uuid()),
        sa.Column("release_reason", sa.Text()),
        sa.CheckConstraint("(contact_id IS NULL) <> (campaign_id IS NULL)", name="one_subject"),
    )
    op.create_index(op.f("ix_crm_legal_holds_company_id"), "crm_legal_holds", ["company_id"])
    op.create_index(
        "uq_crm_legal_holds_active_contact",
        "crm_legal_holds",
        ["company_id", "contact_id"],
        unique=True,
        postgresql_where=sa.text("released_at IS NULL AND contact_id IS NOT NULL"),
    )
    op.create_index(
        "uq_crm_legal_holds_active_campaign",
        "crm_legal_holds",
        ["company_id", "campaign_id"],
        unique=True,
        postgresql_where=sa.text("released_at IS NULL AND campaign_id IS NOT NULL"),
    )

    op.create_table(
        "crm_retention_policies",
        sa.Column(
            "company_id",
            sa.Uuid(),
            sa.ForeignKey("crm_companies.id", ondelete="RESTRICT"),
            primary_key=True,
        ),
        sa.Column("data_class", sa.String(30), primary_key=True),
        sa.Column("retain_days", sa.Integer(), nullable=False),
        sa.Column("updated_by_user_id", sa.Uuid()),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.CheckConstraint(
            "data_class IN ('events', 'deliveries', 'rendered_messages', 'audit')",
            name="data_class_valid",
        ),
        sa.CheckConstraint("retain_days BETWEEN 1 AND 36500", name="retain_days_range"),
    )
    op.create_index(
        op.f("ix_crm_retention_policies_company_id"), "crm_retention_policies", ["company_id"]
    )


def _secure() -> None:
    for table, privileges in NEW_TABLES.items():
        for role in (APP_ROLE, SYSTEM_ROLE):
            op.execute(f"GRANT {privileges} ON {table} TO {role}")
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        op.execute(
            f"CREATE POLICY tenant_isolation ON {table} TO {APP_ROLE} "
            f"USING ({TENANT_PREDICATE}) WITH CHECK ({TENANT_PREDICATE})"
        )
        op.execute(
            f"CREATE POLICY platform_access ON {table} TO {SYSTEM_ROLE} "
            "USING (true) WITH CHECK (true)"
        )
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {APP_ROLE}")
    op.execute(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {SYSTEM_ROLE}")


def upgrade() -> None:
    _tables()
    _secure()


def downgrade() -> None:
    for table in NEW_TABLES:
        op.drop_table(table)
    op.drop_column("crm_contacts", "erased_at")
    op.drop_column("crm_contacts", "do_not_sell")
