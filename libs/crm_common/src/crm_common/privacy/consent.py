"""The consent ledger: the one way consent is written.

Every grant, withdrawal, double opt-in request, confirmation and expiry of a contact's
consent on a channel goes through `record` (or `confirm_opt_in`, `expire_due`), which in the
caller's transaction

1. appends one `crm_consent_ledger` row per change (source, time, legal basis, proof),
2. writes the current state derived from it into `crm_contact_consents`
   (`granted`, `pending`, `legal_basis`, `expires_at`, `ledger_id`),
3. keeps `crm_contacts.consented_channels` (the array audience queries filter on) equal to
   the granted channels — a `pending` email grant is not in it, so it is never sent to,
4. appends a `contact.consent_changed` audit row, and, for each new opt-in request, stages a
   `contact.consent_confirmation_requested` event in the outbox (the launch worker sends the
   confirmation message).

Callers hold the contacts' row locks (`lock_contacts`) so the state computed here is the one
the rows describe. The ledger itself is append-only in the database (migration 0013).

Legal basis (CASL): `express`, `implied`, `legitimate_interest`, `contract`. Implied consent
ends — `IMPLIED_CONSENT_TTL` after it was given unless an `expires_at` is recorded — and
expired consent is not consent: `expire_due` records an `expire` entry for each consent past
its end (the launch worker runs it periodically and before resolving a launch's audience).

Erasure: `pseudonymise_contact(scope, contact_id)` strips the proof (IP, user agent, form and
request data) and the actor of every ledger entry of a contact, keeping what happened and
when; it is the only change the ledger accepts. Call it in the erasure transaction after the
contact's own rows are removed; it returns the number of entries changed and is idempotent.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.audit import RequestMeta
from crm_common.enums import ConsentAction, ConsentStatus, DeliveryChannel, LegalBasis
from crm_common.events.outbox import emit
from crm_common.models import AuditLog, ConsentLedgerEntry, Contact, ContactConsent
from crm_common.privacy.settings import company_settings, double_opt_in_email
from crm_common.tenancy import TenantScope

CONSENT_AUDIT_ACTION = "contact.consent_changed"
CONFIRMATION_REQUESTED = "contact.consent_confirmation_requested"
IMPLIED_CONSENT_TTL = timedelta(days=730)
"""CASL: implied consent from a purchase or an inquiry lasts two years."""


@dataclass(frozen=True)
class ConsentInput:
    """One change asked for: grant (`granted=True`) or withdraw consent on a channel."""

    contact_id: uuid.UUID
    channel: str
    granted: bool
    source: str
    legal_basis: str = LegalBasis.EXPRESS
    expires_at: datetime | None = None
    proof: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ConsentContext:
    """Who records the consent, when it was given, and from which request."""

    recorded_at: datetime
    actor_user_id: uuid.UUID | None = None
    meta: RequestMeta = field(default_factory=RequestMeta)


@dataclass(frozen=True)
class CurrentConsent:
    granted: bool
    pending: bool
    legal_basis: str
    expires_at: datetime | None
    ledger_id: uuid.UUID | None

    @property
    def status(self) -> str:
        if self.granted:
            return ConsentStatus.GRANTED
        return ConsentStatus.PENDING if self.pending else ConsentStatus.WITHDRAWN


@dataclass
class Recorded:
    """What `record` wrote: the new `consented_channels` of every contact whose consent rows
    changed, and the opt-in requests (contact, ledger entry) it opened."""

    channels: dict[uuid.UUID, list[str]] = field(default_factory=dict)
    requests: list[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=list)


class OptInOutcome(StrEnum):
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    SUPERSEDED = "superseded"
    """A newer request or a withdrawal replaced the one the link confirms."""


def proof_of(meta: RequestMeta, extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The proof of a change: the request's IP, user agent and id, plus `extra` (form id,
    import id, opt-in request …); empty values are left out."""
    proof = {"ip": meta.client_ip, "user_agent": meta.user_agent, "request_id": meta.request_id}
    proof.update(extra or {})
    return {key: value for key, value in proof.items() if value not in (None, "")}


def effective_expiry(
    legal_basis: str, expires_at: datetime | None, recorded_at: datetime
) -> datetime | None:
    """The end of a consent: the one given, or two years after implied consent was given."""
    if expires_at is None and legal_basis == LegalBasis.IMPLIED:
        return recorded_at + IMPLIED_CONSENT_TTL
    return expires_at


async def lock_contacts(scope: TenantScope, contact_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """Lock contacts (in id order, so concurrent writers cannot deadlock); the ids found."""
    ids = sorted(set(contact_ids))
    if not ids:
        return []
    statement = (
        scope.select(Contact, Contact.id.in_(ids))
        .with_only_columns(Contact.id)
        .order_by(Contact.id)
        .with_for_update()
    )
    return list((await scope.session.execute(statement)).scalars())


async def current_consents(
    scope: TenantScope, contact_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, dict[str, CurrentConsent]]:
    """Each contact's current consent per channel (contacts without any are absent)."""
    ids = list(set(contact_ids))
    found: dict[uuid.UUID, dict[str, CurrentConsent]] = {}
    if not ids:
        return found
    statement = scope.select(ContactConsent, ContactConsent.contact_id.in_(ids)).with_only_columns(
        ContactConsent.contact_id,
        ContactConsent.channel,
        ContactConsent.granted,
        ContactConsent.pending,
        ContactConsent.legal_basis,
        ContactConsent.expires_at,
        ContactConsent.ledger_id,
    )
    for row in await scope.session.execute(statement):
        found.setdefault(row.contact_id, {})[row.channel] = CurrentConsent(
            row.granted, row.pending, row.legal_basis, row.expires_at, row.ledger_id
        )
    return found


@dataclass(frozen=True)
class _Change:
    item: ConsentInput
    action: str
    status: str
    legal_basis: str | None
    expires_at: datetime | None
    previous: CurrentConsent | None
    ledger_id: uuid.UUID = field(default_factory=uuid.uuid4)


def _plan(
    item: ConsentInput,
    previous: CurrentConsent | None,
    *,
    double_opt_in: bool,
    reconfirm: bool,
    recorded_at: datetime,
    action: str | None = None,
) -> _Change | None:
    """The ledger entry an input makes, or None when it changes nothing."""
    if not item.granted:
        unchanged = previous is not None and previous.status == ConsentStatus.WITHDRAWN
        if unchanged and not reconfirm:
            return None
        return _Change(
            item, action or ConsentAction.WITHDRAW, ConsentStatus.WITHDRAWN, None, None, previous
        )
    expires_at = effective_expiry(item.legal_basis, item.expires_at, recorded_at)
    needs_opt_in = double_opt_in and item.channel == DeliveryChannel.EMAIL
    if needs_opt_in and (previous is None or not previous.granted):
        if previous is not None and previous.pending and not reconfirm:
            return None  # a request is open already: no second confirmation message
        return _Change(
            item, ConsentAction.REQUEST, ConsentStatus.PENDING, item.legal_basis, expires_at,
            previous,
        )  # fmt: skip
    same = (
        previous is not None
        and previous.granted
        and previous.legal_basis == item.legal_basis
        and previous.expires_at == expires_at
    )
    if same and not reconfirm:
        return None
    return _Change(
        item, action or ConsentAction.GRANT, ConsentStatus.GRANTED, item.legal_basis, expires_at,
        previous,
    )  # fmt: skip


def _ledger_row(change: _Change, context: ConsentContext) -> dict[str, Any]:
    item = change.item
    return {
        "id": change.ledger_id,
        "contact_id": item.contact_id,
        "channel": item.channel,
        "action": change.action,
        "status": change.status,
        "previous_status": change.previous.status if change.previous else None,
        "legal_basis": change.legal_basis,
        "expires_at": change.expires_at,
        "source": item.source,
        "recorded_at": context.recorded_at,
        "actor_user_id": context.actor_user_id,
        "proof": proof_of(context.meta, item.proof),
    }


def _current_row(change: _Change, context: ConsentContext) -> dict[str, Any]:
    previous_basis = change.previous.legal_basis if change.previous else LegalBasis.EXPRESS
    return {
        "contact_id": change.item.contact_id,
        "channel": change.item.channel,
        "granted": change.status == ConsentStatus.GRANTED,
        "pending": change.status == ConsentStatus.PENDING,
        "source": change.item.source,
        "recorded_at": context.recorded_at,
        "legal_basis": change.legal_basis or previous_basis,
        "expires_at": change.expires_at,
        "ledger_id": change.ledger_id,
    }


def _audit_row(change: _Change, context: ConsentContext) -> dict[str, Any]:
    """The audit row of one change. The request's address and user agent are a staff
    member's when one made the change; a change made by the contact's own request (a
    confirmation link, an unsubscribe) keeps them only in the ledger entry's proof, which an
    erasure pseudonymises — never in the hash-chained audit log, which cannot drop them."""
    previous = change.previous
    staff = context.actor_user_id is not None
    return {
        "actor_user_id": context.actor_user_id,
        "action": CONSENT_AUDIT_ACTION,
        "entity_type": "contact",
        "entity_id": change.item.contact_id,
        "old_values": {
            "channel": change.item.channel,
            "granted": previous.granted if previous else None,
            "status": previous.status if previous else None,
        },
        "new_values": {
            "channel": change.item.channel,
            "granted": change.status == ConsentStatus.GRANTED,
            "status": change.status,
            "action": change.action,
            "legal_basis": change.legal_basis,
            "source": change.item.source,
            "recorded_at": context.recorded_at.isoformat(),
            "ledger_id": str(change.ledger_id),
        },
        "request_id": context.meta.request_id,
        "client_ip": context.meta.client_ip if staff else None,
        "user_agent": context.meta.user_agent if staff else None,
    }


async def _write(scope: TenantScope, changes: Sequence[_Change], context: ConsentContext) -> None:
    connection = await scope.session.connection()
    stamp = {"company_id": scope.company_id}
    await connection.execute(
        insert(ConsentLedgerEntry), [{**_ledger_row(c, context), **stamp} for c in changes]
    )
    statement = insert(ContactConsent)
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id", "channel"],
        set_={
            name: statement.excluded[name]
            for name in (
                "granted",
                "pending",
                "source",
                "recorded_at",
                "legal_basis",
                "expires_at",
                "ledger_id",
            )
        },
    )
    await connection.execute(statement, [{**_current_row(c, context), **stamp} for c in changes])
    await connection.execute(
        insert(AuditLog), [{**_audit_row(c, context), **stamp} for c in changes]
    )


async def write_channels(scope: TenantScope, channels: Mapping[uuid.UUID, list[str]]) -> None:
    """Store contacts' `consented_channels` (one UPDATE statement, executed per contact)."""
    if not channels:
        return
    table = cast(Table, Contact.__table__)
    statement = (
        update(table)
        .where(table.c.company_id == scope.company_id, table.c.id == bindparam("b_id"))
        .values(
            consented_channels=bindparam("b_channels", type_=Contact.consented_channels.type),
            updated_at=func.now(),
        )
    )
    connection = await scope.session.connection()
    await connection.execute(
        statement,
        [{"b_id": contact_id, "b_channels": list(c)} for contact_id, c in channels.items()],
    )


async def record(
    scope: TenantScope,
    inputs: Sequence[ConsentInput],
    context: ConsentContext,
    *,
    reconfirm: bool = False,
    new_contacts: Collection[uuid.UUID] = (),
    write_contact_channels: bool = True,
    action: str | None = None,
) -> Recorded:
    """Record consent changes (see the module docstring); the caller holds the contacts'
    row locks. An input equal to the current consent is skipped unless `reconfirm` (an
    explicit confirmation appends a new entry and refreshes source and time). With the
    company's `double_opt_in_email`, an email grant of a contact not yet granted becomes a
    `pending` request. `new_contacts` have no consent yet, which saves a lookup.
    `write_contact_channels=False` leaves the `consented_channels` UPDATE to the caller
    (which folds it into its own) — it must then store `Recorded.channels`."""
    result = Recorded()
    if not inputs:
        return result
    new = set(new_contacts)
    current = await current_consents(
        scope, {i.contact_id for i in inputs if i.contact_id not in new}
    )
    double_opt_in = any(
        i.granted and i.channel == DeliveryChannel.EMAIL for i in inputs
    ) and double_opt_in_email(await company_settings(scope.session, scope.company_id))
    latest: dict[tuple[uuid.UUID, str], ConsentInput] = {}
    for item in inputs:
        latest[(item.contact_id, item.channel)] = item
    changes: list[_Change] = []
    for item in latest.values():
        previous = current.get(item.contact_id, {}).get(item.channel)
        change = _plan(
            item,
            previous,
            double_opt_in=double_opt_in,
            reconfirm=reconfirm,
            recorded_at=context.recorded_at,
            action=action,
        )
        if change is not None:
            changes.append(change)
    if not changes:
        return result
    await _write(scope, changes, context)
    after: dict[uuid.UUID, dict[str, bool]] = {}
    for change in changes:
        contact_id = change.item.contact_id
        state = after.setdefault(
            contact_id, {ch: c.granted for ch, c in current.get(contact_id, {}).items()}
        )
        state[change.item.channel] = change.status == ConsentStatus.GRANTED
        if change.status == ConsentStatus.PENDING:
            result.requests.append((contact_id, change.ledger_id))
    result.channels = {
        contact_id: sorted(ch for ch, granted in state.items() if granted)
        for contact_id, state in after.items()
    }
    if write_contact_channels:
        await write_channels(scope, result.channels)
    for contact_id, request_id in result.requests:
        await emit(
            scope.session,
            CONFIRMATION_REQUESTED,
            scope.company_id,
            {"contact_id": str(contact_id), "request_id": str(request_id), "channel": "email"},
            actor_user_id=context.actor_user_id,
        )
    return result


async def confirm_opt_in(
    scope: TenantScope,
    contact_id: uuid.UUID,
    request_id: uuid.UUID,
    context: ConsentContext,
) -> OptInOutcome | None:
    """Confirm the email opt-in request `request_id` of a contact (the signed link was
    followed); None when the contact does not exist. Confirming twice is harmless."""
    if not await lock_contacts(scope, [contact_id]):
        return None
    current = (await current_consents(scope, [contact_id])).get(contact_id, {})
    email = current.get(DeliveryChannel.EMAIL)
    if email is not None and email.pending and email.ledger_id == request_id:
        change = _Change(
            ConsentInput(
                contact_id,
                DeliveryChannel.EMAIL,
                True,
                "double_opt_in",
                legal_basis=email.legal_basis,
                expires_at=email.expires_at,
                proof={"opt_in_request_id": str(request_id)},
            ),
            ConsentAction.CONFIRM,
            ConsentStatus.GRANTED,
            email.legal_basis,
            email.expires_at,
            email,
        )
        await _write(scope, [change], context)
        granted = {ch for ch, c in current.items() if c.granted} | {DeliveryChannel.EMAIL.value}
        await write_channels(scope, {contact_id: sorted(granted)})
        return OptInOutcome.CONFIRMED
    if email is not None and email.granted and email.ledger_id is not None:
        latest = await scope.session.get(ConsentLedgerEntry, email.ledger_id)
        if (
            latest is not None
            and latest.action == ConsentAction.CONFIRM
            and latest.proof.get("opt_in_request_id") == str(request_id)
        ):
            return OptInOutcome.ALREADY_CONFIRMED
    return OptInOutcome.SUPERSEDED


async def expire_due(scope: TenantScope, now: datetime | None = None, limit: int = 5_000) -> int:
    """Record an `expire` entry for each granted consent of the company past its end (up to
    `limit` per call); the number expired."""
    now = now or datetime.now(UTC)
    due = scope.select(
        ContactConsent,
        ContactConsent.granted.is_(True),
        ContactConsent.expires_at.is_not(None),
        ContactConsent.expires_at <= now,
    ).with_only_columns(ContactConsent.contact_id, ContactConsent.channel)
    rows = (await scope.session.execute(due.limit(limit))).all()
    if not rows:
        return 0
    await lock_contacts(scope, {row.contact_id for row in rows})
    # Re-read under the locks: a concurrent writer may have renewed some meanwhile.
    rows = (await scope.session.execute(due.limit(limit))).all()
    inputs = [ConsentInput(row.contact_id, row.channel, False, "expiry") for row in rows]
    await record(scope, inputs, ConsentContext(recorded_at=now), action=ConsentAction.EXPIRE)
    return len(inputs)


WITHDRAWING_SUPPRESSIONS = frozenset({"unsubscribe", "complaint"})
"""Suppression reasons that are the contact saying no: they withdraw consent too. A hard
bounce, a manual or legal block stops sending without being a withdrawal by the contact."""


async def withdraw_for_suppression(
    scope: TenantScope,
    contact_id: uuid.UUID,
    channel: str | None,
    *,
    reason: str,
    source: str,
    context: ConsentContext,
    proof: Mapping[str, Any] | None = None,
) -> bool:
    """Withdraw a contact's consent on `channel` (all channels when None) when a suppression
    of `reason` means the contact said no; whether anything changed. Locks the contact."""
    if reason not in WITHDRAWING_SUPPRESSIONS:
        return False
    if not await lock_contacts(scope, [contact_id]):
        return False
    current = (await current_consents(scope, [contact_id])).get(contact_id, {})
    inputs = [
        ConsentInput(contact_id, name, False, source, proof={"reason": reason, **(proof or {})})
        for name, state in current.items()
        if (channel is None or name == channel) and (state.granted or state.pending)
    ]
    recorded = await record(scope, inputs, context)
    return bool(recorded.channels)


async def companies_with_expired_consent(
    session: AsyncSession, now: datetime | None = None
) -> list[uuid.UUID]:
    """Companies holding granted consent past its end (a platform session: every company)."""
    statement = (
        select(ContactConsent.company_id)
        .where(
            ContactConsent.granted,
            ContactConsent.expires_at.is_not(None),
            ContactConsent.expires_at <= (now or datetime.now(UTC)),
        )
        .distinct()
    )
    return list((await session.execute(statement)).scalars())


async def history(
    scope: TenantScope,
    contact_id: uuid.UUID,
    *,
    limit: int,
    offset: int = 0,
    channel: str | None = None,
) -> tuple[Sequence[ConsentLedgerEntry], int]:
    """A contact's ledger entries, newest first, and how many there are."""
    criteria = [ConsentLedgerEntry.contact_id == contact_id]
    if channel is not None:
        criteria.append(ConsentLedgerEntry.channel == channel)
    total = (await scope.session.execute(scope.count(ConsentLedgerEntry, *criteria))).scalar_one()
    statement = (
        scope.select(ConsentLedgerEntry, *criteria)
        .order_by(ConsentLedgerEntry.created_at.desc(), ConsentLedgerEntry.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return await scope.all(statement), total


async def pseudonymise_contact(scope: TenantScope, contact_id: uuid.UUID) -> int:
    """Strip the proof and actor from a contact's ledger entries (for erasure; see the
    module docstring); the number of entries changed."""
    result = await scope.session.execute(
        select(func.crm_consent_ledger_pseudonymise(scope.company_id, contact_id))
    )
    return int(result.scalar_one())


__all__ = [
    "CONFIRMATION_REQUESTED",
    "CONSENT_AUDIT_ACTION",
    "IMPLIED_CONSENT_TTL",
    "ConsentContext",
    "ConsentInput",
    "CurrentConsent",
    "OptInOutcome",
    "Recorded",
    "companies_with_expired_consent",
    "confirm_opt_in",
    "current_consents",
    "effective_expiry",
    "expire_due",
    "history",
    "lock_contacts",
    "proof_of",
    "pseudonymise_contact",
    "record",
    "withdraw_for_suppression",
    "write_channels",
]
