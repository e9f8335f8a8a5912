"""Double opt-in for email: with the company setting on, an email grant stays pending (and is
never sent to) until the contact follows the signed, expiring link of the confirmation
message; the link's GET shows a page, its POST confirms."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from crm_common.db import Database
from crm_common.models import AuditLog
from crm_common.privacy.opt_in_tokens import OptInSigner
from crm_common.settings import Settings

from ..conftest import Tenant
from .conftest import (
    confirmation_requests,
    consented_channels,
    create_contact,
    enable_double_opt_in,
)


def _link(settings: Settings, tenant: Tenant, contact_id: str, request_id: str, **kw) -> str:
    token = OptInSigner.from_settings(settings).mint(
        tenant.company.id, uuid.UUID(contact_id), uuid.UUID(request_id), **kw
    )
    return f"/t/opt-in/{token}"


async def _pending(client, db: Database, tenant: Tenant, **fields) -> tuple[str, str]:
    await enable_double_opt_in(db, tenant.company.id)
    contact_id = await create_contact(
        client, tenant.admin, consent={"email": True, "sms": True}, **fields
    )
    [request] = await confirmation_requests(db)
    assert request["contact_id"] == contact_id
    return contact_id, request["request_id"]


async def test_an_email_grant_stays_pending_until_confirmed(
    client, db: Database, acme: Tenant
) -> None:
    contact_id, request_id = await _pending(client, db, acme)

    state = (await client.get(f"/api/contacts/{contact_id}/consent/", headers=acme.admin)).json()
    assert {c["channel"]: c["status"] for c in state["channels"]} == {
        "email": "pending",
        "sms": "granted",
    }
    assert await consented_channels(db, contact_id) == ["sms"]
    assert state["history"][0]["action"] in ("request", "grant")
    assert {(h["channel"], h["action"]) for h in state["history"]} == {
        ("email", "request"),
        ("sms", "grant"),
    }
    assert request_id == next(h["id"] for h in state["history"] if h["action"] == "request")


async def test_without_the_setting_an_email_grant_is_granted_at_once(
    client, db: Database, acme: Tenant
) -> None:
    contact_id = await create_contact(client, acme.admin, consent={"email": True})
    assert await consented_channels(db, contact_id) == ["email"]
    assert await confirmation_requests(db) == []


async def test_the_link_shows_a_page_and_its_post_confirms(
    client, db: Database, settings: Settings, acme: Tenant
) -> None:
    contact_id, request_id = await _pending(client, db, acme)
    link = _link(settings, acme, contact_id, request_id)

    page = await client.get(link)
    assert page.status_code == 200
    assert "Confirm your subscription" in page.text
    assert await consented_channels(db, contact_id) == ["sms"]  # a GET changes nothing

    confirmed = await client.post(link, headers={"user-agent": "Mail client/1.0"})
    assert confirmed.status_code == 200
    assert "Subscription confirmed" in confirmed.text
    assert await consented_channels(db, contact_id) == ["email", "sms"]
    history = (
        await client.get(f"/api/contacts/{contact_id}/consents/history/", headers=acme.admin)
    ).json()["items"]
    confirm = history[0]
    assert (confirm["channel"], confirm["action"], confirm["status"]) == (
        "email",
        "confirm",
        "granted",
    )
    assert confirm["proof"]["opt_in_request_id"] == request_id
    assert confirm["proof"]["user_agent"] == "Mail client/1.0"

    again = await client.post(link)
    assert again.status_code == 200
    assert len(
        (
            await client.get(f"/api/contacts/{contact_id}/consents/history/", headers=acme.admin)
        ).json()["items"]
    ) == len(history)


async def test_the_confirmation_leaves_the_contacts_request_out_of_the_audit_log(
    client, db: Database, settings: Settings, acme: Tenant
) -> None:
    """The contact's address and user agent are proof in the ledger (pseudonymised on erasure),
    never in the hash-chained audit log, which cannot drop them; a staff change keeps the
    staff member's."""
    contact_id, request_id = await _pending(client, db, acme)

    await client.post(
        _link(settings, acme, contact_id, request_id), headers={"user-agent": "Mail client/1.0"}
    )

    async with db.system_session() as session:
        rows = (
            await session.execute(
                select(AuditLog.actor_user_id, AuditLog.client_ip, AuditLog.user_agent)
                .where(
                    AuditLog.entity_id == uuid.UUID(contact_id),
                    AuditLog.action == "contact.consent_changed",
                )
                .order_by(AuditLog.chain_seq)
            )
        ).all()
    staff, confirmation = rows[0], rows[-1]
    assert staff.actor_user_id is not None
    assert staff.client_ip is not None
    assert (confirmation.actor_user_id, confirmation.client_ip, confirmation.user_agent) == (
        None,
        None,
        None,
    )


async def test_an_expired_link_is_410(
    client, db: Database, settings: Settings, acme: Tenant
) -> None:
    contact_id, request_id = await _pending(client, db, acme)
    link = _link(settings, acme, contact_id, request_id, now=datetime.now(UTC) - timedelta(days=8))
    for response in (await client.get(link), await client.post(link)):
        assert response.status_code == 410
        assert response.json()["error_code"] == "opt_in_link_expired"
    assert await consented_channels(db, contact_id) == ["sms"]


async def test_a_forged_link_is_404(client, db: Database, settings: Settings, acme: Tenant) -> None:
    contact_id, request_id = await _pending(client, db, acme)
    link = _link(settings, acme, contact_id, request_id)
    forged = link[:-2] + ("AA" if not link.endswith("AA") else "BB")
    response = await client.post(forged)
    assert response.status_code == 404
    assert response.json()["error_code"] == "opt_in_link_not_found"
    other = OptInSigner("another-secret-entirely-0123456789abcdef").mint(
        acme.company.id, uuid.UUID(contact_id), uuid.UUID(request_id)
    )
    assert (await client.post(f"/t/opt-in/{other}")).status_code == 404


async def test_a_link_replaced_by_a_withdrawal_is_409(
    client, db: Database, settings: Settings, acme: Tenant
) -> None:
    contact_id, request_id = await _pending(client, db, acme)
    await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={"consent": {"email": False}},
        headers=acme.admin,
    )
    response = await client.post(_link(settings, acme, contact_id, request_id))
    assert response.status_code == 409
    assert response.json()["error_code"] == "opt_in_superseded"
    assert await consented_channels(db, contact_id) == ["sms"]


async def test_a_link_for_another_companys_contact_finds_nothing(
    client, db: Database, settings: Settings, acme: Tenant, globex: Tenant
) -> None:
    contact_id, request_id = await _pending(client, db, acme)
    token = OptInSigner.from_settings(settings).mint(
        globex.company.id, uuid.UUID(contact_id), uuid.UUID(request_id)
    )
    assert (await client.post(f"/t/opt-in/{token}")).status_code == 404
    assert await consented_channels(db, contact_id) == ["sms"]


async def test_granting_again_while_pending_sends_no_second_request(
    client, db: Database, acme: Tenant
) -> None:
    contact_id, _ = await _pending(client, db, acme)
    await client.patch(
        f"/api/contacts/{contact_id}/", json={"consent": {"email": True}}, headers=acme.admin
    )
    assert len(await confirmation_requests(db)) == 1


async def test_bulk_new_contacts_with_email_consent_are_pending(
    client, db: Database, acme: Tenant
) -> None:
    await enable_double_opt_in(db, acme.company.id)
    response = await client.post(
        "/api/contacts/bulk/",
        json={
            "contacts": [
                {"external_id": "B1", "email": "b1@example.com", "consent": {"email": True}},
                {"external_id": "B2", "email": "b2@example.com", "consent": {"sms": True}},
            ]
        },
        headers=acme.admin,
    )
    assert response.status_code == 200, response.text
    ids = {r["external_id"]: r["id"] for r in response.json()["results"]}
    assert await consented_channels(db, ids["B1"]) == []
    assert await consented_channels(db, ids["B2"]) == ["sms"]
    assert [r["contact_id"] for r in await confirmation_requests(db)] == [ids["B1"]]


async def test_pending_contacts_are_not_counted_as_sendable(
    client, db: Database, acme: Tenant
) -> None:
    await enable_double_opt_in(db, acme.company.id)
    await create_contact(client, acme.admin, "P1", consent={"email": True})
    await client.post(
        "/api/contacts/",
        json={"external_id": "P2", "email": "p2@example.com", "consent": {"sms": True}},
        headers=acme.admin,
    )
    response = await client.post(
        "/api/segments/estimate/", json={"channel": "email"}, headers=acme.analyst
    )
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["matched"], result["count"]) == (2, 0)
    assert result["excluded"]["no_consent"] == 2
