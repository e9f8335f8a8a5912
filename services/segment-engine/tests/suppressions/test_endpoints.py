"""`/api/suppressions/`: normalised addresses, idempotent adds, masking, removal, audit and
tenant isolation."""

import uuid

import pytest
from sqlalchemy import select

from crm_common.models import AuditLog


async def add(client, tenant, **body):
    return await client.post("/api/suppressions/", json=body, headers=tenant.admin)


@pytest.mark.parametrize(
    ("channel", "address", "stored"),
    [
        ("email", "  Ann.Example@MAIL.Example.COM ", "ann.example@mail.example.com"),
        ("sms", "+1 (555) 010-2030", "+15550102030"),
        ("sms", "0047 12 34 56 78", "+4712345678"),
        (None, "Bob@Example.com", "bob@example.com"),
        (None, "+44 20 7946 0958", "+442079460958"),
        ("direct_mail", "  1 Main   Street, Springfield ", "1 main street, springfield"),
    ],
)
async def test_addresses_are_normalised(client, acme, channel, address, stored) -> None:
    response = await add(client, acme, channel=channel, address=address, reason="manual")
    assert response.status_code == 201, response.text
    assert response.json()["address"] == stored
    assert response.json()["channel"] == channel


async def test_same_address_again_returns_the_existing_entry(client, acme) -> None:
    first = await add(client, acme, channel="email", address="ann@example.com", reason="complaint")
    again = await add(client, acme, channel="email", address="ANN@example.com", reason="manual")
    all_channels = await add(client, acme, address="ann@example.com", reason="legal")
    assert (first.status_code, again.status_code, all_channels.status_code) == (201, 200, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["reason"] == "complaint"
    assert all_channels.json()["id"] != first.json()["id"]


@pytest.mark.parametrize(
    "body",
    [
        {"channel": "email", "address": "not-an-email"},
        {"channel": "sms", "address": "5550102030"},
        {"address": "somewhere"},
        {"channel": "fax", "address": "x"},
        {"channel": "email", "address": "a@example.com", "reason": "tired"},
        {"channel": "email", "address": "a@example.com", "extra": 1},
        {"channel": "email", "address": ""},
    ],
)
async def test_invalid_suppressions_are_422(client, acme, body) -> None:
    response = await add(client, acme, **body)
    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


async def test_suppression_links_the_contact_and_refuses_unknown_references(
    client, acme, globex
) -> None:
    contact = (
        await client.post(
            "/api/contacts/",
            json={"external_id": "C1", "email": "ann@example.com"},
            headers=acme.admin,
        )
    ).json()
    linked = await add(client, acme, channel="email", address="Ann@Example.com")
    foreign = (
        await client.post("/api/contacts/", json={"external_id": "G1"}, headers=globex.admin)
    ).json()
    unknown = await add(
        client, acme, channel="email", address="x@example.com", contact_id=foreign["id"]
    )
    no_campaign = await add(
        client, acme, channel="email", address="y@example.com", campaign_id=str(uuid.uuid4())
    )
    assert linked.json()["contact_id"] == contact["id"]
    assert unknown.status_code == 422
    assert unknown.json()["error_code"] == "unknown_reference"
    assert no_campaign.status_code == 422


async def test_list_masks_addresses_and_filters(client, acme) -> None:
    await add(client, acme, channel="email", address="ann@example.com", reason="unsubscribe")
    await add(client, acme, channel="sms", address="+15550102030", reason="complaint")
    await add(client, acme, address="bob@example.com", reason="legal")

    masked = (await client.get("/api/suppressions/", headers=acme.analyst)).json()
    assert masked["total"] == 3
    assert {s["address"] for s in masked["items"]} == {"a***@e***.com", "***30", "b***@e***.com"}
    all_only = (await client.get("/api/suppressions/?channel=all", headers=acme.admin)).json()
    assert [s["address"] for s in all_only["items"]] == ["bob@example.com"]
    by_reason = (await client.get("/api/suppressions/?reason=complaint", headers=acme.admin)).json()
    assert [s["channel"] for s in by_reason["items"]] == ["sms"]
    by_address = (
        await client.get("/api/suppressions/?address=ANN@example.com", headers=acme.admin)
    ).json()
    assert [s["reason"] for s in by_address["items"]] == ["unsubscribe"]
    assert by_address["filters"]["address"] == "***"
    denied = await client.get("/api/suppressions/?address=ann@example.com", headers=acme.analyst)
    assert denied.status_code == 403


async def test_remove_is_audited_without_the_address(client, db, acme) -> None:
    created = (await add(client, acme, channel="email", address="ann@example.com")).json()
    url = f"/api/suppressions/{created['id']}/"
    assert (await client.delete(url, headers=acme.analyst)).status_code == 403
    assert (await client.delete(url, headers=acme.admin)).status_code == 204
    assert (await client.get(url, headers=acme.admin)).status_code == 404
    assert (await client.delete(url, headers=acme.admin)).status_code == 404
    async with db.tenant_session(acme.company.id) as session:
        audits = (await session.execute(select(AuditLog).order_by(AuditLog.id))).scalars().all()
    assert [a.action for a in audits] == ["suppression.added", "suppression.removed"]
    assert all("ann@" not in str(a.old_values) + str(a.new_values) for a in audits)


async def test_another_tenant_cannot_see_or_remove(client, acme, globex) -> None:
    created = (await add(client, acme, channel="email", address="ann@example.com")).json()
    url = f"/api/suppressions/{created['id']}/"
    assert (await client.get(url, headers=globex.admin)).status_code == 404
    assert (await client.delete(url, headers=globex.admin)).status_code == 404
    assert (await client.get("/api/suppressions/", headers=globex.admin)).json()["total"] == 0
    same = await add(client, globex, channel="email", address="ann@example.com")
    assert same.status_code == 201
    assert same.json()["id"] != created["id"]
