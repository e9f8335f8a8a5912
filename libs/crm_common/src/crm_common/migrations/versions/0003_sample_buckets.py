"""Sample buckets: a stable 1-in-1024 partition of every tenant's contacts and their events.

`sample_bucket` (0-1023) is a stored generated column of crm_contacts (from `id`) and of
crm_contact_events (from `contact_id`), computed from the last ten bits of the contact id, so a
contact and all of its events always share a bucket. Those bits are random (UUID v4 ids, or a
hash of the external id for new ones: crm_common.sampling), so the buckets split every tenant
uniformly at random and, the expression being immutable, for good.

A live estimate on a large tenant reads only the buckets below k: `sample_bucket < k` uses the
comparison of smallints, which is leakproof, so under row-level security it is an index
condition (unlike the rule operators, see 0002). Two indexes serve it:
- crm_contacts (company_id, sample_bucket): the sampled contacts without a pass over the others;
- crm_contact_events (company_id, event_type, sample_bucket, occurred_at) INCLUDE (contact_id):
  a behavioural condition over the sampled contacts as one index-only range.

crm_contacts is then clustered on (company_id, sample_bucket): a 10 % sample of contacts spread
over every page touches ~75 % of them (13 contacts a page), in bucket order ~10 % (on 1M
contacts: 56k pages → 7.5k, a sampled field-rule estimate 600 ms → 170 ms). Writers of batches
insert in bucket order from then on; `CLUSTER crm_contacts` restores the order after years of
one-by-one writes (it reuses this index, and locks the table like this migration does).

Adding a stored column rewrites both tables under an exclusive lock and rebuilds their indexes;
plan it as maintenance on a large database (timed in docs/segment-engine.md). A
rewritten table has lost its visibility map, so `crm_common.migrate` vacuums both after the
commit; another runner must `VACUUM (ANALYZE)` them itself, or index-only scans of events read
the heap for every row until autovacuum does (measured: 391k heap fetches, mixed segment 580 ms
→ 1 s).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The same expression as crm_common.sampling.SAMPLE_BUCKET_SQL, repeated here because a
# migration must not change when application code does.
BUCKET = (
    "((get_byte(uuid_send({column}), 14) & 3) * 256 + get_byte(uuid_send({column}), 15))::smallint"
)
COLUMNS = (("crm_contacts", "id"), ("crm_contact_events", "contact_id"))
INDEXES = (
    "CREATE INDEX ix_crm_contacts_company_sample ON crm_contacts (company_id, sample_bucket)",
    "CREATE INDEX ix_crm_contact_events_company_type_sample ON crm_contact_events "
    "(company_id, event_type, sample_bucket, occurred_at) INCLUDE (contact_id)",
)


def upgrade() -> None:
    for table, column in COLUMNS:
        expression = BUCKET.format(column=column)
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN sample_bucket smallint NOT NULL "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
    for statement in INDEXES:
        op.execute(statement)
    op.execute("CLUSTER crm_contacts USING ix_crm_contacts_company_sample")
    # Both tables were rewritten, visibility maps lost: crm_common.migrate vacuums the tables
    # named under this attribute (its VACUUM_AFTER) after the commit, or index-only event scans
    # would read the heap for every row.
    context = op.get_context()
    if context.config is not None:
        vacuum = context.config.attributes.setdefault("vacuum_after", set())
        vacuum.update(table for table, _ in COLUMNS)
    for table, _ in COLUMNS:
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    op.execute("DROP INDEX ix_crm_contact_events_company_type_sample")
    op.execute("DROP INDEX ix_crm_contacts_company_sample")
    for table, _ in COLUMNS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN sample_bucket")
