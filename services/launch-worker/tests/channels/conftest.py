"""Fixtures of the channel tests: outgoing messages, a real SMTP sink, the local SendGrid and
Twilio servers."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from launch_worker.channels.base import OutgoingMessage
from launch_worker.channels.sink import MailSink

from .fakes import Recorded, free_port, sendgrid_app, serve, twilio_app


def outgoing(**changes: Any) -> OutgoingMessage:
    """A rendered message as the dispatch hands it to an adapter."""
    delivery_id = changes.pop("delivery_id", uuid.uuid4())
    values: dict[str, Any] = {
        "delivery_id": delivery_id,
        "company_id": uuid.uuid4(),
        "campaign_id": uuid.uuid4(),
        "contact_id": uuid.uuid4(),
        "launch_id": uuid.uuid4(),
        "channel": "email",
        "recipient": "ann@example.com",
        "idempotency_key": f"d-{delivery_id.hex}",
        "subject": "Spring sale",
        "text": "Hello Ann,\nour spring sale starts today.",
        "html": "<p>Hello Ann,</p><p>our spring sale starts today.</p>",
        "sender": "Acme <news@acme.example>",
        "headers": {
            "List-Unsubscribe": "<https://crm.example/t/u/token>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    }
    values.update(changes)
    return OutgoingMessage(**values)


@pytest.fixture
def sink(tmp_path: Path) -> Iterator[MailSink]:
    with MailSink(tmp_path / "mail", port=free_port()) as running:
        yield running


@pytest.fixture
async def sendgrid_server() -> AsyncIterator[tuple[str, Recorded]]:
    recorded = Recorded()
    async with serve(sendgrid_app(recorded)) as url:
        yield url, recorded


@pytest.fixture
async def twilio_server() -> AsyncIterator[tuple[str, Recorded]]:
    recorded = Recorded()
    async with serve(twilio_app(recorded)) as url:
        yield url, recorded
