"""Contact events that are conversions: a `purchase` or `opportunity_won` event with an
amount becomes a conversion (once, in the company's currency unless it names another with a
rate), attributed to the campaign whose tracked click came before it; a malformed amount or a
currency without a rate refuses the event with a clear error, and other events are untouched."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from crm_common.models import ContactEvent, Conversion, ConversionAttribution, ExchangeRate
from crm_common.testing.builders import make_email_campaign

NOW = datetime.now(UTC).replace(microsecond=0)


async def _contact(client, tenant, external_id="C1") -> str:
    response = await client.post(
        "/api/contacts/", json={"external_id": external_id}, headers=tenant.admin
    )
    assert response.status_code == 201, response.text
    return response.json()["id"]


def _event(event_id: str, event_type: str, hours_ago: int, **fields):
    return {
        "event_id": event_id,
        "external_id": "C1",
        "event_type": event_type,
        "occurred_at": (NOW - timedelta(hours=hours_ago)).isoformat(),
        **fields,
    }


async def _conversions(db, tenant):
    async with db.tenant_session(tenant.company.id) as session:
        rows = (
            await session.execute(select(Conversion).order_by(Conversion.external_id))
        ).scalars()
        return list(rows)


async def test_a_purchase_after_a_tracked_click_is_an_attributed_conversion(
    client, db, acme
) -> None:
    await _contact(client, acme)
    campaign, _ = await make_email_campaign(
        db, acme.company, acme.admin_user, content="<p>Hi</p>", subject="Hi"
    )
    batch = [
        _event("click-1", "click", 5, campaign_id=str(campaign.id)),
        _event("buy-1", "purchase", 1, properties={"amount": "80.00", "currency": "EUR"}),
        _event("buy-2", "opportunity_won", 1, properties={"amount": 42.5}),
        _event("view-1", "page_view", 1, properties={"amount": "oops"}),
    ]
    async with db.system_session() as session:
        session.add(
            ExchangeRate(company_id=acme.company.id, currency_code="EUR", rate=Decimal("1.25"))
        )
    response = await client.post(
        "/api/contact-events/batch/", json={"events": batch}, headers=acme.admin
    )
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 4

    eur, usd = await _conversions(db, acme)
    assert (eur.external_id, eur.source, eur.amount, eur.amount_base) == (
        "buy-1",
        "contact_event",
        Decimal("80.00"),
        Decimal("100.00"),
    )
    assert (usd.currency_code, usd.amount_base, usd.conversion_type) == (
        "USD",
        Decimal("42.50"),
        "opportunity_won",
    )
    async with db.tenant_session(acme.company.id) as session:
        credit = (
            await session.execute(
                select(ConversionAttribution).where(ConversionAttribution.conversion_id == eur.id)
            )
        ).scalar_one()
    assert credit.campaign_id == campaign.id
    assert (credit.is_first_touch, credit.is_last_touch) == (True, True)

    again = await client.post(
        "/api/contact-events/batch/", json={"events": batch}, headers=acme.admin
    )
    assert again.json()["duplicates"] == 4
    assert len(await _conversions(db, acme)) == 2


async def test_a_currency_without_a_rate_refuses_the_event(client, db, acme) -> None:
    await _contact(client, acme)
    response = await client.post(
        "/api/contact-events/",
        json=_event("buy-gbp", "purchase", 1, properties={"amount": "10.00", "currency": "GBP"}),
        headers=acme.admin,
    )
    assert response.status_code == 422
    assert "properties.currency" in response.json()["details"]["fields"]
    async with db.tenant_session(acme.company.id) as session:
        stored = (await session.execute(select(func.count()).select_from(ContactEvent))).scalar()
    assert stored == 0


async def test_a_malformed_amount_refuses_the_event(client, db, acme) -> None:
    await _contact(client, acme)
    for amount in ("-1", "1.234", True, "ten"):
        response = await client.post(
            "/api/contact-events/",
            json=_event(f"buy-{uuid.uuid4().hex}", "purchase", 1, properties={"amount": amount}),
            headers=acme.admin,
        )
        assert response.status_code == 422, amount
        assert "properties.amount" in response.json()["details"]["fields"]
    assert await _conversions(db, acme) == []
