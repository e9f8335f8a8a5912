"""Links minted by message rendering (crm_common.messages) work on the public tracking
endpoints: the open pixel, each tracked link (recorded in crm_message_links from
`rendered.links`) and the one-click unsubscribe of the List-Unsubscribe header."""

import uuid
from urllib.parse import urlsplit

from sqlalchemy import select

from crm_common.crypto import pii
from crm_common.messages import (
    MessageSource,
    RenderContext,
    compile_message,
    render_message,
    sender_profile,
)
from crm_common.models import (
    CampaignMetric,
    CampaignTestSend,
    ContactEvent,
    MessageLink,
    Suppression,
)
from crm_common.tracking_tokens import TrackingClaims, TrackingKind

from .conftest import make_campaign, make_message

HTML = """<html><body>
<p>Hi {{ first_name | default('there') }}</p>
<a href="https://shop.example.com/spring?utm=crm&amp;c={{ campaign_code }}">Shop</a>
<a href="https://shop.example.com/help">Help</a>
</body></html>"""


async def _render_and_record(db, message, signer, settings):
    compiled = compile_message(MessageSource(channel="email", subject="Spring", html=HTML))
    rendered = render_message(
        compiled,
        RenderContext(
            company_id=message.company_id,
            campaign_id=message.campaign_id,
            delivery_id=message.delivery_id,
            contact_id=message.contact_id,
            contact={"email": message.email, "first_name": "Ann", "attributes": {}},
            campaign={"campaign_name": "Spring sale", "campaign_code": "SPRING-26"},
            sender=sender_profile({}),
            tracking_base_url=settings.public_base_url,
        ),
        signer,
    )
    async with db.system_session() as session:
        for position, url in enumerate(rendered.links):
            session.add(
                MessageLink(
                    company_id=message.company_id,
                    delivery_id=message.delivery_id,
                    position=position,
                    url=url,
                )
            )
    return rendered


def _path(url: str) -> str:
    return urlsplit(url).path


def _hrefs(html: str, marker: str) -> list[str]:
    return [part.split('"')[0] for part in html.split('href="')[1:] if f"/t/{marker}/" in part]


async def _events(db, company_id, event_type):
    async with db.tenant_session(company_id) as session:
        statement = select(ContactEvent).where(ContactEvent.event_type == event_type)
        return (await session.execute(statement)).scalars().all()


async def test_rendered_click_links_redirect_to_their_recorded_urls(
    client, db, acme, signer, settings
) -> None:
    message = await make_message(db, acme, links={})
    rendered = await _render_and_record(db, message, signer, settings)
    clicks = _hrefs(rendered.html, "c")

    answers = [await client.get(_path(url)) for url in clicks]

    assert rendered.links == [
        "https://shop.example.com/spring?utm=crm&c=SPRING-26",
        "https://shop.example.com/help",
    ]
    assert [a.status_code for a in answers] == [302, 302]
    assert [a.headers["location"] for a in answers] == rendered.links
    events = await _events(db, message.company_id, "email_click")
    assert [e.properties["position"] for e in events] == [0, 1]


async def test_rendered_open_pixel_and_one_click_unsubscribe_land_as_events_and_metrics(
    client, db, acme, signer, settings
) -> None:
    message = await make_message(db, acme, links={})
    rendered = await _render_and_record(db, message, signer, settings)
    pixel = rendered.html.split('<img src="')[1].split('"')[0]
    unsubscribe = rendered.headers["List-Unsubscribe"].strip("<>")

    opened = await client.get(_path(pixel))
    unsubscribed = await client.post(_path(unsubscribe), data={"List-Unsubscribe": "One-Click"})

    assert opened.status_code == 200
    assert unsubscribed.status_code == 200
    assert len(await _events(db, message.company_id, "email_open")) == 1
    assert len(await _events(db, message.company_id, "unsubscribe")) == 1
    async with db.tenant_session(message.company_id) as session:
        [suppression] = (await session.execute(select(Suppression))).scalars().all()
        [address] = await pii.open_suppressions(
            session,
            message.company_id,
            [
                {
                    "id": suppression.id,
                    "address": suppression.address,
                    "key_version": suppression.key_version,
                }
            ],
        )
        [metric] = (await session.execute(select(CampaignMetric))).scalars().all()
    assert isinstance(suppression.address, bytes)  # sealed at rest
    assert (address, suppression.reason) == (message.email, "unsubscribe")
    assert (metric.opens, metric.unsubscribes) == (1, 1)


async def test_a_test_messages_links_are_followed_and_never_recorded(
    client, db, acme, signer
) -> None:
    campaign_id = await make_campaign(db, acme)
    test_send = CampaignTestSend(
        company_id=acme.company.id,
        campaign_id=campaign_id,
        requested_by_user_id=acme.admin_user.id,
        channel="email",
        recipient="qa@example.com",
        subject="Spring",
        html="<p>x</p>",
        text_body="x",
        links=["https://shop.example.com/spring", "javascript:alert(1)"],
    )
    async with db.system_session() as session:
        session.add(test_send)
    placeholder = uuid.UUID(int=0)

    def token(kind, position=None, contact_id=placeholder):
        claims = TrackingClaims(
            kind, acme.company.id, test_send.id, contact_id, campaign_id, position
        )
        return signer.mint(claims)

    followed = await client.get(f"/t/c/{token(TrackingKind.CLICK, 0)}")
    unsafe = await client.get(f"/t/c/{token(TrackingKind.CLICK, 1)}")
    beyond = await client.get(f"/t/c/{token(TrackingKind.CLICK, 2)}")
    crossed = await client.get(f"/t/c/{token(TrackingKind.CLICK, 0, contact_id=uuid.uuid4())}")
    unsubscribed = await client.post(
        f"/t/u/{token(TrackingKind.UNSUBSCRIBE)}", data={"List-Unsubscribe": "One-Click"}
    )

    assert followed.status_code == 302
    assert followed.headers["location"] == "https://shop.example.com/spring"
    assert [r.status_code for r in (unsafe, beyond, crossed, unsubscribed)] == [404] * 4
    assert await _events(db, acme.company.id, "email_click") == []
    async with db.tenant_session(acme.company.id) as session:
        assert (await session.execute(select(CampaignMetric))).scalars().all() == []
        assert (await session.execute(select(Suppression))).scalars().all() == []
