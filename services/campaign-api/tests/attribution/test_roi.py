"""Conversions and ROI: conversions recorded once per source and external id, converted with
the company's rate table (a currency without a rate is refused), attributed through tracked
clicks and UTM codes within the window; ROI, cost per click and per conversion and the
conversion rate equal a hand computation under each attribution model."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from sqlalchemy import update

from crm_common.models import Campaign, CampaignMetric, ContactEvent
from crm_common.testing.builders import make_contacts

NOW = datetime.now(UTC).replace(microsecond=0)
CENT, RATIO = Decimal("0.01"), Decimal("0.0001")


def q(value: Decimal, step: Decimal = CENT) -> Decimal:
    return value.quantize(step, rounding=ROUND_HALF_UP)


async def _event(db, company_id, contact_id, event_type, days_ago, campaign_id=None, **props):
    async with db.system_session() as session:
        session.add(
            ContactEvent(
                company_id=company_id,
                event_id=uuid.uuid4().hex,
                contact_id=contact_id,
                event_type=event_type,
                occurred_at=NOW - timedelta(days=days_ago),
                campaign_id=uuid.UUID(campaign_id) if campaign_id else None,
                properties=props,
            )
        )


def _conversion(contact_id, external_id: str, amount: str, currency: str, **extra: Any):
    return {
        "source": "shop",
        "external_id": external_id,
        "contact_id": str(contact_id),
        "amount": amount,
        "currency_code": currency,
        "occurred_at": NOW.isoformat(),
        **extra,
    }


@pytest.fixture
async def world(client, db, acme, admin, funded, create_campaign) -> dict[str, Any]:
    """Campaign A (spend 200.00, 50 clicks, 1000 delivered, targets 150 % ROI and 2.50 %
    conversion) and B; contacts X, Y, Z; EUR at 1.10 USD."""
    a = await create_campaign(
        admin, campaign_name="A", target_roi="150.00", expected_conversion_rate="2.50"
    )
    b = await create_campaign(admin, campaign_name="B")
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(a["id"]))
            .values(actual_spend=Decimal("200.00"))
        )
        session.add(
            CampaignMetric(
                company_id=acme.id,
                campaign_id=uuid.UUID(a["id"]),
                channel="email",
                metric_date=date.today(),
                sent=1000,
                delivered=1000,
                clicks=50,
            )
        )
    settings = await client.put(
        "/api/attribution-settings/",
        json={"window_days": 30, "exchange_rates": {"EUR": "1.10"}},
        headers=admin,
    )
    assert settings.status_code == 200, settings.text
    x, y, z = await make_contacts(db, acme, 3)
    # X: click A (10 days ago), page view tagged with B's code (5), a tracked click in A's
    # email (2: what a tracking link records); buys 300 EUR.
    await _event(db, acme.id, x.id, "click", 10, a["id"])
    await _event(db, acme.id, x.id, "page_view", 5, utm_campaign=b["campaign_code"])
    await _event(db, acme.id, x.id, "email_click", 2, a["id"])
    # Y: click B (3 days ago); buys 150 USD with A's UTM code on the order.
    await _event(db, acme.id, y.id, "click", 3, b["id"])
    # Z: clicked A 40 days ago, outside the 30-day window; buys 99 USD.
    await _event(db, acme.id, z.id, "click", 40, a["id"])
    for body in (
        _conversion(x.id, "o-x", "300.00", "EUR"),
        _conversion(y.id, "o-y", "150.00", "USD", utm_campaign=a["campaign_code"]),
        _conversion(z.id, "o-z", "99.00", "USD"),
    ):
        response = await client.post("/api/conversions/", json=body, headers=admin)
        assert response.status_code == 201, response.text
    return {"a": a, "b": b, "x": x, "y": y, "z": z}


def _expected(revenue: Decimal, conversions: Decimal) -> dict[str, Any]:
    """The hand computation for campaign A: cost 200.00, 50 clicks, 1000 delivered."""
    cost = Decimal("200.00")
    conversions = q(conversions, RATIO)
    roi = q((revenue - cost) / cost, RATIO)
    rate = q(conversions * 100 / 1000)
    return {
        "revenue": str(q(revenue)),
        "actual_spend": "200.00",
        "conversions": str(conversions),
        "roi": str(roi),
        "roi_percent": str(q(roi * 100)),
        "roi_vs_target": str(q(roi * 100) - Decimal("150.00")),
        "meets_target_roi": q(roi * 100) >= 150,
        "cost_per_click": str(q(cost / 50)),
        "cost_per_conversion": str(q(cost / conversions)),
        "conversion_rate": str(rate),
        "conversion_rate_vs_expected": str(rate - Decimal("2.50")),
    }


# X's 300 EUR is 330.00 USD; its touches are A, B, A. Y's 150 USD: touches B, then A (UTM).
HAND = {
    "first_touch": _expected(Decimal("330.00"), Decimal(1)),
    "last_touch": _expected(Decimal("330.00") + Decimal("150.00"), Decimal(2)),
    "linear": _expected(
        Decimal("330.00") * 2 / 3 + Decimal("150.00") / 2, Decimal(2) / 3 + Decimal(1) / 2
    ),
}


@pytest.mark.parametrize("model", ["first_touch", "last_touch", "linear"])
async def test_roi_and_cost_per_conversion_equal_the_hand_computation(
    client, admin, world, model
) -> None:
    response = await client.get(
        f"/api/campaigns/{world['a']['id']}/roi/?model={model}", headers=admin
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert {key: body[key] for key in HAND[model]} == HAND[model]
    assert body["currency_code"] == "USD"
    assert body["clicks"] == 50
    assert body["target_roi"] == "150.00"


def test_the_hand_computation_is_what_it_says() -> None:
    assert HAND["linear"]["revenue"] == "295.00"
    assert HAND["linear"]["conversions"] == "1.1667"
    assert HAND["linear"]["roi"] == "0.4750"
    assert HAND["linear"]["cost_per_conversion"] == "171.42"
    assert HAND["last_touch"]["roi"] == "1.4000"
    assert HAND["first_touch"]["cost_per_conversion"] == "200.00"


async def test_a_conversion_is_stored_in_both_currencies_with_its_attribution(
    client, admin, world
) -> None:
    listed = await client.get("/api/conversions/?page_size=10", headers=admin)
    by_external = {c["external_id"]: c for c in listed.json()["items"]}
    x = by_external["o-x"]
    assert (x["amount"], x["currency_code"], x["exchange_rate"]) == ("300.00", "EUR", "1.10000000")
    assert (x["amount_base"], x["base_currency"]) == ("330.00", "USD")
    credit = {a["campaign_id"]: a for a in x["attributions"]}
    assert credit[world["a"]["id"]] | {"campaign_id": None} == {
        "campaign_id": None,
        "touches": 2,
        "total_touches": 3,
        "is_first_touch": True,
        "is_last_touch": True,
    }
    assert credit[world["b"]["id"]]["touches"] == 1
    assert by_external["o-z"]["attributions"] == []
    of_b = await client.get(f"/api/conversions/?campaign_id={world['b']['id']}", headers=admin)
    assert {c["external_id"] for c in of_b.json()["items"]} == {"o-x", "o-y"}


async def test_the_same_conversion_twice_is_stored_once(client, admin, world) -> None:
    body = _conversion(
        world["y"].id, "o-y", "150.00", "USD", utm_campaign=world["a"]["campaign_code"]
    )
    again = await client.post("/api/conversions/", json=body, headers=admin)
    assert again.status_code == 200
    changed = await client.post(
        "/api/conversions/", json={**body, "amount": "151.00"}, headers=admin
    )
    assert changed.status_code == 409
    assert changed.json()["error_code"] == "conversion_conflict"
    listed = await client.get("/api/conversions/", headers=admin)
    assert listed.json()["total"] == 3


async def test_a_currency_without_a_rate_is_refused(client, admin, world) -> None:
    response = await client.post(
        "/api/conversions/", json=_conversion(world["x"].id, "o-gbp", "10.00", "GBP"), headers=admin
    )
    assert response.status_code == 422
    assert response.json()["error_code"] == "exchange_rate_missing"
    assert "currency_code" in response.json()["details"]["fields"]


async def test_bad_amounts_are_refused(client, admin, world) -> None:
    for amount in ("0", "-5.00", "1.001", "abc"):
        response = await client.post(
            "/api/conversions/",
            json=_conversion(world["x"].id, f"bad-{amount}", amount, "USD"),
            headers=admin,
        )
        assert response.status_code == 422, amount
        assert response.json()["error_code"] == "validation_error"


async def test_another_companys_campaign_and_contact_are_404(
    client, db, admin, globex, headers_for, add_budget, create_campaign, world
) -> None:
    await add_budget(globex)
    theirs = await create_campaign(await headers_for(globex, "admin"))
    [their_contact] = await make_contacts(db, globex, 1)
    roi = await client.get(f"/api/campaigns/{theirs['id']}/roi/", headers=admin)
    assert roi.status_code == 404
    response = await client.post(
        "/api/conversions/",
        json=_conversion(their_contact.id, "o-foreign", "5.00", "USD", campaign_id=theirs["id"]),
        headers=admin,
    )
    assert response.status_code == 404
    assert set(response.json()["details"]["fields"]) == {"contact_id", "campaign_id"}


async def test_roi_needs_budget_visibility(client, acme, headers_for, world) -> None:
    analyst = await headers_for(acme, "marketing_analyst")
    response = await client.get(f"/api/campaigns/{world['a']['id']}/roi/", headers=analyst)
    assert response.status_code == 403


async def test_a_shorter_window_drops_older_touches(client, admin, world) -> None:
    await client.put(
        "/api/attribution-settings/",
        json={"window_days": 4, "exchange_rates": {"EUR": "1.10"}},
        headers=admin,
    )
    response = await client.post(
        "/api/conversions/", json=_conversion(world["x"].id, "o-x2", "10.00", "USD"), headers=admin
    )
    [credit] = response.json()["attributions"]
    assert (credit["campaign_id"], credit["total_touches"]) == (world["a"]["id"], 1)


async def test_the_campaigns_performance_counts_its_attributed_conversions(
    client, admin, world, headers_for, acme
) -> None:
    path = f"/api/campaigns/{world['a']['id']}/?include_performance=true"
    performance = (await client.get(path, headers=admin)).json()["performance"]
    roi = (await client.get(f"/api/campaigns/{world['a']['id']}/roi/", headers=admin)).json()

    # Last touch, as the ROI endpoint by default: X's 330.00 and Y's 150.00, in USD.
    assert performance["totals"]["conversions"] == 2 == Decimal(roi["conversions"])
    assert performance["totals"]["revenue"] == "480.00" == roi["revenue"]
    assert performance["conversion_rate"] == 0.002
    analyst = await headers_for(acme, "marketing_analyst")
    hidden = (await client.get(path, headers=analyst)).json()["performance"]
    assert hidden["totals"]["conversions"] == 2
    assert "revenue" not in hidden["totals"]
