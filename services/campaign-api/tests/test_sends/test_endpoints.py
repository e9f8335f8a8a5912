"""POST /api/campaigns/{id}/test-send/: the message rendered exactly as a recipient gets it,
stored for the launch worker with an id-only event; refusals in the standard error format."""

import uuid

import pytest
from sqlalchemy import func, select

from campaign_api.main import create_app
from campaign_api.test_sends import deps as test_send_deps
from crm_common.messages import (
    RenderContext,
    compile_message,
    contact_fields,
    message_source,
    render_message,
    sender_profile,
)
from crm_common.models import AbVariant, AuditLog, CampaignTestSend, Contact, OutboxEvent
from crm_common.resources import Resources
from crm_common.testing.client import app_client
from crm_common.tracking_tokens import TrackingKind, TrackingSigner

HTML = (
    "<h1>Hi {{ first_name | default('there') }}</h1>"
    "<p>Your tier: {{ attributes.tier | default('member') }}</p>"
    '<a href="https://shop.example.com/spring?c={{ campaign_code }}">Shop</a>'
)
SUBJECT = "{{ first_name | default('Hello') }}, the {{ campaign_name }} is on"


@pytest.fixture
async def campaign(create_campaign, admin, funded) -> dict:
    return await create_campaign(admin)


async def _template(client, admin, *, content=HTML, subject=SUBJECT, type_="email") -> str:
    response = await client.post(
        "/api/campaign-templates/",
        json={
            "template_name": "Spring",
            "template_code": f"T{uuid.uuid4().hex[:8]}",
            "template_type": type_,
            "content_template": content,
            "default_settings": {"subject": subject},
        },
        headers=admin,
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


async def _link(client, admin, campaign_id, template_id) -> None:
    response = await client.post(
        f"/api/campaigns/{campaign_id}/templates/",
        json={"template_id": template_id, "is_primary": True},
        headers=admin,
    )
    assert response.status_code == 201, response.text


@pytest.fixture
async def linked(client, admin, campaign) -> str:
    template_id = await _template(client, admin)
    await _link(client, admin, campaign["id"], template_id)
    return template_id


async def _contact(db, company, **fields) -> Contact:
    contact = Contact(
        company_id=company.id,
        external_id=f"C-{uuid.uuid4().hex[:8]}",
        email=f"ann.{uuid.uuid4().hex[:6]}@example.com",
        first_name="Ann",
        last_name="Lee",
        attributes={"tier": "gold"},
        consented_channels=["email"],
        **fields,
    )
    async with db.system_session() as session:
        session.add(contact)
    return contact


def _url(campaign_id) -> str:
    return f"/api/campaigns/{campaign_id}/test-send/"


async def test_renders_exactly_what_the_contact_would_get(
    client, admin, db, acme, campaign, linked, settings
) -> None:
    contact = await _contact(db, acme)
    response = await client.post(
        _url(campaign["id"]),
        json={"to": "Marketer@Example.com", "contact_id": str(contact.id)},
        headers=admin,
    )

    assert response.status_code == 202, response.text
    sent = response.json()
    assert sent["to"] == "marketer@example.com"
    assert (sent["channel"], sent["send_status"]) == ("email", "pending")
    assert sent["contact_id"] == str(contact.id)
    message = sent["message"]
    assert message["subject"] == "Ann, the Spring sale is on"
    assert "<h1>Hi Ann</h1>" in message["html"]
    assert "Your tier: gold" in message["html"]
    assert message["links"] == [f"https://shop.example.com/spring?c={campaign['campaign_code']}"]
    assert message["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    source = message_source("email", template_content=HTML, template_settings={"subject": SUBJECT})
    expected = render_message(
        compile_message(source),
        RenderContext(
            company_id=acme.id,
            campaign_id=uuid.UUID(campaign["id"]),
            delivery_id=uuid.UUID(sent["id"]),
            contact_id=contact.id,
            contact=contact_fields(contact),
            campaign={
                "campaign_name": campaign["campaign_name"],
                "campaign_code": campaign["campaign_code"],
            },
            sender=sender_profile(acme.settings, acme.name),
            tracking_base_url=settings.public_base_url,
        ),
        TrackingSigner.from_settings(settings),
    )
    assert message == {
        "subject": expected.subject,
        "html": expected.html,
        "text": expected.text,
        "headers": expected.headers,
        "links": expected.links,
    }
    unsubscribe = message["headers"]["List-Unsubscribe"][1:-1].rsplit("/", 1)[1]
    claims = TrackingSigner.from_settings(settings).verify(unsubscribe, TrackingKind.UNSUBSCRIBE)
    assert claims.delivery_id == uuid.UUID(sent["id"])


async def test_stores_the_message_and_emits_an_id_only_event(
    client, admin, db, acme, campaign, linked
) -> None:
    response = await client.post(_url(campaign["id"]), json={"to": "qa@example.com"}, headers=admin)
    assert response.status_code == 202, response.text
    test_send_id = uuid.UUID(response.json()["id"])

    async with db.tenant_session(acme.id) as session:
        row = await session.get(CampaignTestSend, test_send_id)
        events = (
            (
                await session.execute(
                    select(OutboxEvent).where(
                        OutboxEvent.event_type == "campaign.test_send_requested"
                    )
                )
            )
            .scalars()
            .all()
        )
        audits = (
            (
                await session.execute(
                    select(AuditLog).where(AuditLog.action == "campaign.test_send_requested")
                )
            )
            .scalars()
            .all()
        )
    assert row.recipient == "qa@example.com"
    assert row.html == response.json()["message"]["html"]
    assert row.send_status == "pending"
    [event] = events
    data = event.envelope["data"]
    assert data["test_send_id"] == str(test_send_id)
    assert data["campaign_id"] == campaign["id"]
    assert "qa@example.com" not in str(event.envelope)
    [audit] = audits
    assert "qa@example.com" not in str(audit.new_values)

    fetched = await client.get(
        f"/api/campaigns/{campaign['id']}/test-sends/{test_send_id}/", headers=admin
    )
    assert fetched.status_code == 200
    assert fetched.json()["message"] == response.json()["message"]


async def test_sample_contact_then_placeholder_data(
    client, admin, db, acme, campaign, linked
) -> None:
    placeholder = await client.post(
        _url(campaign["id"]), json={"to": "qa@example.com"}, headers=admin
    )
    assert placeholder.status_code == 202, placeholder.text
    assert placeholder.json()["contact_id"] is None
    assert "Hi Alex" in placeholder.json()["message"]["html"]

    contact = await _contact(db, acme, city="Boston")
    sampled = await client.post(_url(campaign["id"]), json={"to": "qa@example.com"}, headers=admin)
    assert sampled.json()["contact_id"] == str(contact.id)
    assert "Hi Ann" in sampled.json()["message"]["html"]


async def test_a_variant_renders_its_own_content(client, admin, db, acme, campaign, linked) -> None:
    variant = AbVariant(
        company_id=acme.id,
        campaign_id=uuid.UUID(campaign["id"]),
        variant_name="B",
        subject="Variant B for {{ first_name | default('you') }}",
        content="<p>Variant B body</p>",
        weight=50,
    )
    async with db.system_session() as session:
        session.add(variant)
    response = await client.post(
        _url(campaign["id"]),
        json={"to": "qa@example.com", "variant_id": str(variant.id)},
        headers=admin,
    )
    assert response.status_code == 202, response.text
    assert response.json()["variant_id"] == str(variant.id)
    assert response.json()["message"]["subject"] == "Variant B for Alex"
    assert "<p>Variant B body</p>" in response.json()["message"]["html"]

    unknown = await client.post(
        _url(campaign["id"]),
        json={"to": "qa@example.com", "variant_id": str(uuid.uuid4())},
        headers=admin,
    )
    assert unknown.status_code == 404
    assert unknown.json()["error_code"] == "variant_not_found"


async def test_another_tenants_contact_and_campaign_are_404(
    client, admin, db, globex, campaign, linked, headers_for
) -> None:
    foreign = await _contact(db, globex)
    contact = await client.post(
        _url(campaign["id"]),
        json={"to": "qa@example.com", "contact_id": str(foreign.id)},
        headers=admin,
    )
    other_admin = await headers_for(globex, "admin")
    other = await client.post(
        _url(campaign["id"]), json={"to": "qa@example.com"}, headers=other_admin
    )

    assert contact.status_code == 404
    assert contact.json()["error_code"] == "contact_not_found"
    assert other.status_code == 404
    assert other.json()["error_code"] == "campaign_not_found"


async def test_refusals(client, admin, campaign) -> None:
    no_content = await client.post(
        _url(campaign["id"]), json={"to": "qa@example.com"}, headers=admin
    )
    phone = await client.post(_url(campaign["id"]), json={"to": "+15551234567"}, headers=admin)
    garbage = await client.post(_url(campaign["id"]), json={"to": "not an address"}, headers=admin)
    extra = await client.post(
        _url(campaign["id"]), json={"to": "qa@example.com", "html": "<p>x</p>"}, headers=admin
    )

    assert no_content.status_code == 422
    assert no_content.json()["error_code"] == "no_message_content"
    assert phone.status_code == 422
    assert phone.json()["error_code"] == "test_send_channel_invalid"
    assert garbage.status_code == 422
    assert "to" in str(garbage.json()["details"]["fields"])
    assert extra.status_code == 422


async def test_a_contact_missing_a_field_without_fallback_is_a_422_with_the_reason(
    client, admin, db, acme, campaign
) -> None:
    template_id = await _template(client, admin, content="<p>Hi {{ first_name }}</p>")
    await _link(client, admin, campaign["id"], template_id)
    nameless = await _contact(db, acme, city="Oslo")
    async with db.system_session() as session:
        row = await session.get(Contact, nameless.id)
        row.first_name = None

    response = await client.post(
        _url(campaign["id"]),
        json={"to": "qa@example.com", "contact_id": str(nameless.id)},
        headers=admin,
    )
    assert response.status_code == 422
    assert response.json()["error_code"] == "test_send_render_failed"
    assert "first_name" in response.json()["details"]["reason"]


async def test_sms_campaign_sends_text_to_a_phone(client, admin, create_campaign, funded) -> None:
    campaign = await create_campaign(admin, primary_channel="sms")
    template_id = await _template(
        client, admin, content="Hi {{ first_name | default('there') }}, 20% off", type_="sms"
    )
    await _link(client, admin, campaign["id"], template_id)

    response = await client.post(
        _url(campaign["id"]), json={"to": "+1 (555) 123-4567"}, headers=admin
    )
    assert response.status_code == 202, response.text
    sent = response.json()
    assert (sent["channel"], sent["to"]) == ("sms", "+15551234567")
    assert sent["message"]["text"] == "Hi Alex, 20% off Reply STOP to opt out."
    assert sent["message"]["html"] is None


async def test_test_sends_are_rate_limited_per_user(
    admin, campaign, linked, monkeypatch, settings, resources
) -> None:
    tuned = settings.model_copy(update={"rate_limit_enabled": True})
    shared = Resources(
        settings=tuned, db=resources.db, redis=resources.redis, codec=resources.codec
    )
    monkeypatch.setattr(test_send_deps, "TEST_SENDS_PER_WINDOW", 2)
    async with app_client(create_app(tuned, shared)) as limited:
        answers = [
            await limited.post(_url(campaign["id"]), json={"to": "qa@example.com"}, headers=admin)
            for _ in range(3)
        ]
    assert [r.status_code for r in answers] == [202, 202, 429]
    assert answers[2].json()["error_code"] == "rate_limited"
    assert answers[2].json()["details"]["scope"] == "test_send"
    assert "retry-after" in answers[2].headers


async def test_without_view_pii_the_contact_is_rendered_masked_and_others_messages_withheld(
    client, admin, db, acme, campaign, linked, headers_for
) -> None:
    specialist = await headers_for(acme, "campaign_specialist")
    contact = await _contact(db, acme)
    body = {"to": "qa@example.com", "contact_id": str(contact.id)}

    own = await client.post(_url(campaign["id"]), json=body, headers=specialist)
    assert own.status_code == 202, own.text
    assert "<h1>Hi A.</h1>" in own.json()["message"]["html"]
    assert "Ann" not in own.text
    assert contact.email not in own.text
    assert own.json()["to"] == "q***@e***.com"

    real = await client.post(_url(campaign["id"]), json=body, headers=admin)
    assert "<h1>Hi Ann</h1>" in real.json()["message"]["html"]

    def path(sent) -> str:
        return f"/api/campaigns/{campaign['id']}/test-sends/{sent.json()['id']}/"

    withheld = await client.get(path(real), headers=specialist)
    assert withheld.status_code == 200
    assert withheld.json()["message"] is None
    assert withheld.json()["to"] == "q***@e***.com"
    assert "Ann" not in withheld.text
    masked = await client.get(path(own), headers=specialist)
    assert masked.json()["message"] == own.json()["message"]
    for sent, name in ((real, "Hi Ann"), (own, "Hi A.")):
        seen = (await client.get(path(sent), headers=admin)).json()
        assert seen["to"] == "qa@example.com"
        assert name in seen["message"]["html"]


def _preview(campaign_id, query: str = "") -> str:
    return f"/api/campaigns/{campaign_id}/preview/{query}"


async def test_a_preview_renders_what_a_test_send_would_and_sends_nothing(
    client, admin, db, acme, campaign, linked, headers_for
) -> None:
    contact = await _contact(db, acme)
    analyst = await headers_for(acme, "marketing_analyst")

    shown = await client.get(_preview(campaign["id"], f"?contact_id={contact.id}"), headers=admin)
    sent = await client.post(
        _url(campaign["id"]),
        json={"to": "qa@example.com", "contact_id": str(contact.id)},
        headers=admin,
    )

    assert shown.status_code == 200, shown.text
    preview = shown.json()
    assert (preview["channel"], preview["contact_id"]) == ("email", str(contact.id))
    message, as_sent = preview["message"], sent.json()["message"]
    assert message["subject"] == as_sent["subject"] == "Ann, the Spring sale is on"
    assert "<h1>Hi Ann</h1>" in message["html"]
    assert message["links"] == as_sent["links"]
    # Nothing recorded, nothing queued: the one test send is the one asked for.
    async with db.system_session() as session:
        assert await session.scalar(select(func.count()).select_from(CampaignTestSend)) == 1

    # A reader without view_pii sees the contact's data masked.
    masked = await client.get(
        _preview(campaign["id"], f"?contact_id={contact.id}"), headers=analyst
    )
    assert masked.status_code == 200, masked.text
    assert "<h1>Hi A.</h1>" in masked.json()["message"]["html"]
    assert "Ann" not in masked.text


async def test_a_preview_refuses_what_the_campaign_does_not_send(
    client, admin, campaign, linked, globex, headers_for
) -> None:
    sms = await client.get(_preview(campaign["id"], "?channel=sms"), headers=admin)
    assert sms.status_code == 422
    assert sms.json()["details"]["fields"] == {
        "channel": ["this campaign does not send sms messages"]
    }
    unknown = await client.get(_preview(campaign["id"], "?channel=fax"), headers=admin)
    assert unknown.status_code == 422
    stranger = await headers_for(globex, "admin")
    assert (await client.get(_preview(campaign["id"]), headers=stranger)).status_code == 404
