"""The demo mail sink: what the SMTP adapter sends lands in a Maildir, and the development
pages show it — only in development and only to this machine."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from crm_common.resources import Resources
from crm_common.settings import Settings
from launch_worker.channels.registry import ChannelRegistry
from launch_worker.channels.sink import demo_sink_wanted, mail_dir, start_demo_sink
from launch_worker.channels.smtp import SmtpAdapter
from launch_worker.main import create_app

from .conftest import outgoing
from .fakes import free_port


@asynccontextmanager
async def pages(
    settings: Settings, resources: Resources, client_ip: str = "127.0.0.1"
) -> AsyncIterator[AsyncClient]:
    shared = Resources(settings, resources.db, resources.redis, resources.codec)
    app: FastAPI = create_app(settings, shared)
    transport = ASGITransport(app=app, client=(client_ip, 50000))
    async with (
        app.router.lifespan_context(app),
        AsyncClient(transport=transport, base_url="http://127.0.0.1:8000") as client,
    ):
        yield client


def dev_settings(settings: Settings, tmp_path: Path) -> Settings:
    return settings.model_copy(
        update={"env": "dev", "data_dir": tmp_path, "mail_sink_port": free_port()}
    )


async def test_the_demo_sends_email_over_smtp_into_the_sink_and_the_pages_show_it(
    settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    dev = dev_settings(settings, tmp_path)
    pointed, sink = start_demo_sink(dev)
    assert sink is not None
    registry = ChannelRegistry(pointed)
    try:
        adapter = registry.adapter_for({}, "email")
        assert isinstance(adapter, SmtpAdapter)
        message = outgoing(subject="<script>alert(1)</script> Spring")
        await adapter.send(message)
        assert sink.maildir.path == mail_dir(dev)

        async with pages(pointed, resources) as client:
            listing = await client.get("/dev/mail/messages/")
            page = await client.get("/dev/mail/")
            [item] = listing.json()["items"]
            raw = await client.get(f"/dev/mail/{item['id']}")
            missing = await client.get("/dev/mail/1234.M1P1Q1.nowhere")
            traversal = await client.get("/dev/mail/..%2F..%2Fsettings")
    finally:
        await registry.close()
        sink.stop()

    assert listing.status_code == 200
    assert listing.json()["total"] == 1
    assert item["recipient"] == "ann@example.com"
    assert item["message_id"] == f"<{message.idempotency_key}@{dev.mail_from_domain}>"
    assert page.status_code == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Spring" in page.text
    assert "<script>" not in page.text
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/plain")
    assert raw.headers["x-content-type-options"] == "nosniff"
    assert f"Message-ID: <{message.idempotency_key}@" in raw.text
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw.text
    assert missing.status_code == 404
    assert missing.json()["error_code"] == "mail_not_found"
    assert traversal.status_code == 404


async def test_the_pages_answer_only_this_machine(
    settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    async with pages(dev_settings(settings, tmp_path), resources, "203.0.113.7") as client:
        response = await client.get("/dev/mail/messages/")
    assert response.status_code == 403
    assert response.json()["error_code"] == "loopback_only"


@pytest.mark.parametrize("host", ["rebind.attacker.example", "127.0.0.1.nip.io:8000", ""])
async def test_the_pages_answer_only_local_names(
    settings: Settings, resources: Resources, tmp_path: Path, host: str
) -> None:
    async with pages(dev_settings(settings, tmp_path), resources) as client:
        response = await client.get("/dev/mail/messages/", headers={"Host": host})
        for local in ("localhost:8000", "127.0.0.1", "[::1]:8000", "app.localhost"):
            assert (
                await client.get("/dev/mail/messages/", headers={"Host": local})
            ).status_code == 200, local
    assert response.status_code == 403
    assert response.json()["error_code"] == "loopback_only"


async def test_outside_development_there_are_no_pages_and_no_sink(
    settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    async with pages(settings, resources) as client:
        response = await client.get("/dev/mail/messages/")
    assert response.status_code == 404
    prod_like = settings.model_copy(update={"env": "prod"})
    assert not demo_sink_wanted(prod_like)
    assert not demo_sink_wanted(settings)  # tests
    configured = dev_settings(settings, tmp_path).model_copy(update={"smtp_host": "mail.example"})
    assert not demo_sink_wanted(configured)
    assert start_demo_sink(configured) == (configured, None)


async def test_a_busy_sink_port_leaves_the_demo_running_on_the_sandbox(
    settings: Settings, tmp_path: Path
) -> None:
    dev = dev_settings(settings, tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", dev.mail_sink_port))
        taken.listen()
        pointed, sink = start_demo_sink(dev)
    assert sink is None
    assert pointed is dev
    registry = ChannelRegistry(pointed)
    assert registry.choice({}, "email").provider == "sandbox"
