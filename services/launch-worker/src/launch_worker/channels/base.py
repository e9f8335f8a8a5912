"""The interface every channel adapter implements, and the message it sends."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    """One rendered message to one recipient, ready for a provider.

    `idempotency_key` is deterministic per delivery (campaign, contact, channel), so the one
    possible resend — a crash between the provider's accept and our commit — carries the same
    key (email: the Message-ID; HTTP providers: an idempotency header) and is detectable
    downstream."""

    delivery_id: uuid.UUID
    company_id: uuid.UUID
    campaign_id: uuid.UUID
    contact_id: uuid.UUID
    channel: str
    recipient: str
    """Email address, E.164 phone number, or for direct mail the contact's name."""
    idempotency_key: str
    text: str
    subject: str | None = None
    html: str | None = None
    sender: str | None = None
    """`From` for email, a sender id or number for SMS."""
    headers: dict[str, str] = field(default_factory=dict)
    """Extra headers (List-Unsubscribe, List-Unsubscribe-Post …)."""
    postal_address: dict[str, Any] | None = None
    """The recipient's postal address (direct mail): `address_line1`, `address_line2`,
    `city`, `region`, `postal_code`, `country`."""
    launch_id: uuid.UUID | None = None
    """The launch the message belongs to (direct mail writes one export per launch)."""


@dataclass(frozen=True, slots=True)
class SendResult:
    """What the provider said when it accepted a message."""

    provider: str
    provider_message_id: str
    cost: Decimal | None = None
    """The provider's price when it reports one; else the company's configured unit cost."""


class SendError(Exception):
    """A message the provider did not accept."""

    def __init__(self, reason: str, *, code: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class TransientSendError(SendError):
    """Worth retrying later (rate limited, timeout, 4xx SMTP, 5xx HTTP)."""

    def __init__(
        self, reason: str, *, code: str | None = None, retry_after_s: float | None = None
    ) -> None:
        super().__init__(reason, code=code)
        self.retry_after_s = retry_after_s


class PermanentSendError(SendError):
    """Never worth retrying (invalid address, 5xx SMTP, rejected by the provider)."""


class ChannelAdapter(Protocol):
    """Sends messages of one channel through one provider."""

    name: str
    """Provider name recorded on each delivery (`smtp`, `sendgrid`, `twilio`, `sandbox` …)."""
    channel: str

    async def send(self, message: OutgoingMessage) -> SendResult:
        """Hand one message to the provider; raise `TransientSendError` or
        `PermanentSendError` when it is not accepted."""
        ...

    async def close(self) -> None:
        """Release connections and flush anything buffered (direct-mail exports)."""
        ...
