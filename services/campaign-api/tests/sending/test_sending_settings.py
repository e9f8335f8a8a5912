"""The sending settings: read by anyone with reference data, replaced by administrators,
validated (no header injection, real time zones), audited, and read by the message renderer;
a launch of email without the company's own postal address says so."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from crm_common.messages.sender import DEFAULT_POSTAL_ADDRESS, sender_profile
from crm_common.models import AuditLog, Company
from crm_common.testing.builders import make_contacts

URL = "/api/sending-settings/"
BODY = {
    "sender": {
        "from_name": "Acme News",
        "from_address": "news@acme.example",
        "reply_to": "help@acme.example",
        "postal_address": {
            "line1": "1 Main St",
            "city": "Ottawa",
            "region": "ON",
            "postal_code": "K1A 0B1",
            "country": "CA",
        },
        "sms_sender": "ACME",
    },
    "quiet_hours": {"start": "21:00", "end": "08:00", "channels": ["sms"]},
}


async def test_defaults_then_the_companys_own(client, admin, acme, db, headers_for) -> None:
    analyst = await headers_for(acme, "marketing_analyst")
    before = await client.get(URL, headers=analyst)
    changed = await client.put(URL, json=BODY, headers=admin)
    after = await client.get(URL, headers=analyst)

    assert before.status_code == 200
    assert before.json()["postal_address_set"] is False
    assert before.json()["effective_sender"]["postal_address"] == DEFAULT_POSTAL_ADDRESS
    assert before.json()["quiet_hours"] is None
    assert changed.status_code == 200, changed.text
    body = after.json()
    assert body["postal_address_set"] is True
    assert body["sender"]["from_address"] == "news@acme.example"
    assert body["effective_sender"] == {
        "from_header": "Acme News <news@acme.example>",
        "reply_to": "help@acme.example",
        "postal_address": "1 Main St, Ottawa, ON, K1A 0B1, CA",
        "sms_sender": "ACME",
    }
    assert body["quiet_hours"] == {
        "start": "21:00",
        "end": "08:00",
        "channels": ["sms"],
        "default_timezone": None,
    }
    async with db.system_session() as session:
        company = await session.get(Company, acme.id)
        assert company is not None
        # What the launch worker reads: the same settings, other keys untouched.
        assert sender_profile(company.settings).postal_address.startswith("1 Main St")
        assert company.settings["quiet_hours"]["channels"] == ["sms"]
        actions = (
            (
                await session.execute(
                    select(AuditLog.action).where(AuditLog.entity_type == "company")
                )
            )
            .scalars()
            .all()
        )
    assert actions == ["company.sending_settings_changed"]


async def test_quiet_hours_null_turns_them_off(client, admin) -> None:
    await client.put(URL, json=BODY, headers=admin)

    off = await client.put(URL, json={**BODY, "quiet_hours": None}, headers=admin)

    assert off.json()["quiet_hours"] is None


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("sender", "from_name"), "Acme\r\nBcc: everyone@example.com"),
        (("sender", "from_address"), "not an address"),
        (("sender", "reply_to"), "a@b@c"),
        (("sender", "sms_sender"), "TOO-LONG-SENDER-ID"),
        (("quiet_hours", "start"), "25:00"),
        (("quiet_hours", "default_timezone"), "Mars/Olympus"),
        (("quiet_hours", "end"), "21:00"),
        (("quiet_hours", "channels"), ["sms", "sms"]),
        (("sender", "postal_address"), {"line1": "1 Main St"}),
    ],
)
async def test_bad_settings_are_422(client, admin, path, value) -> None:
    body = {"sender": dict(BODY["sender"]), "quiet_hours": dict(BODY["quiet_hours"])}
    body[path[0]][path[1]] = value

    response = await client.put(URL, json=body, headers=admin)

    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


async def test_only_administrators_change_them(client, acme, headers_for) -> None:
    manager = await headers_for(acme, "marketing_manager")

    response = await client.put(URL, json=BODY, headers=manager)

    assert response.status_code == 403


async def test_a_launch_of_email_without_a_postal_address_says_so(
    client,
    admin,
    create_campaign,
    funded,
    add_budget,
    add_segment,
    give_message,
    act,
    db,
    acme,
    start_date,
) -> None:
    await make_contacts(db, acme, 1, country="DE")
    await add_budget(acme, year=start_date.year + 1)  # the second campaign may start next year
    warned = []
    for offset, key in ((0, "launch-key-postal-1"), (40, "launch-key-postal-2")):
        start = start_date + timedelta(days=offset)
        campaign = await create_campaign(
            admin,
            start_date=start.isoformat(),
            end_date=(start + timedelta(days=30)).isoformat(),
        )
        await add_segment(admin, campaign["id"])
        await give_message(campaign["id"])
        await act(admin, campaign["id"], "plan")
        launched = await client.post(
            f"/api/campaigns/{campaign['id']}/launch/",
            headers={**admin, "Idempotency-Key": key},
        )
        assert launched.status_code == 202, launched.text
        warned.append([w["code"] for w in launched.json()["validation_warnings"]])
        await client.put(URL, json=BODY, headers=admin)

    assert "sender_postal_address_missing" in warned[0]
    assert "sender_postal_address_missing" not in warned[1]
