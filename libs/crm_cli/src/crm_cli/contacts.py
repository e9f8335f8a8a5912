"""Synthetic contacts and behavioural events with realistic distributions, loaded with COPY.

COPY FROM is not allowed into tables under row-level security, so rows are copied into a
temporary staging table and moved with INSERT … SELECT, which the policies check.
"""

from __future__ import annotations

import json
import math
import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import Base

# (country, weight, language, timezone, [(region, city, lat, lon, postal prefix)])
GEOGRAPHY: list[tuple[str, int, str, str, list[tuple[str, str, float, float, str]]]] = [
    (
        "US",
        40,
        "en",
        "America/New_York",
        [
            ("NY", "New York", 40.7128, -74.0060, "100"),
            ("CA", "San Francisco", 37.7749, -122.4194, "941"),
            ("CA", "Los Angeles", 34.0522, -118.2437, "900"),
            ("IL", "Chicago", 41.8781, -87.6298, "606"),
            ("TX", "Austin", 30.2672, -97.7431, "787"),
            ("WA", "Seattle", 47.6062, -122.3321, "981"),
        ],
    ),
    (
        "GB",
        12,
        "en",
        "Europe/London",
        [
            ("England", "London", 51.5074, -0.1278, "EC1"),
            ("England", "Manchester", 53.4808, -2.2426, "M1"),
            ("Scotland", "Edinburgh", 55.9533, -3.1883, "EH1"),
        ],
    ),
    (
        "DE",
        10,
        "de",
        "Europe/Berlin",
        [
            ("BE", "Berlin", 52.5200, 13.4050, "101"),
            ("BY", "Munich", 48.1351, 11.5820, "803"),
            ("HH", "Hamburg", 53.5511, 9.9937, "200"),
        ],
    ),
    (
        "FR",
        8,
        "fr",
        "Europe/Paris",
        [
            ("IDF", "Paris", 48.8566, 2.3522, "750"),
            ("ARA", "Lyon", 45.7640, 4.8357, "690"),
        ],
    ),
    (
        "CA",
        8,
        "en",
        "America/Toronto",
        [
            ("ON", "Toronto", 43.6532, -79.3832, "M5"),
            ("QC", "Montreal", 45.5017, -73.5673, "H2"),
            ("BC", "Vancouver", 49.2827, -123.1207, "V6"),
        ],
    ),
    ("ES", 6, "es", "Europe/Madrid", [("MD", "Madrid", 40.4168, -3.7038, "280")]),
    ("NL", 5, "nl", "Europe/Amsterdam", [("NH", "Amsterdam", 52.3676, 4.9041, "101")]),
    ("AU", 5, "en", "Australia/Sydney", [("NSW", "Sydney", -33.8688, 151.2093, "200")]),
    ("BR", 4, "pt", "America/Sao_Paulo", [("SP", "Sao Paulo", -23.5505, -46.6333, "010")]),
    ("JP", 2, "ja", "Asia/Tokyo", [("13", "Tokyo", 35.6762, 139.6503, "100")]),
]
FIRST_NAMES = {
    "female": [
        "Olivia",
        "Emma",
        "Ava",
        "Sophia",
        "Mia",
        "Amelia",
        "Lena",
        "Chloe",
        "Lucia",
        "Yuki",
    ],
    "male": [
        "Liam",
        "Noah",
        "Oliver",
        "Elijah",
        "James",
        "Lucas",
        "Hugo",
        "Jonas",
        "Mateo",
        "Kenji",
    ],
    "other": ["Alex", "Sam", "Robin", "Charlie", "Jordan", "Taylor"],
}
LAST_NAMES = [
    "Smith",
    "Johnson",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Martin",
    "Müller",
    "Schmidt",
    "Dubois",
    "Rossi",
    "Tanaka",
    "Silva",
    "de Vries",
    "Wilson",
    "Taylor",
]
INTERESTS = [
    "fitness",
    "travel",
    "cooking",
    "technology",
    "fashion",
    "gaming",
    "music",
    "books",
    "outdoors",
    "photography",
    "finance",
    "parenting",
    "pets",
    "art",
    "sports",
    "wellness",
]
LIFESTYLE = [
    "urban",
    "suburban",
    "rural",
    "student",
    "professional",
    "retired",
    "family",
    "single",
    "frequent_traveler",
    "homeowner",
]
VALUES = [
    "sustainability",
    "quality",
    "price_conscious",
    "innovation",
    "community",
    "luxury",
    "convenience",
    "health",
    "tradition",
]
TIERS = [("bronze", 60), ("silver", 25), ("gold", 12), ("platinum", 3)]
SOURCES = ["website", "store", "event", "referral", "social", "partner"]
# (event type, weight)
EVENT_TYPES = [
    ("page_view", 45),
    ("email_open", 20),
    ("email_click", 10),
    ("add_to_cart", 8),
    ("purchase", 6),
    ("form_submit", 4),
    ("app_open", 5),
    ("support_ticket", 2),
]
CATEGORIES = ["shoes", "outerwear", "accessories", "electronics", "home", "beauty", "books"]
CHANNEL_CONSENT = {"email": 0.85, "sms": 0.4, "direct_mail": 0.6, "social": 0.3}

CONTACT_COLUMNS = [
    "id",
    "company_id",
    "external_id",
    "email",
    "phone",
    "first_name",
    "last_name",
    "gender",
    "birth_date",
    "language",
    "country",
    "region",
    "city",
    "postal_code",
    "timezone",
    "latitude",
    "longitude",
    "interests",
    "lifestyle",
    "values",
    "attributes",
    "consented_channels",
    "created_at",
    "updated_at",
]
CONSENT_COLUMNS = ["company_id", "contact_id", "channel", "granted", "source", "recorded_at"]
EVENT_COLUMNS = [
    "company_id",
    "event_id",
    "contact_id",
    "event_type",
    "occurred_at",
    "properties",
    "received_at",
]


def _weighted(rng: random.Random, pairs: list[tuple[Any, int]]) -> Any:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _tags(rng: random.Random, pool: list[str], mean: float) -> list[str]:
    # Popularity follows a Zipf-like curve: the first tags are far more common.
    weights = [1 / (i + 1) ** 0.8 for i in range(len(pool))]
    count = min(len(pool), max(0, int(rng.expovariate(1 / mean) + 0.5)))
    chosen: set[str] = set()
    while len(chosen) < count:
        chosen.add(rng.choices(pool, weights=weights)[0])
    return sorted(chosen)


def _email(first: str, last: str, index: int, domain: str) -> str:
    local = f"{first}.{last}".lower().replace(" ", "")
    return f"{local}.{index}@{domain}.example.com"


@dataclass
class GeneratedContact:
    row: tuple[Any, ...]
    consents: list[tuple[Any, ...]]
    contact_id: uuid.UUID
    created_at: datetime


def generate_contacts(
    company_id: uuid.UUID,
    count: int,
    *,
    seed: int = 7,
    prefix: str = "C",
    now: datetime | None = None,
) -> Iterator[GeneratedContact]:
    """`count` contacts for one company; the same seed gives the same people."""
    rng = random.Random(f"{seed}:{company_id}")
    now = now or datetime.now(UTC)
    geo_weights = [(g, g[1]) for g in GEOGRAPHY]
    domain = str(company_id)[:8]
    for index in range(count):
        country, _, language, tz, places = _weighted(rng, geo_weights)
        region, city, lat, lon, postal = rng.choice(places)
        gender = rng.choices(["female", "male", "other"], weights=[49, 48, 3])[0]
        first = rng.choice(FIRST_NAMES[gender])
        last = rng.choice(LAST_NAMES)
        age = max(18, min(85, int(rng.gauss(40, 13))))
        birth = date(now.year - age, rng.randint(1, 12), rng.randint(1, 28))
        contact_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        created = now - timedelta(days=rng.randint(0, 3 * 365), seconds=rng.randint(0, 86_399))
        granted = [ch for ch, p in CHANNEL_CONSENT.items() if rng.random() < p]
        has_phone = rng.random() < 0.7
        attributes = {
            "loyalty_tier": _weighted(rng, TIERS),
            "lifetime_value": round(rng.lognormvariate(5, 1.1), 2),
            "signup_source": rng.choice(SOURCES),
            "newsletter": rng.random() < 0.5,
        }
        row = (
            contact_id,
            company_id,
            f"{prefix}{index:07d}",
            _email(first, last, index, domain),
            f"+1555{rng.randint(1_000_000, 9_999_999)}" if has_phone else None,
            first,
            last,
            gender,
            birth,
            language,
            country,
            region,
            city,
            f"{postal}{rng.randint(0, 99):02d}",
            tz,
            round(lat + rng.uniform(-0.15, 0.15), 5),
            round(lon + rng.uniform(-0.15, 0.15), 5),
            _tags(rng, INTERESTS, 2.5),
            _tags(rng, LIFESTYLE, 1.5),
            _tags(rng, VALUES, 1.5),
            json.dumps(attributes),
            granted,
            created,
            created,
        )
        consents = [
            (
                company_id,
                contact_id,
                channel,
                channel in granted,
                rng.choice(["signup_form", "checkout", "import", "preference_center"]),
                created,
            )
            for channel in CHANNEL_CONSENT
            if channel in granted or rng.random() < 0.3
        ]
        yield GeneratedContact(row, consents, contact_id, created)


def generate_events(
    company_id: uuid.UUID,
    contacts: list[tuple[uuid.UUID, datetime]],
    per_contact: float,
    *,
    seed: int = 7,
    now: datetime | None = None,
    horizon_days: int = 180,
) -> Iterator[tuple[Any, ...]]:
    """About `per_contact` events per contact on average (some people do far more than
    others), mostly recent."""
    rng = random.Random(f"{seed}:events:{company_id}")
    now = now or datetime.now(UTC)
    for contact_id, created in contacts:
        activity = rng.lognormvariate(0, 0.9)
        n = int(rng.expovariate(1 / max(per_contact * activity / 1.5, 1e-9))) if per_contact else 0
        earliest = max(created, now - timedelta(days=horizon_days))
        span = max((now - earliest).total_seconds(), 60.0)
        for _ in range(n):
            kind = _weighted(rng, EVENT_TYPES)
            # Skewed towards recent activity.
            when = now - timedelta(seconds=span * (1 - math.sqrt(rng.random())))
            props: dict[str, Any]
            if kind == "purchase":
                props = {
                    "amount": round(rng.lognormvariate(3.8, 0.7), 2),
                    "category": rng.choice(CATEGORIES),
                    "currency": "USD",
                }
            elif kind in ("page_view", "add_to_cart"):
                props = {"category": rng.choice(CATEGORIES), "path": f"/p/{rng.randint(1, 500)}"}
            elif kind in ("email_open", "email_click"):
                props = {"campaign_code": f"DEMO-{rng.randint(1, 12):02d}"}
            else:
                props = {}
            yield (
                company_id,
                uuid.UUID(int=rng.getrandbits(128), version=4).hex,
                contact_id,
                kind,
                when,
                json.dumps(props),
                when,
            )


async def _copy_via_staging(
    session: AsyncSession,
    table: str,
    columns: list[str],
    records: list[tuple[Any, ...]],
    *,
    on_conflict: str = "",
) -> None:
    # Identifiers come from this module's constants only, checked against the schema.
    known = Base.metadata.tables[table].c
    if any(column not in known for column in columns):
        raise ValueError(f"unknown column for {table}")
    connection = await session.connection()
    raw: Any = (await connection.get_raw_connection()).driver_connection
    staging = f"staging_{table}"
    await raw.execute(
        f"CREATE TEMP TABLE IF NOT EXISTS {staging} "
        f"(LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP"
    )
    await raw.execute(f"TRUNCATE {staging}")
    await raw.copy_records_to_table(staging, records=records, columns=columns)
    cols = ", ".join(f'"{c}"' for c in columns)
    await raw.execute(
        f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {staging} {on_conflict}"  # noqa: S608
    )


async def load_contacts(
    session: AsyncSession,
    company_id: uuid.UUID,
    count: int,
    events_per_contact: float,
    *,
    seed: int = 7,
    chunk: int = 20_000,
) -> tuple[int, int]:
    """Generate and load contacts, consents and events; returns (contacts, events)."""
    await session.execute(text("SET LOCAL synchronous_commit = off"))
    contacts_done = events_done = 0
    batch: list[GeneratedContact] = []

    async def flush() -> None:
        nonlocal contacts_done, events_done
        if not batch:
            return
        await _copy_via_staging(
            session,
            "crm_contacts",
            CONTACT_COLUMNS,
            [c.row for c in batch],
            on_conflict="ON CONFLICT DO NOTHING",
        )
        await _copy_via_staging(
            session,
            "crm_contact_consents",
            CONSENT_COLUMNS,
            [c for g in batch for c in g.consents],
            on_conflict="ON CONFLICT DO NOTHING",
        )
        events = list(
            generate_events(
                company_id,
                [(c.contact_id, c.created_at) for c in batch],
                events_per_contact,
                seed=seed + contacts_done,
            )
        )
        for start in range(0, len(events), 200_000):
            await _copy_via_staging(
                session,
                "crm_contact_events",
                EVENT_COLUMNS,
                events[start : start + 200_000],
                on_conflict="ON CONFLICT DO NOTHING",
            )
        contacts_done += len(batch)
        events_done += len(events)
        batch.clear()

    for generated in generate_contacts(company_id, count, seed=seed):
        batch.append(generated)
        if len(batch) >= chunk:
            await flush()
    await flush()
    return contacts_done, events_done
