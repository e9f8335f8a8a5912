"""Email over SMTP (aiosmtplib), through a small pool of reused connections.

Each message is multipart/alternative (text, then HTML when there is some) with the message's
extra headers (List-Unsubscribe, List-Unsubscribe-Post …) and a deterministic Message-ID,
`<{idempotency_key}@{mail_from_domain}>`: the one possible resend — a crash between the
server's accept and our commit — reaches the mailbox with the same Message-ID, which mail
stores and clients use to spot the duplicate.

Reply codes decide what a refusal means: 4xx is transient (greylisting, mailbox busy, rate
limits), 5xx permanent (no such user, policy), except the authentication codes 530/535, which
say our configuration is wrong rather than the address, so they are transient and retried.
Lost connections and timeouts are transient.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from email.utils import parseaddr

import aiosmtplib
import structlog

from launch_worker.channels.base import (
    OutgoingMessage,
    PermanentSendError,
    SendError,
    SendResult,
    TransientSendError,
)
from launch_worker.channels.mime import message_id, render_email

log = structlog.get_logger(__name__)

NAME = "smtp"
_AUTH_CODES = frozenset({530, 535, 538})
# A pooled connection idle longer than this is checked with NOOP before it carries a message:
# servers drop idle clients, and a message must not be lost to a connection that is gone.
_CHECK_IDLE_AFTER_S = 10.0


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int = 587
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    security: str = "starttls"
    """`none`, `starttls` (upgrade a plain connection) or `tls` (implicit TLS)."""
    timeout_s: float = 30.0
    pool_size: int = 4
    from_domain: str = "crm.localhost"
    default_sender: str | None = None


def classify(exc: Exception) -> SendError:
    """What an aiosmtplib error means for the delivery."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        refused = exc.recipients[0] if exc.recipients else None
        code = refused.code if refused is not None else 550
        text = refused.message if refused is not None else "recipient refused"
        return _by_code(code, text)
    if isinstance(exc, aiosmtplib.SMTPResponseException) and not isinstance(
        exc, aiosmtplib.SMTPServerDisconnected
    ):
        return _by_code(exc.code, exc.message)
    if isinstance(exc, aiosmtplib.SMTPTimeoutError | TimeoutError):
        return TransientSendError("SMTP timeout", code="timeout")
    return TransientSendError(f"SMTP connection: {type(exc).__name__}", code="connection")


def _by_code(code: int, text: str) -> SendError:
    reason = f"{code} {text}".strip()[:500]
    if 400 <= code < 500 or code in _AUTH_CODES:
        return TransientSendError(reason, code=str(code))
    return PermanentSendError(reason, code=str(code))


class _Connection:
    def __init__(self, client: aiosmtplib.SMTP) -> None:
        self.client = client
        self.last_used = time.monotonic()


class SmtpAdapter:
    """Sends email through one SMTP server with up to `pool_size` connections at once."""

    name = NAME
    channel = "email"

    def __init__(self, config: SmtpConfig) -> None:
        self.config = config
        self._idle: list[_Connection] = []
        self._slots = asyncio.Semaphore(config.pool_size)
        self._closed = False

    def _sender(self, message: OutgoingMessage) -> str:
        return (
            message.sender or self.config.default_sender or f"campaigns@{self.config.from_domain}"
        )

    async def send(self, message: OutgoingMessage) -> SendResult:
        sender = self._sender(message)
        data = render_email(message, sender, self.config.from_domain)
        envelope_from = parseaddr(sender)[1] or sender
        async with self._slots:
            connection = await self._acquire()
            try:
                await connection.client.sendmail(envelope_from, [message.recipient], data)
            except (OSError, TimeoutError) as exc:  # lost connection, timeout: drop it
                await self._discard(connection)
                raise classify(exc) from None
            except aiosmtplib.SMTPException as exc:  # a refusal: the envelope was reset
                await self._release(connection)
                raise classify(exc) from None
            except BaseException:  # cancelled mid-command: the session state is unknown
                connection.client.close()
                raise
            await self._release(connection)
        return SendResult(
            provider=NAME,
            provider_message_id=message_id(message.idempotency_key, self.config.from_domain),
        )

    async def _acquire(self) -> _Connection:
        while self._idle:
            connection = self._idle.pop()
            if not connection.client.is_connected:
                continue
            if time.monotonic() - connection.last_used < _CHECK_IDLE_AFTER_S:
                return connection
            try:
                await connection.client.noop()
            except (aiosmtplib.SMTPException, OSError, TimeoutError):
                await self._discard(connection)
                continue
            return connection
        return await self._connect()

    async def _connect(self) -> _Connection:
        config = self.config
        client = aiosmtplib.SMTP(
            hostname=config.host,
            port=config.port,
            username=config.username,
            password=config.password,
            use_tls=config.security == "tls",
            start_tls=config.security == "starttls",
            timeout=config.timeout_s,
            local_hostname=config.from_domain,
        )
        try:
            await client.connect()
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            log.warning("smtp_connect_failed", host=config.host, error=type(exc).__name__)
            raise classify(exc) from None
        return _Connection(client)

    async def _release(self, connection: _Connection) -> None:
        connection.last_used = time.monotonic()
        if self._closed or len(self._idle) >= self.config.pool_size:
            await self._discard(connection)
            return
        self._idle.append(connection)

    async def _discard(self, connection: _Connection) -> None:
        client = connection.client
        try:
            if client.is_connected:
                await asyncio.wait_for(client.quit(), timeout=2)
        except (aiosmtplib.SMTPException, OSError, TimeoutError):
            client.close()

    async def close(self) -> None:
        self._closed = True
        idle, self._idle = self._idle, []
        await asyncio.gather(*(self._discard(connection) for connection in idle))
