"""A launch's audience, frozen into delivery rows by ONE statement per launch.

Every channel of the launch contributes the contacts matching any of its segments (their rules
compiled now, so the audience is re-evaluated at launch) that are sendable there (consent, not
suppressed, addressable). The unique (campaign, contact, channel) key deduplicates across
segments and makes the statement idempotent: a resolution repeated after a crash, or a later
launch of the same campaign, inserts nothing twice. A/B variants are assigned in the same
statement, deterministically per contact, by weight, and the campaign-contact links are
written from the deliveries it inserted (a data-modifying CTE). Integrity is checked once
per statement by triggers (migration 0008), not per row. Contacts who join a segment later
are not sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    Text,
    Uuid,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import BIT, insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import pii
from crm_common.models import AbVariant, CampaignContact, CampaignSegment, Contact, Delivery
from crm_common.segments.audience import matched_predicate, sendable_predicate

contacts = Contact.__table__
deliveries = Delivery.__table__
campaign_contacts = CampaignContact.__table__

RESOLUTION_WORK_MEM = "256MB"


@dataclass(frozen=True)
class VariantWeight:
    id: uuid.UUID
    weight: int


def variant_weights(variants: Sequence[AbVariant]) -> list[VariantWeight]:
    """The variants that receive messages, in a stable order (control first, then by name)."""
    ordered = sorted(variants, key=lambda v: (not v.is_control, v.variant_name, str(v.id)))
    return [VariantWeight(v.id, v.weight) for v in ordered if v.weight > 0]


def contact_bucket(campaign_id: uuid.UUID, modulus: int) -> ColumnElement[int]:
    """A number in [0, modulus) fixed per contact and campaign: 32 bits of
    md5(contact id ‖ campaign id)."""
    digest = func.md5(cast(contacts.c.id, Text) + literal(str(campaign_id), Text))
    hex32 = literal("x", Text) + func.substr(digest, 1, 8)
    return cast(cast(hex32, BIT(32)), BigInteger) % modulus


def variant_expression(
    campaign_id: uuid.UUID, weights: Sequence[VariantWeight]
) -> ColumnElement[uuid.UUID | None]:
    """The variant of each contact: contiguous ranges of the bucket, sized by weight."""
    if not weights:
        return cast(null(), Uuid)
    total = sum(w.weight for w in weights)
    bucket = contact_bucket(campaign_id, total)
    whens = []
    upper = 0
    for variant in weights[:-1]:
        upper += variant.weight
        whens.append((bucket < upper, literal(variant.id, Uuid)))
    return case(*whens, else_=literal(weights[-1].id, Uuid))


def in_test_sample(campaign_id: uuid.UUID, percent: int) -> ColumnElement[bool]:
    """Contacts in an A/B test's sample: `percent` % of them, fixed per contact and campaign
    (a hash independent of the variant's)."""
    digest = func.md5(cast(contacts.c.id, Text) + literal(f"{campaign_id}:sample", Text))
    hex32 = literal("x", Text) + func.substr(digest, 1, 8)
    return cast(cast(hex32, BIT(32)), BigInteger) % 100 < percent


def delivery_ids(prefix: str, order: Sequence[ColumnElement[Any]]) -> ColumnElement[uuid.UUID]:
    """Delivery ids that ascend in insertion order: a per-resolution random prefix, then the
    row's rank in `order`. The primary key then grows at its right edge instead of at a random
    leaf per row (and costs no random number per row)."""
    rank = func.row_number().over(order_by=list(order))
    return cast(literal(prefix, Text) + func.lpad(func.to_hex(rank), 16, "0"), Uuid)


async def freeze_audience(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    launch_id: uuid.UUID,
    segments: Sequence[CampaignSegment],
    channels: Sequence[str],
    variants: Sequence[AbVariant],
    now: datetime,
    test_sample_percent: int | None = None,
    statement_timeout_ms: int | None = None,
) -> int:
    """Write the launch's deliveries and campaign-contact links in one statement; returns the
    launch's number of deliveries (also those a previous attempt wrote).

    With `test_sample_percent` (an A/B test phase), only that share of the audience gets a
    variant now; the others wait with no variant and no due time until the winner is
    chosen. `statement_timeout_ms` replaces the connection's statement timeout for the rest of
    this transaction (the audience statement of a large launch outlasts a request's)."""
    if statement_timeout_ms is not None:
        await session.execute(
            select(func.set_config("statement_timeout", str(statement_timeout_ms), True))
        )
    if not channels:
        return 0
    # The audience is sorted by contact in memory, not on disk.
    await session.execute(select(func.set_config("work_mem", RESOLUTION_WORK_MEM, True)))
    cipher = await pii.cipher_for(session, company_id)
    matched = matched_predicate(segments, company_id, now, cipher.hash)
    weights = variant_weights(variants)
    variant = variant_expression(campaign_id, weights)
    due: ColumnElement[datetime] = literal(now)
    if test_sample_percent is not None and len(weights) > 1 and test_sample_percent < 100:
        sample = in_test_sample(campaign_id, test_sample_percent)
        variant = case((sample, variant), else_=cast(null(), Uuid))
        due = case((sample, literal(now)), else_=literal_column("'infinity'::timestamptz"))
    per_channel = [
        select(
            contacts.c.id.label("contact_id"),
            literal(channel, String).label("channel"),
            variant.label("variant_id"),
            due.label("next_attempt_at"),
        ).where(
            contacts.c.company_id == company_id, matched, sendable_predicate(channel, company_id)
        )
        for channel in channels
    ]
    audience = (per_channel[0] if len(per_channel) == 1 else union_all(*per_channel)).subquery(
        "audience"
    )
    # Rows in contact order: the unique key, the contact indexes and the links' key are then
    # filled left to right rather than at random.
    rows = select(
        delivery_ids(uuid.uuid4().hex[:16], (audience.c.contact_id, audience.c.channel)),
        literal(company_id, Uuid),
        literal(launch_id, Uuid),
        literal(campaign_id, Uuid),
        audience.c.contact_id,
        audience.c.channel,
        audience.c.variant_id,
        literal("pending", String),
        audience.c.next_attempt_at,
        literal(now),
        literal(now),
    )
    # A campaign's first launch cannot collide with earlier deliveries: a plain INSERT then
    # skips the per-row speculative insertion of ON CONFLICT (the unique key still holds; the
    # launch lease keeps a second resolution of the campaign from running at once).
    earlier_deliveries = select(deliveries.c.id).where(
        deliveries.c.company_id == company_id, deliveries.c.campaign_id == campaign_id
    )
    earlier_links = select(campaign_contacts.c.contact_id).where(
        campaign_contacts.c.company_id == company_id,
        campaign_contacts.c.campaign_id == campaign_id,
    )
    relaunch = (
        await session.execute(select(or_(earlier_deliveries.exists(), earlier_links.exists())))
    ).scalar_one()
    delivery_insert = insert(Delivery).from_select(
        [
            "id",
            "company_id",
            "launch_id",
            "campaign_id",
            "contact_id",
            "channel",
            "variant_id",
            "delivery_status",
            "next_attempt_at",
            "created_at",
            "updated_at",
        ],
        rows,
    )
    if relaunch:
        delivery_insert = delivery_insert.on_conflict_do_nothing(
            index_elements=["campaign_id", "contact_id", "channel"]
        )
    added = delivery_insert.returning(deliveries.c.contact_id).cte("added")
    link_rows = select(
        literal(company_id, Uuid),
        literal(campaign_id, Uuid),
        added.c.contact_id,
        literal(launch_id, Uuid),
        literal(now),
    )
    link_insert = insert(CampaignContact).from_select(
        ["company_id", "campaign_id", "contact_id", "launch_id", "added_at"],
        link_rows.distinct() if len(channels) > 1 else link_rows,
    )
    if relaunch:
        link_insert = link_insert.on_conflict_do_nothing(
            index_elements=["campaign_id", "contact_id"]
        )
    linked = link_insert.cte("linked")
    written = await session.execute(select(func.count()).select_from(added).add_cte(linked))
    total = int(written.scalar_one())
    # The table just grew by the whole audience: give the planner statistics before the
    # dispatchers' batch statements run (migration 0007).
    await session.execute(select(func.crm_analyze_deliveries()))
    if relaunch:  # this launch may already hold deliveries an earlier attempt wrote
        counted = await session.execute(
            select(func.count())
            .select_from(deliveries)
            .where(
                deliveries.c.company_id == company_id,
                deliveries.c.campaign_id == campaign_id,
                deliveries.c.launch_id == launch_id,
            )
        )
        total = int(counted.scalar_one())
    return total
