"""Fewer index writes per recipient, and the contact check of a resolution read from an index.

1. Deliveries lose their contact_id index. Freezing an audience wrote it once per recipient
(a fifth WAL record per row, about a tenth of a 1M-recipient resolution) for readers that are
rare and per contact: a contact's deletion, erasure and export. Those now find a contact's
deliveries through the unique (campaign_id, contact_id, channel) key, one probe per campaign
of the company (`crm_common.models.delivery.delivered_to`; the deletion trigger below).

2. The company index of contacts becomes (company_id, id). It serves every query the
single-column index served, and the contact check of the per-statement delivery and link
triggers (0017) reads the company's contacts in a range of ids from it alone (an index-only
scan) instead of every heap page of the table once per slice.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

import importlib
from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_0008 = importlib.import_module("crm_common.migrations.versions.0008_delivery_keys_per_statement")
# The contact deletion trigger's function, as 0008 created it, and as it is now.
BY_CONTACT = "  DELETE FROM crm_deliveries d USING gone g WHERE d.contact_id = g.id;\n"
BY_CAMPAIGN_KEY = """\
  -- Through the unique (campaign, contact, channel) key: every delivery's campaign belongs
  -- to its contact's company (crm_deliveries_check). Planned for each statement's rows
  -- (EXECUTE): probes for a few contacts, a join over the deliveries for many.
  EXECUTE 'DELETE FROM crm_deliveries d USING gone g, crm_campaigns c '
    || 'WHERE c.company_id = g.company_id AND d.campaign_id = c.id AND d.contact_id = g.id';
"""
DROP_DELIVERIES_BEFORE = _0008.FUNCTIONS[3].replace(
    "CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1
)
DROP_DELIVERIES = DROP_DELIVERIES_BEFORE.replace(BY_CONTACT, BY_CAMPAIGN_KEY)


def upgrade() -> None:
    assert BY_CONTACT in DROP_DELIVERIES_BEFORE
    op.execute(DROP_DELIVERIES)
    op.execute("DROP INDEX ix_crm_deliveries_contact_id")
    op.execute("CREATE INDEX ix_crm_contacts_company_id_id ON crm_contacts (company_id, id)")
    op.execute("DROP INDEX ix_crm_contacts_company_id")
    op.execute("ALTER INDEX ix_crm_contacts_company_id_id RENAME TO ix_crm_contacts_company_id")


def downgrade() -> None:
    op.execute("CREATE INDEX ix_crm_contacts_company_id_only ON crm_contacts (company_id)")
    op.execute("DROP INDEX ix_crm_contacts_company_id")
    op.execute("ALTER INDEX ix_crm_contacts_company_id_only RENAME TO ix_crm_contacts_company_id")
    op.execute("CREATE INDEX ix_crm_deliveries_contact_id ON crm_deliveries (contact_id)")
    op.execute(DROP_DELIVERIES_BEFORE)
