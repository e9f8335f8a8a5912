"""Reading a company's audit chain from the database, and its two sanctioned changes:
pruning a prefix (retention) and redacting personal data (erasure).

The chain columns are assigned by the database (a BEFORE INSERT trigger under a per-company
lock), so writers need nothing from here; `crm_common.audit.record` stays the one writer.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Text, and_, bindparam, cast, func, literal_column, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.audit_chain.canonical import GENESIS_HASH, ChainRow, parse_json, timestamp
from crm_common.audit_chain.verify import REDACTED_ACTION, Anchor, Verification, verify_chain
from crm_common.models.platform import AuditAnchor, AuditLog

BATCH = 1000


class TenantMismatch(RuntimeError):
    """The session is bound to another company than the one asked for."""


def _values(column: Any) -> Any:
    """A values column as PostgreSQL's jsonb text (a JSON null as no value)."""
    return cast(func.nullif(column, literal_column("'null'::jsonb")), Text)


_COLUMNS = (
    AuditLog.id,
    AuditLog.company_id,
    AuditLog.chain_seq,
    AuditLog.chained_at,
    AuditLog.occurred_at,
    AuditLog.actor_user_id,
    AuditLog.action,
    AuditLog.entity_type,
    AuditLog.entity_id,
    AuditLog.request_id,
    func.abbrev(AuditLog.client_ip).label("client_ip"),
    AuditLog.user_agent,
    _values(AuditLog.old_values).label("old_values"),
    _values(AuditLog.new_values).label("new_values"),
    AuditLog.payload_digest,
    AuditLog.prev_hash,
    AuditLog.row_hash,
    AuditLog.redacted_at,
    AuditLog.redaction_request_id,
)


def _row(record: Any) -> ChainRow:
    def text_or_none(value: Any) -> str | None:
        return None if value is None else str(value)

    return ChainRow(
        id=record.id,
        company_id=str(record.company_id),
        chain_seq=record.chain_seq,
        chained_at=timestamp(record.chained_at),
        occurred_at=timestamp(record.occurred_at),
        actor_user_id=text_or_none(record.actor_user_id),
        action=record.action,
        entity_type=record.entity_type,
        entity_id=str(record.entity_id),
        request_id=record.request_id,
        client_ip=record.client_ip,
        user_agent=record.user_agent,
        old_values=None if record.old_values is None else parse_json(record.old_values),
        new_values=None if record.new_values is None else parse_json(record.new_values),
        payload_digest=record.payload_digest,
        prev_hash=record.prev_hash,
        row_hash=record.row_hash,
        redacted_at=None if record.redacted_at is None else timestamp(record.redacted_at),
        redaction_request_id=text_or_none(record.redaction_request_id),
    )


async def chain_rows(
    session: AsyncSession,
    company_id: uuid.UUID,
    first_seq: int | None = None,
    last_seq: int | None = None,
) -> AsyncIterator[ChainRow]:
    """A company's audit rows in chain order (optionally seq `first_seq`..`last_seq`),
    read in batches."""
    after = (first_seq - 1) if first_seq is not None else -1
    while True:
        criteria = [AuditLog.company_id == company_id, AuditLog.chain_seq > after]
        if last_seq is not None:
            criteria.append(AuditLog.chain_seq <= last_seq)
        statement = select(*_COLUMNS).where(*criteria).order_by(AuditLog.chain_seq).limit(BATCH)
        batch = (await session.execute(statement)).all()
        for record in batch:
            yield _row(record)
        if len(batch) < BATCH:
            return
        after = batch[-1].chain_seq


async def period_bounds(
    session: AsyncSession,
    company_id: uuid.UUID,
    start: datetime | None,
    end: datetime | None,
) -> tuple[int, int] | None:
    """The first and last sequence numbers of the rows chained in [start, end) — every row
    between them belongs to the period's export, so it is one unbroken stretch of chain."""
    criteria = [AuditLog.company_id == company_id]
    if start is not None:
        criteria.append(AuditLog.chained_at >= start)
    if end is not None:
        criteria.append(AuditLog.chained_at < end)
    statement = select(func.min(AuditLog.chain_seq), func.max(AuditLog.chain_seq)).where(*criteria)
    first, last = (await session.execute(statement)).one()
    return None if first is None else (int(first), int(last))


async def head(session: AsyncSession, company_id: uuid.UUID) -> tuple[int, str] | None:
    """The newest row's (seq, hash), or None for an empty chain."""
    statement = (
        select(AuditLog.chain_seq, AuditLog.row_hash)
        .where(AuditLog.company_id == company_id)
        .order_by(AuditLog.chain_seq.desc())
        .limit(1)
    )
    found = (await session.execute(statement)).first()
    return None if found is None else (int(found[0]), str(found[1]))


async def anchor_before(session: AsyncSession, company_id: uuid.UUID, first_seq: int) -> Anchor:
    """The hash just before `first_seq`: the nearest earlier row, else the prune anchor the
    chain now starts from, else genesis. Taken from the rows themselves, so a removed first
    row of a period still shows as a gap."""
    previous = (
        await session.execute(
            select(AuditLog.chain_seq, AuditLog.row_hash)
            .where(AuditLog.company_id == company_id, AuditLog.chain_seq < first_seq)
            .order_by(AuditLog.chain_seq.desc())
            .limit(1)
        )
    ).first()
    pruned = (
        await session.execute(
            select(AuditAnchor.first_seq, AuditAnchor.prev_hash)
            .where(AuditAnchor.company_id == company_id, AuditAnchor.first_seq <= first_seq)
            .order_by(AuditAnchor.first_seq.desc())
            .limit(1)
        )
    ).first()
    if previous is not None and (pruned is None or previous[0] >= pruned[0]):
        return Anchor(int(previous[0]), str(previous[1]), "row")
    if pruned is not None:
        return Anchor(int(pruned[0]) - 1, str(pruned[1]), "prune_anchor")
    return Anchor(0, GENESIS_HASH, "genesis")


async def attestations(
    session: AsyncSession, company_id: uuid.UUID, first_seq: int, last_seq: int
) -> list[ChainRow]:
    """The `audit.redacted` rows after `last_seq` recording redactions of rows in
    `first_seq`..`last_seq`, which an export of that stretch carries along."""
    requests = (
        select(AuditLog.redaction_request_id)
        .where(
            AuditLog.company_id == company_id,
            AuditLog.chain_seq.between(first_seq, last_seq),
            AuditLog.redaction_request_id.is_not(None),
        )
        .distinct()
    )
    statement = (
        select(*_COLUMNS)
        .where(
            and_(
                AuditLog.company_id == company_id,
                AuditLog.chain_seq > last_seq,
                AuditLog.action == REDACTED_ACTION,
                AuditLog.entity_id.in_(requests),
            )
        )
        .order_by(AuditLog.chain_seq)
    )
    return [_row(record) for record in (await session.execute(statement)).all()]


async def verify_stored(
    session: AsyncSession,
    company_id: uuid.UUID,
    start: datetime | None = None,
    end: datetime | None = None,
) -> Verification:
    """Verify a company's chain as stored (the rows chained in [start, end), or all of it)."""
    bounds = await period_bounds(session, company_id, start, end)
    if bounds is None:
        latest = await head(session, company_id)
        if latest is None:
            return verify_chain([], await anchor_before(session, company_id, 1))
        return verify_chain([], Anchor(latest[0], latest[1], "row"))
    first, last = bounds
    if start is None:
        first = await _chain_start(session, company_id, first)
    rows = [row async for row in chain_rows(session, company_id, first, last)]
    return verify_chain(
        rows,
        await anchor_before(session, company_id, first),
        attestations=await attestations(session, company_id, first, last),
    )


async def _chain_start(session: AsyncSession, company_id: uuid.UUID, first_row: int) -> int:
    """Where a whole chain should start: right after its latest prune anchor, or at 1."""
    pruned = (
        await session.execute(
            select(func.max(AuditAnchor.first_seq)).where(AuditAnchor.company_id == company_id)
        )
    ).scalar_one()
    return min(first_row, int(pruned) if pruned is not None else 1)


async def _bind(session: AsyncSession, company_id: uuid.UUID) -> None:
    """Bind the transaction to `company_id` when it is not bound yet (a platform session);
    refuse one bound to another company."""
    bound = (
        await session.execute(select(func.current_setting("app.company_id", True)))
    ).scalar_one()
    if not bound:
        await session.execute(select(func.set_config("app.company_id", str(company_id), True)))
    elif bound != str(company_id):
        raise TenantMismatch(f"the session is bound to another company than {company_id}")


async def prune_before(session: AsyncSession, company_id: uuid.UUID, before: datetime) -> int:
    """Delete the prefix of a company's audit chain chained before `before` and return how
    many rows went; for the retention job.

    Only a whole prefix goes, and never the newest row (the chain's head stays). The database
    function `crm_audit_prune` does it under the chain's lock and records an anchor in
    `crm_audit_anchors` (the first remaining row's number and `prev_hash`, with a checkpoint
    hash chained over the company's earlier anchors) and an `audit.pruned` row, so the
    remaining chain still verifies from the anchor. Runs in the caller's transaction, which
    must be bound to `company_id` or to no company yet (it is then bound to it)."""
    await _bind(session, company_id)
    statement = select(func.crm_audit_prune(company_id, before))
    return int((await session.execute(statement)).scalar_one())


async def redact_contact(
    session: AsyncSession,
    company_id: uuid.UUID,
    contact_id: uuid.UUID | None,
    values: Iterable[str],
    *,
    request_id: uuid.UUID,
    reason: str = "erasure",
    actor_user_id: uuid.UUID | None = None,
) -> int:
    """Remove a contact's personal data from the audit log and return how many rows changed;
    for the erasure of a contact.

    In the rows about the contact (`entity_id = contact_id`) every personal-data key (email,
    phone, names, birth date, address fields, coordinates, external id) becomes
    `"[redacted]"`; in every row of the company, each of `values` (the contact's email, phone,
    names … — values shorter than 3 characters are ignored) is replaced inside any string,
    case-insensitively. The rows keep their digest and hash and are marked with
    `redacted_at` and `redaction_request_id = request_id` (the erasure request), and one
    `audit.redacted` row lists their sequence numbers, so the verifier accepts exactly these
    rows' changed values and still reports any other change. Done by the SECURITY DEFINER
    function `crm_audit_redact`, the only way to change an audit row; runs in the caller's
    transaction, which must be bound to `company_id` or to no company yet."""
    await _bind(session, company_id)
    secrets: Sequence[str] = sorted({value for value in values if value})
    statement = select(
        func.crm_audit_redact(
            company_id,
            request_id,
            contact_id,
            bindparam("secrets", list(secrets), type_=ARRAY(Text)),
            reason,
            actor_user_id,
        )
    )
    return int((await session.execute(statement)).scalar_one())
