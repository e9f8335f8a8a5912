"""Delivery batches: claimed with FOR UPDATE SKIP LOCKED and a lease, recorded with one
statement per batch (after one that locks the campaign and launch). Every statement runs in
the launch's tenant session (row-level security) and names the company as well."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

from sqlalchemy import (
    DateTime,
    Float,
    Integer,
    Numeric,
    Select,
    String,
    Text,
    Uuid,
    any_,
    bindparam,
    case,
    not_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import pii
from crm_common.messages import CONTACT_FIELDS
from crm_common.models import CLAIMABLE_DELIVERY, FRESH_DELIVERY, launch_delivery_ids
from crm_common.segments import exclusions
from launch_worker.launches.repository import lowest_fresh

# A batch of a launch's due deliveries. First those of the claimable index, oldest due first:
# retried and held ones now due, and claimed ones whose worker let the lease lapse (it died) —
# those go out again with the same idempotency key. Then fresh ones (never claimed; not in that
# index: `FRESH_DELIVERY`) in id order from `fresh_from` within the launch's range of ids
# (`launch_delivery_ids`). Each is a materialised CTE: a locking subquery joined in the UPDATE
# may be rescanned, each scan skipping the rows the last one locked, and claim more than the
# batch. `fresh_last` is the highest fresh id claimed: where this worker looks next.
_CLAIM = text(
    f"""
    WITH due AS MATERIALIZED (
        SELECT id FROM crm_deliveries
        WHERE company_id = :company_id AND launch_id = :launch_id
          AND ({CLAIMABLE_DELIVERY})
          AND next_attempt_at <= now()
          AND (delivery_status = 'pending' OR lease_expires_at < now())
        ORDER BY next_attempt_at
        LIMIT :size
        FOR UPDATE SKIP LOCKED
    ),
    fresh AS MATERIALIZED (
        SELECT id FROM crm_deliveries
        WHERE id >= :fresh_from AND id <= :fresh_to
          AND company_id = :company_id AND launch_id = :launch_id AND {FRESH_DELIVERY}
        ORDER BY id
        LIMIT :size - (SELECT count(*) FROM due)
        FOR UPDATE SKIP LOCKED
    ),
    picked AS (SELECT id FROM due UNION ALL SELECT id FROM fresh)
    UPDATE crm_deliveries d
    SET delivery_status = 'sending',
        lease_owner = :owner,
        lease_expires_at = now() + make_interval(secs => :lease_s),
        attempts = d.attempts + 1,
        updated_at = now()
    FROM picked, crm_contacts ct
    WHERE d.id = picked.id AND ct.id = d.contact_id AND ct.company_id = :company_id
    RETURNING d.id, d.contact_id, d.channel, d.variant_id, d.attempts,
              ct.external_id, ct.email, ct.phone, ct.first_name, ct.last_name, ct.gender,
              ct.birth_date, ct.language, ct.country, ct.region, ct.city, ct.postal_code,
              ct.timezone, ct.interests, ct.lifestyle, ct.values, ct.attributes,
              ct.pii_key_version,
              (SELECT id FROM fresh ORDER BY id DESC LIMIT 1) AS fresh_last
    """  # noqa: S608 - constant predicates of the model, no input
).bindparams(
    bindparam("lease_s", type_=Float),
    bindparam("size", type_=Integer),
    bindparam("fresh_from", type_=Uuid()),
    bindparam("fresh_to", type_=Uuid()),
)

# A batch's record in one statement: the outcomes (one row each; only rows this worker still
# holds are written), the sent messages' tracked links, the daily metrics per channel, the
# launch's counters and the campaign's spend. The campaign and launch rows are locked first
# (`_LOCK_AND_PLAN`), so the order of the updates inside does not matter.
_RECORD = text(
    """
    WITH o AS (
        SELECT * FROM unnest(
            CAST(:ids AS uuid[]), CAST(:statuses AS text[]), CAST(:providers AS text[]),
            CAST(:message_ids AS text[]), CAST(:costs AS numeric[]), CAST(:errors AS text[]),
            CAST(:codes AS text[]), CAST(:next_ats AS timestamptz[]),
            CAST(:refunds AS integer[])
        ) AS o(id, status, provider, message_id, cost, error, code, next_at, refund)
    ),
    recorded AS (
        UPDATE crm_deliveries d
        SET delivery_status = o.status,
            provider = coalesce(o.provider, d.provider),
            provider_message_id = coalesce(o.message_id, d.provider_message_id),
            cost = d.cost + o.cost,
            last_error = o.error,
            error_code = o.code,
            sent_at = CASE WHEN o.status = 'sent' THEN now() ELSE d.sent_at END,
            -- A delivery given back to pending is due later than it was created: it is no
            -- longer fresh, and the claimable index has it (FRESH_DELIVERY).
            next_attempt_at = CASE WHEN o.status = 'pending'
                THEN greatest(coalesce(o.next_at, now()), d.created_at + interval '1 microsecond')
                ELSE coalesce(o.next_at, d.next_attempt_at) END,
            attempts = d.attempts - o.refund,
            lease_owner = NULL,
            lease_expires_at = NULL,
            updated_at = now()
        FROM o
        WHERE d.id = o.id AND d.company_id = :company_id
          AND d.lease_owner = :owner AND d.delivery_status = 'sending'
        RETURNING d.id, d.channel, o.status, o.cost
    ),
    links AS (
        INSERT INTO crm_message_links (company_id, delivery_id, position, url)
        SELECT CAST(:company_id AS uuid), l.delivery_id, l.position, l.url
        FROM unnest(CAST(:link_ids AS uuid[]), CAST(:positions AS integer[]),
                    CAST(:urls AS text[])) AS l(delivery_id, position, url)
        JOIN recorded r ON r.id = l.delivery_id AND r.status = 'sent'
        ON CONFLICT (delivery_id, position) DO UPDATE SET url = excluded.url
    ),
    per_channel AS (
        SELECT channel,
               count(*) FILTER (WHERE status = 'sent') AS sent,
               count(*) FILTER (WHERE status = 'failed') AS failed,
               coalesce(sum(cost) FILTER (WHERE status = 'sent'), 0) AS spend
        FROM recorded GROUP BY channel
    ),
    -- Spend adds up to the sixth decimal (`spend_exact`); the cents figure is it rounded, so
    -- a message priced below a cent still counts however the batches fall.
    metrics AS (
        INSERT INTO crm_campaign_metrics
            (id, company_id, campaign_id, channel, metric_date, sent, failed, spend,
             spend_exact, updated_at)
        SELECT gen_random_uuid(), :company_id, :campaign_id, channel, :day, sent, failed,
               round(spend, 2), spend, now()
        FROM per_channel WHERE sent > 0 OR failed > 0
        ON CONFLICT (campaign_id, channel, metric_date) DO UPDATE
        SET sent = crm_campaign_metrics.sent + excluded.sent,
            failed = crm_campaign_metrics.failed + excluded.failed,
            spend_exact = crm_campaign_metrics.spend_exact + excluded.spend_exact,
            spend = round(crm_campaign_metrics.spend_exact + excluded.spend_exact, 2),
            updated_at = now()
    ),
    totals AS (
        SELECT coalesce(sum(sent), 0) AS sent, coalesce(sum(failed), 0) AS failed,
               (SELECT count(*) FROM recorded WHERE status = 'skipped') AS skipped,
               coalesce(sum(spend), 0) AS spend
        FROM per_channel
    ),
    counted AS (
        UPDATE crm_launches l
        SET sent_count = l.sent_count + t.sent, failed_count = l.failed_count + t.failed,
            skipped_count = l.skipped_count + t.skipped, updated_at = now()
        FROM totals t
        WHERE l.id = :launch_id AND l.company_id = :company_id
          AND t.sent + t.failed + t.skipped > 0
    ),
    spent AS (
        UPDATE crm_campaigns c
        SET spend_exact = c.spend_exact + t.spend, actual_spend = round(c.spend_exact + t.spend, 2)
        FROM totals t
        WHERE c.id = :campaign_id AND c.company_id = :company_id AND t.spend <> 0
    )
    SELECT sent, failed, skipped, spend FROM totals
    """
).bindparams(
    bindparam("ids", type_=ARRAY(Uuid())),
    bindparam("statuses", type_=ARRAY(String())),
    bindparam("providers", type_=ARRAY(String())),
    bindparam("message_ids", type_=ARRAY(String())),
    bindparam("costs", type_=ARRAY(Numeric(15, 6))),
    bindparam("errors", type_=ARRAY(Text())),
    bindparam("codes", type_=ARRAY(String())),
    bindparam("next_ats", type_=ARRAY(DateTime(timezone=True))),
    bindparam("refunds", type_=ARRAY(Integer())),
    bindparam("link_ids", type_=ARRAY(Uuid())),
    bindparam("positions", type_=ARRAY(Integer())),
    bindparam("urls", type_=ARRAY(Text())),
)

# Every writer locks campaign, then launch, then deliveries (launchers, the API's status
# actions): a batch's record takes the same order — and the by-key plans of `_BY_KEY` — in
# one round trip.
_LOCK_AND_PLAN = text(
    """
    SELECT (SELECT 1 FROM crm_campaigns WHERE id = :campaign_id AND company_id = :company_id
            FOR NO KEY UPDATE) AS campaign,
           (SELECT 1 FROM crm_launches WHERE id = :launch_id AND company_id = :company_id
            FOR NO KEY UPDATE) AS launch,
           set_config('enable_hashjoin', 'off', true),
           set_config('enable_mergejoin', 'off', true),
           set_config('enable_bitmapscan', 'off', true)
    """
)


# A batch touches a few hundred rows by primary key. Right after a resolution the table has
# no statistics for its new rows, and the planner would hash-join the batch against every
# open delivery (and every contact) of the company — once per batch, quadratic over a
# launch. Index lookups are what these statements need whatever the statistics say.
_BY_KEY = text(
    "SELECT set_config('enable_hashjoin', 'off', true), "
    "set_config('enable_mergejoin', 'off', true), "
    "set_config('enable_bitmapscan', 'off', true)"
)


async def plan_by_key(session: AsyncSession) -> None:
    """Make the rest of the transaction join by index lookups (SET LOCAL)."""
    await session.execute(_BY_KEY)


@dataclass(frozen=True)
class ClaimedDelivery:
    id: uuid.UUID
    contact_id: uuid.UUID
    channel: str
    variant_id: uuid.UUID | None
    attempts: int
    contact: dict[str, Any]
    refused: str | None = None
    """Why the contact may no longer be sent to on the channel (`no_consent`, `suppressed`):
    consent withdrawn or ended, or a suppression added, since the audience was frozen."""


@dataclass
class Outcome:
    """What became of one claimed delivery."""

    delivery_id: uuid.UUID
    status: str
    provider: str | None = None
    message_id: str | None = None
    cost: Decimal = Decimal(0)
    error: str | None = None
    code: str | None = None
    next_at: datetime | None = None
    refund: int = 0
    """1 when the attempt does not count (held for quiet hours, released on pause)."""
    links: Sequence[str] = ()


@dataclass(frozen=True)
class BatchTotals:
    """What a batch's record wrote."""

    sent: int
    failed: int
    skipped: int
    spend: Decimal = Decimal(0)
    """What the recorded sent messages cost."""

    def __bool__(self) -> bool:
        return bool(self.sent or self.failed or self.skipped)


@dataclass(frozen=True)
class FreshCursor:
    """Where one worker looks for a launch's fresh deliveries: from `next` (None: none left)
    up to the end of the launch's range of ids. `low` is the lowest fresh id last seen
    committed; below it no fresh delivery can appear again."""

    low: uuid.UUID | None
    next: uuid.UUID | None
    last: uuid.UUID

    @classmethod
    def of(cls, launch_id: uuid.UUID) -> FreshCursor:
        low, last = launch_delivery_ids(launch_id)
        return cls(low=low, next=low, last=last)


async def claim_batch(
    session: AsyncSession,
    company_id: uuid.UUID,
    launch_id: uuid.UUID,
    owner: str,
    lease_s: float,
    size: int,
    fresh: FreshCursor,
) -> tuple[list[ClaimedDelivery], FreshCursor]:
    """Claim up to `size` due deliveries of a launch (leased to `owner` for `lease_s`); with
    them, where to look for fresh ones next — to be kept once this transaction has committed
    (rolled back, its rows are fresh again). A batch short of fresh ones looks again from the
    lowest fresh delivery still committed (a worker that died mid-claim left it there); when
    there is none, the launch has no fresh delivery left (`next` None)."""
    await plan_by_key(session)
    params = {"company_id": company_id, "launch_id": launch_id, "fresh_to": fresh.last}
    rows = await session.execute(
        _CLAIM,
        {**params, "owner": owner, "lease_s": lease_s, "size": size, "fresh_from": fresh.next},
    )
    found = list(rows.mappings())
    fresh_last = found[0]["fresh_last"] if found else None
    if fresh_last is not None:
        fresh = replace(fresh, next=fresh_last)
    if len(found) < size and fresh.low is not None:
        low = await lowest_fresh(session, company_id, launch_id, fresh.low)
        fresh = replace(fresh, low=low, next=low)
    # Personal data is sealed: the batch's recipients are decrypted together, here, at send
    # time only (audience resolution works on contact ids).
    contacts = await pii.open_contacts(
        session,
        company_id,
        [
            {
                "id": row["contact_id"],
                "pii_key_version": row["pii_key_version"],
                **{name: row.get(name) for name in (*CONTACT_FIELDS, "attributes")},
            }
            for row in found
        ],
    )
    refused = await _refused(session, company_id, found)
    claimed = []
    for row, contact in zip(found, contacts, strict=True):
        contact.pop("id")
        claimed.append(
            ClaimedDelivery(
                id=row["id"],
                contact_id=row["contact_id"],
                channel=row["channel"],
                variant_id=row["variant_id"],
                attempts=row["attempts"],
                contact=contact,
                refused=refused.get((row["contact_id"], row["channel"])),
            )
        )
    return claimed, fresh


@cache
def _refused_statement(channel: str) -> Select[Any]:
    """Of the contacts `ids`, those no longer allowed on `channel`, with the reason: built
    once per channel (the company and the ids are bound at execution)."""
    company = bindparam("company_id", type_=Uuid())
    contacts = exclusions.contacts
    return select(
        contacts.c.id,
        case((exclusions.consent_sql(channel), "suppressed"), else_="no_consent"),
    ).where(
        contacts.c.company_id == company,
        contacts.c.id == any_(bindparam("ids", type_=ARRAY(Uuid()))),
        not_(exclusions.allowed_sql(channel, company)),
    )


async def _refused(
    session: AsyncSession, company_id: uuid.UUID, found: Sequence[Any]
) -> dict[tuple[uuid.UUID, str], str]:
    """Of a batch's (contact, channel) pairs, those no longer allowed (crm_common.segments
    .exclusions: the predicates the audience was frozen with), each with its reason: an
    unsubscribe, a STOP or a complaint that lands while a launch is sending keeps the rest of
    that launch from the contact."""
    by_channel: dict[str, list[uuid.UUID]] = defaultdict(list)
    for row in found:
        by_channel[row["channel"]].append(row["contact_id"])
    refused: dict[tuple[uuid.UUID, str], str] = {}
    for channel, ids in by_channel.items():
        rows = await session.execute(
            _refused_statement(channel), {"company_id": company_id, "ids": ids}
        )
        refused.update({(row[0], channel): row[1] for row in rows})
    return refused


async def record_batch(
    session: AsyncSession,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    launch_id: uuid.UUID,
    owner: str,
    outcomes: Sequence[Outcome],
    day: date,
) -> BatchTotals:
    """Record a batch's outcomes with their links, metrics, launch counters and spend, in
    two statements; returns the totals actually written (a delivery whose lease this worker
    lost is left to the worker that holds it now)."""
    if not outcomes:
        return BatchTotals(0, 0, 0)
    params = {"company_id": company_id, "campaign_id": campaign_id, "launch_id": launch_id}
    await session.execute(_LOCK_AND_PLAN, params)
    links = [
        (o.delivery_id, position, url)
        for o in outcomes
        if o.status == "sent"
        for position, url in enumerate(o.links)
    ]
    row = (
        await session.execute(
            _RECORD,
            {
                **params,
                "owner": owner,
                "day": day,
                "ids": [o.delivery_id for o in outcomes],
                "statuses": [o.status for o in outcomes],
                "providers": [o.provider for o in outcomes],
                "message_ids": [o.message_id for o in outcomes],
                "costs": [o.cost for o in outcomes],
                "errors": [o.error[:2000] if o.error else None for o in outcomes],
                "codes": [o.code[:100] if o.code else None for o in outcomes],
                "next_ats": [o.next_at for o in outcomes],
                "refunds": [o.refund for o in outcomes],
                "link_ids": [link[0] for link in links],
                "positions": [link[1] for link in links],
                "urls": [link[2] for link in links],
            },
        )
    ).one()
    return BatchTotals(int(row.sent), int(row.failed), int(row.skipped), Decimal(row.spend))
