"""Contact rules: create, read (PII masked without view_pii), change, delete with cascade,
bulk upsert and CSV import."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import IO, Any

from crm_common.audit import current_request_meta, record
from crm_common.crypto import pii
from crm_common.masking import mask_contact
from crm_common.models import Contact
from crm_common.pagination import PageParams, make_page, paginate
from crm_common.schemas import iso_z
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope
from segment_engine.contacts import bulk, csv_import
from segment_engine.contacts import consent as consent_service
from segment_engine.contacts import repository as repo
from segment_engine.contacts.errors import ContactExists, ContactNotFound, PiiFilterDenied
from segment_engine.contacts.normalize import normalize_email, normalize_phone
from segment_engine.contacts.schemas import (
    BulkResult,
    ConsentChange,
    ConsentState,
    ContactCreate,
    ContactRead,
    ContactUpdate,
    ImportReport,
)

API_SOURCE = "api"
BULK_SOURCE = "bulk_api"
IMPORT_SOURCE = "csv_import"


def present(
    contact: dict[str, Any], consent: dict[str, bool], principal: Principal
) -> dict[str, Any]:
    """The API shape of a contact (its personal data decrypted); PII masked unless the caller
    may view it."""
    data = ContactRead.model_validate(contact).model_dump()
    data["consent"] = dict(sorted(consent.items()))
    return data if principal.has(Permission.VIEW_PII) else mask_contact(data)


def _context(
    principal: Principal, recorded_at: datetime | None = None
) -> consent_service.ConsentContext:
    """The caller's consent records, from the request being served."""
    return consent_service.ConsentContext(
        recorded_at=recorded_at or datetime.now(UTC),
        actor_user_id=principal.user_id,
        meta=current_request_meta(),
    )


async def _load(scope: TenantScope, contact_id: uuid.UUID) -> Contact:
    statement = scope.select(Contact, Contact.id == contact_id).execution_options(
        populate_existing=True
    )
    contact = (await scope.session.execute(statement)).scalar_one_or_none()
    if contact is None:
        raise ContactNotFound()
    return contact


async def _plaintext(scope: TenantScope, contacts: Sequence[Contact]) -> list[dict[str, Any]]:
    """Contacts as column dicts, their sealed personal data decrypted in one batch."""
    return await pii.open_contact_objects(scope.session, scope.company_id, contacts)


async def read(scope: TenantScope, principal: Principal, contact_id: uuid.UUID) -> dict[str, Any]:
    """One contact as the caller may see it."""
    contact = await _load(scope, contact_id)
    consent = await repo.consent_map(scope, [contact.id])
    [plain] = await _plaintext(scope, [contact])
    return present(plain, consent.get(contact.id, {}), principal)


async def create(scope: TenantScope, principal: Principal, data: ContactCreate) -> dict[str, Any]:
    """Create one contact; its external id must be new."""
    source = data.consent_source or API_SOURCE
    [outcome] = await bulk.upsert(
        scope, [data], _context(principal), default_source=source, create_only=True
    )
    return await read(scope, principal, outcome.contact_id)


async def update(
    scope: TenantScope, principal: Principal, contact_id: uuid.UUID, data: ContactUpdate
) -> dict[str, Any]:
    """Change the fields sent (and consent, when sent)."""
    contact = await repo.get(scope, contact_id, for_update=True)
    if contact is None:
        raise ContactNotFound()
    values = data.column_values()
    if "external_id" in values and values["external_id"] != contact.external_id:
        taken = await repo.rows_by_external_id(scope, [values["external_id"]])
        if taken:
            raise ContactExists(details={"external_id": values["external_id"]})
    [current] = await _plaintext(scope, [contact])
    changed = {name: value for name, value in values.items() if current[name] != value}
    if changed:
        cipher = await pii.cipher_for(scope.session, scope.company_id)
        changed = pii.seal_contact(cipher, contact.id, changed, current)
    await repo.update_columns(scope, [(contact.id, changed)] if changed else [])
    source = data.consent_source or API_SOURCE
    inputs = [
        consent_service.ConsentInput(contact.id, channel, granted, source, **data.consent_terms())
        for channel, granted in data.consent_changes().items()
    ]
    await consent_service.apply(scope, inputs, _context(principal))
    return await read(scope, principal, contact.id)


async def delete(scope: TenantScope, principal: Principal, contact_id: uuid.UUID) -> None:
    """Delete a contact with its consent, events, memberships and deliveries. Suppressions
    stay (the address must remain blocked) but lose the link to the contact. The audit row
    records only counts, never personal data."""
    contact = await repo.get(scope, contact_id, for_update=True)
    if contact is None:
        raise ContactNotFound()
    counts = await repo.cascade_counts(scope, contact.id)
    await repo.delete(scope, contact.id)
    await record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action="contact.deleted",
        entity_type="contact",
        entity_id=contact.id,
        old_values={"removed": counts},
    )


async def list_page(
    scope: TenantScope,
    principal: Principal,
    filters: repo.ContactFilters,
    sort: str,
    params: PageParams,
) -> dict[str, Any]:
    """A page of contacts; email and phone filters need view_pii (else they probe PII)."""
    if (filters.email or filters.phone) and not principal.has(Permission.VIEW_PII):
        raise PiiFilterDenied()
    normalized = _normalized_filters(filters)
    echo = _filter_echo(normalized or filters, sort)
    if normalized is None:  # an address that cannot be stored matches nothing
        return make_page([], 0, params, echo)
    if normalized.email or normalized.phone:
        cipher = await pii.cipher_for(scope.session, scope.company_id)
        normalized = replace(
            normalized,
            email_hash=cipher.hash(normalized.email),
            phone_hash=cipher.hash(normalized.phone),
        )
    statement = repo.list_statement(scope, normalized, sort)
    contacts, total, applied = await paginate(scope.session, statement, params, filters=echo)
    consent = await repo.consent_map(scope, [contact.id for contact in contacts])
    plain = await _plaintext(scope, contacts)
    items = [present(row, consent.get(row["id"], {}), principal) for row in plain]
    return make_page(items, total, params, applied)


def _normalized_filters(filters: repo.ContactFilters) -> repo.ContactFilters | None:
    changes: dict[str, Any] = {}
    try:
        if filters.email:
            changes["email"] = normalize_email(filters.email)
        if filters.phone:
            changes["phone"] = normalize_phone(filters.phone)
    except ValueError:
        return None
    if filters.country:
        changes["country"] = filters.country.strip().upper()
    return replace(filters, **changes)


def _filter_echo(filters: repo.ContactFilters, sort: str) -> dict[str, Any]:
    echo: dict[str, Any] = {
        key: (iso_z(value) if isinstance(value, datetime) else value)
        for key, value in vars(filters).items()
        if key not in ("email", "phone", "email_hash", "phone_hash")
    }
    echo["sort"] = sort
    if filters.email:
        echo["email"] = "***"
    if filters.phone:
        echo["phone"] = "***"
    return echo


async def bulk_upsert(
    scope: TenantScope, principal: Principal, raw_items: list[Any], consent_source: str | None
) -> BulkResult:
    """Upsert a batch by external id; invalid items are reported, valid ones all written."""
    batch = bulk.validate_items(raw_items, "contacts")
    outcomes = await bulk.upsert(
        scope,
        [item for _, item in batch.valid],
        _context(principal),
        default_source=consent_source or BULK_SOURCE,
        proof={"batch_id": str(uuid.uuid4())},
    )
    results = bulk.item_results(batch, outcomes)
    counts = dict.fromkeys(("created", "updated", "unchanged", "error"), 0)
    for result in results:
        counts[result.status] += 1
    return BulkResult(
        created=counts["created"],
        updated=counts["updated"],
        unchanged=counts["unchanged"],
        failed=counts["error"],
        results=results,
    )


async def import_file(
    scope: TenantScope, principal: Principal, upload: IO[bytes], consent_source: str | None
) -> ImportReport:
    """Import a CSV upload, reporting every rejected row."""
    return await csv_import.import_csv(
        scope, upload, _context(principal), default_source=consent_source or IMPORT_SOURCE
    )


async def consent_state(
    scope: TenantScope, contact_id: uuid.UUID, *, view_pii: bool = False
) -> ConsentState:
    """A contact's recorded consent per channel and its change history."""
    contact = await _load(scope, contact_id)
    return await consent_service.state(
        scope, contact.id, list(contact.consented_channels), view_pii=view_pii
    )


async def change_consent(
    scope: TenantScope, principal: Principal, contact_id: uuid.UUID, change: ConsentChange
) -> ConsentState:
    """Grant or withdraw consent; an explicit confirmation refreshes source and time."""
    contact = await repo.get(scope, contact_id, for_update=True)
    if contact is None:
        raise ContactNotFound()
    proof = {"form_id": change.form_id} if change.form_id else {}
    inputs = [
        consent_service.ConsentInput(
            contact.id,
            str(channel),
            granted,
            change.source,
            legal_basis=change.legal_basis,
            expires_at=change.expires_at,
            proof=proof,
        )
        for channel, granted in change.consent.items()
    ]
    context = _context(principal, change.recorded_at)
    await consent_service.apply(scope, inputs, context, reconfirm=True)
    return await consent_state(scope, contact.id, view_pii=principal.has(Permission.VIEW_PII))
