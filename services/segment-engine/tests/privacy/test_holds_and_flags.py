"""Legal holds (place, list, release with reasons), the do-not-sell flag and the retention
settings endpoints."""

from __future__ import annotations

import uuid

from .conftest import make_campaign, make_person


async def test_a_hold_is_placed_listed_and_released_with_reasons(client, acme, db):
    person = await make_person(db, acme)

    placed = await client.post(
        "/api/contacts/privacy/legal-holds/",
        json={"contact_id": str(person.contact_id), "reason": "Regulator inquiry"},
        headers=acme.admin,
    )
    again = await client.post(
        "/api/contacts/privacy/legal-holds/",
        json={"contact_id": str(person.contact_id), "reason": "Twice"},
        headers=acme.admin,
    )
    active = await client.get(
        "/api/contacts/privacy/legal-holds/", params={"active": True}, headers=acme.admin
    )
    released = await client.post(
        f"/api/contacts/privacy/legal-holds/{placed.json()['id']}/release/",
        json={"reason": "Inquiry closed"},
        headers=acme.admin,
    )
    released_twice = await client.post(
        f"/api/contacts/privacy/legal-holds/{placed.json()['id']}/release/",
        json={"reason": "Inquiry closed"},
        headers=acme.admin,
    )

    assert placed.status_code == 201, placed.text
    assert placed.json()["active"] is True
    assert again.status_code == 409
    assert again.json()["error_code"] == "legal_hold_exists"
    assert [hold["id"] for hold in active.json()["items"]] == [placed.json()["id"]]
    assert released.status_code == 200, released.text
    assert released.json()["active"] is False
    assert released.json()["release_reason"] == "Inquiry closed"
    assert released_twice.status_code == 409
    erased = await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)
    assert erased.status_code == 200, erased.text
    log = await client.get(
        "/api/contacts/privacy/requests/",
        params={"contact_id": str(person.contact_id)},
        headers=acme.admin,
    )
    kinds = sorted(entry["kind"] for entry in log.json()["items"])
    assert kinds == ["erase", "legal_hold", "legal_hold_release"]


async def test_a_campaign_hold_and_its_validation(client, acme, globex, db):
    campaign_id = await make_campaign(db, acme)

    placed = await client.post(
        "/api/contacts/privacy/legal-holds/",
        json={"campaign_id": str(campaign_id), "reason": "Litigation hold"},
        headers=acme.admin,
    )
    both = await client.post(
        "/api/contacts/privacy/legal-holds/",
        json={"campaign_id": str(campaign_id), "contact_id": str(uuid.uuid4()), "reason": "x" * 5},
        headers=acme.admin,
    )
    foreign = await client.post(
        "/api/contacts/privacy/legal-holds/",
        json={"campaign_id": str(campaign_id), "reason": "Not mine"},
        headers=globex.admin,
    )
    other_tenant_list = await client.get("/api/contacts/privacy/legal-holds/", headers=globex.admin)
    release_foreign = await client.post(
        f"/api/contacts/privacy/legal-holds/{placed.json()['id']}/release/",
        json={"reason": "Not mine"},
        headers=globex.admin,
    )

    assert placed.status_code == 201, placed.text
    assert both.status_code == 422
    assert both.json()["error_code"] == "validation_error"
    assert foreign.status_code == 404
    assert foreign.json()["error_code"] == "campaign_not_found"
    assert other_tenant_list.json()["items"] == []
    assert release_foreign.status_code == 404


async def test_holds_need_manage_privacy(client, acme, db):
    response = await client.get("/api/contacts/privacy/legal-holds/", headers=acme.manager)

    assert response.status_code == 403


async def test_do_not_sell_is_set_logged_and_shown_on_the_contact(client, acme, db):
    person = await make_person(db, acme)

    changed = await client.put(
        f"/api/contacts/{person.contact_id}/do-not-sell/",
        json={"do_not_sell": True},
        headers=acme.admin,
    )
    contact = await client.get(f"/api/contacts/{person.contact_id}/", headers=acme.admin)
    log = await client.get(
        "/api/contacts/privacy/requests/", params={"kind": "do_not_sell"}, headers=acme.admin
    )

    assert changed.status_code == 200, changed.text
    assert changed.json() == {"contact_id": str(person.contact_id), "do_not_sell": True}
    assert contact.json()["do_not_sell"] is True
    assert [entry["outcome"] for entry in log.json()["items"]] == ["completed"]


async def test_retention_settings_are_read_and_replaced(client, acme, globex):
    empty = await client.get("/api/contacts/privacy/retention/", headers=acme.admin)
    saved = await client.put(
        "/api/contacts/privacy/retention/",
        json={"events": 365, "deliveries": 730, "rendered_messages": 30, "audit": None},
        headers=acme.admin,
    )
    invalid = await client.put(
        "/api/contacts/privacy/retention/", json={"events": 0}, headers=acme.admin
    )
    unknown = await client.put(
        "/api/contacts/privacy/retention/", json={"contacts": 5}, headers=acme.admin
    )
    other = await client.get("/api/contacts/privacy/retention/", headers=globex.admin)

    assert empty.json() == {
        "events": None,
        "deliveries": None,
        "rendered_messages": None,
        "audit": None,
    }
    assert saved.status_code == 200, saved.text
    assert saved.json() == {
        "events": 365,
        "deliveries": 730,
        "rendered_messages": 30,
        "audit": None,
    }
    assert invalid.status_code == 422
    assert "events" in str(invalid.json()["details"])
    assert unknown.status_code == 422
    assert other.json()["events"] is None
