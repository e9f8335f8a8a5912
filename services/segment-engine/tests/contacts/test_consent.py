"""Per-channel consent: current rows with source and time, the denormalised
`consented_channels` in step in the same transaction, and an audited history."""

import random

from sqlalchemy import select

from crm_common.models import AuditLog, Contact, ContactConsent


async def _contact(client, tenant, **fields):
    response = await client.post(
        "/api/contacts/", json={"external_id": "C1", **fields}, headers=tenant.admin
    )
    assert response.status_code == 201
    return response.json()["id"]


async def test_history_lists_every_change_newest_first(client, acme) -> None:
    contact_id = await _contact(client, acme, consent={"email": True})
    url = f"/api/contacts/{contact_id}/consent/"
    await client.patch(
        url, json={"consent": {"sms": True}, "source": "checkout"}, headers=acme.admin
    )
    response = await client.patch(
        url, json={"consent": {"email": False}, "source": "preference_center"}, headers=acme.admin
    )

    assert response.status_code == 200
    state = response.json()
    assert state["consented_channels"] == ["sms"]
    assert {(c["channel"], c["granted"], c["source"]) for c in state["channels"]} == {
        ("email", False, "preference_center"),
        ("sms", True, "checkout"),
    }
    assert [(h["channel"], h["granted"], h["previous"], h["source"]) for h in state["history"]] == [
        ("email", False, True, "preference_center"),
        ("sms", True, None, "checkout"),
        ("email", True, None, "api"),
    ]
    assert all(h["actor_user_id"] == str(acme.admin_user.id) for h in state["history"])


async def test_consent_given_earlier_keeps_its_time(client, acme) -> None:
    contact_id = await _contact(client, acme)
    response = await client.patch(
        f"/api/contacts/{contact_id}/consent/",
        json={
            "consent": {"direct_mail": True},
            "source": "paper_form",
            "recorded_at": "2025-03-01T09:30:00+01:00",
        },
        headers=acme.admin,
    )
    [entry] = response.json()["channels"]
    assert entry["recorded_at"] in ("2025-03-01T08:30:00Z", "2025-03-01T08:30:00+00:00")


async def test_bad_consent_changes_are_refused(client, acme) -> None:
    contact_id = await _contact(client, acme)
    url = f"/api/contacts/{contact_id}/consent/"
    for body in (
        {"consent": {"fax": True}},
        {"consent": {}},
        {"consent": {"email": True}, "recorded_at": "2999-01-01T00:00:00+00:00"},
        {"consent": {"email": True}, "recorded_at": "2025-01-01T00:00:00"},
        {"consent": {"email": True}, "source": ""},
        {"consent": {"email": "maybe"}},
    ):
        response = await client.patch(url, json=body, headers=acme.admin)
        assert response.status_code == 422, body
    assert (
        await client.patch(url, json={"consent": {"email": True}}, headers=acme.analyst)
    ).status_code == 403


async def test_explicit_reconfirmation_refreshes_source_and_is_audited(client, db, acme) -> None:
    contact_id = await _contact(client, acme, consent={"email": True})
    url = f"/api/contacts/{contact_id}/consent/"
    state = (
        await client.patch(
            url, json={"consent": {"email": True}, "source": "reconfirmed"}, headers=acme.admin
        )
    ).json()
    assert state["channels"][0]["source"] == "reconfirmed"
    assert [h["previous"] for h in state["history"]] == [True, None]
    async with db.tenant_session(acme.company.id) as session:
        audits = (
            (
                await session.execute(
                    select(AuditLog).where(AuditLog.action == "contact.consent_changed")
                )
            )
            .scalars()
            .all()
        )
    assert len(audits) == 2
    assert all("@" not in str(a.new_values) for a in audits)


async def test_array_matches_rows_after_random_changes(client, db, acme) -> None:
    rng = random.Random(4)
    ids = [await _contact(client, acme) for _ in range(1)]
    for index in range(3):
        response = await client.post(
            "/api/contacts/", json={"external_id": f"R{index}"}, headers=acme.admin
        )
        ids.append(response.json()["id"])
    channels = ["email", "sms", "social", "direct_mail"]
    for _ in range(40):
        contact_id = rng.choice(ids)
        change = {c: rng.random() < 0.5 for c in rng.sample(channels, rng.randint(1, 4))}
        if rng.random() < 0.5:
            await client.patch(
                f"/api/contacts/{contact_id}/consent/", json={"consent": change}, headers=acme.admin
            )
        else:
            await client.post(
                "/api/contacts/bulk/",
                json={"contacts": [{"external_id": "C1", "consent": change}]},
                headers=acme.admin,
            )
    async with db.tenant_session(acme.company.id) as session:
        contacts = (await session.execute(select(Contact))).scalars().all()
        rows = (await session.execute(select(ContactConsent))).scalars().all()
    granted: dict = {}
    for row in rows:
        if row.granted:
            granted.setdefault(row.contact_id, []).append(row.channel)
    for contact in contacts:
        assert contact.consented_channels == sorted(granted.get(contact.id, []))
