"""Double opt-in end to end over the real stack: contacts written through the segment engine
with the company's double opt-in on stay pending; the outbox relay publishes their
confirmation requests; the launch worker's consumer sends each confirmation message through
the SMTP adapter to a real SMTP server; one contact follows the link from its mailbox. Only
that contact is counted as sendable by the estimate, summarised as granted by the campaign
API, and sent the campaign by a launch — the unconfirmed ones receive no marketing."""

from __future__ import annotations

import asyncio
import re
import socket
import uuid
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from campaign_api.main import create_app as campaign_api_app
from crm_common.db import Database
from crm_common.events.relay import OutboxRelay
from crm_common.models import Launch
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import auth_headers, make_company, make_email_campaign, make_user
from crm_common.testing.client import app_client
from launch_worker.channels.base import OutgoingMessage, SendResult
from launch_worker.channels.registry import ChannelRegistry
from launch_worker.channels.sink import MailSink
from launch_worker.channels.smtp import SmtpAdapter, SmtpConfig
from launch_worker.opt_in.consumers import requests_consumer
from launch_worker.runtime import LaunchRuntime
from segment_engine.main import create_app as segment_engine_app


class Recorder:
    """The company's email adapter (SMTP) during the launch: records every message."""

    channel = "email"
    name = "smtp"

    def __init__(self) -> None:
        self.recipients: list[str] = []

    async def send(self, message: OutgoingMessage) -> SendResult:
        self.recipients.append(message.recipient)
        return SendResult(provider=self.name, provider_message_id=message.idempotency_key)

    async def close(self) -> None:
        return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _launch(
    db: Database, resources: Resources, company, user, segment, campaign
) -> list[str]:
    launch = Launch(
        id=uuid.uuid4(),
        company_id=company.id,
        campaign_id=campaign.id,
        idempotency_key=uuid.uuid4().hex,
        requested_by_user_id=user.id,
        launch_status="requested",
        parameters={"channels": ["email"], "segment_ids": [str(segment.id)]},
    )
    async with db.system_session() as session:
        session.add(launch)
    settings = resources.settings.model_copy(
        update={"launch_poll_interval_s": 0.05, "launch_lease_s": 3.0, "delivery_lease_s": 3.0}
    )
    scoped = Resources(settings=settings, db=db, redis=resources.redis, codec=resources.codec)
    recorder = Recorder()
    registry = ChannelRegistry(settings)
    registry.install(recorder)
    runtime = LaunchRuntime(scoped, registry=registry)
    stop = asyncio.Event()
    task = asyncio.create_task(runtime.run(stop))
    try:
        for _ in range(400):
            async with db.system_session() as session:
                done = await session.get(Launch, launch.id)
                if done is not None and done.finished_at is not None:
                    assert done.launch_status == "completed", done.last_error
                    break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("the launch did not finish")
    finally:
        stop.set()
        await asyncio.wait_for(task, timeout=10)
    return recorder.recipients


async def test_unconfirmed_contacts_are_excluded_from_audiences_and_launches(
    db: Database, settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    company = await make_company(
        db,
        "acme-doi",
        double_opt_in_email=True,
        sender={"from_name": "Acme News", "from_address": "news@acme.example"},
        channels={"email": {"provider": "smtp"}},
    )
    admin = await make_user(db, company, "admin")
    headers = auth_headers(resources.codec, admin)
    campaign, segment = await make_email_campaign(
        db, company, admin, content="<p>Spring sale</p>", subject="Spring"
    )
    registry = ChannelRegistry(settings)
    consumer = requests_consumer(resources, registry)
    await consumer.ensure_group()

    with MailSink(tmp_path / "mail", port=_free_port()) as sink:
        registry.install(SmtpAdapter(SmtpConfig(host="127.0.0.1", port=sink.port, security="none")))
        async with app_client(segment_engine_app(settings, resources)) as engine:
            written = await engine.post(
                "/api/contacts/bulk/",
                json={
                    "contacts": [
                        {
                            "external_id": name,
                            "email": f"{name}@example.com",
                            "consent": {"email": True},
                        }
                        for name in ("ann", "bob", "cyd")
                    ]
                },
                headers=headers,
            )
            assert written.status_code == 200, written.text
            await OutboxRelay(db, resources.redis, stream=settings.events_stream).publish_batch()
            stats = await consumer.poll(block_ms=500)
            await registry.close()
            keys = sink.maildir.keys()
            mails = [
                message_from_bytes(sink.maildir.raw(key), policy=default_policy) for key in keys
            ]
            assert stats.handled >= 3
            assert sorted(str(mail["To"]) for mail in mails) == [
                "ann@example.com",
                "bob@example.com",
                "cyd@example.com",
            ]
            ann = next(mail for mail in mails if mail["To"] == "ann@example.com")
            text = ann.get_body(("plain",)).get_content()
            assert "Acme News" in text
            link = re.search(r"https?://\S+(/t/opt-in/[A-Za-z0-9_-]+)", text)
            assert link is not None, text
            assert (await engine.get(link.group(1))).status_code == 200
            confirmed = await engine.post(link.group(1))
            assert confirmed.status_code == 200, confirmed.text

            estimate = await engine.post(
                "/api/segments/estimate/", json={"channel": "email"}, headers=headers
            )
            assert estimate.status_code == 200, estimate.text
            assert (estimate.json()["matched"], estimate.json()["count"]) == (3, 1)

    async with app_client(campaign_api_app(settings, resources)) as api:
        summary = await api.get(f"/api/campaigns/{campaign.id}/consent-summary/", headers=headers)
    assert summary.status_code == 200, summary.text
    assert summary.json()["totals"]["email"] == {
        "granted": 1,
        "pending": 2,
        "withdrawn": 0,
        "expired": 0,
        "none": 0,
    }

    assert await _launch(db, resources, company, admin, segment, campaign) == ["ann@example.com"]
