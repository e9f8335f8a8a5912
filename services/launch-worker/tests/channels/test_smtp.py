"""The SMTP adapter against a real SMTP server (aiosmtpd storing into a Maildir)."""

from __future__ import annotations

import asyncio
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from launch_worker.channels.base import PermanentSendError, TransientSendError
from launch_worker.channels.sink import MaildirHandler, MailSink
from launch_worker.channels.smtp import SmtpAdapter, SmtpConfig

from .conftest import outgoing
from .fakes import free_port

DOMAIN = "mail.acme.example"


def adapter_for(sink: MailSink, **changes: object) -> SmtpAdapter:
    config = {
        "host": sink.host,
        "port": sink.port,
        "security": "none",
        "pool_size": 2,
        "from_domain": DOMAIN,
        "timeout_s": 5.0,
    }
    config.update(changes)
    return SmtpAdapter(SmtpConfig(**config))  # type: ignore[arg-type]


class PickyHandler(MaildirHandler):
    """Refuses some recipients the way real servers do, and counts connections."""

    def __init__(self, maildir) -> None:  # type: ignore[no-untyped-def]
        super().__init__(maildir)
        self.connections = 0

    async def handle_EHLO(  # type: ignore[no-untyped-def]
        self, server: SMTP, session: Session, envelope: Envelope, hostname: str, responses
    ):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(  # type: ignore[no-untyped-def]
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options
    ) -> str:
        if address.startswith("greylisted@"):
            return "451 4.7.1 Greylisted, try again later"
        if address.startswith("nobody@"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"


@pytest.fixture
def picky_sink(tmp_path: Path):  # type: ignore[no-untyped-def]
    sink = MailSink(tmp_path / "picky", port=free_port())
    sink.handler = PickyHandler(sink.maildir)
    with sink:
        yield sink


async def test_a_message_arrives_multipart_with_its_message_id_and_headers(
    sink: MailSink,
) -> None:
    adapter = adapter_for(sink)
    message = outgoing()
    try:
        result = await adapter.send(message)
    finally:
        await adapter.close()

    assert result.provider == "smtp"
    assert result.provider_message_id == f"<{message.idempotency_key}@{DOMAIN}>"
    [raw] = list(sink.maildir.iter_raw())
    received = message_from_bytes(raw, policy=default_policy)
    assert received["Message-ID"] == f"<{message.idempotency_key}@{DOMAIN}>"
    assert received["From"] == "Acme <news@acme.example>"
    assert received["To"] == "ann@example.com"
    assert received["Subject"] == "Spring sale"
    assert received["Delivered-To"] == "ann@example.com"
    assert received["List-Unsubscribe"] == "<https://crm.example/t/u/token>"
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert received.get_content_type() == "multipart/alternative"
    parts = [part.get_content_type() for part in received.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    assert "spring sale starts today" in received.get_body(("plain",)).get_content()
    assert "<p>Hello Ann,</p>" in received.get_body(("html",)).get_content()


async def test_a_text_only_message_is_a_single_plain_part(sink: MailSink) -> None:
    adapter = adapter_for(sink)
    try:
        await adapter.send(outgoing(html=None, sender=None))
    finally:
        await adapter.close()
    [raw] = list(sink.maildir.iter_raw())
    received = message_from_bytes(raw, policy=default_policy)
    assert received.get_content_type() == "text/plain"
    assert received["From"] == f"campaigns@{DOMAIN}"


async def test_connections_are_reused_across_messages(picky_sink: MailSink) -> None:
    adapter = adapter_for(picky_sink, pool_size=2)
    try:
        await asyncio.gather(
            *(adapter.send(outgoing(recipient=f"c{i}@example.com")) for i in range(20))
        )
    finally:
        await adapter.close()
    assert picky_sink.maildir.count() == 20
    assert isinstance(picky_sink.handler, PickyHandler)
    assert picky_sink.handler.connections <= 2


async def test_a_4xx_reply_is_transient_and_the_connection_stays_usable(
    picky_sink: MailSink,
) -> None:
    adapter = adapter_for(picky_sink, pool_size=1)
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(outgoing(recipient="greylisted@example.com"))
        await adapter.send(outgoing(recipient="ann@example.com"))
    finally:
        await adapter.close()
    assert refused.value.code == "451"
    assert "Greylisted" in refused.value.reason
    assert picky_sink.maildir.count() == 1


async def test_a_5xx_reply_is_permanent(picky_sink: MailSink) -> None:
    adapter = adapter_for(picky_sink)
    try:
        with pytest.raises(PermanentSendError) as refused:
            await adapter.send(outgoing(recipient="nobody@example.com"))
    finally:
        await adapter.close()
    assert refused.value.code == "550"
    assert picky_sink.maildir.count() == 0


async def test_no_server_is_transient_and_a_restarted_server_is_used_again(
    tmp_path: Path,
) -> None:
    port = free_port()
    adapter = SmtpAdapter(
        SmtpConfig(host="127.0.0.1", port=port, security="none", from_domain=DOMAIN, timeout_s=2)
    )
    try:
        with pytest.raises(TransientSendError) as refused:
            await adapter.send(outgoing())
        assert refused.value.code == "connection"

        with MailSink(tmp_path / "first", port=port) as first:
            await adapter.send(outgoing())
            assert first.maildir.count() == 1
        # The pooled connection died with the server: it is dropped, a new one is opened.
        with MailSink(tmp_path / "second", port=port) as second:
            await asyncio.sleep(0.05)
            await adapter.send(outgoing())
            assert second.maildir.count() == 1
    finally:
        await adapter.close()
