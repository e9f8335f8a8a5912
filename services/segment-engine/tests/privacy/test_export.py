"""Export: every kind of record held about a contact, in clear, for callers allowed to see
personal data; the request is logged."""

from __future__ import annotations

from sqlalchemy import select

from crm_common.models import DataSubjectRequest
from crm_common.testing.builders import auth_headers, make_user

from .conftest import make_person


async def test_export_contains_every_kind_of_record(client, acme, db):
    person = await make_person(db, acme)

    response = await client.get(f"/api/contacts/{person.contact_id}/export/", headers=acme.admin)

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["profile"]["email"] == person.email
    assert body["profile"]["phone"] == person.phone
    assert body["profile"]["attributes"]["note"] == f"prefers {person.email}"
    assert [row["channel"] for row in body["consents"]] == ["email"]
    assert body["events"][0]["properties"]["billing_email"] == person.email
    assert body["deliveries"][0]["id"] == str(person.delivery_id)
    assert body["deliveries"][0]["campaign_name"] == "Spring sale"
    kinds = sorted(row["kind"] for row in body["rendered_messages"])
    assert kinds == ["message_link", "test_send"]
    assert body["segment_memberships"][0]["segment_name"] == "VIPs"
    assert body["campaign_audiences"][0]["campaign_id"] == str(person.campaign_id)
    assert body["suppressions"][0]["address"] == person.email
    assert [row["action"] for row in body["audit_trail"]] == ["contact.updated"]
    for key in ("profile", "events", "deliveries", "consents"):
        assert body[key], key
    assert "company_id" not in body["profile"]


async def test_export_is_logged_with_who_and_when(client, acme, db):
    person = await make_person(db, acme)

    await client.get(f"/api/contacts/{person.contact_id}/export/", headers=acme.admin)

    log = await client.get(
        "/api/contacts/privacy/requests/",
        params={"contact_id": str(person.contact_id)},
        headers=acme.admin,
    )
    assert log.status_code == 200, log.text
    [entry] = log.json()["items"]
    assert entry["kind"] == "export"
    assert entry["outcome"] == "completed"
    assert entry["requested_by_user_id"] == str(acme.admin_user.id)
    assert entry["details"]["records"]["events"] == 1
    assert log.json()["filters"] == {"contact_id": str(person.contact_id)}


async def test_export_needs_view_pii_or_the_export_permission(client, acme, db, resources):
    person = await make_person(db, acme)

    response = await client.get(f"/api/contacts/{person.contact_id}/export/", headers=acme.analyst)

    assert response.status_code == 403
    assert response.json()["details"]["missing_permissions"] == ["export_personal_data"]
    async with db.system_session() as session:
        logged = (await session.scalars(select(DataSubjectRequest))).all()
    assert logged == []


async def test_another_companys_contact_is_not_found(client, acme, globex, db):
    person = await make_person(db, acme)

    response = await client.get(f"/api/contacts/{person.contact_id}/export/", headers=globex.admin)

    assert response.status_code == 404
    assert response.json()["error_code"] == "contact_not_found"


async def test_an_erased_contact_exports_only_its_tombstone(client, acme, db, resources):
    person = await make_person(db, acme)
    await client.post(f"/api/contacts/{person.contact_id}/erase/", headers=acme.admin)

    response = await client.get(f"/api/contacts/{person.contact_id}/export/", headers=acme.admin)

    body = response.json()
    assert body["profile"]["email"] is None
    assert body["profile"]["erased_at"]
    assert person.email not in response.text
    assert person.phone not in response.text
    kinds = [row["kind"] for row in body["data_subject_requests"]]
    assert kinds == ["erase"]
    user = await make_user(db, acme.company, "marketing_analyst")
    denied = await client.get(
        f"/api/contacts/{person.contact_id}/export/", headers=auth_headers(resources.codec, user)
    )
    assert denied.status_code == 403
