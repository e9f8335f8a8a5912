"""A subscription's version (its ETag) moves with its settings, not with its health: the
launch worker's failure counts and last success leave an admin's If-Match valid."""

from sqlalchemy import update

from crm_common.models import WebhookSubscription


async def test_settings_move_the_version_and_health_does_not(
    client, acme, admin, make_webhook, db
) -> None:
    created = await make_webhook(admin)
    path = f"/api/webhooks/{created['id']}/"
    read = await client.get(path, headers=admin)
    assert read.headers["etag"] == '"1"' == f'"{read.json()["version"]}"'

    async with db.system_session() as session:  # what the worker writes after deliveries
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == created["id"])
            .values(consecutive_failures=3, last_failure_at=WebhookSubscription.created_at)
        )
    renamed = await client.patch(
        path, json={"name": "Renamed"}, headers={**admin, "If-Match": '"1"'}
    )
    assert renamed.status_code == 200, renamed.text
    assert renamed.headers["etag"] == '"2"'

    stale = await client.patch(
        path, json={"status": "paused"}, headers={**admin, "If-Match": '"1"'}
    )
    assert stale.status_code == 412
    refused = await client.delete(path, headers={**admin, "If-Match": '"1"'})
    assert refused.status_code == 412
    assert (await client.get(path, headers=admin)).json()["status"] == "active"
    removed = await client.delete(path, headers={**admin, "If-Match": '"2"'})
    assert removed.status_code == 204
