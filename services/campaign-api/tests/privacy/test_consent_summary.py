"""GET /api/campaigns/{id}/consent-summary/: consent of the campaign's audience by channel,
status and legal basis."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from crm_common.db import Database
from crm_common.models import Company, Contact, ContactConsent
from crm_common.testing.builders import make_contacts


async def _contact(
    db: Database, company: Company, country: str, **consents: tuple[str, ...]
) -> None:
    """A contact in `country` with consent rows: channel=(state, legal basis[, "expired"])."""
    contact_id = uuid.uuid4()
    async with db.system_session() as session:
        granted = [ch for ch, (state, *_) in consents.items() if state == "granted"]
        session.add(
            Contact(
                id=contact_id,
                company_id=company.id,
                external_id=f"x-{contact_id.hex[:8]}",
                country=country,
                consented_channels=granted,
            )
        )
        await session.flush()
        for channel, (state, basis, *rest) in consents.items():
            session.add(
                ContactConsent(
                    company_id=company.id,
                    contact_id=contact_id,
                    channel=channel,
                    granted=state == "granted",
                    pending=state == "pending",
                    legal_basis=basis,
                    expires_at=datetime.now(UTC) - timedelta(days=1) if rest else None,
                )
            )


async def test_counts_by_channel_status_and_legal_basis(
    client, db, acme, admin, funded, create_campaign, add_segment
) -> None:
    campaign = await create_campaign(admin, primary_channel="email")
    await add_segment(admin, campaign["id"])  # country = DE
    await _contact(db, acme, "DE", email=("granted", "express"))
    await _contact(db, acme, "DE", email=("granted", "express"))
    await _contact(db, acme, "DE", email=("granted", "implied", "expired"))
    await _contact(db, acme, "DE", email=("pending", "express"))
    await _contact(db, acme, "DE", email=("withdrawn", "express"))
    await _contact(db, acme, "DE")
    await _contact(db, acme, "FR", email=("granted", "express"))  # not in the audience

    response = await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/", headers=admin)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["matched"] == 6
    assert body["channels"] == ["email"]
    assert body["totals"] == {
        "email": {"granted": 2, "pending": 1, "withdrawn": 1, "expired": 1, "none": 1}
    }
    assert [(c["status"], c["legal_basis"], c["count"]) for c in body["counts"]] == [
        ("granted", "express", 2),
        ("pending", "express", 1),
        ("withdrawn", None, 1),
        ("expired", "implied", 1),
        ("none", None, 1),
    ]


async def test_a_multi_channel_campaign_covers_every_delivery_channel(
    client, db, acme, admin, funded, create_campaign, add_segment
) -> None:
    campaign = await create_campaign(admin, primary_channel="multi_channel")
    await add_segment(admin, campaign["id"])
    await _contact(db, acme, "DE", sms=("granted", "contract"))
    body = (
        await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/", headers=admin)
    ).json()
    assert body["channels"] == ["email", "sms", "social", "direct_mail"]
    assert body["totals"]["sms"]["granted"] == 1
    assert body["totals"]["email"]["none"] == 1


async def test_without_segments_the_audience_is_empty(
    client, admin, funded, create_campaign
) -> None:
    campaign = await create_campaign(admin)
    body = (
        await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/", headers=admin)
    ).json()
    assert body["matched"] == 0
    assert body["counts"] == []


async def test_another_companys_campaign_is_404(
    client, globex, headers_for, admin, funded, create_campaign
) -> None:
    campaign = await create_campaign(admin)
    theirs = await headers_for(globex, "admin")
    response = await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/", headers=theirs)
    assert response.status_code == 404


async def test_reading_needs_read_campaign(
    client, acme, headers_for, admin, funded, create_campaign
) -> None:
    campaign = await create_campaign(admin)
    sales = await headers_for(acme, "sales")
    assert (
        await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/", headers=sales)
    ).status_code == 200
    assert (
        await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/")
    ).status_code == 401


async def test_a_segment_comparing_emails_is_counted_through_the_keyed_hash(
    client, db, acme, admin, funded, create_campaign, add_segment
) -> None:
    """Emails are sealed at rest: a rule naming an address matches through the company's
    keyed hash wherever an audience is counted (the summary, the launch's checks)."""
    wanted, other = await make_contacts(db, acme, 2, consent=("email",), country="DE")
    campaign = await create_campaign(admin, primary_channel="email")
    await add_segment(
        admin,
        campaign["id"],
        segment_name="One address",
        demographic_criteria={"all": [{"field": "email", "op": "eq", "value": wanted.email}]},
    )

    response = await client.get(f"/api/campaigns/{campaign['id']}/consent-summary/", headers=admin)

    assert response.status_code == 200, response.text
    assert response.json()["matched"] == 1
    assert other.email != wanted.email
