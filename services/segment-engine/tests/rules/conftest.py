"""A small hand-made audience for the compiler tests: six contacts chosen to sit on the edges
of every operator (NULLs, case, leap-day birthdays, day boundaries, the antimeridian, JSON
values of the wrong type), their events, and a copy of one contact in another tenant."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from crm_common.crypto import rotation
from crm_common.db import Database
from crm_common.models import Campaign, Company, Contact, ContactEvent
from crm_common.testing.builders import make_company, make_user

NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)


CONTACTS: dict[str, dict[str, Any]] = {
    "c1": {
        "email": "ann.lee@example.com",
        "phone": "+15550000001",
        "first_name": "Ann",
        "gender": "female",
        "birth_date": date(1990, 6, 15),
        "language": "en",
        "country": "US",
        "region": "NY",
        "city": "New York",
        "postal_code": "10001",
        "timezone": "America/New_York",
        "latitude": 40.7128,
        "longitude": -74.0060,
        "interests": ["travel", "fitness"],
        "lifestyle": ["urban"],
        "values": ["quality"],
        "attributes": {"tier": "gold", "ltv": 120.5, "vip": True, "since": "2020-01-01"},
        "consented_channels": ["email", "sms"],
        "created_at": datetime(2024, 1, 10, 8, 0, tzinfo=UTC),
    },
    "c2": {
        "email": "bob@example.com",
        "first_name": "Bob",
        "gender": "male",
        "birth_date": date(1990, 6, 16),
        "language": "en",
        "country": "US",
        "region": "CA",
        "city": "San Francisco",
        "latitude": 37.7749,
        "longitude": -122.4194,
        "interests": ["gaming"],
        "attributes": {"tier": "silver", "ltv": 80, "vip": False},
        "consented_channels": ["email"],
        "created_at": datetime(2024, 1, 10, 23, 59, 59, tzinfo=UTC),
    },
    "c3": {
        "country": "DE",
        "city": "Berlin",
        "latitude": 52.52,
        "longitude": 13.405,
        "attributes": {"tier": 3},
        "created_at": datetime(2024, 1, 11, 0, 0, tzinfo=UTC),
    },
    "c4": {
        "email": "carol_x@test.org",
        "first_name": "Carol",
        "gender": "female",
        "birth_date": date(1960, 2, 29),
        "language": "en",
        "country": "GB",
        "region": "England",
        "city": "London",
        "latitude": 51.5074,
        "longitude": -0.1278,
        "interests": ["travel", "cooking", "art"],
        "values": ["luxury"],
        "attributes": {"tier": None, "ltv": "high"},
        "consented_channels": ["sms"],
        "created_at": datetime(2023, 5, 1, tzinfo=UTC),
    },
    "c5": {
        "email": "dan@test.org",
        "first_name": "50%_off",
        "gender": "male",
        "birth_date": date(2005, 6, 16),
        "language": "pt",
        "country": "BR",
        "region": "SP",
        "city": "São Paulo",
        "created_at": datetime(2025, 6, 1, tzinfo=UTC),
    },
    "c6": {
        "email": "fiji@test.org",
        "gender": "other",
        "birth_date": date(1985, 12, 31),
        "country": "FJ",
        "city": "Labasa",
        "latitude": -16.43,
        "longitude": 179.95,
        "attributes": {"tier": "Gold", "ltv": 80.0, "vip": "true", "tags": ["gold"]},
        "consented_channels": ["email"],
        "created_at": datetime(2025, 6, 15, 11, 0, tzinfo=UTC),
    },
}

# (contact, event type, days ago, properties, with the campaign id)
EVENTS: list[tuple[str, str, float, dict[str, Any], bool]] = [
    ("c1", "purchase", 5, {"amount": 120, "category": "shoes"}, False),
    ("c1", "purchase", 20, {"amount": 30, "category": "books"}, False),
    ("c1", "purchase", 100, {"amount": 60, "category": "shoes"}, False),
    ("c1", "email_open", 2, {}, False),
    ("c2", "purchase", 40, {"amount": 200, "category": "shoes"}, False),
    ("c2", "page_view", 1, {"path": "/a"}, False),
    ("c3", "page_view", 10, {}, False),
    ("c3", "page_view", 11, {}, False),
    ("c3", "page_view", 12, {}, False),
    ("c3", "page_view", 400, {}, False),
    ("c4", "email_open", 1, {}, False),
    ("c4", "email_open", 3, {}, False),
    ("c4", "email_click", 3, {"url": "/a"}, True),
    ("c6", "purchase", 200, {"amount": "12"}, False),
]


@dataclass
class Dataset:
    company: Company
    other_company: Company
    campaign_id: uuid.UUID
    ids: dict[str, uuid.UUID]

    def names(self, ids: set[uuid.UUID]) -> set[str]:
        by_id = {value: key for key, value in self.ids.items()}
        return {by_id.get(contact_id, "foreign") for contact_id in ids}


async def make_campaign(
    db: Database, company: Company, *, primary_channel: str = "email"
) -> Campaign:
    user = await make_user(db, company, "admin")
    campaign = Campaign(
        company_id=company.id,
        created_by_user_id=user.id,
        campaign_name="Spring sale",
        campaign_code=f"SPR-{uuid.uuid4().hex[:6]}",
        campaign_type="promotional",
        primary_channel=primary_channel,
        start_date=NOW,
        end_date=NOW + timedelta(days=30),
    )
    async with db.system_session() as session:
        session.add(campaign)
    return campaign


async def insert_contacts(
    db: Database, company_id: uuid.UUID, rows: dict[str, dict[str, Any]]
) -> dict[str, uuid.UUID]:
    ids: dict[str, uuid.UUID] = {}
    async with db.system_session() as session:
        for name, fields in rows.items():
            contact = Contact(company_id=company_id, external_id=name, **fields)
            session.add(contact)
            await session.flush()
            ids[name] = contact.id
    # Sealed as the API writes them: personal data encrypted, email and phone hashed.
    await rotation.reencrypt_company(db, company_id)
    return ids


async def insert_events(
    db: Database,
    company_id: uuid.UUID,
    ids: dict[str, uuid.UUID],
    events: list[tuple[str, str, float, dict[str, Any], bool]],
    campaign_id: uuid.UUID | None = None,
    *,
    now: datetime = NOW,
) -> None:
    async with db.system_session() as session:
        for index, (name, event_type, ago, properties, with_campaign) in enumerate(events):
            session.add(
                ContactEvent(
                    company_id=company_id,
                    event_id=f"ev-{index}-{uuid.uuid4().hex[:8]}",
                    contact_id=ids[name],
                    event_type=event_type,
                    occurred_at=now - timedelta(days=ago),
                    properties=properties,
                    campaign_id=campaign_id if with_campaign else None,
                )
            )


@pytest.fixture
async def dataset(db: Database) -> Dataset:
    company = await make_company(db, "acme")
    other = await make_company(db, "globex")
    campaign = await make_campaign(db, company)
    ids = await insert_contacts(db, company.id, CONTACTS)
    await insert_events(db, company.id, ids, EVENTS, campaign.id)
    # Another tenant holds a twin of c1 with the same behaviour: it must never match.
    twin_ids = await insert_contacts(db, other.id, {"c1": CONTACTS["c1"]})
    await insert_events(db, other.id, twin_ids, [e for e in EVENTS if e[0] == "c1"])
    return Dataset(company, other, campaign.id, ids)
