"""`GET /api/contacts/{id}/consents/history/` (the consent ledger of a contact) and the
public double opt-in confirmation `GET`/`POST /t/opt-in/{token}` (the signed, expiring token
is the credential; the GET shows a page, only the POST confirms — link scanners follow GETs)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from crm_common.deps import AppResources, Scope
from crm_common.enums import DeliveryChannel
from crm_common.errors import COMMON_RESPONSES
from crm_common.pagination import PageParams, page_params
from crm_common.privacy.opt_in_tokens import OptInSigner
from crm_common.security.principal import current_principal
from segment_engine.consent import pages, service
from segment_engine.consent.errors import OptInLinkExpired, OptInLinkNotFound, OptInSuperseded
from segment_engine.contacts.deps import ContactsRead
from segment_engine.contacts.errors import ContactNotFound
from segment_engine.contacts.schemas import ConsentHistoryPage
from segment_engine.tracking.endpoints import NO_STORE

router = APIRouter(
    prefix="/api/contacts",
    tags=["contacts"],
    dependencies=[Depends(current_principal)],
    responses=COMMON_RESPONSES,
)
public_router = APIRouter(prefix="/t", tags=["tracking (public)"])


def get_signer(resources: AppResources) -> OptInSigner:
    return OptInSigner.from_settings(resources.settings)


Signer = Annotated[OptInSigner, Depends(get_signer)]
_LINK_ERRORS = {
    **OptInLinkNotFound.openapi(),
    **OptInLinkExpired.openapi(),
    **OptInSuperseded.openapi(),
}


@router.get(
    "/{contact_id}/consents/history/",
    response_model=ConsentHistoryPage,
    responses=ContactNotFound.openapi(),
)
async def consent_history(
    contact_id: uuid.UUID,
    principal: ContactsRead,
    scope: Scope,
    page: Annotated[PageParams, Depends(page_params)],
    channel: Annotated[DeliveryChannel | None, Query(description="Only this channel.")] = None,
) -> ConsentHistoryPage:
    """Every grant, withdrawal, opt-in request, confirmation and expiry, newest first."""
    return await service.history(
        scope, principal, contact_id, page, str(channel) if channel else None
    )


@public_router.get("/opt-in/{token}", response_class=HTMLResponse, responses=_LINK_ERRORS)
async def opt_in_page(token: str, resources: AppResources, signer: Signer) -> HTMLResponse:
    """A confirmation page whose button posts the confirmation; it changes nothing."""
    claims = service.verify(signer, token)
    sender = await service.sender_name(resources.db, claims)
    return HTMLResponse(pages.confirm(sender, token), headers=NO_STORE)


@public_router.post("/opt-in/{token}", response_class=HTMLResponse, responses=_LINK_ERRORS)
async def confirm_opt_in(token: str, resources: AppResources, signer: Signer) -> HTMLResponse:
    """Confirm the email subscription (double opt-in); confirming twice is harmless."""
    claims = service.verify(signer, token)
    await service.confirm(resources.db, claims)
    sender = await service.sender_name(resources.db, claims)
    return HTMLResponse(pages.confirmed(sender), headers=NO_STORE)
