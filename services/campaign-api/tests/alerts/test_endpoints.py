"""A campaign's performance thresholds (read, replaced with validation, audited) and the
list of alerts raised on it."""

import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from crm_common.models import AuditLog, CampaignAlert

RULES = {
    "rules": [
        {"metric": "bounce_rate", "threshold": "0.05", "severity": "critical", "min_sent": 200},
        {"metric": "spend_pace", "threshold": "1.5"},
    ],
    "pause_at_severity": "critical",
}


@pytest.mark.usefixtures("funded")
async def test_thresholds_start_empty_and_are_replaced_as_a_whole(
    client, admin, create_campaign, db
) -> None:
    campaign = await create_campaign(admin)
    path = f"/api/campaigns/{campaign['id']}/alert-thresholds/"

    empty = await client.get(path, headers=admin)
    saved = await client.put(path, json=RULES, headers=admin)
    read = await client.get(path, headers=admin)

    assert empty.status_code == 200
    assert empty.json()["rules"] == []
    assert empty.json()["pause_at_severity"] is None
    assert saved.status_code == 200, saved.text
    assert read.json() == saved.json()
    rules = read.json()["rules"]
    assert rules[0] == {
        "metric": "bounce_rate",
        "threshold": "0.05",
        "severity": "critical",
        "min_sent": 200,
    }
    assert (rules[1]["severity"], rules[1]["min_sent"]) == ("warning", 100)
    assert read.json()["pause_at_severity"] == "critical"
    async with db.system_session() as session:
        audit = (
            await session.execute(
                select(AuditLog).where(AuditLog.action == "campaign.alert_thresholds_updated")
            )
        ).scalar_one()
    assert audit.old_values["rules"] == []
    assert audit.new_values["pause_at_severity"] == "critical"


@pytest.mark.usefixtures("funded")
async def test_a_write_to_a_campaign_part_answers_with_the_campaign_new_etag(
    client, admin, create_campaign, acme, user_for
) -> None:
    """Writes to a campaign's parts bump its version: the answer carries the new ETag, which
    the next If-Match write uses without reading the campaign again (a 204 included)."""
    campaign = await create_campaign(admin)
    base = f"/api/campaigns/{campaign['id']}/"
    before = (await client.get(base, headers=admin)).headers["etag"]

    saved = await client.put(
        f"{base}alert-thresholds/", json=RULES, headers={**admin, "If-Match": before}
    )
    assert saved.status_code == 200, saved.text
    assert saved.headers["etag"] != before
    assert saved.headers["etag"] == (await client.get(base, headers=admin)).headers["etag"]
    stale = await client.put(
        f"{base}alert-thresholds/", json=RULES, headers={**admin, "If-Match": before}
    )
    assert stale.status_code == 412

    colleague, _ = await user_for(acme, "campaign_specialist")
    added = await client.post(
        f"{base}collaborators/",
        json={"user_id": str(colleague.id)},
        headers={**admin, "If-Match": saved.headers["etag"]},
    )
    assert added.status_code == 201, added.text
    removed = await client.delete(
        f"{base}collaborators/{colleague.id}/",
        headers={**admin, "If-Match": added.headers["etag"]},
    )
    assert removed.status_code == 204, removed.text
    assert removed.headers["etag"] == (await client.get(base, headers=admin)).headers["etag"]


@pytest.mark.usefixtures("funded")
async def test_invalid_thresholds_are_refused(client, admin, create_campaign) -> None:
    campaign = await create_campaign(admin)
    path = f"/api/campaigns/{campaign['id']}/alert-thresholds/"
    bad = [
        {"rules": [{"metric": "complaint_rate", "threshold": "0.1"}]},
        {"rules": [{"metric": "bounce_rate", "threshold": "0"}]},
        {"rules": [{"metric": "bounce_rate", "threshold": "0.1", "severity": "fatal"}]},
        {
            "rules": [
                {"metric": "bounce_rate", "threshold": "0.1"},
                {"metric": "bounce_rate", "threshold": "0.2"},
            ]
        },
        {"rules": [], "pause_at_severity": "sometimes"},
        {"rules": [], "extra": True},
    ]
    for body in bad:
        response = await client.put(path, json=body, headers=admin)
        assert response.status_code == 422, body
        assert response.json()["error_code"] == "validation_error"


@pytest.mark.usefixtures("funded")
async def test_editors_set_thresholds_and_readers_only_read(
    client, admin, acme, headers_for, create_campaign
) -> None:
    campaign = await create_campaign(admin)
    path = f"/api/campaigns/{campaign['id']}/alert-thresholds/"
    specialist = await headers_for(acme, "campaign_specialist")
    analyst = await headers_for(acme, "marketing_analyst")

    assert (await client.put(path, json=RULES, headers=specialist)).status_code == 200
    assert (await client.put(path, json=RULES, headers=analyst)).status_code == 403
    assert (await client.get(path, headers=analyst)).status_code == 200


@pytest.mark.usefixtures("funded")
async def test_raised_alerts_are_listed_newest_first_and_filtered_by_kind(
    client, admin, acme, create_campaign, db
) -> None:
    campaign = await create_campaign(admin)
    campaign_id = uuid.UUID(campaign["id"])
    async with db.system_session() as session:
        for metric, kind, threshold in (
            ("budget_spent", "budget", "80"),
            ("bounce_rate", "performance", "0.05"),
        ):
            session.add(
                CampaignAlert(
                    company_id=acme.id,
                    campaign_id=campaign_id,
                    alert_kind=kind,
                    metric=metric,
                    severity="warning",
                    observed=Decimal("0.5"),
                    threshold=Decimal(threshold),
                    details={},
                )
            )
            await session.flush()
    path = f"/api/campaigns/{campaign_id}/alerts/"

    everything = (await client.get(path, headers=admin)).json()
    budget = (await client.get(path + "?alert_kind=budget", headers=admin)).json()

    assert everything["total"] == 2
    assert {a["metric"] for a in everything["items"]} == {"budget_spent", "bounce_rate"}
    assert budget["total"] == 1
    assert budget["items"][0]["metric"] == "budget_spent"
    assert budget["filters"] == {"alert_kind": "budget"}


@pytest.mark.usefixtures("funded")
async def test_another_companys_campaign_alerts_are_404(
    client, admin, create_campaign, globex, headers_for
) -> None:
    campaign = await create_campaign(admin)
    stranger = await headers_for(globex, "admin")

    for suffix in ("alerts/", "alert-thresholds/"):
        response = await client.get(f"/api/campaigns/{campaign['id']}/{suffix}", headers=stranger)
        assert response.status_code == 404
    refused = await client.put(
        f"/api/campaigns/{campaign['id']}/alert-thresholds/", json=RULES, headers=stranger
    )
    assert refused.status_code == 404
