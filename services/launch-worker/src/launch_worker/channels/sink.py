"""The demo mail sink: a real SMTP server (aiosmtpd) on 127.0.0.1 that stores every message
it accepts as one file in a Maildir, and read helpers for the pages that show them.

The all-in-one (`crm run`) starts it in development when no email provider is configured and
points the SMTP adapter at it, so a demo launch really goes through SMTP and anyone can read
what was sent (`/dev/mail/`, or any mail client that opens a Maildir). Tests use it as a real
SMTP server too. It runs in its own thread with its own event loop (aiosmtpd's Controller),
so writing files never blocks the service's loop.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from email import message_from_bytes
from email.header import decode_header, make_header
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import structlog
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from crm_common.settings import Settings

log = structlog.get_logger(__name__)

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,200}$")
_DIRECTORIES = ("tmp", "new", "cur")


class Maildir:
    """A Maildir written one file per message (tmp/ then an atomic rename into new/)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        for name in _DIRECTORIES:
            (path / name).mkdir(parents=True, exist_ok=True)
        self._host = socket.gethostname().replace("/", "_").replace(":", "_") or "localhost"
        self._counter = 0

    def add(self, data: bytes) -> str:
        """Store one message; its id (the file name)."""
        self._counter += 1
        now = time.time()
        key = f"{int(now)}.M{int(now % 1 * 1e6)}P{os.getpid()}Q{self._counter}.{self._host}"
        temporary = self.path / "tmp" / key
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, self.path / "new" / key)
        return key

    def keys(self) -> list[str]:
        """Every stored message id, newest first."""
        entries: list[tuple[float, str]] = []
        for name in ("new", "cur"):
            with os.scandir(self.path / name) as scan:
                entries.extend((entry.stat().st_mtime, entry.name) for entry in scan)
        entries.sort(reverse=True)
        return [name for _, name in entries]

    def count(self) -> int:
        return sum(len(os.listdir(self.path / name)) for name in ("new", "cur"))

    def raw(self, key: str) -> bytes | None:
        """The stored bytes of one message, or None when there is no such message."""
        if not _SAFE_ID.match(key):
            return None
        for name in ("new", "cur"):
            candidate = self.path / name / key
            if candidate.is_file():
                return candidate.read_bytes()
        return None

    def iter_raw(self) -> Iterator[bytes]:
        for key in self.keys():
            data = self.raw(key)
            if data is not None:
                yield data

    def clear(self) -> None:
        for name in _DIRECTORIES:
            for entry in (self.path / name).iterdir():
                entry.unlink(missing_ok=True)


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """The headers the listing shows."""

    id: str
    message_id: str
    sender: str
    recipient: str
    subject: str
    date: str


def _header(value: Any) -> str:
    if value is None:
        return ""
    try:
        return str(make_header(decode_header(str(value))))
    except (UnicodeError, LookupError, ValueError):
        return str(value)


def summary(key: str, data: bytes) -> StoredMessage:
    parsed = message_from_bytes(data, policy=default_policy)
    return StoredMessage(
        id=key,
        message_id=_header(parsed.get("Message-ID")),
        sender=_header(parsed.get("From")),
        recipient=_header(parsed.get("Delivered-To") or parsed.get("To")),
        subject=_header(parsed.get("Subject")),
        date=_header(parsed.get("Date")),
    )


def latest(maildir: Maildir, limit: int = 100) -> list[StoredMessage]:
    """The newest `limit` messages."""
    messages = []
    for key in maildir.keys()[:limit]:
        data = maildir.raw(key)
        if data is not None:
            messages.append(summary(key, data))
    return messages


class MaildirHandler:
    """aiosmtpd handler: accept every recipient, store every message."""

    def __init__(self, maildir: Maildir) -> None:
        self.maildir = maildir
        self.received = 0

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        recipients = ", ".join(envelope.rcpt_tos)
        prefix = f"Return-Path: <{envelope.mail_from}>\r\nDelivered-To: {recipients}\r\n"
        self.maildir.add(prefix.encode("utf-8", "replace") + content)
        self.received += 1
        return "250 2.0.0 Message accepted for delivery"


class MailSink:
    """An SMTP server on `host:port` storing into a Maildir; `start()` / `stop()`."""

    def __init__(self, directory: Path, *, host: str = "127.0.0.1", port: int = 8025) -> None:
        self.maildir = Maildir(directory)
        self.handler = MaildirHandler(self.maildir)
        self.host = host
        self.port = port
        self._controller: Controller | None = None

    def start(self) -> MailSink:
        # aiosmtpd logs every connection at INFO; its warnings and errors are enough here.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        # A taken port would only surface after the controller's whole ready timeout.
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((self.host, self.port))
        controller = Controller(
            self.handler,
            hostname=self.host,
            port=self.port,
            server_hostname="crm-mail-sink",
            enable_SMTPUTF8=True,
            data_size_limit=10 * 1024 * 1024,
            ready_timeout=10.0,
        )
        controller.start()
        self._controller = controller
        self.port = controller.port
        return self

    def stop(self) -> None:
        if self._controller is not None:
            with contextlib.suppress(AssertionError, RuntimeError):
                self._controller.stop()
            self._controller = None

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()


def mail_dir(settings: Settings) -> Path:
    """Where the demo sink keeps its Maildir."""
    return settings.data_dir / "mail"


def demo_sink_wanted(settings: Settings) -> bool:
    """In development, with the sink enabled and no email provider configured."""
    return (
        settings.env == "dev"
        and settings.mail_sink_port > 0
        and not settings.smtp_host
        and settings.email_provider in (None, "smtp")
    )


def start_demo_sink(settings: Settings) -> tuple[Settings, MailSink | None]:
    """Start the demo sink when wanted; the settings then send email to it over SMTP."""
    if not demo_sink_wanted(settings):
        return settings, None
    try:
        sink = MailSink(mail_dir(settings), port=settings.mail_sink_port).start()
    except (OSError, RuntimeError, TimeoutError) as exc:
        # The demo still runs, its email then recorded by the sandbox instead.
        log.warning("mail_sink_unavailable", port=settings.mail_sink_port, error=repr(exc))
        return settings, None
    log.info(
        "mail_sink_started",
        smtp=f"{sink.host}:{sink.port}",
        maildir=str(sink.maildir.path),
        pages="/dev/mail/",
    )
    pointed = settings.model_copy(
        update={
            "smtp_host": sink.host,
            "smtp_port": sink.port,
            "smtp_security": "none",
            "smtp_username": None,
            "smtp_password": None,
        }
    )
    return pointed, sink
