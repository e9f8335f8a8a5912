"""`/api/contacts/…`: one contact, lists, bulk upsert, CSV import, consent."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Response, UploadFile

from crm_common.concurrency import ExpectedVersion, check_row_version, etag
from crm_common.deps import Scope
from crm_common.enums import DeliveryChannel
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed, error_responses
from crm_common.models import Contact
from crm_common.pagination import Pagination
from crm_common.schemas import UtcFrom, UtcThrough
from crm_common.security.permissions import Permission
from crm_common.security.principal import current_principal
from segment_engine.contacts import repository as repo
from segment_engine.contacts import service
from segment_engine.contacts.deps import ContactsRead, ContactsWrite
from segment_engine.contacts.errors import (
    ContactExists,
    ContactNotFound,
    ImportFileInvalid,
    PiiFilterDenied,
)
from segment_engine.contacts.schemas import (
    BulkContacts,
    BulkResult,
    ConsentChange,
    ConsentState,
    ContactCreate,
    ContactPage,
    ContactRead,
    ContactUpdate,
    ImportReport,
)

router = APIRouter(
    prefix="/api/contacts",
    tags=["contacts"],
    dependencies=[Depends(current_principal)],
    responses=COMMON_RESPONSES,
)

SortKey = Literal[
    "external_id", "-external_id", "created_at", "-created_at", "updated_at", "-updated_at"
]
ShortText = Annotated[str | None, Query(max_length=100)]


def contact_filters(
    external_id: ShortText = None,
    email: Annotated[str | None, Query(max_length=254, description="Needs view_pii.")] = None,
    phone: Annotated[str | None, Query(max_length=32, description="Needs view_pii.")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2)] = None,
    region: ShortText = None,
    city: ShortText = None,
    language: Annotated[str | None, Query(max_length=12)] = None,
    gender: Annotated[str | None, Query(max_length=20)] = None,
    consent: Annotated[
        DeliveryChannel | None, Query(description="Only contacts consenting to this channel.")
    ] = None,
    interest: Annotated[str | None, Query(max_length=50)] = None,
    created_from: Annotated[UtcFrom | None, Query(description="Created at or after.")] = None,
    created_to: Annotated[
        UtcThrough | None, Query(description="Created at or before; a date for the whole day.")
    ] = None,
    updated_since: Annotated[UtcFrom | None, Query(description="Updated at or after.")] = None,
) -> repo.ContactFilters:
    return repo.ContactFilters(
        external_id=external_id,
        email=email,
        phone=phone,
        country=country,
        region=region,
        city=city,
        language=language,
        gender=gender,
        consent=str(consent) if consent else None,
        interest=interest,
        created_from=created_from,
        created_to=created_to,
        updated_since=updated_since,
    )


@router.get("/", response_model=ContactPage, responses=PiiFilterDenied.openapi())
async def list_contacts(
    principal: ContactsRead,
    scope: Scope,
    params: Pagination,
    filters: Annotated[repo.ContactFilters, Depends(contact_filters)],
    sort: SortKey = "external_id",
) -> dict[str, Any]:
    """List contacts with filters; PII is masked without view_pii."""
    return await service.list_page(scope, principal, filters, sort, params)


def _versioned(contact: dict[str, Any], response: Response) -> dict[str, Any]:
    """A contact's answer, with its version as the ETag."""
    response.headers["ETag"] = etag(contact["version"])
    return contact


@router.post("/", status_code=201, response_model=ContactRead, responses=ContactExists.openapi())
async def create_contact(
    data: ContactCreate, principal: ContactsWrite, scope: Scope, response: Response
) -> dict[str, Any]:
    """Create one contact (its external_id must be new)."""
    return _versioned(await service.create(scope, principal, data), response)


@router.post("/bulk/", response_model=BulkResult)
async def bulk_upsert(body: BulkContacts, principal: ContactsWrite, scope: Scope) -> BulkResult:
    """Upsert up to 5,000 contacts by external_id, with a result per item. Valid items are
    written together (all or none); invalid ones are reported with the path of the error."""
    return await service.bulk_upsert(scope, principal, body.contacts, body.consent_source)


@router.post("/import/", response_model=ImportReport, responses=ImportFileInvalid.openapi())
async def import_contacts(
    principal: ContactsWrite,
    scope: Scope,
    file: Annotated[UploadFile, File(description="A UTF-8 CSV file with a header row.")],
    consent_source: Annotated[str | None, Form(max_length=100)] = None,
) -> ImportReport:
    """Import contacts from a CSV upload; every rejected row is reported with its number,
    column and reason, and the valid rows are written together."""
    return await service.import_file(scope, principal, file.file, consent_source)


@router.get("/{contact_id}/", response_model=ContactRead, responses=ContactNotFound.openapi())
async def get_contact(
    contact_id: uuid.UUID, principal: ContactsRead, scope: Scope, response: Response
) -> dict[str, Any]:
    """One contact; PII is masked without view_pii. The ETag is its version."""
    return _versioned(await service.read(scope, principal, contact_id), response)


@router.patch(
    "/{contact_id}/",
    response_model=ContactRead,
    responses={
        **ContactNotFound.openapi(),
        **ContactExists.openapi(),
        **error_responses(PreconditionFailed),
    },
)
async def update_contact(
    contact_id: uuid.UUID,
    data: ContactUpdate,
    principal: ContactsWrite,
    scope: Scope,
    expected: ExpectedVersion,
    response: Response,
) -> dict[str, Any]:
    """Change the fields sent (and consent, when sent). With If-Match, a contact changed
    since that version is a 412."""
    await check_row_version(scope, Contact, contact_id, expected)
    return _versioned(await service.update(scope, principal, contact_id, data), response)


@router.delete(
    "/{contact_id}/",
    status_code=204,
    responses={**ContactNotFound.openapi(), **error_responses(PreconditionFailed)},
)
async def delete_contact(
    contact_id: uuid.UUID, principal: ContactsWrite, scope: Scope, expected: ExpectedVersion
) -> Response:
    """Delete a contact with its consent, events, memberships and deliveries (with If-Match:
    only the version read)."""
    await check_row_version(scope, Contact, contact_id, expected)
    await service.delete(scope, principal, contact_id)
    return Response(status_code=204)


@router.get(
    "/{contact_id}/consent/", response_model=ConsentState, responses=ContactNotFound.openapi()
)
async def get_consent(contact_id: uuid.UUID, principal: ContactsRead, scope: Scope) -> ConsentState:
    """Current consent per channel (granted, pending double opt-in, withdrawn) with its legal
    basis and end, and the latest consent ledger entries."""
    return await service.consent_state(
        scope, contact_id, view_pii=principal.has(Permission.VIEW_PII)
    )


@router.patch(
    "/{contact_id}/consent/",
    response_model=ConsentState,
    responses=ContactNotFound.openapi(),
)
async def change_consent(
    contact_id: uuid.UUID, change: ConsentChange, principal: ContactsWrite, scope: Scope
) -> ConsentState:
    """Grant or withdraw consent on the channels named; each change is audited."""
    return await service.change_consent(scope, principal, contact_id, change)
