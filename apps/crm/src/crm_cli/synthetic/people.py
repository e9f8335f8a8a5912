"""Synthetic contacts: where they live, who they are, what they like, and what they agreed to.

Distributions: countries and cities by population share; ages a truncated normal around 40;
signups growing over three years; interests Zipf-like and skewed by age; lifestyle tags that
follow age and place; lifetime value log-normal with the loyalty tier following from it;
consent per channel only where the contact has an address for it, with some explicit
withdrawals. `consented_channels` is built from the same consent rows, so they always agree.
"""

from __future__ import annotations

import json
import math
import random
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from crm_cli.synthetic import vocabulary as vocab
from crm_cli.synthetic.sampling import Weighted, zipf
from crm_common.models.audience import CONTACT_PROFILE_COLUMNS

SIGNUP_YEARS = 3
DORMANT_SHARE = 0.2

CONTACT_COLUMNS = [
    "id",
    "company_id",
    *CONTACT_PROFILE_COLUMNS,
    "consented_channels",
    "created_at",
    "updated_at",
]
CONSENT_COLUMNS = ["company_id", "contact_id", "channel", "granted", "source", "recorded_at"]

_COUNTRIES = Weighted((country, country.weight) for country in vocab.COUNTRIES)
_CITIES = {c.code: Weighted((city, city.weight) for city in c.cities) for c in vocab.COUNTRIES}
_LANGUAGES = {c.code: Weighted(c.languages) for c in vocab.COUNTRIES}
_GENDERS = Weighted(vocab.GENDERS)
_DOMAINS = Weighted(vocab.MAIL_DOMAINS)
_SIGNUP_SOURCES = Weighted(vocab.SIGNUP_SOURCES)
_CONSENT_SOURCES = Weighted(vocab.CONSENT_SOURCES)
_WITHDRAWAL_SOURCES = Weighted(vocab.WITHDRAWAL_SOURCES)
_VALUES = Weighted(zipf(vocab.VALUES, 0.7))
_INTERESTS = {
    band: Weighted((tag, weight * bias.get(tag, 1.0)) for tag, weight in zipf(vocab.INTERESTS, 0.6))
    for band, bias in vocab.INTEREST_AGE_BIAS.items()
}
_NAME_GENDER = {"female": "female", "male": "male", "non_binary": "neutral", "unknown": "neutral"}
_ASCII: dict[str, str] = {}
_DIGITS = "0123456789"
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _ascii(name: str) -> str:
    """`Müller` → `muller`, `de Vries` → `devries` (for mailbox names)."""
    found = _ASCII.get(name)
    if found is None:
        decomposed = unicodedata.normalize("NFKD", name)
        found = "".join(c for c in decomposed if c.isascii() and c.isalnum()).lower()
        _ASCII[name] = found
    return found


def _pattern(rng: random.Random, pattern: str) -> str:
    r = rng.random
    out = []
    for symbol in pattern:
        if symbol == "#":
            out.append(_DIGITS[int(r() * 10)])
        elif symbol == "@":
            out.append(_LETTERS[int(r() * 26)])
        else:
            out.append(symbol)
    return "".join(out)


def _phone(rng: random.Random, country: vocab.Country, city: vocab.City) -> str:
    r = rng.random
    if country.calling_code == "1":  # North American numbering: area, the 555 exchange, line
        return f"+1{city.phone_area}555{int(r() * 10_000):04d}"
    rest = country.phone_digits - len(city.phone_area) - 1
    return (
        f"+{country.calling_code}{city.phone_area}{2 + int(r() * 8)}{int(r() * 10**rest):0{rest}d}"
    )


@dataclass(slots=True)
class GeneratedContact:
    """One contact row, its consent rows, and what the event generator needs to know."""

    index: int
    contact_id: uuid.UUID
    created_at: datetime
    row: tuple[Any, ...]
    consents: list[tuple[Any, ...]]
    engagement: float
    categories: tuple[str, ...]
    currency: str
    has_email: bool


def _age_band(age: int) -> str:
    return "young" if age < 30 else "middle" if age < 55 else "older"


def _lifestyle(rng: random.Random, age: int, city: vocab.City) -> list[str]:
    r = rng.random
    roll = r()
    tags = ["urban" if roll < city.urban else "suburban" if roll < city.urban + 0.2 else "rural"]
    if age < 25 and r() < 0.6:
        tags.append("student")
    elif 25 <= age < 65 and r() < 0.6:
        tags.append("professional")
    if age >= 65 and r() < 0.85:
        tags.append("retired")
    if 28 <= age <= 55 and r() < 0.5:
        tags.append("family")
    elif r() < 0.35:
        tags.append("single")
    if r() < 0.12:
        tags.append("frequent_traveler")
    if age >= 30 and r() < 0.55:
        tags.append("homeowner")
    return sorted(tags)


def _consents(
    rng: random.Random,
    company_id: uuid.UUID,
    contact_id: uuid.UUID,
    created: datetime,
    now: datetime,
    has_email: bool,
    has_phone: bool,
) -> tuple[list[tuple[Any, ...]], list[str]]:
    """Consent rows (granted or explicitly withdrawn) and the channels granted."""
    chances = {
        "email": 0.82 if has_email else 0.0,
        "sms": 0.45 if has_phone else 0.0,
        "direct_mail": 0.55,
        "social": 0.3,
    }
    rows: list[tuple[Any, ...]] = []
    granted: list[str] = []
    for channel, chance in chances.items():
        if chance == 0.0:
            continue
        given_at = min(created + timedelta(seconds=int(rng.random() * 3600)), now)
        if rng.random() < chance:
            rows.append(
                (company_id, contact_id, channel, True, _CONSENT_SOURCES.pick(rng), given_at)
            )
            granted.append(channel)
        elif rng.random() < 0.35:  # opted in once, withdrew later
            span = (now - given_at).total_seconds()
            withdrawn_at = given_at + timedelta(seconds=rng.random() * span)
            source = _WITHDRAWAL_SOURCES.pick(rng)
            rows.append((company_id, contact_id, channel, False, source, withdrawn_at))
    return rows, sorted(granted)


def _attributes(
    rng: random.Random, engagement: float, interests: list[str], has_email: bool
) -> str:
    lifetime_value = round(rng.lognormvariate(4.6, 1.1) * (0.4 + engagement), 2)
    tier = (
        "platinum"
        if lifetime_value >= 3000
        else "gold"
        if lifetime_value >= 800
        else "silver"
        if lifetime_value >= 200
        else "bronze"
    )
    attributes: dict[str, Any] = {
        "loyalty_tier": tier,
        "lifetime_value": lifetime_value,
        "orders_count": int(lifetime_value / 60 + rng.random()),
        "signup_source": _SIGNUP_SOURCES.pick(rng),
        "newsletter": has_email and rng.random() < 0.55,
    }
    if interests and rng.random() < 0.8:
        attributes["preferred_category"] = vocab.INTEREST_CATEGORIES.get(interests[0], "home")
    if rng.random() < 0.3:
        attributes["nps"] = min(10, max(0, int(rng.gauss(7.5, 2.2))))
    return json.dumps(attributes)


def generate_contacts(
    company_id: uuid.UUID,
    count: int,
    *,
    seed: int = 7,
    prefix: str = "C",
    now: datetime | None = None,
) -> Any:
    """`count` contacts for one company, in index order; the same seed (and `now`) gives the
    same people, whatever the batch sizes used downstream."""
    rng = random.Random(f"{seed}:contacts:{company_id}")  # noqa: S311 - synthetic data
    r = rng.random
    now = now or datetime.now(UTC)
    signup_span = SIGNUP_YEARS * 365 * 86_400
    id_base = rng.getrandbits(40) << 7
    today = now.date()
    for index in range(count):
        country = _COUNTRIES.pick(rng)
        city = _CITIES[country.code].pick(rng)
        gender = _GENDERS.pick(rng)
        names = vocab.NAMES[country.names]
        pool = names[_NAME_GENDER[gender]] if r() < 0.97 else names["neutral"]
        first = pool[int(r() * len(pool))]
        last = names["last"][int(r() * len(names["last"]))]
        age = min(90, max(18, int(rng.gauss(40, 14))))
        birth = date(today.year - age, 1, 1) + timedelta(days=int(r() * 365))
        # Time-ordered ids (like UUIDv7: a rising 48-bit prefix, random below): new contacts
        # land at the right edge of every index keyed by contact, as with ids minted by a clock.
        contact_id = uuid.UUID(int=((id_base + index) << 80) | rng.getrandbits(80), version=4)
        # Signups grow over time: recent months have more of them.
        created = now - timedelta(seconds=signup_span * r() ** 1.7)
        has_email = r() < 0.96
        has_phone = r() < 0.7
        email = None
        if has_email:
            local = (
                f"{_ascii(first)}.{_ascii(last)}"
                if r() < 0.7
                else f"{_ascii(first)[:1]}{_ascii(last)}"
            )
            email = f"{local}{index}@{_DOMAINS.pick(rng)}"
        phone = _phone(rng, country, city) if has_phone else None
        band = _age_band(age)
        interests = _INTERESTS[band].sample(rng, min(8, int(rng.expovariate(1 / 2.6) + 0.5)))
        values = _VALUES.sample(rng, min(4, int(rng.expovariate(1 / 1.4) + 0.5)))
        engagement = (
            0.0
            if r() < DORMANT_SHARE
            else rng.lognormvariate(0, 0.8) / (math.exp(0.32) * (1 - DORMANT_SHARE))
        )
        consents, granted = _consents(
            rng, company_id, contact_id, created, now, has_email, has_phone
        )
        updated = created + timedelta(seconds=(now - created).total_seconds() * r() ** 3)
        categories = tuple(
            dict.fromkeys(
                vocab.INTEREST_CATEGORIES[t] for t in interests if t in vocab.INTEREST_CATEGORIES
            )
        )
        row = (
            contact_id,
            company_id,
            f"{prefix}{index:07d}",
            email,
            phone,
            first,
            last,
            gender,
            birth,
            _LANGUAGES[country.code].pick(rng),
            country.code,
            city.region,
            city.name,
            f"{city.postal_prefix}{_pattern(rng, country.postal_pattern)}",
            city.timezone,
            round(city.lat + rng.gauss(0, 0.06), 5),
            round(city.lon + rng.gauss(0, 0.08), 5),
            sorted(interests),
            _lifestyle(rng, age, city),
            sorted(values),
            _attributes(rng, engagement, interests, has_email),
            granted,
            created,
            max(updated, max((c[5] for c in consents), default=created)),
        )
        yield GeneratedContact(
            index,
            contact_id,
            created,
            row,
            consents,
            engagement,
            categories,
            country.currency,
            has_email,
        )
