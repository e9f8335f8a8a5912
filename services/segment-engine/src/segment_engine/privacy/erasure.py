"""Erasure of a contact's personal data (GDPR art. 17, CCPA deletion).

The database part runs in the request's one transaction: the contact row becomes a
pseudonymous tombstone (its id stays, so deliveries, events and metrics keep counting), the
contact's event properties, delivery provider details, rendered test messages, tracked links,
consent, memberships and audience links go, suppressions of its addresses are kept as keyed
hashes, the consent ledger and the audit log are pseudonymised through their owner-run
functions, and every other text or JSON column of the company's tables is swept for the
contact's address and phone number. Redis loses the stream entries and cache keys naming
either. The request is logged (by contact id only), audited without personal data, and a
`contact.erased` event goes out through the outbox.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ColumnElement, String, Text, and_, cast, func, or_, select
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, insert

from crm_common.audit import record
from crm_common.crypto.pii import cipher_for, open_contact_objects
from crm_common.events.outbox import emit
from crm_common.models import (
    Base,
    CampaignContact,
    CampaignTestSend,
    Contact,
    ContactConsent,
    ContactEvent,
    Delivery,
    MessageLink,
    SegmentMembership,
    Suppression,
    delivered_to,
)
from crm_common.models.data_rights import DataSubjectRequestKind, DataSubjectRequestOutcome
from crm_common.privacy.scrub import sweep_redis
from crm_common.resources import Resources
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope
from segment_engine.privacy import repository as repo
from segment_engine.privacy import requests_log
from segment_engine.privacy.errors import ContactNotFound, ContactUnderLegalHold
from segment_engine.privacy.schemas import ErasureReport

REDACTED = "[redacted]"
# What an erased suppression keeps in place of its sealed address (the keyed hash matches).
ERASED_ADDRESS = b"erased"
ERASED_EVENT = "contact.erased"
# The tombstone keeps these columns: keys, timestamps, the do-not-sell flag and the erasure
# mark. Every other nullable column is cleared (including columns added later, such as
# encrypted copies and keyed hashes of the address).
TOMBSTONE_KEEPS = frozenset(
    {"id", "company_id", "created_at", "updated_at", "sample_bucket", "do_not_sell", "erased_at"}
)
# Tables the generic sweep leaves alone: handled explicitly above it (contacts, events,
# deliveries, suppressions, test sends), changed only through their owner-run functions
# (audit log, consent ledger), or holding staff accounts rather than audience data.
SWEEP_SKIPS = frozenset(
    {
        "crm_contacts",
        "crm_contact_events",
        "crm_deliveries",
        "crm_suppressions",
        "crm_test_sends",
        "crm_audit_log",
        "crm_consent_ledger",
        "crm_users",
        "crm_user_roles",
        "crm_refresh_tokens",
        "crm_data_subject_requests",
    }
)


@dataclass
class _Identity:
    """The values that identify the person anywhere (captured before the tombstone)."""

    email: str | None
    phone: str | None
    external_id: str

    @property
    def addresses(self) -> list[str]:
        return [value for value in (self.email, self.phone) if value]


@dataclass
class _Counts:
    removed: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, count: int) -> None:
        if count:
            self.removed[name] = self.removed.get(name, 0) + count


async def erase(
    scope: TenantScope, principal: Principal, contact_id: uuid.UUID, resources: Resources
) -> ErasureReport:
    """Erase a contact's personal data everywhere; a repeated request changes nothing more.
    Refused (409) while the contact is under a legal hold."""
    contact = await repo.contact_for_update(scope, contact_id)
    if contact is None:
        raise ContactNotFound()
    if await repo.active_hold(scope, contact_id=contact.id) is not None:
        await requests_log.record_refusal(
            resources,
            scope.company_id,
            principal,
            contact.id,
            DataSubjectRequestKind.ERASE,
            {"reason": "legal_hold"},
        )
        raise ContactUnderLegalHold()
    if contact.erased_at is not None:
        report = ErasureReport(
            contact_id=contact.id,
            status="already_erased",
            erased_at=contact.erased_at,
            removed={},
            redis={},
        )
        await requests_log.record(
            scope,
            principal,
            contact.id,
            DataSubjectRequestKind.ERASE,
            DataSubjectRequestOutcome.ALREADY_DONE,
            {"erased_at": contact.erased_at.isoformat()},
        )
        return report
    [plain] = await open_contact_objects(scope.session, scope.company_id, [contact])
    identity = _Identity(plain.get("email"), plain.get("phone"), contact.external_id)
    request_id = uuid.uuid4()
    erased_at = await repo.now(scope)
    counts = _Counts()
    await _erase_related(scope, contact.id, identity, counts)
    await _suppress_by_hash(scope, contact.id, identity, counts)
    counts.add("consent_ledger", await repo.pseudonymise_consent_ledger(scope, contact.id))
    counts.add("audit_log", await _redact_audit(scope, request_id, contact.id, identity, principal))
    await _sweep_tables(scope, identity, counts)
    await _tombstone(scope, contact, erased_at)
    await record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=ERASED_EVENT,
        entity_type="contact",
        entity_id=contact.id,
        new_values={"removed": counts.removed},
    )
    await emit(
        scope.session,
        ERASED_EVENT,
        scope.company_id,
        {"contact_id": str(contact.id), "erased_at": erased_at.isoformat()},
        actor_user_id=principal.user_id,
    )
    sweep = await sweep_redis(str(resources.settings.redis_url), identity.addresses)
    redis = {"stream_entries": sweep.stream_entries, "keys": sweep.keys}
    await requests_log.record(
        scope,
        principal,
        contact.id,
        DataSubjectRequestKind.ERASE,
        DataSubjectRequestOutcome.COMPLETED,
        {"removed": counts.removed, "redis": redis},
        request_id,
    )
    return ErasureReport(
        contact_id=contact.id,
        status="erased",
        erased_at=erased_at,
        removed=counts.removed,
        redis=redis,
    )


async def _count(scope: TenantScope, statement: Any) -> int:
    result = await scope.session.execute(
        statement, execution_options={"synchronize_session": False}
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def _erase_related(
    scope: TenantScope, contact_id: uuid.UUID, identity: _Identity, counts: _Counts
) -> None:
    """Event properties, delivery provider details, tracked links, rendered test messages,
    consent rows, segment memberships and campaign audience links of the contact."""
    counts.add(
        "event_properties",
        await _count(
            scope,
            scope.update(ContactEvent, ContactEvent.contact_id == contact_id).values(properties={}),
        ),
    )
    delivered = delivered_to(scope.company_id, contact_id)
    deliveries = select(Delivery.id).where(delivered)
    counts.add(
        "message_links",
        await _count(scope, scope.delete(MessageLink, MessageLink.delivery_id.in_(deliveries))),
    )
    counts.add(
        "deliveries",
        await _count(
            scope,
            scope.update(Delivery, delivered).values(provider_message_id=None, last_error=None),
        ),
    )
    sent_to: list[ColumnElement[bool]] = [CampaignTestSend.contact_id == contact_id]
    if identity.addresses:
        sent_to.append(CampaignTestSend.recipient.in_(identity.addresses))
    counts.add("test_sends", await _count(scope, scope.delete(CampaignTestSend, or_(*sent_to))))
    counts.add(
        "consents",
        await _count(scope, scope.delete(ContactConsent, ContactConsent.contact_id == contact_id)),
    )
    counts.add(
        "segment_memberships",
        await _count(
            scope, scope.delete(SegmentMembership, SegmentMembership.contact_id == contact_id)
        ),
    )
    counts.add(
        "campaign_audiences",
        await _count(
            scope, scope.delete(CampaignContact, CampaignContact.contact_id == contact_id)
        ),
    )


async def _suppress_by_hash(
    scope: TenantScope, contact_id: uuid.UUID, identity: _Identity, counts: _Counts
) -> None:
    """Suppressions of the contact's addresses keep only their keyed hash (the sealed
    address is cleared), and each address gets an all-channel one: the person is never sent
    to again — a suppression matches a contact by that same hash — while the list no longer
    holds anything readable."""
    cipher = await cipher_for(scope.session, scope.company_id)
    hashes = [cipher.hash(address) for address in identity.addresses]
    matches: list[ColumnElement[bool]] = [Suppression.contact_id == contact_id]
    if identity.addresses:
        matches.append(Suppression.address_hash.in_(hashes))
        # Rows still in plaintext (written before encryption) have no hash yet.
        matches.append(
            and_(
                Suppression.key_version.is_(None),
                Suppression.address.in_([address.encode() for address in identity.addresses]),
            )
        )
    rows = await scope.all(scope.select(Suppression, or_(*matches)).with_for_update())
    for row in rows:
        if row.address_hash is None and row.key_version is None:
            hashed = cipher.hash(bytes(row.address).decode())
            duplicate = await scope.session.scalar(
                select(Suppression.id).where(
                    Suppression.company_id == scope.company_id,
                    func.coalesce(Suppression.channel, "*") == (row.channel or "*"),
                    Suppression.address_hash == hashed,
                )
            )
            if duplicate is not None:
                await scope.session.delete(row)
                counts.add("suppressions", 1)
                continue
            row.address_hash = hashed
        row.address = ERASED_ADDRESS
        row.key_version = None
        row.contact_id = None
        counts.add("suppressions", 1)
    await scope.session.flush()
    for hashed in hashes:
        statement = insert(Suppression).values(
            id=uuid.uuid4(),
            company_id=scope.company_id,
            channel=None,
            address=ERASED_ADDRESS,
            address_hash=hashed,
            reason="legal",
            source="erasure",
        )
        await scope.session.execute(statement.on_conflict_do_nothing())


async def _redact_audit(
    scope: TenantScope,
    request_id: uuid.UUID,
    contact_id: uuid.UUID,
    identity: _Identity,
    principal: Principal,
) -> int:
    """The audit trail stays (who changed what, when) without the person's values: the
    chain's redaction replaces the address and phone number wherever they appear and every
    personal field of the rows about the contact, and records which rows it changed for this
    request, so the chain still verifies."""
    return await repo.redact_audit(
        scope, request_id, contact_id, identity.addresses, principal.user_id
    )


def _sweepable(column: Any) -> str | None:
    """How a column is swept: 'json', 'text', or None (not a text or JSON column)."""
    if isinstance(column.type, ARRAY):
        return None
    if isinstance(column.type, JSON | JSONB):
        return "json"
    if isinstance(column.type, String | Text):
        return "text"
    return None


async def _sweep_tables(scope: TenantScope, identity: _Identity, counts: _Counts) -> None:
    """Replace the address and phone number in every other text or JSON column of the
    company's tables (outbox payloads, segment rules, stored responses, webhook payloads …).
    Tables the application may not update are append-only by design and pseudonymised
    through their own functions (audit chain, consent ledger)."""
    updatable = await repo.updatable_tables(scope)
    for table in Base.metadata.sorted_tables:
        if table.name in SWEEP_SKIPS or table.name not in updatable or "company_id" not in table.c:
            continue
        for column in table.c:
            kind = _sweepable(column)
            if kind is None:
                continue
            for value in identity.addresses:
                counts.add(
                    f"{table.name}.{column.name}",
                    await _sweep_column(scope, table, column, kind, value),
                )


async def _sweep_column(scope: TenantScope, table: Any, column: Any, kind: str, value: str) -> int:
    if kind == "json":
        # Replaced in the JSON text, so the needle is the value as JSON spells it.
        needle = json.dumps(value)[1:-1]
        as_text = cast(column, Text)
        replaced: Any = cast(func.replace(as_text, needle, REDACTED), column.type)
    else:
        needle = value
        as_text = column
        replaced = func.replace(column, needle, REDACTED)
    statement = (
        table.update()
        .where(table.c.company_id == scope.company_id, func.strpos(as_text, needle) > 0)
        .values({column.name: replaced})
    )
    result = await scope.session.execute(statement)
    return int(result.rowcount)  # type: ignore[attr-defined]


async def _tombstone(scope: TenantScope, contact: Contact, erased_at: datetime) -> None:
    """Clear every personal column of the contact row; it stays, pseudonymous, as the key
    aggregates and the request log refer to."""
    values: dict[str, Any] = {}
    for column in Contact.__table__.c:
        if column.name in TOMBSTONE_KEEPS or column.computed is not None:
            continue
        if column.nullable:
            values[column.name] = None
    values.update(
        external_id=f"erased:{contact.id}",
        consented_channels=[],
        interests=[],
        lifestyle=[],
        values=[],
        attributes={},
        do_not_sell=True,
        erased_at=erased_at,
    )
    await scope.session.execute(
        scope.update(Contact, Contact.id == contact.id).values(**values),
        execution_options={"synchronize_session": False},
    )
