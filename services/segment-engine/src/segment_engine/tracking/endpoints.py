"""Public tracking under `/t/` (no authentication: the signed token is the credential).

- `GET /t/o/{token}.gif` — open pixel; always a 1x1 GIF, records nothing for a bad token.
- `GET /t/c/{token}` — click; 302 only to the link recorded for that message, else 404.
- `GET /t/u/{token}` — unsubscribe confirmation page (changes nothing: link scanners GET).
- `POST /t/u/{token}` — RFC 8058 one-click unsubscribe (`List-Unsubscribe=One-Click`).
"""

from __future__ import annotations

from typing import Annotated

import structlog
from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse

from crm_common.deps import AppResources
from crm_common.errors import CRMError, NotFound
from crm_common.tracking_tokens import InvalidTrackingToken, TrackingKind, TrackingSigner
from segment_engine.tracking import pages, service
from segment_engine.tracking.throttle import PerformanceThrottle

log = structlog.get_logger(__name__)

# The smallest transparent GIF (43 bytes).
PIXEL = bytes.fromhex(
    "47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
NO_STORE = {
    "Cache-Control": "no-store, no-cache, must-revalidate, private",
    "Pragma": "no-cache",
    "Expires": "0",
    "Referrer-Policy": "no-referrer",
    "X-Robots-Tag": "noindex, nofollow",
}


class TrackingLinkNotFound(NotFound):
    error_code = "tracking_link_not_found"
    message = "This link is not valid."


class UnsubscribeBodyInvalid(CRMError):
    status_code = 400
    error_code = "unsubscribe_body_invalid"
    message = "A one-click unsubscribe posts List-Unsubscribe=One-Click (RFC 8058)."


def get_signer(resources: AppResources) -> TrackingSigner:
    return TrackingSigner.from_settings(resources.settings)


def get_throttle(resources: AppResources) -> PerformanceThrottle:
    return PerformanceThrottle(resources.redis)


Signer = Annotated[TrackingSigner, Depends(get_signer)]
Throttle = Annotated[PerformanceThrottle, Depends(get_throttle)]

router = APIRouter(prefix="/t", tags=["tracking (public)"])


@router.get(
    "/o/{token}.gif",
    response_class=Response,
    responses={200: {"content": {"image/gif": {}}, "description": "A 1x1 transparent GIF."}},
)
async def open_pixel(
    token: str, resources: AppResources, signer: Signer, throttle: Throttle
) -> Response:
    """Record an open; the image is returned whatever the token, so mail never shows a
    broken image and a probe learns nothing."""
    try:
        claims = signer.verify(token, TrackingKind.OPEN)
    except InvalidTrackingToken:
        claims = None  # a forged or foreign token records nothing, and the image still shows
    try:
        if claims is not None:
            await service.record_open(resources.db, throttle, claims)
    except Exception:  # the pixel must render even when recording fails; the cause is logged
        log.exception("open_tracking_failed")
    return Response(PIXEL, media_type="image/gif", headers=NO_STORE)


@router.get(
    "/c/{token}",
    status_code=302,
    response_class=RedirectResponse,
    responses={302: {"description": "To the recorded link."}, **TrackingLinkNotFound.openapi()},
)
async def click(
    token: str, resources: AppResources, signer: Signer, throttle: Throttle
) -> RedirectResponse:
    """Record a click and redirect to the link recorded for this message (never elsewhere)."""
    try:
        claims = signer.verify(token, TrackingKind.CLICK)
    except InvalidTrackingToken:
        raise TrackingLinkNotFound() from None
    url = await service.record_click(resources.db, throttle, claims)
    if url is None:
        raise TrackingLinkNotFound()
    return RedirectResponse(url, status_code=302, headers=NO_STORE)


@router.get("/u/{token}", response_class=HTMLResponse, responses=TrackingLinkNotFound.openapi())
async def unsubscribe_page(token: str, resources: AppResources, signer: Signer) -> HTMLResponse:
    """A confirmation page whose button posts the one-click unsubscribe; it changes nothing."""
    try:
        claims = signer.verify(token, TrackingKind.UNSUBSCRIBE)
    except InvalidTrackingToken:
        raise TrackingLinkNotFound() from None
    sender = await service.unsubscribe_target(resources.db, claims)
    if sender is None:
        raise TrackingLinkNotFound()
    return HTMLResponse(pages.confirm(sender, token), headers=NO_STORE)


@router.post(
    "/u/{token}",
    response_class=HTMLResponse,
    responses={**TrackingLinkNotFound.openapi(), **UnsubscribeBodyInvalid.openapi()},
)
async def one_click_unsubscribe(
    token: str, request: Request, resources: AppResources, signer: Signer, throttle: Throttle
) -> HTMLResponse:
    """RFC 8058 one-click unsubscribe: suppresses the address and withdraws consent at once."""
    try:
        claims = signer.verify(token, TrackingKind.UNSUBSCRIBE)
    except InvalidTrackingToken:
        raise TrackingLinkNotFound() from None
    form = await request.form(max_files=0, max_fields=10)
    if form.get("List-Unsubscribe") != "One-Click":
        raise UnsubscribeBodyInvalid()
    if not await service.unsubscribe(resources.db, throttle, claims):
        raise TrackingLinkNotFound()
    return HTMLResponse(pages.done(), headers=NO_STORE)
