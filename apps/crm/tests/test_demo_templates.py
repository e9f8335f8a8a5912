"""The demo templates render for every contact (fallbacks for every personal field), and
seeding replaces the earlier demo content that named fields no contact has."""

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from crm_cli.seed import DEMO_TEMPLATES, UNRENDERABLE_DEMO_CONTENT, _reference_data
from crm_common.messages import (
    RenderContext,
    compile_message,
    message_source,
    render_message,
    sender_profile,
)
from crm_common.models import CampaignTemplate
from crm_common.testing.builders import make_company
from crm_common.tracking_tokens import TrackingSigner

CHANNEL = {"email": "email", "sms": "sms", "direct_mail": "direct_mail"}


@pytest.mark.parametrize(
    "template", DEMO_TEMPLATES, ids=[t["template_code"] for t in DEMO_TEMPLATES]
)
@pytest.mark.parametrize(
    "contact",
    [{"email": "a@example.com", "attributes": {}}, {"first_name": "Ann", "city": "Oslo"}],
    ids=["bare", "named"],
)
def test_every_demo_template_renders_for_any_contact(template, contact) -> None:
    channel = CHANNEL[template["template_type"]]
    compiled = compile_message(
        message_source(
            channel,
            template_content=template["content_template"],
            template_settings=template["default_settings"],
        )
    )
    message = render_message(
        compiled,
        RenderContext(
            company_id=uuid.uuid4(),
            campaign_id=uuid.uuid4(),
            delivery_id=uuid.uuid4(),
            contact_id=uuid.uuid4(),
            contact=contact,
            campaign={"campaign_name": "Spring sale", "campaign_code": "SPRING-26"},
            sender=sender_profile({}, "Acme"),
            tracking_base_url="http://127.0.0.1:8000",
        ),
        TrackingSigner("a-tracking-secret-of-at-least-32-characters"),
    )
    assert message.text.strip()
    if channel == "email":
        assert message.subject
        assert message.links


async def test_seeding_replaces_only_the_unrenderable_demo_content(db) -> None:
    company = await make_company(db, "acme")
    async with db.system_session() as session:
        session.add_all(
            [
                CampaignTemplate(
                    company_id=company.id,
                    template_code="NEWSLETTER",
                    template_name="Monthly newsletter",
                    template_type="email",
                    content_template=UNRENDERABLE_DEMO_CONTENT[0],
                ),
                CampaignTemplate(
                    company_id=company.id,
                    template_code="LAUNCH",
                    template_name="Product launch",
                    template_type="email",
                    content_template="<p>Edited by the team</p>",
                ),
            ]
        )
    async with db.system_session() as session:
        await _reference_data(session, company.id, datetime.now(UTC).year)
        rows = {
            row.template_code: row
            for row in (await session.execute(select(CampaignTemplate))).scalars().all()
        }

    newsletter = next(t for t in DEMO_TEMPLATES if t["template_code"] == "NEWSLETTER")
    assert rows["NEWSLETTER"].content_template == newsletter["content_template"]
    assert rows["NEWSLETTER"].default_settings["subject"]
    assert rows["LAUNCH"].content_template == "<p>Edited by the team</p>"
    assert set(rows) == {t["template_code"] for t in DEMO_TEMPLATES}
