"""Sampled estimates: above the sampling threshold an estimate reads the contacts of the sample
buckets below k and scales their counts, with 95 % ranges; `exact` counts everyone.

The contacts are given ids whose buckets are spread evenly over the 1024 buckets, so the sample
is known in advance: contact i has bucket ⌊i·1024/300⌋. The population probe (buckets < 16)
finds contacts 0-4, so the company is taken for 5·64 = 320 contacts and a target of 100 reads
⌈1024·100/320⌉ = 320 buckets: contacts 0-93, a fraction of 0.3125.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI
from httpx import AsyncClient
from sqlalchemy import insert

from crm_common.db import Database
from crm_common.models import Contact, ContactEvent
from crm_common.resources import Resources
from crm_common.sampling import sample_bucket
from crm_common.settings import Settings
from crm_common.testing.builders import seal_personal_data
from crm_common.testing.client import app_client
from segment_engine.main import create_app

from ..conftest import Tenant
from .conftest import suppress

CONTACTS = 300
SAMPLED = 94  # contacts 0-93 sit in buckets below 320
FRACTION = 320 / 1024
US = {"geographic_criteria": {"field": "country", "op": "eq", "value": "US"}}
BOUGHT_TWICE = {
    "behavioral_criteria": {
        "event": "purchase",
        "count": {"op": "gte", "value": 2},
        "within_days": 30,
    }
}


def contact_id(index: int) -> uuid.UUID:
    """A random id whose bucket (its last ten bits) is ⌊index·1024/CONTACTS⌋."""
    bucket = index * 1024 // CONTACTS
    return uuid.UUID(int=(uuid.uuid4().int & ~0x3FF) | bucket)


def is_us(index: int) -> bool:
    return index % 3 == 0


def has_consent(index: int) -> bool:
    return index % 4 != 1


def purchases(index: int) -> int:
    return index % 5


@pytest.fixture
async def sampling_client(
    settings: Settings, resources: Resources, db: Database
) -> AsyncIterator[AsyncClient]:
    """The app with a sampling threshold of 100 contacts."""
    small = settings.model_copy(update={"segment_estimate_sample": 100})
    app: FastAPI = create_app(small, dataclasses.replace(resources, settings=small))
    async with app_client(app) as active:
        yield active


@pytest.fixture
async def population(db: Database, acme: Tenant, globex: Tenant) -> list[uuid.UUID]:
    ids = [contact_id(i) for i in range(CONTACTS)]
    assert [sample_bucket(ids[i]) < 320 for i in (SAMPLED - 1, SAMPLED)] == [True, False]
    now = datetime.now(UTC)
    rows: list[dict[str, Any]] = [
        {
            "id": ids[i],
            "company_id": acme.company.id,
            "external_id": f"c-{i}",
            "email": f"c{i}@example.com",
            "country": "US" if is_us(i) else "DE",
            "consented_channels": ["email"] if has_consent(i) else [],
        }
        for i in range(CONTACTS)
    ]
    # Another company with many contacts in the probe's buckets: counted, they would make Acme
    # look twice as large and halve its sample.
    rows += [
        {
            "id": uuid.UUID(int=(uuid.uuid4().int & ~0x3FF) | (i % 16)),
            "company_id": globex.company.id,
            "external_id": f"g-{i}",
            "country": "US",
        }
        for i in range(400)
    ]
    events = [
        {
            "company_id": acme.company.id,
            "event_id": f"p-{i}-{n}",
            "contact_id": ids[i],
            "event_type": "purchase",
            "occurred_at": now - timedelta(days=n + 1),
        }
        for i in range(CONTACTS)
        for n in range(purchases(i))
    ]
    async with db.system_session() as session:
        await session.execute(insert(Contact), rows)
        await session.execute(insert(ContactEvent), events)
    # Suppressions match contacts by the keyed hash of the address, so store the contacts'
    # personal data as the API would have: sealed, with its hashes.
    await seal_personal_data(db, acme.company.id)
    return ids


async def estimate(client: AsyncClient, tenant: Tenant, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post("/api/segments/estimate/", json=body, headers=tenant.analyst)
    assert response.status_code == 200, response.text
    return response.json()


def scaled(observed: int) -> int:
    return round(observed / FRACTION)


async def test_a_large_company_is_estimated_from_its_sample(
    sampling_client: AsyncClient, acme: Tenant, population: list[uuid.UUID]
) -> None:
    result = await estimate(sampling_client, acme, {**US, "channel": "email"})
    in_sample = range(SAMPLED)
    matched = sum(is_us(i) for i in in_sample)
    no_consent = sum(is_us(i) and not has_consent(i) for i in in_sample)
    assert (result["exact"], result["sample_fraction"]) == (False, FRACTION)
    assert result["matched"] == scaled(matched)
    assert result["excluded"] == {
        "no_consent": scaled(no_consent),
        "suppressed": 0,
        "no_address": 0,
    }
    assert result["count"] == scaled(matched) - scaled(no_consent)
    # The whole company's true figures lie inside the 95 % ranges.
    true_matched = sum(is_us(i) for i in range(CONTACTS))
    true_count = sum(is_us(i) and has_consent(i) for i in range(CONTACTS))
    low, high = result["matched_range"]
    assert low <= true_matched <= high
    assert low < result["matched"] < high
    low, high = result["count_range"]
    assert low <= true_count <= high
    assert low < result["count"] < high
    # Sample contacts come from the sample buckets.
    ids = {str(population[i]) for i in in_sample}
    assert result["sample"]
    assert {c["id"] for c in result["sample"]} <= ids


async def test_behavioural_rules_read_the_sample_of_events(
    sampling_client: AsyncClient, acme: Tenant, population: list[uuid.UUID]
) -> None:
    result = await estimate(sampling_client, acme, BOUGHT_TWICE)
    assert result["exact"] is False
    assert result["matched"] == scaled(sum(purchases(i) >= 2 for i in range(SAMPLED)))
    not_bought = {"behavioral_criteria": {"not": BOUGHT_TWICE["behavioral_criteria"]}}
    negated = await estimate(sampling_client, acme, not_bought)
    assert negated["matched"] == scaled(sum(purchases(i) < 2 for i in range(SAMPLED)))


async def test_suppressions_are_scaled_with_the_rest(
    sampling_client: AsyncClient, db: Database, acme: Tenant, population: list[uuid.UUID]
) -> None:
    for i in (0, 3, 6, 150):  # three US contacts with consent in the sample, one outside it
        await suppress(db, acme.company.id, f"c{i}@example.com")
    result = await estimate(sampling_client, acme, {**US, "channel": "email"})
    assert result["excluded"]["suppressed"] == scaled(3)
    assert result["count"] + sum(result["excluded"].values()) == result["matched"]


async def test_exact_counts_every_contact(
    sampling_client: AsyncClient, acme: Tenant, population: list[uuid.UUID]
) -> None:
    result = await estimate(sampling_client, acme, {**US, "channel": "email", "exact": True})
    true_matched = sum(is_us(i) for i in range(CONTACTS))
    true_count = sum(is_us(i) and has_consent(i) for i in range(CONTACTS))
    assert (result["exact"], result["sample_fraction"]) == (True, 1.0)
    assert (result["matched"], result["count"]) == (true_matched, true_count)
    assert result["matched_range"] == [true_matched, true_matched]
    assert result["count_range"] == [true_count, true_count]


async def test_a_company_below_the_threshold_is_counted_exactly(
    client: AsyncClient, acme: Tenant, population: list[uuid.UUID]
) -> None:
    result = await estimate(client, acme, US)  # the default threshold: 100,000 contacts
    assert (result["exact"], result["sample_fraction"]) == (True, 1.0)
    assert result["matched"] == sum(is_us(i) for i in range(CONTACTS))


async def test_no_match_in_the_sample_still_bounds_the_count(
    sampling_client: AsyncClient, acme: Tenant, population: list[uuid.UUID]
) -> None:
    nowhere = {"geographic_criteria": {"field": "country", "op": "eq", "value": "FR"}}
    result = await estimate(sampling_client, acme, nowhere)
    assert (result["matched"], result["count"]) == (0, 0)
    # Rule of three: with no match among the sampled contacts, fewer than 3/q at 95 %.
    assert result["matched_range"] == [0, 10]
