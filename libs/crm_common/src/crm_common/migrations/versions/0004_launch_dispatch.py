"""Launch dispatch: launches can pause, deliveries carry their next attempt and provider.

1. crm_launches.launch_status gains `paused` (the campaign's pause holds its launch; resume
   puts it back to `sending`), and `resolved_at` records when the audience was frozen.
2. crm_deliveries gain
   - `next_attempt_at`: a delivery is claimable once it is due. Retries after a transient
     error (back-off) and quiet hours in the contact's time zone move it forward, so held
     messages wait in the table instead of being dropped;
   - `provider` (smtp, sendgrid, twilio, sandbox …) and `error_code`, what the provider said;
   - a partial index over the open deliveries of a launch in due order: dispatchers claim
     batches from it with FOR UPDATE SKIP LOCKED.
3. crm_campaign_contacts gains `launch_id`: the launch whose frozen audience the contact is in.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STATUSES = (
    "'requested', 'scheduled', 'resolving', 'sending', 'completed', 'failed', 'cancelled'"
)
NEW_STATUSES = (
    "'requested', 'scheduled', 'resolving', 'sending', 'paused', 'completed', 'failed', 'cancelled'"
)


def upgrade() -> None:
    op.execute("ALTER TABLE crm_launches DROP CONSTRAINT ck_crm_launches_launch_status_valid")
    op.execute(
        "ALTER TABLE crm_launches ADD CONSTRAINT ck_crm_launches_launch_status_valid "
        f"CHECK (launch_status IN ({NEW_STATUSES}))"
    )
    op.execute("ALTER TABLE crm_launches ADD COLUMN resolved_at timestamptz")

    op.execute(
        "ALTER TABLE crm_deliveries ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now()"
    )
    op.execute("ALTER TABLE crm_deliveries ADD COLUMN provider varchar(30)")
    op.execute("ALTER TABLE crm_deliveries ADD COLUMN error_code varchar(100)")
    op.execute(
        "CREATE INDEX ix_crm_deliveries_claimable ON crm_deliveries "
        "(launch_id, next_attempt_at) WHERE delivery_status IN ('pending', 'sending')"
    )

    op.execute(
        "ALTER TABLE crm_campaign_contacts ADD COLUMN launch_id uuid "
        "CONSTRAINT fk_crm_campaign_contacts_launch_id REFERENCES crm_launches (id) "
        "ON DELETE SET NULL"
    )


def downgrade() -> None:
    op.execute("ALTER TABLE crm_campaign_contacts DROP COLUMN launch_id")
    op.execute("DROP INDEX ix_crm_deliveries_claimable")
    op.execute("ALTER TABLE crm_deliveries DROP COLUMN error_code")
    op.execute("ALTER TABLE crm_deliveries DROP COLUMN provider")
    op.execute("ALTER TABLE crm_deliveries DROP COLUMN next_attempt_at")
    op.execute("ALTER TABLE crm_launches DROP COLUMN resolved_at")
    op.execute("UPDATE crm_launches SET launch_status = 'sending' WHERE launch_status = 'paused'")
    op.execute("ALTER TABLE crm_launches DROP CONSTRAINT ck_crm_launches_launch_status_valid")
    op.execute(
        "ALTER TABLE crm_launches ADD CONSTRAINT ck_crm_launches_launch_status_valid "
        f"CHECK (launch_status IN ({OLD_STATUSES}))"
    )
