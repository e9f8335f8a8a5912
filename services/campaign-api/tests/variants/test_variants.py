"""A/B variants: created, read, changed and removed under their campaign's ETag; weights,
names, the control and the message checked; frozen once the campaign is launched; results
per variant with the winner."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest

from crm_common.models import ContactEvent, Delivery, Launch
from crm_common.testing.builders import make_contacts

VARIANT = {"variant_name": "B", "subject": "Hi {{ first_name }}", "content": "<p>Sale</p>"}


@pytest.fixture
async def campaign(create_campaign, admin, funded) -> dict[str, Any]:
    return await create_campaign(admin)


def _path(campaign: dict[str, Any], variant_id: str | None = None) -> str:
    base = f"/api/campaigns/{campaign['id']}/variants/"
    return f"{base}{variant_id}/" if variant_id else base


async def _add(client, headers, campaign, **body: Any) -> dict[str, Any]:
    response = await client.post(_path(campaign), json={**VARIANT, **body}, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


async def _launch(db, campaign: dict[str, Any], status: str = "sending", **values: Any) -> Launch:
    launch = Launch(
        id=uuid.uuid4(),
        company_id=uuid.UUID(campaign["company_id"]),
        campaign_id=uuid.UUID(campaign["id"]),
        idempotency_key=uuid.uuid4().hex,
        requested_by_user_id=uuid.UUID(campaign["created_by_user_id"]),
        launch_status=status,
        **values,
    )
    async with db.system_session() as session:
        session.add(launch)
    return launch


async def test_a_variant_is_created_read_listed_changed_and_removed(
    client, admin, campaign
) -> None:
    created = await client.post(
        _path(campaign), json={**VARIANT, "weight": 30, "is_control": True}, headers=admin
    )
    variant = created.json()
    await _add(client, admin, campaign, variant_name="A", weight=70)

    read = await client.get(_path(campaign, variant["id"]), headers=admin)
    listed = await client.get(_path(campaign), headers=admin)
    changed = await client.patch(
        _path(campaign, variant["id"]),
        json={"weight": 20, "content": None},
        headers={**admin, "If-Match": read.headers["ETag"]},
    )
    removed = await client.delete(
        _path(campaign, variant["id"]), headers={**admin, "If-Match": changed.headers["ETag"]}
    )
    gone = await client.get(_path(campaign, variant["id"]), headers=admin)

    assert created.status_code == 201
    assert created.headers["Location"].endswith(f"/variants/{variant['id']}/")
    assert (variant["weight"], variant["is_control"], variant["campaign_id"]) == (
        30,
        True,
        campaign["id"],
    )
    assert read.json() == variant
    assert read.headers["ETag"] == f'"{campaign["version"] + 2}"'
    body = listed.json()
    assert [item["variant_name"] for item in body["items"]] == ["B", "A"]  # control first
    assert (body["total"], body["page"], body["page_size"]) == (2, 1, 50)
    assert changed.status_code == 200
    assert (changed.json()["weight"], changed.json()["content"]) == (20, None)
    assert removed.status_code == 204
    assert gone.status_code == 404
    assert gone.json()["error_code"] == "variant_not_found"


async def test_a_stale_if_match_is_refused(client, admin, campaign) -> None:
    variant = await _add(client, admin, campaign)
    first = await client.patch(
        _path(campaign, variant["id"]), json={"weight": 40}, headers={**admin, "If-Match": '"1"'}
    )

    stale = await client.patch(
        _path(campaign, variant["id"]), json={"weight": 10}, headers={**admin, "If-Match": '"1"'}
    )

    assert first.status_code == 412  # the campaign moved on when the variant was added
    assert stale.status_code == 412
    assert stale.json()["error_code"] == "precondition_failed"


async def test_weights_add_up_to_at_most_100(client, admin, campaign) -> None:
    first = await _add(client, admin, campaign, variant_name="A", weight=60)

    too_much = await client.post(_path(campaign), json={**VARIANT, "weight": 50}, headers=admin)
    raised = await client.patch(_path(campaign, first["id"]), json={"weight": 101}, headers=admin)
    fits = await client.post(_path(campaign), json={**VARIANT, "weight": 40}, headers=admin)

    assert too_much.status_code == 422
    assert too_much.json()["error_code"] == "variant_weights_exceeded"
    assert too_much.json()["details"]["total_weight"] == 110
    assert raised.status_code == 422  # above 100 on its own: the schema refuses it
    assert fits.status_code == 201


async def test_a_message_that_does_not_parse_names_its_line_and_column(
    client, admin, campaign
) -> None:
    response = await client.post(
        _path(campaign),
        json={**VARIANT, "content": "<p>Hello</p>\n<p>{{ first_name </p>"},
        headers=admin,
    )

    assert response.status_code == 422
    body = response.json()
    assert body["error_code"] == "template_invalid"
    assert "content" in str(body["details"])
    assert "line" in str(body["details"])
    assert "2" in str(body["details"])


async def test_names_are_unique_and_there_is_one_control(client, admin, campaign) -> None:
    await _add(client, admin, campaign, is_control=True, weight=10)

    same_name = await client.post(_path(campaign), json={**VARIANT, "weight": 10}, headers=admin)
    second_control = await client.post(
        _path(campaign),
        json={**VARIANT, "variant_name": "C", "is_control": True, "weight": 10},
        headers=admin,
    )

    assert same_name.status_code == 409
    assert same_name.json()["error_code"] == "duplicate_variant_name"
    assert second_control.status_code == 409
    assert second_control.json()["error_code"] == "control_variant_exists"


async def test_a_template_of_another_company_is_not_found(
    client, admin, campaign, globex, add_template
) -> None:
    theirs = await add_template(globex, "email")

    response = await client.post(
        _path(campaign), json={**VARIANT, "template_id": str(theirs.id)}, headers=admin
    )

    assert response.status_code == 404
    assert response.json()["error_code"] == "template_not_found"


async def test_variants_are_frozen_once_the_campaign_is_launched(
    client, db, admin, campaign
) -> None:
    variant = await _add(client, admin, campaign)
    launch = await _launch(db, campaign)

    added = await client.post(_path(campaign), json={**VARIANT, "variant_name": "C"}, headers=admin)
    changed = await client.patch(_path(campaign, variant["id"]), json={"weight": 5}, headers=admin)
    removed = await client.delete(_path(campaign, variant["id"]), headers=admin)

    for response in (added, changed, removed):
        assert response.status_code == 409, response.text
        assert response.json()["error_code"] == "variants_locked"
        assert response.json()["details"]["launch_id"] == str(launch.id)


async def test_a_failed_launch_leaves_the_variants_free(client, db, admin, campaign) -> None:
    variant = await _add(client, admin, campaign)
    await _launch(db, campaign, status="failed")

    changed = await client.patch(_path(campaign, variant["id"]), json={"weight": 5}, headers=admin)

    assert changed.status_code == 200


async def test_a_reader_may_list_but_not_write(client, acme, admin, campaign, headers_for) -> None:
    analyst = await headers_for(acme, "marketing_analyst")
    specialist = await headers_for(acme, "campaign_specialist")
    await _add(client, admin, campaign)

    listed = await client.get(_path(campaign), headers=analyst)
    refused = await client.post(
        _path(campaign), json={**VARIANT, "variant_name": "C", "weight": 1}, headers=analyst
    )
    allowed = await client.post(
        _path(campaign), json={**VARIANT, "variant_name": "D", "weight": 1}, headers=specialist
    )

    assert listed.status_code == 200
    assert refused.status_code == 403
    assert allowed.status_code == 201


async def test_another_companys_variants_are_not_found(
    client, admin, campaign, globex, headers_for
) -> None:
    variant = await _add(client, admin, campaign)
    stranger = await headers_for(globex, "admin")

    listed = await client.get(_path(campaign), headers=stranger)
    read = await client.get(_path(campaign, variant["id"]), headers=stranger)
    changed = await client.patch(
        _path(campaign, variant["id"]), json={"weight": 1}, headers=stranger
    )

    for response in (listed, read, changed):
        assert response.status_code == 404
        assert response.json()["error_code"] == "campaign_not_found"


async def test_a_repeated_create_with_the_same_key_is_replayed(client, admin, campaign) -> None:
    headers = {**admin, "Idempotency-Key": uuid.uuid4().hex}

    first = await client.post(_path(campaign), json=VARIANT, headers=headers)
    again = await client.post(_path(campaign), json=VARIANT, headers=headers)
    other = await client.post(
        _path(campaign), json={**VARIANT, "variant_name": "Z"}, headers=headers
    )
    listed = await client.get(_path(campaign), headers=admin)

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert other.status_code == 422
    assert listed.json()["total"] == 1


async def test_changes_are_audited(client, admin, campaign) -> None:
    variant = await _add(client, admin, campaign)
    await client.patch(_path(campaign, variant["id"]), json={"weight": 25}, headers=admin)

    audit = await client.get(f"/api/campaigns/{campaign['id']}/audit/", headers=admin)

    actions = [entry["action"] for entry in audit.json()["items"]]
    assert {"variant.created", "variant.updated"} <= set(actions)


async def test_results_count_sent_opened_and_clicked_messages_per_variant(
    client, db, acme, admin, campaign
) -> None:
    control = await _add(client, admin, campaign, variant_name="A", is_control=True)
    challenger = await _add(client, admin, campaign, variant_name="B")
    launch = await _launch(
        db,
        campaign,
        status="completed",
        parameters={
            "ab_test": {
                "sample_percent": 20,
                "wait_minutes": 60,
                "metric": "click_rate",
                "winner_variant_id": challenger["id"],
                "decided_at": "2026-03-01T10:30:00+00:00",
            }
        },
    )
    contacts = await make_contacts(db, acme, 6)
    plan = [(control, "sent", {"open"}), (control, "sent", set()), (control, "failed", set())]
    plan += [(challenger, "sent", {"open", "click"}), (challenger, "sent", {"open"})]
    now = datetime.now(UTC)
    async with db.system_session() as session:
        for contact, (variant, status, events) in zip(contacts, plan, strict=False):
            delivery = Delivery(
                id=uuid.uuid4(),
                company_id=acme.id,
                launch_id=launch.id,
                campaign_id=uuid.UUID(campaign["id"]),
                contact_id=contact.id,
                channel="email",
                variant_id=uuid.UUID(variant["id"]),
                delivery_status=status,
            )
            session.add(delivery)
            session.add_all(
                ContactEvent(
                    company_id=acme.id,
                    event_id=f"{kind}:{delivery.id}",
                    contact_id=contact.id,
                    event_type=f"email_{kind}",
                    occurred_at=now,
                )
                for kind in events
            )

    response = await client.get(f"/api/campaigns/{campaign['id']}/variants/results/", headers=admin)

    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["metric"], body["winner_variant_id"]) == ("click_rate", challenger["id"])
    results = {item["variant_name"]: item for item in body["items"]}
    assert (results["A"]["sent"], results["A"]["opens"], results["A"]["clicks"]) == (2, 1, 0)
    assert results["A"]["open_rate"] == 0.5
    assert (results["B"]["sent"], results["B"]["opens"], results["B"]["clicks"]) == (2, 2, 1)
    assert results["B"]["click_rate"] == 0.5


async def test_without_a_test_phase_the_winner_is_the_leader_by_open_rate(
    client, db, acme, admin, campaign
) -> None:
    control = await _add(client, admin, campaign, variant_name="A", is_control=True)
    challenger = await _add(client, admin, campaign, variant_name="B")
    launch = await _launch(db, campaign, status="completed")
    contacts = await make_contacts(db, acme, 3)
    async with db.system_session() as session:
        for contact, variant, opened in zip(
            contacts, (control, challenger, challenger), (False, True, False), strict=True
        ):
            delivery = Delivery(
                id=uuid.uuid4(),
                company_id=acme.id,
                launch_id=launch.id,
                campaign_id=uuid.UUID(campaign["id"]),
                contact_id=contact.id,
                channel="email",
                variant_id=uuid.UUID(variant["id"]),
                delivery_status="sent",
            )
            session.add(delivery)
            if opened:
                session.add(
                    ContactEvent(
                        company_id=acme.id,
                        event_id=f"open:{delivery.id}",
                        contact_id=contact.id,
                        event_type="email_open",
                        occurred_at=datetime.now(UTC),
                    )
                )

    body = (await client.get(_path(campaign) + "results/", headers=admin)).json()

    assert (body["metric"], body["decided_at"]) == (None, None)
    assert body["winner_variant_id"] == challenger["id"]
