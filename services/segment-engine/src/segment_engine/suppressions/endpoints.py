"""`/api/suppressions/…`: list, add (idempotent) and remove suppressed addresses."""

from __future__ import annotations

import uuid
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Response

from crm_common.deps import Scope
from crm_common.enums import DeliveryChannel, SuppressionReason
from crm_common.errors import COMMON_RESPONSES
from crm_common.pagination import Pagination
from crm_common.security.principal import current_principal
from segment_engine.contacts.deps import ContactsRead, ContactsWrite
from segment_engine.contacts.errors import PiiFilterDenied
from segment_engine.suppressions import repository as repo
from segment_engine.suppressions import service
from segment_engine.suppressions.errors import SuppressionNotFound, UnknownReference
from segment_engine.suppressions.schemas import (
    SuppressionCreate,
    SuppressionPage,
    SuppressionRead,
)

router = APIRouter(
    prefix="/api/suppressions",
    tags=["suppressions"],
    dependencies=[Depends(current_principal)],
    responses=COMMON_RESPONSES,
)


@router.get("/", response_model=SuppressionPage, responses=PiiFilterDenied.openapi())
async def list_suppressions(
    principal: ContactsRead,
    scope: Scope,
    params: Pagination,
    channel: Annotated[
        DeliveryChannel | Literal["all"] | None,
        Query(description="A channel, or `all` for the entries that block every channel."),
    ] = None,
    reason: SuppressionReason | None = None,
    address: Annotated[str | None, Query(max_length=320, description="Needs view_pii.")] = None,
    contact_id: uuid.UUID | None = None,
    campaign_id: uuid.UUID | None = None,
) -> dict[str, Any]:
    """Suppressed addresses, newest first; addresses are masked without view_pii."""
    filters = repo.SuppressionFilters(
        channel=str(channel) if channel else None,
        reason=str(reason) if reason else None,
        address=address,
        contact_id=contact_id,
        campaign_id=campaign_id,
    )
    return await service.list_page(scope, principal, filters, params)


@router.post(
    "/",
    status_code=201,
    response_model=SuppressionRead,
    responses={
        200: {"model": SuppressionRead, "description": "Already suppressed: the existing entry."},
        **UnknownReference.openapi(),
    },
)
async def add_suppression(
    data: SuppressionCreate, response: Response, principal: ContactsWrite, scope: Scope
) -> dict[str, Any]:
    """Suppress an address on a channel or on all channels (201; 200 when already there)."""
    entry, created = await service.add(scope, principal, data)
    if not created:
        response.status_code = 200
    return entry


@router.get(
    "/{suppression_id}/", response_model=SuppressionRead, responses=SuppressionNotFound.openapi()
)
async def get_suppression(
    suppression_id: uuid.UUID, principal: ContactsRead, scope: Scope
) -> dict[str, Any]:
    """One suppression; the address is masked without view_pii."""
    return await service.read(scope, principal, suppression_id)


@router.delete("/{suppression_id}/", status_code=204, responses=SuppressionNotFound.openapi())
async def remove_suppression(
    suppression_id: uuid.UUID, principal: ContactsWrite, scope: Scope
) -> Response:
    """Lift a suppression."""
    await service.remove(scope, principal, suppression_id)
    return Response(status_code=204)
