"""The synthetic data generator: deterministic for a seed whatever the batch size, valid input
for the contacts API, plausible distributions, and loads whose counts, consent and events
agree with what was generated (and a re-run adds nothing)."""

import json
import statistics
import uuid
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import func, select, text

from crm_cli.contacts import (
    CONTACT_COLUMNS,
    EVENT_COLUMNS,
    BatchSource,
    load_contacts,
    load_contacts_committing,
)
from crm_cli.synthetic.events import generate_events
from crm_cli.synthetic.people import generate_contacts
from crm_common.models import Contact, ContactConsent, ContactEvent
from crm_common.testing.builders import make_company
from crm_common.testing.sampling import pages_holding_buckets_below
from segment_engine.contacts.schemas import ContactCreate

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
COMPANY = uuid.UUID("00000000-0000-4000-8000-000000000001")
EVENT_TYPES = {
    "page_view",
    "email_open",
    "email_click",
    "add_to_cart",
    "purchase",
    "app_open",
    "form_submit",
    "support_ticket",
}


def _all_rows(batch_size: int, count: int = 300, per_contact: float = 6) -> tuple[list, list, list]:
    source = BatchSource(COMPANY, count, per_contact, seed=11, now=NOW, batch_size=batch_size)
    contacts, consents, events = [], [], []
    while (batch := source.next_batch()) is not None:
        contacts += batch.contacts
        consents += batch.consents
        events += batch.events
    return contacts, consents, events


def test_same_seed_gives_the_same_rows_whatever_the_batch_size() -> None:
    assert _all_rows(7) == _all_rows(64) == _all_rows(1000)


def test_another_seed_or_company_gives_other_people() -> None:
    first = [g.row[3] for g in generate_contacts(COMPANY, 50, seed=1, now=NOW)]
    again = [g.row[3] for g in generate_contacts(COMPANY, 50, seed=1, now=NOW)]
    other_seed = [g.row[3] for g in generate_contacts(COMPANY, 50, seed=2, now=NOW)]
    other_company = [g.row[3] for g in generate_contacts(uuid.uuid4(), 50, seed=1, now=NOW)]
    assert first == again
    assert first != other_seed
    assert first != other_company


def test_generated_contacts_are_valid_canonical_api_input() -> None:
    for generated in generate_contacts(COMPANY, 2000, seed=3, now=NOW):
        row = dict(zip(CONTACT_COLUMNS, generated.row, strict=True))
        item = {
            key: row[key]
            for key in ContactCreate.model_fields
            if key in row and key not in ("attributes",)
        }
        item["attributes"] = json.loads(row["attributes"])
        contact = ContactCreate.model_validate(item)
        assert contact.column_values() == item, row["external_id"]


def test_consent_rows_and_the_channel_array_agree_by_construction() -> None:
    for generated in generate_contacts(COMPANY, 3000, seed=5, now=NOW):
        row = dict(zip(CONTACT_COLUMNS, generated.row, strict=True))
        granted = sorted(channel for _, _, channel, ok, _, _ in generated.consents if ok)
        assert row["consented_channels"] == granted
        channels = [c[2] for c in generated.consents]
        assert len(channels) == len(set(channels))
        if row["email"] is None:
            assert "email" not in channels
        if row["phone"] is None:
            assert "sms" not in channels
        assert all(row["created_at"] <= c[5] <= NOW for c in generated.consents)


def test_distributions_are_plausible() -> None:
    contacts = list(generate_contacts(COMPANY, 4000, seed=9, now=NOW))
    events = list(generate_events(COMPANY, contacts, 10, seed=9, now=NOW))
    per_contact = Counter(event[2] for event in events)
    counts = [per_contact.get(c.contact_id, 0) for c in contacts]
    countries = Counter(c.row[10] for c in contacts)
    types = Counter(event[3] for event in events)
    ages = [NOW.year - c.row[8].year for c in contacts]

    assert 9 <= statistics.mean(counts) <= 11  # the requested mean
    assert 0.2 <= counts.count(0) / len(counts) <= 0.35  # dormant contacts
    assert max(counts) > 8 * statistics.median(counts)  # a heavy tail of very active ones
    assert countries.most_common(1)[0][0] == "US"
    assert len(countries) >= 10
    assert set(types) == EVENT_TYPES
    assert types["page_view"] > types["email_open"] > types["email_click"]
    assert types["add_to_cart"] > types["purchase"]
    assert 35 <= statistics.mean(ages) <= 45
    assert min(ages) >= 18


def test_events_follow_their_causes_and_the_contact() -> None:
    contacts = {c.contact_id: c for c in generate_contacts(COMPANY, 800, seed=4, now=NOW)}
    events = list(generate_events(COMPANY, list(contacts.values()), 12, seed=4, now=NOW))
    by_contact: dict = {}
    for event in events:
        record = dict(zip(EVENT_COLUMNS, event, strict=True))
        contact = contacts[record["contact_id"]]
        assert record["event_type"] in EVENT_TYPES
        assert contact.created_at <= record["occurred_at"] <= NOW
        assert isinstance(json.loads(record["properties"]), dict)
        by_contact.setdefault(record["contact_id"], []).append(record)
    for records in by_contact.values():
        opened = {
            json.loads(r["properties"])["campaign_code"]
            for r in records
            if r["event_type"] == "email_open"
        }
        for record in records:
            if record["event_type"] == "email_click":
                assert json.loads(record["properties"])["campaign_code"] in opened
        kinds = Counter(r["event_type"] for r in records)
        assert kinds["purchase"] <= kinds["add_to_cart"]
    ids = [event[1] for event in events]
    assert len(ids) == len(set(ids))


async def _snapshot(db, company_id) -> dict:
    async with db.system_session() as session:
        contacts = (
            await session.execute(
                select(
                    Contact.external_id,
                    # Sealed values differ on every write (random nonces); their hashes do not.
                    Contact.email_hash,
                    Contact.consented_channels,
                    Contact.attributes,
                )
                .where(Contact.company_id == company_id)
                .order_by(Contact.external_id)
            )
        ).all()
        events = (
            await session.execute(
                select(
                    ContactEvent.event_id,
                    ContactEvent.event_type,
                    ContactEvent.occurred_at,
                    ContactEvent.properties,
                )
                .where(ContactEvent.company_id == company_id)
                .order_by(ContactEvent.event_id)
            )
        ).all()
        consents = (
            await session.execute(
                select(func.count())
                .select_from(ContactConsent)
                .where(ContactConsent.company_id == company_id)
            )
        ).scalar_one()
    return {
        "contacts": [(*row[:3], json.dumps(row[3], sort_keys=True)) for row in contacts],
        "events": [(*row[:3], json.dumps(row[3], sort_keys=True)) for row in events],
        "consents": consents,
    }


async def _inconsistent(db, company_id) -> int:
    async with db.system_session() as session:
        return (
            await session.execute(
                text(
                    """
                    SELECT count(*) FROM crm_contacts c
                    WHERE c.company_id = :company AND c.consented_channels IS DISTINCT FROM (
                      SELECT coalesce(array_agg(k.channel ORDER BY k.channel), '{}')
                      FROM crm_contact_consents k WHERE k.contact_id = c.id AND k.granted)
                    """
                ),
                {"company": company_id},
            )
        ).scalar_one()


async def _wipe(db, company_id) -> None:
    async with db.system_session() as session:
        await session.execute(
            text("DELETE FROM crm_contacts WHERE company_id = :c"), {"c": company_id}
        )


async def test_load_counts_consistency_and_batch_independence(db) -> None:
    company = await make_company(db, "seeded")
    expected = _generated_counts(company.id, 250, 5)

    stats = await load_contacts_committing(db, company.id, 250, 5, seed=21, chunk=40, now=NOW)
    committed_in_batches = await _snapshot(db, company.id)
    await _wipe(db, company.id)
    async with db.system_session() as session:
        loaded = await load_contacts(session, company.id, 250, 5, seed=21, chunk=1000, now=NOW)
    in_one_transaction = await _snapshot(db, company.id)

    assert (stats.contacts, stats.consents, stats.events) == expected
    assert loaded == (expected[0], expected[2])
    assert stats.batches == 7
    assert committed_in_batches == in_one_transaction
    assert len(in_one_transaction["contacts"]) == 250
    assert len(in_one_transaction["events"]) == expected[2]
    assert in_one_transaction["consents"] == expected[1]
    assert await _inconsistent(db, company.id) == 0


async def test_each_batch_is_stored_in_sample_bucket_order(db) -> None:
    """The contacts of the lowest quarter of buckets fill about a quarter of the pages (spread
    at random, ~13 contacts a page, they would touch nearly every page)."""
    company = await make_company(db, "bucketed")
    await load_contacts_committing(db, company.id, 600, 0, seed=21, chunk=200, now=NOW)
    assert await pages_holding_buckets_below(db, company.id, 256) <= 0.4


def _generated_counts(company_id, count, per_contact) -> tuple[int, int, int]:
    source = BatchSource(company_id, count, per_contact, seed=21, now=NOW, batch_size=100)
    contacts = consents = events = 0
    while (batch := source.next_batch()) is not None:
        contacts += len(batch.contacts)
        consents += len(batch.consents)
        events += len(batch.events)
    return contacts, consents, events


async def test_rerun_adds_nothing_and_a_larger_run_adds_only_the_missing(db) -> None:
    company = await make_company(db, "topped-up")
    first = await load_contacts_committing(db, company.id, 120, 4, seed=21, chunk=50, now=NOW)
    again = await load_contacts_committing(db, company.id, 120, 4, seed=21, chunk=50, now=NOW)
    before = await _snapshot(db, company.id)
    more = await load_contacts_committing(db, company.id, 200, 4, seed=21, chunk=50, now=NOW)
    after = await _snapshot(db, company.id)

    assert first.contacts == 120
    assert (again.contacts, again.consents, again.events) == (0, 0, 0)
    assert more.contacts == 80
    assert len(after["contacts"]) == 200
    assert after["contacts"][:120] == before["contacts"]
    assert set(before["events"]) <= set(after["events"])
    assert len(after["events"]) == len(before["events"]) + more.events
    expected_total = _generated_counts(company.id, 200, 4)
    assert (len(after["contacts"]), after["consents"], len(after["events"])) == expected_total
    assert await _inconsistent(db, company.id) == 0


async def test_loaded_contacts_are_visible_to_their_company_only(db) -> None:
    acme = await make_company(db, "acme-seeded")
    globex = await make_company(db, "globex-seeded")
    await load_contacts_committing(db, acme.id, 30, 2, seed=21, now=NOW)
    async with db.tenant_session(globex.id) as session:
        assert (await session.execute(select(func.count()).select_from(Contact))).scalar_one() == 0
    async with db.tenant_session(acme.id) as session:
        assert (await session.execute(select(func.count()).select_from(Contact))).scalar_one() == 30
