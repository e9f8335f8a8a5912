"""Webhook subscriptions through the API: the secret shown once and stored sealed, changes
audited and announced, pings queued for the worker, the delivery log, re-enabling."""

import uuid

from sqlalchemy import select

from crm_common.models import AuditLog, Company, OutboxEvent, WebhookSubscription
from crm_common.webhooks.secrets import WebhookSecretBox


async def test_create_shows_the_secret_once_and_stores_it_sealed(
    client, acme, admin, make_webhook, db, settings
) -> None:
    created = await make_webhook(admin, event_types=["campaign.launched", "campaign.created"])

    assert created["secret"].startswith("whsec_")
    assert created["status"] == "active"
    assert created["event_types"] == ["campaign.created", "campaign.launched"]
    fetched = await client.get(f"/api/webhooks/{created['id']}/", headers=admin)
    assert fetched.status_code == 200
    assert "secret" not in fetched.json()
    listed = (await client.get("/api/webhooks/", headers=admin)).json()
    assert [item["id"] for item in listed["items"]] == [created["id"]]
    assert "secret" not in listed["items"][0]
    async with db.system_session() as session:
        row = await session.get_one(WebhookSubscription, uuid.UUID(created["id"]))
    assert created["secret"] not in row.secret_sealed
    assert WebhookSecretBox(settings).open(row.secret_sealed, row.id) == created["secret"]


async def test_creation_is_audited_and_announced_without_the_secret(
    client, acme, admin, make_webhook, db
) -> None:
    created = await make_webhook(admin)

    async with db.system_session() as session:
        audit = (
            await session.execute(select(AuditLog).where(AuditLog.action == "webhook.created"))
        ).scalar_one()
        event = (
            await session.execute(
                select(OutboxEvent).where(OutboxEvent.event_type == "webhook.created")
            )
        ).scalar_one()
    assert str(audit.entity_id) == created["id"]
    assert created["secret"] not in str(audit.new_values)
    assert event.envelope["data"]["webhook_id"] == created["id"]
    assert created["secret"] not in str(event.envelope)


async def test_unknown_event_types_and_bad_bodies_are_422(client, acme, admin) -> None:
    cases = {
        "unknown type": {"name": "x", "url": "https://hooks.example.com/", "event_types": ["nope"]},
        "no types": {"name": "x", "url": "https://hooks.example.com/", "event_types": []},
        "extra field": {
            "name": "x",
            "url": "https://hooks.example.com/",
            "event_types": ["campaign.created"],
            "secret": "mine",
        },
        "no name": {"url": "https://hooks.example.com/", "event_types": ["campaign.created"]},
    }
    statuses = {}
    for name, body in cases.items():
        response = await client.post("/api/webhooks/", json=body, headers=admin)
        statuses[name] = (response.status_code, response.json()["error_code"])

    assert statuses == dict.fromkeys(cases, (422, "validation_error"))


async def test_update_pause_and_resume(client, acme, admin, make_webhook) -> None:
    created = await make_webhook(admin)
    path = f"/api/webhooks/{created['id']}/"

    renamed = await client.patch(
        path,
        json={"name": "Renamed", "event_types": ["campaign.updated"], "status": "paused"},
        headers=admin,
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Renamed"
    assert renamed.json()["event_types"] == ["campaign.updated"]
    assert renamed.json()["status"] == "paused"
    resumed = await client.patch(path, json={"status": "active"}, headers=admin)
    assert resumed.json()["status"] == "active"
    refused = await client.patch(path, json={"name": None}, headers=admin)
    assert refused.status_code == 422


async def test_rotating_gives_a_new_secret_and_keeps_the_old_one_for_a_while(
    client, acme, admin, make_webhook, db, settings
) -> None:
    created = await make_webhook(admin)

    response = await client.post(f"/api/webhooks/{created['id']}/rotate-secret/", headers=admin)

    assert response.status_code == 200, response.text
    rotated = response.json()
    assert rotated["secret"].startswith("whsec_")
    assert rotated["secret"] != created["secret"]
    assert rotated["previous_secret_expires_at"] is not None
    assert response.headers["cache-control"] == "no-store"
    async with db.system_session() as session:
        row = await session.get_one(WebhookSubscription, uuid.UUID(created["id"]))
    box = WebhookSecretBox(settings)
    assert box.open(row.secret_sealed, row.id) == rotated["secret"]
    assert row.previous_secret_sealed is not None
    assert box.open(row.previous_secret_sealed, row.id) == created["secret"]


async def test_a_ping_is_queued_and_listed_in_the_delivery_log(
    client, acme, admin, make_webhook
) -> None:
    created = await make_webhook(admin)

    ping = await client.post(f"/api/webhooks/{created['id']}/test/", headers=admin)

    assert ping.status_code == 202, ping.text
    assert ping.json()["event_type"] == "webhook.ping"
    assert ping.json()["status"] == "pending"
    log = await client.get(f"/api/webhooks/{created['id']}/deliveries/", headers=admin)
    assert log.status_code == 200
    assert [item["id"] for item in log.json()["items"]] == [ping.json()["id"]]
    filtered = await client.get(
        f"/api/webhooks/{created['id']}/deliveries/?status=succeeded", headers=admin
    )
    assert filtered.json()["total"] == 0
    assert filtered.json()["filters"] == {"status": "succeeded"}


async def test_enable_clears_an_automatic_disable(client, acme, admin, make_webhook, db) -> None:
    created = await make_webhook(admin)
    async with db.system_session() as session:
        row = await session.get_one(WebhookSubscription, uuid.UUID(created["id"]))
        row.status = "disabled"
        row.consecutive_failures = 20
        row.disabled_reason = "20 consecutive failed attempts"

    shown = (await client.get(f"/api/webhooks/{created['id']}/", headers=admin)).json()
    enabled = await client.post(f"/api/webhooks/{created['id']}/enable/", headers=admin)

    assert shown["status"] == "disabled"
    assert shown["disabled_reason"] == "20 consecutive failed attempts"
    assert enabled.status_code == 200
    body = enabled.json()
    assert (body["status"], body["consecutive_failures"], body["disabled_reason"]) == (
        "active",
        0,
        None,
    )


async def test_delete_removes_it(client, acme, admin, make_webhook) -> None:
    created = await make_webhook(admin)

    deleted = await client.delete(f"/api/webhooks/{created['id']}/", headers=admin)
    again = await client.get(f"/api/webhooks/{created['id']}/", headers=admin)

    assert deleted.status_code == 204
    assert again.status_code == 404
    assert again.json()["error_code"] == "webhook_not_found"


async def test_event_types_list_the_subscribable_types(client, acme, admin) -> None:
    response = await client.get("/api/webhooks/event-types/", headers=admin)

    types = response.json()["event_types"]
    assert "campaign.launched" in types
    assert "webhook.disabled" in types
    assert types == sorted(types)


async def test_a_destination_outside_the_residency_region_is_refused(
    client, acme, admin, db
) -> None:
    """A company whose data stays in the EU cannot subscribe a URL that is not shown to stay
    there (docs/privacy.md, residency)."""
    async with db.system_session() as session:
        company = await session.get_one(Company, acme.id)
        company.settings = {**(company.settings or {}), "residency_region": "eu"}
    body = {
        "name": "Warehouse",
        "url": "https://hooks.example.us/crm",
        "event_types": ["campaign.created"],
    }

    refused = await client.post("/api/webhooks/", json=body, headers=admin)

    assert refused.status_code == 422, refused.text
    assert refused.json()["error_code"] == "residency_violation"
    assert (await client.get("/api/webhooks/", headers=admin)).json()["total"] == 0
