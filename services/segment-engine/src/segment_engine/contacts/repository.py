"""Contact and consent queries, every one built through TenantScope."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, String, Text, bindparam, cast, func
from sqlalchemy.dialects.postgresql import ARRAY, array, insert

from crm_common.models import (
    AuditLog,
    CampaignContact,
    Contact,
    ContactConsent,
    ContactEvent,
    Delivery,
    SegmentMembership,
    delivered_to,
)
from crm_common.tenancy import TenantScope
from segment_engine.contacts.schemas import WRITABLE_COLUMNS

CONSENT_AUDIT_ACTION = "contact.consent_changed"

SORTS: dict[str, tuple[ColumnElement[Any], ...]] = {
    "external_id": (Contact.external_id.asc(),),
    "-external_id": (Contact.external_id.desc(),),
    "created_at": (Contact.created_at.asc(), Contact.id.asc()),
    "-created_at": (Contact.created_at.desc(), Contact.id.desc()),
    "updated_at": (Contact.updated_at.asc(), Contact.id.asc()),
    "-updated_at": (Contact.updated_at.desc(), Contact.id.desc()),
}


@dataclass(frozen=True)
class ContactFilters:
    external_id: str | None = None
    email: str | None = None
    phone: str | None = None
    country: str | None = None
    region: str | None = None
    city: str | None = None
    language: str | None = None
    gender: str | None = None
    consent: str | None = None
    interest: str | None = None
    created_from: datetime | None = None
    created_to: datetime | None = None
    updated_since: datetime | None = None
    email_hash: bytes | None = None
    phone_hash: bytes | None = None

    def criteria(self) -> list[ColumnElement[bool]]:
        equal = {
            Contact.external_id: self.external_id,
            Contact.country: self.country,
            Contact.region: self.region,
            Contact.city: self.city,
            Contact.language: self.language,
            Contact.gender: self.gender,
        }
        found: list[ColumnElement[bool]] = [
            column == value for column, value in equal.items() if value is not None
        ]
        # Personal data is sealed: email and phone (normalised) compare by their keyed hashes.
        if self.email_hash is not None:
            found.append(Contact.email_hash == self.email_hash)
        if self.phone_hash is not None:
            found.append(Contact.phone_hash == self.phone_hash)
        if self.consent is not None:
            found.append(Contact.consented_channels.op("@>")(array([self.consent], type_=String)))
        if self.interest is not None:
            found.append(Contact.interests.op("@>")(cast(array([self.interest]), ARRAY(Text))))
        if self.created_from is not None:
            found.append(Contact.created_at >= self.created_from)
        if self.created_to is not None:
            found.append(Contact.created_at <= self.created_to)
        if self.updated_since is not None:
            found.append(Contact.updated_at >= self.updated_since)
        return found


def list_statement(scope: TenantScope, filters: ContactFilters, sort: str) -> Select[Any]:
    """The contacts matching `filters`, in `sort` order."""
    return scope.select(Contact, *filters.criteria()).order_by(*SORTS[sort])


async def get(
    scope: TenantScope, contact_id: uuid.UUID, *, for_update: bool = False
) -> Contact | None:
    """A contact by id (locked with `for_update`)."""
    return await scope.get(Contact, contact_id, for_update=for_update)


async def rows_by_external_id(
    scope: TenantScope, external_ids: Sequence[str]
) -> dict[str, dict[str, Any]]:
    """The writable columns (and id) of the contacts with these external ids, locked."""
    if not external_ids:
        return {}
    columns = [
        Contact.id,
        Contact.pii_key_version,
        *(getattr(Contact, name) for name in WRITABLE_COLUMNS),
    ]
    statement = (
        scope.select(Contact, Contact.external_id.in_(external_ids))
        .with_only_columns(*columns)
        .order_by(Contact.external_id)  # one lock order for every writer: no deadlocks
        .with_for_update()
    )
    result = await scope.session.execute(statement)
    return {row["external_id"]: dict(row) for row in result.mappings()}


async def insert_new(scope: TenantScope, rows: list[dict[str, Any]]) -> set[str]:
    """Insert contacts whose external id is free; returns the external ids inserted (a
    concurrent writer may have taken some in between). Every row is stamped with the
    scope's company."""
    if not rows:
        return set()
    statement = (
        insert(Contact)
        .on_conflict_do_nothing(index_elements=["company_id", "external_id"])
        .returning(Contact.external_id)
    )
    params = [{**row, "company_id": scope.company_id} for row in rows]
    connection = await scope.session.connection()
    result = await connection.execute(statement, params)
    return {row[0] for row in result}


async def update_columns(
    scope: TenantScope, changes: list[tuple[uuid.UUID, dict[str, Any]]]
) -> None:
    """Apply per-contact column changes, batched by the set of columns they touch."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for contact_id, values in changes:
        params = {"b_id": contact_id, **{f"b_{k}": v for k, v in values.items()}}
        groups[tuple(sorted(values))].append(params)
    connection = await scope.session.connection()
    for names, params_list in groups.items():
        statement = scope.update(Contact, Contact.id == bindparam("b_id")).values(
            {**{name: bindparam(f"b_{name}") for name in names}, "updated_at": func.now()}
        )
        await connection.execute(statement, params_list)


async def consent_map(
    scope: TenantScope, contact_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, dict[str, bool]]:
    """Each contact's recorded consent per channel (contacts with none are absent)."""
    ids = list(contact_ids)
    found: dict[uuid.UUID, dict[str, bool]] = defaultdict(dict)
    if not ids:
        return found
    statement = scope.select(ContactConsent, ContactConsent.contact_id.in_(ids)).with_only_columns(
        ContactConsent.contact_id, ContactConsent.channel, ContactConsent.granted
    )
    for contact_id, channel, granted in await scope.session.execute(statement):
        found[contact_id][channel] = granted
    return found


async def consent_entries(scope: TenantScope, contact_id: uuid.UUID) -> Sequence[ContactConsent]:
    """A contact's consent rows, by channel."""
    statement = scope.select(ContactConsent, ContactConsent.contact_id == contact_id).order_by(
        ContactConsent.channel
    )
    return await scope.all(statement)


async def upsert_consents(scope: TenantScope, rows: list[dict[str, Any]]) -> None:
    """Write the current consent of (contact, channel) pairs, stamped with the scope's
    company."""
    if not rows:
        return
    statement = insert(ContactConsent)
    statement = statement.on_conflict_do_update(
        index_elements=["contact_id", "channel"],
        set_={
            "granted": statement.excluded.granted,
            "source": statement.excluded.source,
            "recorded_at": statement.excluded.recorded_at,
        },
    )
    connection = await scope.session.connection()
    await connection.execute(statement, [{**row, "company_id": scope.company_id} for row in rows])


async def consent_history(
    scope: TenantScope, contact_id: uuid.UUID, limit: int
) -> Sequence[AuditLog]:
    """A contact's latest `limit` consent audit rows, newest first."""
    statement = (
        scope.select(
            AuditLog,
            AuditLog.entity_type == "contact",
            AuditLog.entity_id == contact_id,
            AuditLog.action == CONSENT_AUDIT_ACTION,
        )
        .order_by(AuditLog.occurred_at.desc(), AuditLog.id.desc())
        .limit(limit)
    )
    return await scope.all(statement)


async def add_audit_rows(scope: TenantScope, rows: list[dict[str, Any]]) -> None:
    """Append many audit rows in one statement (the bulk form of crm_common.audit.record)."""
    if rows:
        connection = await scope.session.connection()
        await connection.execute(
            insert(AuditLog), [{**row, "company_id": scope.company_id} for row in rows]
        )


async def cascade_counts(scope: TenantScope, contact_id: uuid.UUID) -> dict[str, int]:
    """How many dependent rows a contact's deletion removes, by kind."""
    counted = {
        "consents": (ContactConsent, ContactConsent.contact_id == contact_id),
        "events": (ContactEvent, ContactEvent.contact_id == contact_id),
        "segment_memberships": (SegmentMembership, SegmentMembership.contact_id == contact_id),
        "campaign_contacts": (CampaignContact, CampaignContact.contact_id == contact_id),
        "deliveries": (Delivery, delivered_to(scope.company_id, contact_id)),
    }
    counts = {}
    for name, (model, criterion) in counted.items():
        counts[name] = (await scope.session.execute(scope.count(model, criterion))).scalar_one()
    return counts


async def delete(scope: TenantScope, contact_id: uuid.UUID) -> bool:
    """Delete a contact (its dependants go with it); whether it existed."""
    result = await scope.session.execute(scope.delete(Contact, Contact.id == contact_id))
    return bool(getattr(result, "rowcount", 0))
