"""`/api/contact-events/`: single and batch ingestion, idempotent by event id per company,
contact references checked within the company, and filtered lists."""

import uuid

from sqlalchemy import func, select

from crm_common.models import ContactEvent


async def _contact(client, tenant, external_id="C1"):
    response = await client.post(
        "/api/contacts/", json={"external_id": external_id}, headers=tenant.admin
    )
    return response.json()["id"]


def _event(event_id="e1", **fields):
    return {
        "event_id": event_id,
        "external_id": "C1",
        "event_type": "purchase",
        "occurred_at": "2026-03-01T12:00:00+02:00",
        "properties": {"amount": 42.5, "category": "shoes"},
        **fields,
    }


async def _count(db, tenant) -> int:
    async with db.tenant_session(tenant.company.id) as session:
        return (await session.execute(select(func.count()).select_from(ContactEvent))).scalar_one()


async def test_single_event_is_idempotent_by_event_id(client, db, acme) -> None:
    await _contact(client, acme)
    first = await client.post("/api/contact-events/", json=_event(), headers=acme.admin)
    again = await client.post(
        "/api/contact-events/", json=_event(event_type="refund"), headers=acme.admin
    )

    assert first.status_code == 201
    assert first.json() == {"event_id": "e1", "status": "created"}
    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert await _count(db, acme) == 1
    [stored] = (await client.get("/api/contact-events/", headers=acme.admin)).json()["items"]
    assert stored["event_type"] == "purchase"
    assert stored["occurred_at"].startswith("2026-03-01T10:00:00")


async def test_batch_reports_created_duplicate_and_errors(client, db, acme) -> None:
    contact_id = await _contact(client, acme)
    await client.post("/api/contact-events/", json=_event("seen"), headers=acme.admin)
    response = await client.post(
        "/api/contact-events/batch/",
        json={
            "events": [
                _event("a"),
                _event("a"),
                _event("seen"),
                _event("b", external_id=None, contact_id=contact_id),
                _event("c", external_id="nobody"),
                _event("d", event_type="Bad Type"),
                _event("e", occurred_at="2026-03-01T12:00:00"),
                _event("f", occurred_at="2999-01-01T00:00:00+00:00"),
                _event("g", contact_id=contact_id),
                _event("h", properties={"bad key": 1}),
                _event("i", campaign_id=str(uuid.uuid4())),
                [1, 2],
            ]
        },
        headers=acme.admin,
    )

    assert response.status_code == 200
    body = response.json()
    assert (body["created"], body["duplicates"], body["failed"]) == (2, 2, 8)
    statuses = [(r["event_id"], r["status"]) for r in body["results"]]
    assert statuses[:4] == [
        ("a", "created"),
        ("a", "duplicate"),
        ("seen", "duplicate"),
        ("b", "created"),
    ]
    paths = {
        r["event_id"]: [e["path"] for e in r["errors"]]
        for r in body["results"]
        if r["status"] == "error"
    }
    assert paths == {
        "c": ["events[4].external_id"],
        "d": ["events[5].event_type"],
        "e": ["events[6].occurred_at"],
        "f": ["events[7].occurred_at"],
        "g": ["events[8]"],
        "h": ["events[9].properties"],
        "i": ["events[10].campaign_id"],
        None: ["events[11]"],
    }
    assert await _count(db, acme) == 3


async def test_another_tenants_contact_is_unknown(client, db, acme, globex) -> None:
    theirs = await _contact(client, globex)
    response = await client.post(
        "/api/contact-events/", json=_event(external_id=None, contact_id=theirs), headers=acme.admin
    )
    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"contact_id": ["no such contact"]}
    assert await _count(db, acme) == 0
    assert await _count(db, globex) == 0


async def test_event_ids_are_scoped_per_company(client, db, acme, globex) -> None:
    await _contact(client, acme)
    await _contact(client, globex)
    ours = await client.post("/api/contact-events/", json=_event(), headers=acme.admin)
    theirs = await client.post("/api/contact-events/", json=_event(), headers=globex.admin)
    assert ours.status_code == theirs.status_code == 201
    listed = (await client.get("/api/contact-events/", headers=globex.admin)).json()
    assert listed["total"] == 1


async def test_list_filters_by_contact_type_and_time(client, acme) -> None:
    first = await _contact(client, acme, "C1")
    await _contact(client, acme, "C2")
    events = [
        _event("p1", occurred_at="2026-01-05T00:00:00+00:00"),
        _event("p2", occurred_at="2026-02-05T00:00:00+00:00"),
        _event("v1", event_type="page_view", occurred_at="2026-02-06T00:00:00+00:00"),
        _event("o1", external_id="C2", occurred_at="2026-02-07T00:00:00+00:00"),
    ]
    await client.post("/api/contact-events/batch/", json={"events": events}, headers=acme.admin)

    async def ids(query: str) -> list[str]:
        response = await client.get(f"/api/contact-events/?{query}", headers=acme.analyst)
        assert response.status_code == 200
        return [e["event_id"] for e in response.json()["items"]]

    assert await ids("") == ["o1", "v1", "p2", "p1"]
    assert await ids(f"contact_id={first}") == ["v1", "p2", "p1"]
    assert await ids("external_id=C2") == ["o1"]
    assert await ids("external_id=nobody") == []
    assert await ids("event_type=purchase&occurred_from=2026-02-01T00:00:00Z") == ["o1", "p2"]
    assert await ids("occurred_to=2026-02-01T00:00:00Z") == ["p1"]
    # Bounds are inclusive; a bare date as the upper bound is that whole day, and a moment
    # without an offset is UTC.
    assert await ids("occurred_to=2026-02-05") == ["p2", "p1"]
    assert await ids("occurred_to=2026-02-05T00:00:00") == ["p2", "p1"]
    assert await ids("occurred_from=2026-02-06&occurred_to=2026-02-06") == ["v1"]
    # The page's echo states the moments as the API writes them: ISO 8601, UTC, `Z`.
    echoed = await client.get(
        "/api/contact-events/?occurred_from=2026-12-01T00:00:00%2B02:00&occurred_to=2026-12-02",
        headers=acme.analyst,
    )
    assert echoed.json()["filters"]["occurred_from"] == "2026-11-30T22:00:00Z"
    assert echoed.json()["filters"]["occurred_to"] == "2026-12-02T23:59:59.999999Z"


async def test_ingestion_needs_manage_reference_data(client, acme) -> None:
    await _contact(client, acme)
    assert (
        await client.post("/api/contact-events/", json=_event(), headers=acme.analyst)
    ).status_code == 403
    assert (
        await client.post("/api/contact-events/batch/", json={"events": []}, headers=acme.admin)
    ).status_code == 422


async def test_properties_values_hidden_without_view_pii(client, acme) -> None:
    await _contact(client, acme)
    event = _event("pii", properties={"email": "leaky@example.com", "ip": "1.2.3.4"})
    await client.post("/api/contact-events/", json=event, headers=acme.admin)

    [seen] = (await client.get("/api/contact-events/", headers=acme.admin)).json()["items"]
    assert seen["properties"] == {"email": "leaky@example.com", "ip": "1.2.3.4"}
    for reader in (acme.analyst, acme.manager):
        response = await client.get("/api/contact-events/", headers=reader)
        [masked] = response.json()["items"]
        assert masked["properties"] == {"email": "***", "ip": "***"}
        assert "leaky" not in response.text
