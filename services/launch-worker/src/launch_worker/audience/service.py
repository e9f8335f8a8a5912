"""A launch's audience, frozen into delivery rows by INSERT … SELECT statements.

Every channel of the launch contributes the contacts matching any of its segments (their rules
compiled now, so the audience is re-evaluated at launch) that are sendable there (consent, not
suppressed, addressable). The unique (campaign, contact, channel) key deduplicates across
segments and makes the statement idempotent: a resolution repeated after a crash, or a later
launch of the same campaign, inserts nothing twice. A/B variants are assigned in the same
statement, deterministically per contact, by weight. The contacts are split into disjoint
ranges of ids, one statement and transaction per range, run side by side: PostgreSQL runs an
INSERT … SELECT on one core, and writing rows with their index entries is what a resolution
costs. Integrity is checked once per statement by triggers (migrations 0008, 0017), not per
row. Contacts who join a segment later are not sent.

Two recipients with one address on a channel (a shared inbox, a family phone) would get the
message twice: the addresses more than one contact holds are read while the audience is frozen
(`shared_addresses`), then `skip_duplicate_addresses` keeps one delivery per such address and
channel — the campaign's earlier delivery to it if a launch already wrote one, else the lowest
id — and skips the others as `duplicate_address`.

The campaign-contact links (one per recipient, whatever its channels) are read back from the
deliveries by a second statement once sending has started (`link_audience`).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    FromClause,
    LargeBinary,
    String,
    Text,
    TextClause,
    Uuid,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    null,
    select,
    text,
    union_all,
)
from sqlalchemy.dialects.postgresql import ARRAY, BIT, insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import pii
from crm_common.db import Database
from crm_common.enums import DeliveryChannel
from crm_common.models import AbVariant, CampaignContact, CampaignSegment, Contact, Delivery
from crm_common.models.delivery import DELIVERY_ID_PREFIX_HEX, launch_delivery_ids
from crm_common.segments.audience import matched_predicate
from crm_common.segments.exclusions import sendable_sql

contacts = Contact.__table__
deliveries = Delivery.__table__
campaign_contacts = CampaignContact.__table__

RESOLUTION_WORK_MEM = "256MB"
ContactRange = tuple[uuid.UUID | None, uuid.UUID | None]


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
    if len(weights) == 1:  # every contact gets it (a CASE needs at least one WHEN)
        return literal(weights[0].id, Uuid)
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
    """Delivery ids that ascend in insertion order: the prefix (the launch's, the attempt's
    and the slice's number; `launch_delivery_ids`), then the row's rank in `order`. The
    primary key then grows at its right edge instead of at a random leaf per row (and costs
    no random number per row)."""
    rank = func.row_number().over(order_by=list(order))
    return cast(literal(prefix, Text) + func.lpad(func.to_hex(rank), 32 - len(prefix), "0"), Uuid)


def contact_slices(count: int) -> list[ContactRange]:
    """`count` ranges of contact ids splitting the id space evenly (contact ids are random
    UUIDs, so each range holds about the same share of any audience)."""
    edges = [uuid.UUID(int=(index << 128) // count) for index in range(1, count)]
    return list(zip([None, *edges], [*edges, None], strict=True))


def in_range(bounds: ContactRange) -> list[ColumnElement[bool]]:
    low, high = bounds
    criteria = []
    if low is not None:
        criteria.append(contacts.c.id >= low)
    if high is not None:
        criteria.append(contacts.c.id < high)
    return criteria


@dataclass(frozen=True)
class Audience:
    """What a launch sends to: its segments (rules compiled at resolution), channels and A/B
    variants, with the A/B test's sample share if the launch starts with a test phase."""

    company_id: uuid.UUID
    campaign_id: uuid.UUID
    launch_id: uuid.UUID
    segments: Sequence[CampaignSegment]
    channels: Sequence[str]
    variants: Sequence[AbVariant]
    now: datetime
    test_sample_percent: int | None = None


async def freeze_audience(
    db: Database,
    audience: Audience,
    *,
    slices: int = 1,
    statement_timeout_ms: int | None = None,
) -> int:
    """Write the launch's deliveries: `slices` statements over disjoint ranges of contact ids,
    each in its own transaction, run at once (one core each); then refresh the table's
    statistics. Returns the launch's number of deliveries (also those an earlier attempt
    wrote). A slice that fails leaves the others committed: the launch stays `resolving` and
    the retry, which sees deliveries already there, inserts only what is missing."""
    if not audience.channels:
        return 0
    company_id, campaign_id = audience.company_id, audience.campaign_id
    async with db.tenant_session(company_id) as session:
        cipher = await pii.cipher_for(session, company_id)
        relaunch = await _campaign_has_rows(session, deliveries, company_id, campaign_id)

    async def one_slice(id_prefix: str, bounds: ContactRange) -> int:
        async with db.tenant_session(company_id) as session:
            return await freeze_slice(
                session,
                audience,
                hash_value=cipher.hash,
                id_prefix=id_prefix,
                contact_range=bounds,
                relaunch=relaunch,
                statement_timeout_ms=statement_timeout_ms,
            )

    # The launch's id prefix and this attempt's number, then the slice's number, counted from
    # the last range of contacts: the last slice fills the unique key's right edge and the
    # first the primary key's, where PostgreSQL appends without descending from the root.
    if relaunch:  # an earlier attempt may have written some: number after it
        base = await _attempt_prefix(db, company_id, audience.launch_id)
    else:
        base = audience.launch_id.hex[:DELIVERY_ID_PREFIX_HEX] + "00"
    ranges = contact_slices(max(1, slices))
    if len(ranges) > 256:
        raise ValueError("at most 256 slices: a slice's number is one byte of its ids")
    tasks = [
        asyncio.create_task(one_slice(f"{base}{len(ranges) - 1 - index:02x}", bounds))
        for index, bounds in enumerate(ranges)
    ]
    try:
        written = await asyncio.gather(*tasks)
    except BaseException:
        # One slice failed (or the launcher is stopping): roll the others back, then raise.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise
    async with db.tenant_session(company_id) as session:
        # The table just grew by the whole audience: give the planner statistics before the
        # dispatchers' batch statements run (migration 0007).
        await session.execute(select(func.crm_analyze_deliveries()))
        if not relaunch:
            return sum(written)
        # This launch may already hold deliveries an earlier attempt wrote.
        counted = await session.execute(
            select(func.count())
            .select_from(deliveries)
            .where(
                deliveries.c.company_id == company_id,
                deliveries.c.campaign_id == campaign_id,
                deliveries.c.launch_id == audience.launch_id,
            )
        )
        return int(counted.scalar_one())


async def freeze_slice(
    session: AsyncSession,
    audience: Audience,
    *,
    hash_value: Callable[[str], bytes | None],
    id_prefix: str,
    contact_range: ContactRange = (None, None),
    relaunch: bool = True,
    statement_timeout_ms: int | None = None,
) -> int:
    """One INSERT … SELECT of the deliveries of the audience's contacts in `contact_range`;
    the number of rows it inserted. Their ids are `id_prefix` (20 hex digits) followed by
    their rank in contact order.

    With a test sample percentage (an A/B test phase), only that share of the audience gets a
    variant now; the others wait with no variant and no due time until the winner is chosen.
    `statement_timeout_ms` replaces the connection's statement timeout for the rest of this
    transaction (the audience statement of a large launch outlasts a request's). Without
    `relaunch` (no earlier delivery of the campaign), the statement is a plain INSERT."""
    await _allow(session, statement_timeout_ms)
    # The audience is sorted by contact in memory, not on disk.
    await session.execute(select(func.set_config("work_mem", RESOLUTION_WORK_MEM, True)))
    company_id, campaign_id, now = audience.company_id, audience.campaign_id, audience.now
    matched = matched_predicate(audience.segments, company_id, now, hash_value)
    weights = variant_weights(audience.variants)
    variant = variant_expression(campaign_id, weights)
    due: ColumnElement[datetime] = literal(now)
    sample_percent = audience.test_sample_percent
    if sample_percent is not None and len(weights) > 1 and sample_percent < 100:
        sample = in_test_sample(campaign_id, sample_percent)
        variant = case((sample, variant), else_=cast(null(), Uuid))
        due = case((sample, literal(now)), else_=literal_column("'infinity'::timestamptz"))
    per_channel = [
        select(
            contacts.c.id.label("contact_id"),
            literal(channel, String).label("channel"),
            variant.label("variant_id"),
            due.label("next_attempt_at"),
        ).where(
            contacts.c.company_id == company_id,
            *in_range(contact_range),
            matched,
            sendable_sql(channel, company_id),
        )
        for channel in audience.channels
    ]
    rows = (per_channel[0] if len(per_channel) == 1 else union_all(*per_channel)).subquery(
        "audience"
    )
    # Rows in contact order: the unique key and the contact index are then filled left to
    # right rather than at random.
    ordered = select(
        delivery_ids(id_prefix, (rows.c.contact_id, rows.c.channel)),
        literal(company_id, Uuid),
        literal(audience.launch_id, Uuid),
        literal(campaign_id, Uuid),
        rows.c.contact_id,
        rows.c.channel,
        rows.c.variant_id,
        literal("pending", String),
        rows.c.next_attempt_at,
        literal(now),
        literal(now),
    )
    statement = insert(Delivery).from_select(
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
        ordered,
    )
    # A campaign's first launch cannot collide with earlier deliveries: a plain INSERT then
    # skips the per-row speculative insertion of ON CONFLICT (the unique key still holds; the
    # launch lease keeps a second resolution of the campaign from running at once).
    if relaunch:
        statement = statement.on_conflict_do_nothing(
            index_elements=["campaign_id", "contact_id", "channel"]
        )
    result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]


DUPLICATE_ADDRESS = "duplicate_address"


# The address hashes (keyed hashes of the normalised email or phone number, migration 0013)
# that more than one contact of the company holds: read from the contacts' hash index in order,
# each run of equal hashes counted as it goes, in constant memory, rather than every hash put
# in one table in memory (160 MB for a million contacts; about as fast, 0.43 s against 0.48 s:
# bench/duplicate_addresses.py).
_ADDRESS_HASHES = {
    DeliveryChannel.EMAIL.value: contacts.c.email_hash,
    DeliveryChannel.SMS.value: contacts.c.phone_hash,
}


def _shared_statement(address_hash: str) -> TextClause:
    return text(
        f"""
        SELECT {address_hash} FROM crm_contacts
        WHERE company_id = :company_id AND {address_hash} IS NOT NULL
        GROUP BY {address_hash} HAVING count(*) > 1
        ORDER BY {address_hash}
        """  # noqa: S608 - a column name of the model, no input
    ).bindparams(bindparam("company_id", type_=Uuid()))


# The deliveries of a launch to one of those addresses on a channel that another delivery of the
# campaign there has: the keeper of an address is a delivery of an earlier launch if there is
# one (it went out, or is going), else the lowest id.
def _duplicates_statement(address_hash: str) -> TextClause:
    return text(
        f"""
        WITH ranked AS (
            SELECT d.id, row_number() OVER (
                PARTITION BY ct.{address_hash} ORDER BY d.launch_id = :launch_id, d.id
            ) AS position
            FROM crm_contacts ct
            JOIN crm_deliveries d ON d.campaign_id = :campaign_id AND d.contact_id = ct.id
                AND d.channel = :channel
            WHERE ct.company_id = :company_id AND ct.{address_hash} = ANY(:shared)
              AND d.company_id = :company_id AND d.delivery_status <> 'skipped'
        )
        UPDATE crm_deliveries d
        SET delivery_status = 'skipped',
            error_code = '{DUPLICATE_ADDRESS}',
            last_error = 'another recipient of the campaign has this address',
            updated_at = now()
        FROM ranked r
        WHERE d.id = r.id AND r.position > 1 AND d.company_id = :company_id
          AND d.launch_id = :launch_id AND d.delivery_status = 'pending'
        """  # noqa: S608 - a column name of the model, no input
    ).bindparams(
        bindparam("company_id", type_=Uuid()),
        bindparam("campaign_id", type_=Uuid()),
        bindparam("launch_id", type_=Uuid()),
        bindparam("channel", type_=String()),
        bindparam("shared", type_=ARRAY(LargeBinary())),
    )


_SHARED = {channel: _shared_statement(column.name) for channel, column in _ADDRESS_HASHES.items()}
_DUPLICATES = {
    channel: _duplicates_statement(column.name) for channel, column in _ADDRESS_HASHES.items()
}
SharedAddresses = dict[str, list[bytes]]
"""Per channel, the address hashes more than one contact of the company holds."""


async def shared_addresses(db: Database, audience: Audience) -> SharedAddresses:
    """The addresses more than one contact of the company holds on the launch's email and SMS
    channels: read while the audience is frozen (they do not depend on it), so that skipping
    duplicates after costs next to nothing when there are none."""
    channels = [channel for channel in audience.channels if channel in _SHARED]
    found: SharedAddresses = {}
    if not channels:
        return found
    async with db.tenant_session(audience.company_id) as session:
        # Counted in the hash index's order, not hashed in memory (see _ADDRESS_HASHES).
        await session.execute(select(func.set_config("enable_hashagg", "off", True)))
        for channel in channels:
            rows = await session.execute(_SHARED[channel], {"company_id": audience.company_id})
            found[channel] = list(rows.scalars())
    return found


async def skip_duplicate_addresses(
    session: AsyncSession,
    audience: Audience,
    shared: SharedAddresses,
    *,
    statement_timeout_ms: int | None = None,
) -> int:
    """Skip the launch's deliveries to an address (of `shared`) another delivery of the
    campaign on the same channel has (`duplicate_address`); the number skipped. Run once the
    audience is frozen and before sending starts, in the transaction that counts them on the
    launch: run again, it finds nothing new. `statement_timeout_ms` as for `freeze_slice`."""
    found = {channel: addresses for channel, addresses in shared.items() if addresses}
    if not found:
        return 0
    await _allow(session, statement_timeout_ms)
    skipped = 0
    for channel, addresses in found.items():
        result = await session.execute(
            _DUPLICATES[channel],
            {
                "company_id": audience.company_id,
                "campaign_id": audience.campaign_id,
                "launch_id": audience.launch_id,
                "channel": channel,
                "shared": addresses,
            },
        )
        skipped += int(result.rowcount)  # type: ignore[attr-defined]
    return skipped


async def _attempt_prefix(db: Database, company_id: uuid.UUID, launch_id: uuid.UUID) -> str:
    """The id prefix of another resolution attempt of a launch: the launch's prefix and the
    byte after the highest attempt that wrote deliveries (its ids never meet theirs)."""
    low, high = launch_delivery_ids(launch_id)
    async with db.tenant_session(company_id) as session:
        last = (
            await session.execute(
                select(deliveries.c.id)
                .where(deliveries.c.id.between(low, high), deliveries.c.company_id == company_id)
                .order_by(deliveries.c.id.desc())
                .limit(1)
            )
        ).scalar()
    attempt = 0 if last is None else int(last.hex[DELIVERY_ID_PREFIX_HEX:][:2], 16) + 1
    if attempt > 255:
        raise RuntimeError("a launch's deliveries were resolved 256 times; no id prefix is left")
    return f"{launch_id.hex[:DELIVERY_ID_PREFIX_HEX]}{attempt:02x}"


async def _campaign_has_rows(
    session: AsyncSession, table: FromClause, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> bool:
    """Whether `table` (deliveries or links) already holds rows of the campaign: an earlier
    launch (or attempt) wrote them, and new rows must skip theirs with ON CONFLICT."""
    earlier = select(table.c.campaign_id).where(
        table.c.company_id == company_id, table.c.campaign_id == campaign_id
    )
    return bool((await session.execute(select(earlier.exists()))).scalar_one())


async def _allow(session: AsyncSession, statement_timeout_ms: int | None) -> None:
    """Replace the connection's statement timeout for the rest of the transaction."""
    if statement_timeout_ms is not None:
        await session.execute(
            select(func.set_config("statement_timeout", str(statement_timeout_ms), True))
        )


async def link_audience(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    launch_id: uuid.UUID,
    now: datetime,
    statement_timeout_ms: int | None = None,
) -> int:
    """Write the campaign-contact links of a resolved launch's recipients (one per contact,
    whatever its channels), read back from its deliveries in contact order; the number of
    links inserted. Contacts already linked to the campaign by an earlier launch keep their
    link. `statement_timeout_ms` as for `freeze_slice`."""
    await _allow(session, statement_timeout_ms)
    relink = await _campaign_has_rows(session, campaign_contacts, company_id, campaign_id)
    recipients = (
        select(
            literal(company_id, Uuid),
            literal(campaign_id, Uuid),
            deliveries.c.contact_id,
            literal(launch_id, Uuid),
            literal(now),
        )
        .where(
            deliveries.c.company_id == company_id,
            deliveries.c.campaign_id == campaign_id,
            deliveries.c.launch_id == launch_id,
        )
        .distinct()
        .order_by(deliveries.c.contact_id)
    )
    statement = insert(CampaignContact).from_select(
        ["company_id", "campaign_id", "contact_id", "launch_id", "added_at"], recipients
    )
    if relink:
        statement = statement.on_conflict_do_nothing(index_elements=["campaign_id", "contact_id"])
    result = await session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]
