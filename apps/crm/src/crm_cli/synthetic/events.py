"""Synthetic behavioural events, in sessions the way people produce them.

Activity per contact is heavy-tailed (a fifth never act, a few act a lot); the mean over all
contacts is exactly the requested events per contact. Activity is recent-skewed and never
before the contact signed up. Sessions chain events: browsing pages of the categories a
contact likes, sometimes a cart, sometimes a purchase after it; an email open before a click
of the same campaign; app opens; forms; support tickets.

Event ids are `s<seed>-<contact index>-<n>`: unique per company and seed, increasing in
generation order (cheap to index), and the same on a second run, so re-loading is a no-op.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from crm_cli.synthetic import vocabulary as vocab
from crm_cli.synthetic.people import GeneratedContact
from crm_cli.synthetic.sampling import Weighted

EVENT_COLUMNS = [
    "company_id",
    "event_id",
    "contact_id",
    "event_type",
    "occurred_at",
    "properties",
    "received_at",
]
HORIZON_DAYS = 365
MAX_ACTIVITY = 40.0  # no contact does more than this many times the mean

_SESSIONS = Weighted([("web", 52), ("email", 30), ("app", 12), ("form", 4), ("support", 2)])
_PLATFORMS = Weighted(vocab.PLATFORMS)
_fromtimestamp = datetime.fromtimestamp


def _category(rng: random.Random, liked: tuple[str, ...]) -> str:
    if liked and rng.random() < 0.7:
        return liked[int(rng.random() * len(liked))]
    return vocab.CATEGORIES[int(rng.random() * len(vocab.CATEGORIES))]


def _session(
    rng: random.Random, contact: GeneratedContact, start: float, now: float
) -> list[tuple[str, float, str]]:
    """(event type, epoch seconds, properties JSON) of one session."""
    r = rng.random
    kind = _SESSIONS.pick(rng) if contact.has_email else _SESSIONS.pick(rng).replace("email", "web")
    out: list[tuple[str, float, str]] = []
    t = start
    if kind == "email":
        code = vocab.DEMO_CAMPAIGNS[int(r() * len(vocab.DEMO_CAMPAIGNS))]
        out.append(("email_open", t, f'{{"campaign_code": "{code}"}}'))
        if r() < 0.3:
            t += 5 + r() * 600
            out.append(("email_click", t, f'{{"campaign_code": "{code}", "link": {int(r() * 4)}}}'))
            kind = "web" if r() < 0.6 else ""
    elif kind == "app":
        out.append(("app_open", t, f'{{"platform": "{_PLATFORMS.pick(rng)}"}}'))
        kind = "web" if r() < 0.5 else ""
    elif kind == "form":
        form = vocab.FORMS[int(r() * len(vocab.FORMS))]
        out.append(("form_submit", t, f'{{"form": "{form}"}}'))
    elif kind == "support":
        topic = vocab.SUPPORT_TOPICS[int(r() * len(vocab.SUPPORT_TOPICS))]
        out.append(("support_ticket", t, f'{{"topic": "{topic}"}}'))
    if kind == "web":
        category = _category(rng, contact.categories)
        for _ in range(1 + int(rng.expovariate(0.45))):
            t += 10 + r() * 180
            out.append(
                (
                    "page_view",
                    t,
                    f'{{"category": "{category}", "path": "/c/{category}/p/{int(r() * 500)}"}}',
                )
            )
        if r() < 0.22:
            t += 20 + r() * 300
            price = 5 + rng.lognormvariate(3.3, 0.8)
            out.append(("add_to_cart", t, f'{{"category": "{category}", "price": {price:.2f}}}'))
            if r() < 0.4:
                t += 60 + r() * 900
                items = 1 + int(rng.expovariate(1.2))
                amount = price * items * (0.9 + r() * 0.3)
                out.append(
                    (
                        "purchase",
                        t,
                        f'{{"amount": {amount:.2f}, "category": "{category}", '
                        f'"currency": "{contact.currency}", "items": {items}}}',
                    )
                )
    return [event for event in out if event[1] <= now]


def contact_events(
    rng: random.Random,
    contact: GeneratedContact,
    company_id: Any,
    per_contact: float,
    now: float,
    seed: int,
) -> list[tuple[Any, ...]]:
    """The events of one contact (COPY records in EVENT_COLUMNS order)."""
    if per_contact <= 0 or contact.engagement <= 0:
        return []
    r = rng.random
    activity = min(contact.engagement * rng.expovariate(1.0), MAX_ACTIVITY)
    wanted = int(per_contact * activity + r())
    if wanted == 0:
        return []
    earliest = max(contact.created_at.timestamp(), now - HORIZON_DAYS * 86_400)
    span = now - earliest
    if span <= 0:
        return []
    records: list[tuple[Any, ...]] = []
    prefix = f"s{seed}-{contact.index:07d}-"
    contact_id = contact.contact_id
    while len(records) < wanted:
        # Recent-skewed: the density grows linearly towards now.
        start = now - span * (1 - r() ** 0.5)
        for event_type, ts, properties in _session(rng, contact, start, now):
            when = _fromtimestamp(ts, UTC)
            records.append(
                (
                    company_id,
                    f"{prefix}{len(records):05d}",
                    contact_id,
                    event_type,
                    when,
                    properties,
                    when,
                )
            )
            if len(records) == wanted:
                break
    return records


def generate_events(
    company_id: Any,
    contacts: Iterator[GeneratedContact] | list[GeneratedContact],
    per_contact: float,
    *,
    seed: int = 7,
    now: datetime | None = None,
    rng: random.Random | None = None,
) -> Iterator[tuple[Any, ...]]:
    """Events of `contacts` in their order; pass the same `rng` across batches to keep the
    output independent of how contacts were batched."""
    rng = rng or events_rng(seed, company_id)
    now_ts = (now or datetime.now(UTC)).timestamp()
    for contact in contacts:
        yield from contact_events(rng, contact, company_id, per_contact, now_ts, seed)


def events_rng(seed: int, company_id: Any) -> random.Random:
    return random.Random(f"{seed}:events:{company_id}")  # noqa: S311 - synthetic data
