"""A test send end to end: campaign-api renders and stores the message and its event, the
outbox relay publishes it, the launch worker's consumer sends it through the SMTP adapter to a
real SMTP server, and the API then shows it sent. The mailbox holds exactly what the API
showed."""

import socket
import uuid
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.policy import default as default_policy
from pathlib import Path

from campaign_api.main import create_app as campaign_api_app
from crm_common.db import Database
from crm_common.events.relay import OutboxRelay
from crm_common.models import Campaign, CampaignTemplate, CampaignTemplateLink
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client
from launch_worker.channels.registry import ChannelRegistry
from launch_worker.channels.sink import MailSink
from launch_worker.channels.smtp import SmtpAdapter, SmtpConfig
from launch_worker.test_sends.consumers import requests_consumer

HTML = (
    "<h1>Hi {{ first_name | default('there') }}</h1>"
    '<p><a href="https://shop.example.com/spring">Shop the sale</a></p>'
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _campaign_with_template(db: Database, company, user) -> uuid.UUID:
    now = datetime.now(UTC)
    campaign = Campaign(
        company_id=company.id,
        created_by_user_id=user.id,
        campaign_name="Spring sale",
        campaign_code=f"SPRING-{uuid.uuid4().hex[:6]}",
        campaign_type="promotional",
        primary_channel="email",
        start_date=now + timedelta(days=1),
        end_date=now + timedelta(days=30),
    )
    template = CampaignTemplate(
        company_id=company.id,
        template_name="Spring",
        template_code="SPRING",
        template_type="email",
        content_template=HTML,
        default_settings={"subject": "{{ first_name | default('Hello') }}, spring is here"},
    )
    async with db.system_session() as session:
        session.add_all([campaign, template])
        await session.flush()
        session.add(
            CampaignTemplateLink(
                company_id=company.id,
                campaign_id=campaign.id,
                template_id=template.id,
                is_primary=True,
            )
        )
    return campaign.id


async def test_a_test_send_reaches_a_real_mailbox_as_the_api_showed_it(
    db: Database, settings: Settings, resources: Resources, tmp_path: Path
) -> None:
    company = await make_company(
        db,
        "acme-ts",
        sender={"from_name": "Acme News", "from_address": "news@acme.example"},
        channels={"email": {"provider": "smtp"}},
    )
    user = await make_user(db, company, "marketing_manager")
    headers = auth_headers(resources.codec, user)
    campaign_id = await _campaign_with_template(db, company, user)
    registry = ChannelRegistry(settings)
    consumer = requests_consumer(resources, registry)
    await consumer.ensure_group()

    with MailSink(tmp_path / "mail", port=_free_port()) as sink:
        registry.install(SmtpAdapter(SmtpConfig(host="127.0.0.1", port=sink.port, security="none")))
        async with app_client(campaign_api_app(settings, resources)) as api:
            requested = await api.post(
                f"/api/campaigns/{campaign_id}/test-send/",
                json={"to": "marketer@example.com"},
                headers=headers,
            )
            assert requested.status_code == 202, requested.text
            relay = OutboxRelay(db, resources.redis, stream=settings.events_stream)
            await relay.publish_batch()
            stats = await consumer.poll(block_ms=500)
            shown = await api.get(
                f"/api/campaigns/{campaign_id}/test-sends/{requested.json()['id']}/",
                headers=headers,
            )
        await registry.close()
        keys = sink.maildir.keys()
        raw = [sink.maildir.raw(key) for key in keys]

    assert stats.handled >= 1
    assert shown.json()["send_status"] == "sent", shown.json()
    assert shown.json()["provider"] == "smtp"
    [data] = raw
    mail = message_from_bytes(data, policy=default_policy)
    rendered = requested.json()["message"]
    assert mail["To"] == "marketer@example.com"
    assert mail["Subject"] == rendered["subject"] == "Alex, spring is here"
    assert "Acme News" in mail["From"]
    assert mail["List-Unsubscribe"] == rendered["headers"]["List-Unsubscribe"]
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = mail.get_body(("html",)).get_content().replace("\r\n", "\n")
    text = mail.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert html.strip() == rendered["html"].strip()
    assert text.strip() == rendered["text"].strip()
    assert "/t/c/" in html
    assert "https://shop.example.com/spring" not in html
