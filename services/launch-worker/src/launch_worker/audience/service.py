"""A launch's audience, frozen into delivery rows by ONE `INSERT … SELECT` per launch.

Every channel of the launch contributes the contacts matching any of its segments (their rules
compiled now, so the audience is re-evaluated at launch) that are sendable there (consent, not
suppressed, addressable). The unique (campaign, contact, channel) key deduplicates across
segments and makes the statement idempotent: a resolution repeated after a crash, or a later
launch of the same campaign, inserts nothing twice. A/B variants are assigned in the same
statement, deterministically per contact, by weight. The campaign-contact links are then
filled from the launch's deliveries. Contacts who join a segment later are not sent.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

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
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import BIT, insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import AbVariant, CampaignContact, CampaignSegment, Contact, Delivery
from crm_common.segments.audience import matched_predicate, sendable_predicate

contacts = Contact.__table__
deliveries = Delivery.__table__
campaign_contacts = CampaignContact.__table__


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
    """Write the launch's deliveries and campaign-contact links; returns the launch's number
    of deliveries (also those a previous, interrupted attempt wrote).

    With `test_sample_percent` (an A/B test phase), only that share of the audience gets a
    variant now; the others wait with no variant and no due time until the winner is
    chosen. `statement_timeout_ms` replaces the connection's statement timeout for the rest of
    this transaction (the audience statements of a large launch outlast a request's)."""
    if statement_timeout_ms is not None:
        await session.execute(
            select(func.set_config("statement_timeout", str(statement_timeout_ms), True))
        )
    matched = matched_predicate(segments, company_id, now)
    weights = variant_weights(variants)
    variant = variant_expression(campaign_id, weights)
    due: ColumnElement[datetime] = literal(now)
    if test_sample_percent is not None and len(weights) > 1 and test_sample_percent < 100:
        sample = in_test_sample(campaign_id, test_sample_percent)
        variant = case((sample, variant), else_=cast(null(), Uuid))
        due = case((sample, literal(now)), else_=literal_column("'infinity'::timestamptz"))
    per_channel = [
        select(
            func.gen_random_uuid(),
            literal(company_id, Uuid),
            literal(launch_id, Uuid),
            literal(campaign_id, Uuid),
            contacts.c.id,
            literal(channel, String),
            variant,
            literal("pending", String),
            due,
            literal(now),
            literal(now),
        ).where(
            contacts.c.company_id == company_id, matched, sendable_predicate(channel, company_id)
        )
        for channel in channels
    ]
    if per_channel:
        source = per_channel[0] if len(per_channel) == 1 else union_all(*per_channel)
        await session.execute(
            insert(Delivery)
            .from_select(
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
                source,
            )
            .on_conflict_do_nothing(index_elements=["campaign_id", "contact_id", "channel"])
        )
    # The table just grew by the whole audience: give the planner statistics before the
    # dispatchers' batch statements run (migration 0007).
    await session.execute(select(func.crm_analyze_deliveries()))
    await session.execute(
        insert(CampaignContact)
        .from_select(
            ["company_id", "campaign_id", "contact_id", "launch_id", "added_at"],
            select(
                deliveries.c.company_id,
                deliveries.c.campaign_id,
                deliveries.c.contact_id,
                deliveries.c.launch_id,
                literal(now),
            )
            .where(deliveries.c.company_id == company_id, deliveries.c.launch_id == launch_id)
            .distinct(),
        )
        .on_conflict_do_nothing(index_elements=["campaign_id", "contact_id"])
    )
    total = await session.execute(
        select(func.count())
        .select_from(deliveries)
        .where(deliveries.c.company_id == company_id, deliveries.c.launch_id == launch_id)
    )
    return int(total.scalar_one())
