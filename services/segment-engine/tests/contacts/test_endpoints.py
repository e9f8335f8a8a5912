"""One contact over HTTP: validation and normalisation, PII masking, changes, deletion with
its cascade, permissions and tenant isolation."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from crm_common.crypto import pii
from crm_common.models import AuditLog, Contact, ContactConsent, ContactEvent, Suppression

JANE = {
    "external_id": "CRM-1",
    "email": "  Jane.Doe@Example.COM ",
    "phone": "+44 20 7946-0958",
    "first_name": "Jane",
    "last_name": "Doe",
    "gender": "Female",
    "birth_date": "1988-04-02",
    "language": "EN-gb",
    "country": "gb",
    "region": "England",
    "city": "London",
    "postal_code": "EC1A 1BB",
    "timezone": "Europe/London",
    "latitude": 51.5074,
    "longitude": -0.1278,
    "interests": ["running", "travel", "running"],
    "lifestyle": ["urban"],
    "values": ["sustainability"],
    "attributes": {"loyalty_tier": "gold", "lifetime_value": 812.5},
    "consent": {"email": True, "sms": False},
}


async def create(client, tenant, **fields):
    body = {**JANE, **fields}
    response = await client.post("/api/contacts/", json=body, headers=tenant.admin)
    assert response.status_code == 201, response.text
    return response.json()


async def test_create_normalises_and_records_consent(client, acme) -> None:
    contact = await create(client, acme)

    assert contact["email"] == "jane.doe@example.com"
    assert contact["phone"] == "+442079460958"
    assert contact["country"] == "GB"
    assert contact["gender"] == "female"
    assert contact["language"] == "en-GB"
    assert contact["interests"] == ["running", "travel"]
    assert contact["consent"] == {"email": True, "sms": False}
    assert contact["consented_channels"] == ["email"]


async def test_duplicate_external_id_is_a_conflict(client, acme) -> None:
    await create(client, acme)
    response = await client.post("/api/contacts/", json=JANE, headers=acme.admin)
    assert response.status_code == 409
    assert response.json()["error_code"] == "contact_exists"


@pytest.mark.parametrize(
    ("field", "value", "path"),
    [
        ("email", "jane@", "email"),
        ("email", "jane@localhost", "email"),
        ("phone", "020 7946 0958", "phone"),
        ("phone", "+12", "phone"),
        ("country", "XX", "country"),
        ("country", "GBR", "country"),
        ("latitude", 91, "latitude"),
        ("longitude", -181, "longitude"),
        ("timezone", "Mars/Olympus", "timezone"),
        ("birth_date", "2999-01-01", "birth_date"),
        ("gender", "robot", "gender"),
        ("interests", ["x" * 51], "interests"),
        ("interests", [1, 2], "interests"),
        ("interests", ["t"] * 51, "interests"),
        ("attributes", {"bad key": 1}, "attributes"),
        ("attributes", {"blob": "x" * 20_000}, "attributes"),
        ("attributes", {"a": {"b": {"c": {"d": {"e": 1}}}}}, "attributes"),
        ("attributes", ["not", "an", "object"], "attributes"),
        ("consent", {"fax": True}, "consent.fax"),
        ("first_name", "a\u0007b", "first_name"),
        ("external_id", "   ", "external_id"),
        ("is_admin", True, "is_admin"),
        ("consented_channels", ["email"], "consented_channels"),
        ("company_id", "0b8f5a0e-3c1d-4f59-9d2a-6c1f0e7b4a21", "company_id"),
    ],
)
async def test_invalid_field_is_a_422_naming_it(client, acme, field, value, path) -> None:
    response = await client.post("/api/contacts/", json={**JANE, field: value}, headers=acme.admin)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error_code"] == "validation_error"
    assert any(key.startswith(path) for key in body["details"]["fields"]), body


async def test_coordinates_must_come_together(client, acme) -> None:
    body = {key: value for key, value in JANE.items() if key != "longitude"}
    response = await client.post("/api/contacts/", json=body, headers=acme.admin)
    assert response.status_code == 422
    assert "together" in str(response.json()["details"])


async def test_pii_is_masked_without_view_pii(client, acme) -> None:
    attributes = {
        "loyalty_tier": "gold",
        "secondary_email": "jane.home@example.net",
        "Mobile": "+14155550199",
        "home_address": "1 Private Lane",
        "household": {"partner_email": "john@example.org", "size": 2},
    }
    contact = await create(client, acme, attributes=attributes)
    as_analyst = (await client.get(f"/api/contacts/{contact['id']}/", headers=acme.analyst)).json()
    as_admin = (await client.get(f"/api/contacts/{contact['id']}/", headers=acme.admin)).json()
    listed = (await client.get("/api/contacts/", headers=acme.manager)).json()["items"][0]

    assert as_admin["email"] == "jane.doe@example.com"
    for masked in (as_analyst, listed):
        assert masked["email"] == "j***@e***.com"
        assert masked["phone"] == "***58"
        assert masked["first_name"] == "J."
        assert masked["last_name"] == "D."
        assert masked["birth_date"] is None
        assert masked["postal_code"] is None
        assert masked["latitude"] is None
        assert masked["country"] == "GB"
        assert "Jane" not in str(masked)
        # Custom attributes naming personal data are masked too; the others stay readable.
        assert masked["attributes"] == {
            "loyalty_tier": "gold",
            "secondary_email": "***",
            "Mobile": "***",
            "home_address": "***",
            "household": {"partner_email": "***", "size": 2},
        }
    assert as_admin["attributes"]["secondary_email"] == "jane.home@example.net"


async def test_list_filters_and_shape(client, acme) -> None:
    await create(client, acme)
    await create(
        client,
        acme,
        external_id="CRM-2",
        email="max@example.de",
        country="DE",
        consent={"email": False},
        interests=["chess"],
    )
    await create(
        client,
        acme,
        external_id="CRM-3",
        email="ana@example.es",
        country="ES",
        consent={"sms": True},
    )

    by_country = (await client.get("/api/contacts/?country=de", headers=acme.admin)).json()
    by_consent = (await client.get("/api/contacts/?consent=email", headers=acme.admin)).json()
    by_interest = (await client.get("/api/contacts/?interest=chess", headers=acme.admin)).json()
    paged = (
        await client.get("/api/contacts/?page=2&page_size=2&sort=-external_id", headers=acme.admin)
    ).json()

    assert [c["external_id"] for c in by_country["items"]] == ["CRM-2"]
    assert by_country["filters"]["country"] == "DE"
    assert [c["external_id"] for c in by_consent["items"]] == ["CRM-1"]
    assert [c["external_id"] for c in by_interest["items"]] == ["CRM-2"]
    assert (paged["total"], paged["page"], paged["page_size"]) == (3, 2, 2)
    assert [c["external_id"] for c in paged["items"]] == ["CRM-1"]

    # Created today: a bare date as the upper bound is the whole day, echoed in UTC with Z.
    today = datetime.now(UTC).date().isoformat()
    created = (
        await client.get(
            f"/api/contacts/?created_from={today}&created_to={today}", headers=acme.admin
        )
    ).json()
    assert created["total"] == 3
    assert created["filters"]["created_from"] == f"{today}T00:00:00Z"
    assert created["filters"]["created_to"] == f"{today}T23:59:59.999999Z"


async def test_filtering_by_email_needs_view_pii(client, acme) -> None:
    await create(client, acme)
    denied = await client.get("/api/contacts/?email=jane.doe@example.com", headers=acme.analyst)
    found = await client.get("/api/contacts/?email=JANE.DOE@example.com", headers=acme.admin)
    assert denied.status_code == 403
    assert denied.json()["error_code"] == "pii_filter_denied"
    assert [c["external_id"] for c in found.json()["items"]] == ["CRM-1"]
    assert found.json()["filters"]["email"] == "***"
    unstorable = await client.get("/api/contacts/?email=not-an-address", headers=acme.admin)
    assert (unstorable.status_code, unstorable.json()["total"]) == (200, 0)


async def test_absurd_page_size_is_a_422(client, acme) -> None:
    response = await client.get("/api/contacts/?page_size=100000", headers=acme.admin)
    assert response.status_code == 422


async def test_patch_changes_only_fields_sent(client, acme) -> None:
    contact = await create(client, acme)
    response = await client.patch(
        f"/api/contacts/{contact['id']}/",
        json={"city": "Manchester", "postal_code": None, "consent": {"sms": True}},
        headers=acme.admin,
    )
    assert response.status_code == 200
    changed = response.json()
    assert changed["city"] == "Manchester"
    assert changed["postal_code"] is None
    assert changed["email"] == contact["email"]
    assert changed["interests"] == contact["interests"]
    assert changed["consented_channels"] == ["email", "sms"]


async def test_patch_to_a_taken_external_id_is_a_conflict(client, acme) -> None:
    await create(client, acme)
    other = await create(client, acme, external_id="CRM-2")
    response = await client.patch(
        f"/api/contacts/{other['id']}/", json={"external_id": "CRM-1"}, headers=acme.admin
    )
    assert response.status_code == 409
    cleared = await client.patch(
        f"/api/contacts/{other['id']}/", json={"external_id": None}, headers=acme.admin
    )
    assert cleared.status_code == 422


async def test_delete_cascades_and_keeps_the_suppression(client, db, acme) -> None:
    contact = await create(client, acme)
    events = await client.post(
        "/api/contact-events/batch/",
        json={
            "events": [
                {
                    "event_id": f"e{i}",
                    "contact_id": contact["id"],
                    "event_type": "purchase",
                    "occurred_at": "2026-01-01T10:00:00+00:00",
                }
                for i in range(3)
            ]
        },
        headers=acme.admin,
    )
    assert events.json()["created"] == 3
    suppressed = await client.post(
        "/api/suppressions/",
        json={"channel": "email", "address": "jane.doe@example.com", "reason": "complaint"},
        headers=acme.admin,
    )
    assert suppressed.json()["contact_id"] == contact["id"]

    response = await client.delete(f"/api/contacts/{contact['id']}/", headers=acme.admin)

    assert response.status_code == 204
    assert (
        await client.get(f"/api/contacts/{contact['id']}/", headers=acme.admin)
    ).status_code == 404
    async with db.tenant_session(acme.company.id) as session:
        counts = {
            model.__name__: (
                await session.execute(select(func.count()).select_from(model))
            ).scalar_one()
            for model in (Contact, ContactConsent, ContactEvent)
        }
        suppression = (await session.execute(select(Suppression))).scalar_one()
        [address] = await pii.open_suppressions(
            session,
            acme.company.id,
            [{"id": suppression.id, "address": suppression.address, "key_version": 1}],
        )
        audit = (
            await session.execute(select(AuditLog).where(AuditLog.action == "contact.deleted"))
        ).scalar_one()
    assert counts == {"Contact": 0, "ContactConsent": 0, "ContactEvent": 0}
    assert address == "jane.doe@example.com"
    assert suppression.contact_id is None
    assert audit.old_values == {
        "removed": {
            "consents": 2,
            "events": 3,
            "segment_memberships": 0,
            "campaign_contacts": 0,
            "deliveries": 0,
        }
    }
    assert "jane" not in str(audit.old_values).lower()
    assert (
        await client.delete(f"/api/contacts/{contact['id']}/", headers=acme.admin)
    ).status_code == 404


async def test_another_tenant_gets_404_and_sees_nothing(client, acme, globex) -> None:
    contact = await create(client, acme)
    url = f"/api/contacts/{contact['id']}/"

    assert (await client.get(url, headers=globex.admin)).status_code == 404
    assert (
        await client.patch(url, json={"city": "Paris"}, headers=globex.admin)
    ).status_code == 404
    assert (await client.delete(url, headers=globex.admin)).status_code == 404
    assert (await client.get(f"{url}consent/", headers=globex.admin)).status_code == 404
    assert (
        await client.patch(
            f"{url}consent/", json={"consent": {"email": False}}, headers=globex.admin
        )
    ).status_code == 404
    listed = (await client.get("/api/contacts/", headers=globex.admin)).json()
    assert listed["total"] == 0
    # The same external id in another company is another contact.
    theirs = await create(client, globex)
    assert theirs["id"] != contact["id"]
    mine = (await client.get(url, headers=acme.admin)).json()
    assert mine["city"] == "London"


async def test_writing_needs_manage_reference_data(client, acme) -> None:
    assert (await client.post("/api/contacts/", json=JANE, headers=acme.analyst)).status_code == 403
    assert (await client.post("/api/contacts/", json=JANE)).status_code == 401
    forged = {"Authorization": "Bearer not-a-token"}
    assert (await client.get("/api/contacts/", headers=forged)).status_code == 401


async def test_nul_bytes_and_non_uuid_ids_are_4xx(client, acme) -> None:
    nul = await client.post(
        "/api/contacts/",
        content=b'{"external_id": "a\\u0000b"}',
        headers={**acme.admin, "content-type": "application/json"},
    )
    assert nul.status_code == 422
    assert (await client.get("/api/contacts/not-a-uuid/", headers=acme.admin)).status_code == 422


async def test_timestamps_are_utc_with_offset(client, acme) -> None:
    contact = await create(client, acme)
    created = datetime.fromisoformat(contact["created_at"].replace("Z", "+00:00"))
    assert created.tzinfo is not None
    assert created.utcoffset() == UTC.utcoffset(None)


async def test_a_contact_version_guards_concurrent_edits(client, acme) -> None:
    created = await create(client, acme)
    path = f"/api/contacts/{created['id']}/"
    assert created["version"] == 1
    read = await client.get(path, headers=acme.admin)
    assert read.headers["etag"] == '"1"'

    saved = await client.patch(
        path, json={"city": "Lyon"}, headers={**acme.admin, "If-Match": '"1"'}
    )
    assert saved.status_code == 200, saved.text
    assert saved.headers["etag"] == '"2"' == f'"{saved.json()["version"]}"'
    stale = await client.patch(
        path, json={"city": "Nice"}, headers={**acme.admin, "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert stale.json()["details"] == {"expected_version": 1, "current_version": 2}
    # A bulk upsert that changes the contact moves its version as well.
    bulk = await client.post(
        "/api/contacts/bulk/",
        json={"contacts": [{"external_id": created["external_id"], "city": "Nice"}]},
        headers=acme.admin,
    )
    assert bulk.status_code == 200, bulk.text
    assert (await client.get(path, headers=acme.admin)).headers["etag"] == '"3"'
    assert (await client.delete(path, headers={**acme.admin, "If-Match": '"2"'})).status_code == 412
    assert (await client.delete(path, headers={**acme.admin, "If-Match": '"3"'})).status_code == 204
