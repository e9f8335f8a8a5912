"""An outgoing message as the bytes of a MIME email (RFC 5322 / 2045-2047).

Written directly rather than through `email.message.EmailMessage`, whose generator costs a few
milliseconds of CPU per message — more than everything else a send does. The shape is fixed
and simple: headers, then either one quoted-printable text/plain part or multipart/alternative
(text, then HTML). Header values never carry line breaks (a rendered subject cannot inject a
header); non-ASCII values are RFC 2047 encoded-words.
"""

from __future__ import annotations

import binascii
import re
import secrets
import time
from email.header import Header
from email.utils import formataddr, formatdate, parseaddr

from launch_worker.channels.base import OutgoingMessage

CRLF = "\r\n"
RESERVED_HEADERS = frozenset(
    {
        "from",
        "to",
        "cc",
        "bcc",
        "subject",
        "message-id",
        "date",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
    }
)
"""Headers the message's `headers` may not set: the builder writes them."""

_HEADER_NAME = re.compile(r"^[!-9;-~]{1,76}$")
_date_cache: tuple[int, str] = (0, "")


def message_id(idempotency_key: str, domain: str) -> str:
    """The Message-ID of a delivery: the same for every attempt of it."""
    return f"<{idempotency_key}@{domain}>"


def _now_header() -> str:
    global _date_cache
    second = int(time.time())
    if _date_cache[0] != second:
        _date_cache = (second, formatdate(second, usegmt=True))
    return _date_cache[1]


def _one_line(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").strip()


def header_text(value: str) -> str:
    """An unstructured header value (Subject, List-Unsubscribe …), encoded when not ASCII."""
    value = _one_line(value)
    if value.isascii():
        return value
    return Header(value, "utf-8", maxlinelen=998).encode(linesep=CRLF)


def header_address(value: str) -> str:
    """An address header (From, To): `Name <addr>` with the name encoded when not ASCII."""
    name, address = parseaddr(_one_line(value))
    if not address:
        return header_text(value)
    return formataddr((name, address), charset="utf-8")


def _part(content: str, subtype: str) -> str:
    encoded = binascii.b2a_qp(content.replace("\r\n", "\n").encode("utf-8"), istext=True)
    body = encoded.decode("ascii").replace("\n", CRLF)
    return (
        f'Content-Type: text/{subtype}; charset="utf-8"{CRLF}'
        f"Content-Transfer-Encoding: quoted-printable{CRLF}{CRLF}{body}{CRLF}"
    )


def render_email(message: OutgoingMessage, sender: str, domain: str) -> bytes:
    """The complete message, ready for SMTP DATA."""
    lines = [
        f"From: {header_address(sender)}",
        f"To: {header_address(message.recipient)}",
        f"Subject: {header_text(message.subject or '')}",
        f"Message-ID: {message_id(message.idempotency_key, domain)}",
        f"Date: {_now_header()}",
        "MIME-Version: 1.0",
    ]
    for name, value in message.headers.items():
        if not _HEADER_NAME.match(name) or name.lower() in RESERVED_HEADERS:
            continue  # not a header name (RFC 5322 printable, no colon) or one we write
        lines.append(f"{name}: {header_text(value)}")
    if not message.html:
        return (CRLF.join(lines) + CRLF + _part(message.text, "plain")).encode()
    boundary = f"=_crm_{secrets.token_hex(12)}"
    lines.append(f'Content-Type: multipart/alternative; boundary="{boundary}"')
    body = (
        f"--{boundary}{CRLF}{_part(message.text, 'plain')}"
        f"--{boundary}{CRLF}{_part(message.html, 'html')}"
        f"--{boundary}--{CRLF}"
    )
    # ASCII throughout, except an internationalised address (sent with SMTPUTF8)
    return (CRLF.join(lines) + CRLF + CRLF + body).encode()
