"""`POST /api/contacts/bulk/`: upsert by external id with a result per item; valid items are
written together, invalid ones reported with their path, none silently dropped."""

import asyncio

from sqlalchemy import func, select

from crm_common.models import Contact
from crm_common.sampling import new_contact_id, sample_bucket
from crm_common.testing.sampling import pages_holding_buckets_below


async def bulk(client, tenant, contacts, **extra):
    response = await client.post(
        "/api/contacts/bulk/", json={"contacts": contacts, **extra}, headers=tenant.admin
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_creates_updates_and_reports_every_item(client, acme) -> None:
    await bulk(client, acme, [{"external_id": "A", "email": "a@example.com", "city": "Oslo"}])

    result = await bulk(
        client,
        acme,
        [
            {"external_id": "A", "city": "Bergen"},
            {"external_id": "B", "email": "b@example.com"},
            {"external_id": "C", "email": "not-an-email", "phone": "12"},
            "not an object",
            {"email": "missing-id@example.com"},
            {"external_id": "A", "email": "a@example.com"},
        ],
    )

    assert (result["created"], result["updated"], result["unchanged"], result["failed"]) == (
        1,
        1,
        0,
        4,
    )
    statuses = [(r["index"], r["external_id"], r["status"]) for r in result["results"]]
    assert statuses == [
        (0, "A", "updated"),
        (1, "B", "created"),
        (2, "C", "error"),
        (3, None, "error"),
        (4, None, "error"),
        (5, "A", "error"),
    ]
    errors = {
        r["index"]: {e["path"] for e in r["errors"]} for r in result["results"] if r["errors"]
    }
    assert errors == {
        2: {"contacts[2].email", "contacts[2].phone"},
        3: {"contacts[3]"},
        4: {"contacts[4].external_id"},
        5: {"contacts[5].external_id"},
    }
    assert "repeats the external_id of contacts[0]" in result["results"][5]["errors"][0]["message"]


async def test_update_leaves_unnamed_fields_alone(client, acme) -> None:
    await bulk(
        client,
        acme,
        [{"external_id": "A", "email": "a@example.com", "interests": ["golf"], "country": "NO"}],
    )
    await bulk(client, acme, [{"external_id": "A", "city": "Oslo"}])
    listed = (await client.get("/api/contacts/?external_id=A", headers=acme.admin)).json()["items"][
        0
    ]
    assert (listed["email"], listed["interests"], listed["country"], listed["city"]) == (
        "a@example.com",
        ["golf"],
        "NO",
        "Oslo",
    )


async def test_unchanged_item_is_reported_as_unchanged(client, acme) -> None:
    item = {"external_id": "A", "email": "a@example.com", "consent": {"email": True}}
    await bulk(client, acme, [item])
    again = await bulk(client, acme, [item])
    assert again["results"][0]["status"] == "unchanged"
    consent_only = await bulk(client, acme, [{"external_id": "A", "consent": {"email": False}}])
    assert consent_only["results"][0]["status"] == "updated"


async def test_bulk_consent_keeps_array_in_step(client, acme) -> None:
    result = await bulk(
        client,
        acme,
        [
            {
                "external_id": f"K{i}",
                "consent": {"email": i % 2 == 0, "sms": i % 3 == 0, "direct_mail": True},
            }
            for i in range(30)
        ],
        consent_source="crm_sync",
    )
    assert result["created"] == 30
    page = (await client.get("/api/contacts/?page_size=200", headers=acme.admin)).json()
    for contact in page["items"]:
        granted = sorted(channel for channel, yes in contact["consent"].items() if yes)
        assert contact["consented_channels"] == granted
    first = page["items"][0]["id"]
    state = (await client.get(f"/api/contacts/{first}/consent/", headers=acme.admin)).json()
    assert {entry["source"] for entry in state["channels"]} == {"crm_sync"}


async def test_a_large_batch_is_accepted_and_an_oversized_one_refused(client, db, acme) -> None:
    items = [
        {"external_id": f"L{i:05d}", "email": f"l{i}@example.com", "interests": ["x"]}
        for i in range(5000)
    ]
    result = await bulk(client, acme, items)
    assert result["created"] == 5000
    async with db.tenant_session(acme.company.id) as session:
        assert (
            await session.execute(select(func.count()).select_from(Contact))
        ).scalar_one() == 5000
    too_many = await client.post(
        "/api/contacts/bulk/",
        json={"contacts": [*items, {"external_id": "one-more"}]},
        headers=acme.admin,
    )
    assert too_many.status_code == 422


async def test_bulk_of_another_tenant_never_touches_ours(client, acme, globex) -> None:
    await bulk(client, acme, [{"external_id": "A", "city": "Oslo"}])
    theirs = await bulk(client, globex, [{"external_id": "A", "city": "Paris"}])
    assert theirs["results"][0]["status"] == "created"
    ours = (await client.get("/api/contacts/?external_id=A", headers=acme.admin)).json()["items"]
    assert [c["city"] for c in ours] == ["Oslo"]


async def test_bulk_needs_manage_reference_data(client, acme) -> None:
    response = await client.post(
        "/api/contacts/bulk/", json={"contacts": [{"external_id": "A"}]}, headers=acme.manager
    )
    assert response.status_code == 403


async def test_concurrent_batches_sharing_new_ids_both_succeed(client, db, acme) -> None:
    ids = [f"N{i:03d}" for i in range(200)]
    forward = [{"external_id": i, "city": "Oslo"} for i in ids]
    backward = [{"external_id": i, "country": "NO"} for i in reversed(ids)]

    results = await asyncio.gather(
        *(
            client.post("/api/contacts/bulk/", json={"contacts": body}, headers=acme.admin)
            for body in (forward, backward, forward[50:], backward[:80])
        )
    )

    assert [r.status_code for r in results] == [200, 200, 200, 200]
    created = sum(r.json()["created"] for r in results)
    assert created == 200
    async with db.tenant_session(acme.company.id) as session:
        rows = (await session.execute(select(Contact.city, Contact.country))).all()
    assert len(rows) == 200
    assert set(rows) == {("Oslo", "NO")}


async def test_new_contacts_are_stored_in_sample_bucket_order(client, db, acme) -> None:
    """A batch goes in in bucket order, so the low buckets a sampled estimate reads share few
    pages; each bucket follows from the external id (crm_common.sampling)."""
    await bulk(client, acme, [{"external_id": f"S{i:04d}", "city": "Oslo"} for i in range(600)])
    assert await pages_holding_buckets_below(db, acme.company.id, 256) <= 0.4
    async with db.tenant_session(acme.company.id) as session:
        rows = (await session.execute(select(Contact.external_id, Contact.sample_bucket))).all()
    assert all(
        row.sample_bucket == sample_bucket(new_contact_id(acme.company.id, row.external_id))
        for row in rows
    )
