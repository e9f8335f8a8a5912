"""`/api/contact-events/…`: ingest one or a batch (idempotent by event id) and list."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.pagination import Pagination
from crm_common.schemas import UtcFrom, UtcThrough
from crm_common.security.permissions import Permission
from crm_common.security.principal import current_principal
from segment_engine.contacts.deps import ContactsRead, ContactsWrite
from segment_engine.events import repository as repo
from segment_engine.events import service
from segment_engine.events.schemas import (
    EventAccepted,
    EventBatch,
    EventBatchResult,
    EventIn,
    EventPage,
)

router = APIRouter(
    prefix="/api/contact-events",
    tags=["contact events"],
    dependencies=[Depends(current_principal)],
    responses=COMMON_RESPONSES,
)


@router.post(
    "/",
    status_code=201,
    response_model=EventAccepted,
    responses={200: {"model": EventAccepted, "description": "A duplicate event id."}},
)
async def ingest_event(
    event: EventIn, response: Response, _: ContactsWrite, scope: Scope
) -> EventAccepted:
    """Record one event (201); the same event id again is a duplicate (200), stored once."""
    accepted = await service.ingest_one(scope, event)
    if accepted.status == "duplicate":
        response.status_code = 200
    return accepted


@router.post("/batch/", response_model=EventBatchResult)
async def ingest_batch(body: EventBatch, _: ContactsWrite, scope: Scope) -> EventBatchResult:
    """Record up to 5,000 events with a result per event: created, duplicate or error."""
    return await service.ingest(scope, body.events)


@router.get("/", response_model=EventPage)
async def list_events(
    principal: ContactsRead,
    scope: Scope,
    params: Pagination,
    contact_id: uuid.UUID | None = None,
    external_id: Annotated[str | None, Query(max_length=100)] = None,
    event_type: Annotated[str | None, Query(max_length=64)] = None,
    campaign_id: uuid.UUID | None = None,
    occurred_from: Annotated[UtcFrom | None, Query(description="At or after.")] = None,
    occurred_to: Annotated[
        UtcThrough | None, Query(description="At or before; a date for the whole day.")
    ] = None,
) -> dict[str, Any]:
    """Events filtered by contact, type, campaign and time, newest first; their properties'
    values hidden without `view_pii`."""
    filters = repo.EventFilters(
        contact_id=contact_id,
        event_type=event_type,
        campaign_id=campaign_id,
        occurred_from=occurred_from,
        occurred_to=occurred_to,
    )
    return await service.list_page(
        scope, filters, external_id, params, view_pii=principal.has(Permission.VIEW_PII)
    )
