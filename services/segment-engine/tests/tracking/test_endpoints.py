"""Public tracking over HTTP: opens, clicks, one-click unsubscribe, and the refusals that
keep tokens from being forged, replayed for another contact or used as an open redirect."""

import uuid

import pytest
from sqlalchemy import func, select

from crm_common.crypto import pii
from crm_common.models import (
    CampaignMetric,
    ConsentLedgerEntry,
    Contact,
    ContactConsent,
    ContactEvent,
    OutboxEvent,
    Suppression,
)
from crm_common.tracking_tokens import TrackingKind

from .conftest import make_message

GIF_MAGIC = b"GIF89a"


async def _events(db, company_id, event_type=None):
    async with db.tenant_session(company_id) as session:
        statement = select(ContactEvent).order_by(ContactEvent.id)
        if event_type:
            statement = statement.where(ContactEvent.event_type == event_type)
        return (await session.execute(statement)).scalars().all()


async def _metrics(db, company_id, campaign_id):
    async with db.tenant_session(company_id) as session:
        rows = (
            (
                await session.execute(
                    select(CampaignMetric).where(CampaignMetric.campaign_id == campaign_id)
                )
            )
            .scalars()
            .all()
        )
    return rows


async def _outbox(db, company_id, event_type="campaign.performance_update"):
    async with db.tenant_session(company_id) as session:
        return (
            (
                await session.execute(
                    select(OutboxEvent)
                    .where(OutboxEvent.event_type == event_type)
                    .order_by(OutboxEvent.id)
                )
            )
            .scalars()
            .all()
        )


async def test_open_pixel_records_open_and_unique_open(client, db, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.OPEN))
    first = await client.get(f"/t/o/{token}.gif")
    second = await client.get(f"/t/o/{token}.gif")

    assert first.status_code == second.status_code == 200
    assert first.headers["content-type"] == "image/gif"
    assert first.content.startswith(GIF_MAGIC)
    assert "no-store" in first.headers["cache-control"]
    events = await _events(db, message.company_id, "email_open")
    assert len(events) == 2
    assert {e.campaign_id for e in events} == {message.campaign_id}
    assert {e.contact_id for e in events} == {message.contact_id}
    [metric] = await _metrics(db, message.company_id, message.campaign_id)
    assert (metric.opens, metric.unique_opens, metric.channel) == (2, 1, "email")


async def test_open_pixel_with_forged_token_returns_gif_and_records_nothing(
    client, db, message, signer
) -> None:
    token = signer.mint(message.claims(TrackingKind.OPEN))
    forged = token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    for bad in (forged, "garbage", "x" * 500):
        response = await client.get(f"/t/o/{bad}.gif")
        assert response.status_code == 200
        assert response.content.startswith(GIF_MAGIC)
    assert await _events(db, message.company_id) == []
    assert await _metrics(db, message.company_id, message.campaign_id) == []


async def test_token_for_another_contact_is_refused(client, db, acme, message, signer) -> None:
    other = await make_message(db, acme, campaign_id=message.campaign_id)
    # Genuinely signed, but naming this message with the other contact: no such delivery.
    crossed_open = signer.mint(message.claims(TrackingKind.OPEN, contact_id=other.contact_id))
    crossed_click = signer.mint(message.claims(TrackingKind.CLICK, 0, contact_id=other.contact_id))
    crossed_unsub = signer.mint(
        message.claims(TrackingKind.UNSUBSCRIBE, delivery_id=other.delivery_id)
    )

    assert (await client.get(f"/t/o/{crossed_open}.gif")).status_code == 200
    click = await client.get(f"/t/c/{crossed_click}")
    unsub = await client.post(f"/t/u/{crossed_unsub}", data={"List-Unsubscribe": "One-Click"})

    assert click.status_code == 404
    assert click.json()["error_code"] == "tracking_link_not_found"
    assert unsub.status_code == 404
    assert await _events(db, message.company_id) == []
    async with db.tenant_session(message.company_id) as session:
        assert (
            await session.execute(select(func.count()).select_from(Suppression))
        ).scalar_one() == 0


async def test_token_naming_another_company_is_refused(client, db, message, globex, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.CLICK, 0, company_id=globex.company.id))
    response = await client.get(f"/t/c/{token}")
    assert response.status_code == 404
    assert await _events(db, message.company_id) == []


async def test_click_redirects_only_to_the_recorded_link(client, db, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.CLICK, 1))
    response = await client.get(f"/t/c/{token}")
    again = await client.get(f"/t/c/{signer.mint(message.claims(TrackingKind.CLICK, 0))}")

    assert response.status_code == 302
    assert response.headers["location"] == message.links[1]
    assert response.headers["referrer-policy"] == "no-referrer"
    assert again.headers["location"] == message.links[0]
    clicks = await _events(db, message.company_id, "email_click")
    assert [e.properties["position"] for e in clicks] == [1, 0]
    [metric] = await _metrics(db, message.company_id, message.campaign_id)
    assert (metric.clicks, metric.unique_clicks) == (2, 1)


async def test_click_on_unrecorded_position_or_with_a_target_is_404(
    client, db, message, signer
) -> None:
    unknown = signer.mint(message.claims(TrackingKind.CLICK, 7))
    response = await client.get(f"/t/c/{unknown}")
    with_target = await client.get(
        f"/t/c/{signer.mint(message.claims(TrackingKind.CLICK, 0))}?url=https://evil.example.net/"
    )
    forged = await client.get("/t/c/https%3A%2F%2Fevil.example.net")

    assert response.status_code == 404
    assert response.json() == {
        "error_code": "tracking_link_not_found",
        "message": "This link is not valid.",
        "details": {},
    }
    assert with_target.status_code == 302
    assert with_target.headers["location"] == message.links[0]
    assert forged.status_code == 404
    assert len(await _events(db, message.company_id, "email_click")) == 1


async def test_click_never_redirects_to_a_non_web_link(client, db, acme, signer) -> None:
    message = await make_message(
        db, acme, links={0: "javascript:alert(1)", 1: "//evil.example.net"}
    )
    for position in (0, 1):
        response = await client.get(
            f"/t/c/{signer.mint(message.claims(TrackingKind.CLICK, position))}"
        )
        assert response.status_code == 404
    assert await _events(db, message.company_id) == []


async def test_unsubscribe_page_asks_and_changes_nothing(client, db, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.UNSUBSCRIBE))
    page = await client.get(f"/t/u/{token}")

    assert page.status_code == 200
    assert 'name="List-Unsubscribe" value="One-Click"' in page.text
    assert f'action="/t/u/{token}"' in page.text
    assert message.email not in page.text
    assert await _events(db, message.company_id) == []
    assert (await client.get(f"/t/u/{token[:-1]}")).status_code == 404


async def test_one_click_unsubscribe_suppresses_at_once(client, db, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.UNSUBSCRIBE))
    response = await client.post(
        f"/t/u/{token}",
        content=b"List-Unsubscribe=One-Click",
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "user-agent": "MailClient/2.0",
            "x-request-id": "unsub-1",
        },
    )

    assert response.status_code == 200
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
        contact = (await session.execute(select(Contact))).scalar_one()
        email_consent = (
            await session.execute(select(ContactConsent).where(ContactConsent.channel == "email"))
        ).scalar_one()
    assert isinstance(suppression.address, bytes)  # sealed at rest
    assert (suppression.channel, address, suppression.reason) == (
        "email",
        message.email,
        "unsubscribe",
    )
    assert suppression.contact_id == message.contact_id
    assert suppression.campaign_id == message.campaign_id
    assert contact.consented_channels == ["sms"]
    assert (email_consent.granted, email_consent.source) == (False, "unsubscribe_link")
    async with db.tenant_session(message.company_id) as session:
        [withdrawal] = (
            (
                await session.execute(
                    select(ConsentLedgerEntry).where(
                        ConsentLedgerEntry.source == "unsubscribe_link"
                    )
                )
            )
            .scalars()
            .all()
        )
    # The person's own request is the proof.
    assert withdrawal.proof["user_agent"] == "MailClient/2.0"
    assert withdrawal.proof["request_id"] == "unsub-1"
    assert withdrawal.proof.get("ip")
    [event] = await _events(db, message.company_id, "unsubscribe")
    assert event.campaign_id == message.campaign_id
    [metric] = await _metrics(db, message.company_id, message.campaign_id)
    assert metric.unsubscribes == 1


async def test_repeated_unsubscribe_counts_once(client, db, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.UNSUBSCRIBE))
    for _ in range(3):
        response = await client.post(f"/t/u/{token}", data={"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200
    [metric] = await _metrics(db, message.company_id, message.campaign_id)
    assert metric.unsubscribes == 1
    assert len(await _events(db, message.company_id, "unsubscribe")) == 1
    async with db.tenant_session(message.company_id) as session:
        assert (
            await session.execute(select(func.count()).select_from(Suppression))
        ).scalar_one() == 1


@pytest.mark.parametrize(
    "body",
    [b"", b"List-Unsubscribe=Yes", b"unsubscribe=1"],
    ids=["empty", "wrong-value", "wrong-field"],
)
async def test_unsubscribe_post_needs_the_rfc8058_body(client, db, message, signer, body) -> None:
    token = signer.mint(message.claims(TrackingKind.UNSUBSCRIBE))
    response = await client.post(
        f"/t/u/{token}", content=body, headers={"content-type": "application/x-www-form-urlencoded"}
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "unsubscribe_body_invalid"
    assert await _events(db, message.company_id) == []


async def test_open_token_cannot_unsubscribe(client, db, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.OPEN))
    response = await client.post(f"/t/u/{token}", data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 404
    async with db.tenant_session(message.company_id) as session:
        assert (
            await session.execute(select(func.count()).select_from(Suppression))
        ).scalar_one() == 0


async def test_tracking_needs_no_authentication_but_apis_do(client, message, signer) -> None:
    token = signer.mint(message.claims(TrackingKind.CLICK, 0))
    assert (await client.get(f"/t/c/{token}")).status_code == 302
    assert (await client.get("/api/contacts/")).status_code == 401


async def test_first_hit_emits_performance_update_with_totals(client, db, message, signer) -> None:
    await client.get(f"/t/o/{signer.mint(message.claims(TrackingKind.OPEN))}.gif")
    [event] = await _outbox(db, message.company_id)
    data = event.envelope["data"]
    assert data["campaign_id"] == str(message.campaign_id)
    assert data["metrics"]["opens"] == 1
    assert data["metrics"]["unique_opens"] == 1
    assert event.envelope["company_id"] == str(message.company_id)
    assert message.email not in str(event.envelope)


async def test_deleted_contact_tokens_stop_working(client, db, acme, message, signer) -> None:
    response = await client.delete(f"/api/contacts/{message.contact_id}/", headers=acme.admin)
    assert response.status_code == 204
    click = await client.get(f"/t/c/{signer.mint(message.claims(TrackingKind.CLICK, 0))}")
    assert click.status_code == 404
    assert await _events(db, message.company_id) == []


async def test_an_erased_contacts_tokens_record_nothing(client, db, acme, message, signer) -> None:
    """After erasure the pixel still answers (an image never fails a mail client) but records
    nothing, and the unsubscribe link is gone like the click links."""
    erased = await client.post(f"/api/contacts/{message.contact_id}/erase/", headers=acme.admin)
    assert erased.status_code == 200, erased.text
    events_before = len(await _events(db, message.company_id))
    metrics_before = [
        (m.opens, m.unsubscribes)
        for m in await _metrics(db, message.company_id, message.campaign_id)
    ]

    pixel = await client.get(f"/t/o/{signer.mint(message.claims(TrackingKind.OPEN))}.gif")
    unsubscribe = signer.mint(message.claims(TrackingKind.UNSUBSCRIBE))
    page = await client.get(f"/t/u/{unsubscribe}")
    posted = await client.post(f"/t/u/{unsubscribe}", data={"List-Unsubscribe": "One-Click"})

    assert pixel.status_code == 200
    assert pixel.content.startswith(GIF_MAGIC)
    assert page.status_code == 404
    assert posted.status_code == 404
    assert len(await _events(db, message.company_id)) == events_before
    assert [
        (m.opens, m.unsubscribes)
        for m in await _metrics(db, message.company_id, message.campaign_id)
    ] == metrics_before
    async with db.tenant_session(message.company_id) as session:
        consents = (await session.execute(select(ContactConsent))).scalars().all()
    assert all(c.source != "unsubscribe_link" for c in consents)


async def test_unknown_kind_paths_are_404(client) -> None:
    response = await client.get(f"/t/x/{uuid.uuid4()}")
    assert response.status_code == 404
