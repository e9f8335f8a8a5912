"""Read-only pages over the demo mail sink: `GET /dev/mail/` lists the newest messages,
`GET /dev/mail/messages/` the same as JSON, `GET /dev/mail/{id}` one raw message.

Development only: the router is mounted only when `CRM_ENV=dev` (never in prod or test
processes), and it answers only clients on the machine itself (loopback), since the messages
hold recipients' addresses and working unsubscribe links.
"""

from __future__ import annotations

import html
import ipaddress
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, ConfigDict

from crm_common.deps import AppResources
from crm_common.errors import NotFound, PermissionDenied
from launch_worker.channels.sink import Maildir, latest, mail_dir

SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "Referrer-Policy": "no-referrer",
}


class SinkMessageNotFound(NotFound):
    error_code = "mail_not_found"
    message = "There is no such message in the mail sink."


class LoopbackOnly(PermissionDenied):
    error_code = "loopback_only"
    message = "The mail sink pages answer only on this machine, asked for by a local name."


class SinkMessage(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: str
    message_id: str
    sender: str
    recipient: str
    subject: str
    date: str


class SinkMessagePage(BaseModel):
    items: list[SinkMessage]
    total: int


def _loopback_name(host: str) -> bool:
    """Whether a Host header (port included or not) names this machine: `localhost` (or a
    name under it), a loopback address."""
    name = host.strip().lower()
    if name.startswith("["):
        name = name[1:].partition("]")[0]
    elif name.count(":") == 1:
        name = name.partition(":")[0]
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def local_client(request: Request) -> None:
    """Only a client on this machine, asking for this machine by name: a loopback peer is
    not enough, since a web page whose domain an attacker points at 127.0.0.1 (DNS
    rebinding) would reach the pages from the developer's own browser with its own Host."""
    host = request.client.host if request.client else None
    try:
        loopback = host is not None and ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host in ("testclient", "testserver")
    if not loopback or not _loopback_name(request.headers.get("host", "")):
        raise LoopbackOnly()


def sink_maildir(resources: AppResources) -> Maildir:
    return Maildir(mail_dir(resources.settings))


SinkMaildir = Annotated[Maildir, Depends(sink_maildir)]

router = APIRouter(
    prefix="/dev/mail",
    tags=["demo mail sink (development only)"],
    dependencies=[Depends(local_client)],
    responses=LoopbackOnly.openapi(),
)


@router.get("/", response_class=HTMLResponse)
async def mail_list_page(
    maildir: SinkMaildir, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> HTMLResponse:
    """The newest messages the demo sink received."""
    rows = "".join(
        "<tr><td>{date}</td><td>{sender}</td><td>{recipient}</td>"
        '<td><a href="/dev/mail/{id}">{subject}</a></td></tr>'.format(
            date=html.escape(item.date),
            sender=html.escape(item.sender),
            recipient=html.escape(item.recipient),
            id=html.escape(item.id, quote=True),
            subject=html.escape(item.subject or "(no subject)"),
        )
        for item in latest(maildir, limit)
    )
    page = (
        "<!doctype html><html lang=en><meta charset=utf-8><title>Mail sink</title>"
        "<style>body{font:14px sans-serif;margin:2em}td,th{padding:4px 8px;"
        "border-bottom:1px solid #ddd;text-align:left}</style>"
        f"<h1>Mail sink</h1><p>{maildir.count()} messages in {html.escape(str(maildir.path))}"
        "</p><table><thead><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></html>"
    )
    return HTMLResponse(page, headers=SECURITY_HEADERS)


@router.get("/messages/", response_model=SinkMessagePage)
async def mail_list(
    maildir: SinkMaildir, limit: Annotated[int, Query(ge=1, le=1000)] = 100
) -> SinkMessagePage:
    """The newest messages the demo sink received, as JSON."""
    items = [SinkMessage.model_validate(item) for item in latest(maildir, limit)]
    return SinkMessagePage(items=items, total=maildir.count())


@router.get(
    "/{message_key}",
    response_class=Response,
    responses={
        200: {"content": {"text/plain": {}}, "description": "The raw message."},
        **SinkMessageNotFound.openapi(),
    },
)
async def mail_raw(message_key: str, maildir: SinkMaildir) -> Response:
    """One message exactly as it arrived over SMTP."""
    data = maildir.raw(message_key)
    if data is None:
        raise SinkMessageNotFound()
    return Response(data, media_type="text/plain; charset=utf-8", headers=SECURITY_HEADERS)
