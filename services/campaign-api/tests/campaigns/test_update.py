"""Updating campaigns: change summaries, optimistic concurrency, re-approval, live limits."""

import asyncio
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, update

from campaign_api.campaigns import updates
from crm_common.models import Campaign, OutboxEvent


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


async def _set(db, campaign_id, **values):
    async with db.system_session() as session:
        await session.execute(update(Campaign).where(Campaign.id == campaign_id).values(**values))


async def test_patch_returns_the_change_summary_and_bumps_the_version(
    client, admin, campaign
) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"campaign_name": "Spring sale 2", "total_budget": "1500"},
        headers=admin,
    )

    body = response.json()
    assert response.status_code == 200
    assert body["changes"] == {
        "campaign_name": {"old": "Spring sale", "new": "Spring sale 2"},
        "total_budget": {"old": "1000.00", "new": "1500.00"},
    }
    assert body["version"] == 2
    assert body["approval_status"] == "not_required"
    assert body["approval_required"] is False
    assert response.headers["ETag"] == '"2"'


async def test_an_unchanged_patch_changes_nothing(client, admin, campaign) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"campaign_name": "Spring sale"}, headers=admin
    )

    assert response.json()["changes"] == {}
    assert response.json()["version"] == 1


async def test_put_replaces_every_writable_field(client, admin, campaign, payload) -> None:
    body = payload(campaign_name="Replaced", description="New text", campaign_type="newsletter")
    del body["currency_code"]

    response = await client.put(f"/api/campaigns/{campaign['id']}/", json=body, headers=admin)

    assert response.status_code == 200
    assert response.json()["campaign_code"] == campaign["campaign_code"]
    assert response.json()["currency_code"] == "USD"
    assert set(response.json()["changes"]) == {"campaign_name", "description", "campaign_type"}


async def test_a_stale_write_is_refused(client, admin, campaign) -> None:
    path = f"/api/campaigns/{campaign['id']}/"
    fresh = await client.patch(
        path, json={"description": "A"}, headers={**admin, "If-Match": '"1"'}
    )

    stale = await client.patch(
        path, json={"description": "B"}, headers={**admin, "If-Match": '"1"'}
    )
    stale_delete = await client.delete(path, headers={**admin, "If-Match": '"1"'})
    stale_action = await client.post(f"{path}plan/", headers={**admin, "If-Match": '"1"'})
    current = await client.get(path, headers=admin)

    assert fresh.status_code == 200
    assert stale.status_code == 412
    assert stale.json()["error_code"] == "precondition_failed"
    assert stale.json()["details"] == {"expected_version": 1, "current_version": 2}
    assert stale_delete.status_code == 412
    assert stale_action.status_code == 412
    assert current.json()["description"] == "A"
    assert current.headers["ETag"] == '"2"'


async def test_concurrent_writes_with_the_same_etag_let_exactly_one_through(
    client, admin, campaign
) -> None:
    path = f"/api/campaigns/{campaign['id']}/"
    headers = {**admin, "If-Match": '"1"'}

    responses = await asyncio.gather(
        *(
            client.patch(path, json={"description": f"writer {i}"}, headers=headers)
            for i in range(5)
        )
    )

    assert sorted(r.status_code for r in responses) == [200, 412, 412, 412, 412]


@pytest.mark.parametrize("value", ['"abc"', "1;2", '"99999999999"'])
async def test_a_malformed_if_match_is_a_422(client, admin, campaign, value) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"description": "x"},
        headers={**admin, "If-Match": value},
    )

    assert response.status_code == 422


async def test_if_match_star_and_weak_etags_are_accepted(client, admin, campaign) -> None:
    path = f"/api/campaigns/{campaign['id']}/"

    star = await client.patch(path, json={"description": "x"}, headers={**admin, "If-Match": "*"})
    weak = await client.patch(
        path, json={"description": "y"}, headers={**admin, "If-Match": 'W/"2"'}
    )

    assert star.status_code == weak.status_code == 200


async def test_update_event_carries_before_after_and_changed(client, admin, campaign, db) -> None:
    await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"target_audience_size": 42}, headers=admin
    )

    async with db.system_session() as session:
        event = (
            await session.execute(
                select(OutboxEvent).where(OutboxEvent.event_type == "campaign.updated")
            )
        ).scalar_one()
    assert event.envelope["data"] == {
        "campaign_id": campaign["id"],
        "campaign_code": campaign["campaign_code"],
        "version": 2,
        "before": {"target_audience_size": 5000},
        "after": {"target_audience_size": 42},
        "changed": ["target_audience_size"],
    }


@pytest.mark.parametrize("status", ["completed", "cancelled"])
async def test_final_campaigns_cannot_change(client, admin, campaign, db, status) -> None:
    await _set(db, campaign["id"], campaign_status=status)

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"description": "x"}, headers=admin
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "campaign_locked"


async def test_null_is_refused_for_required_fields(client, admin, campaign) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"campaign_name": None}, headers=admin
    )
    cleared = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"description": None}, headers=admin
    )

    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {"campaign_name": ["cannot be null"]}
    assert cleared.status_code == 200


async def test_patched_dates_must_stay_ordered(client, admin, campaign, start_date) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"end_date": start_date.isoformat()},
        headers=admin,
    )

    assert response.status_code == 422
    assert "end_date" in response.json()["details"]["fields"]


def _later(value: str, days: int) -> str:
    return (datetime.fromisoformat(value) + timedelta(days=days)).isoformat()


@pytest.mark.parametrize(
    ("change", "reads"),
    [
        (lambda c: {"description": "New text"}, 0),
        (lambda c: {"campaign_name": "Renamed", "target_audience_size": 5000}, 0),
        (lambda c: {"end_date": _later(c["end_date"], 1)}, 1),
        (lambda c: {"start_date": _later(c["start_date"], 1)}, 1),
        (lambda c: {"total_budget": "1200"}, 1),
        (lambda c: {"primary_channel": "sms"}, 1),
    ],
    ids=["description", "name-and-audience", "end", "start", "budget", "channel"],
)
async def test_the_policy_is_read_only_when_a_field_it_judges_changes(
    client, admin, campaign, monkeypatch, change, reads
) -> None:
    calls = []
    real = updates.load_policy

    async def counted(scope):
        calls.append(scope.company_id)
        return await real(scope)

    monkeypatch.setattr(updates, "load_policy", counted)

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json=change(campaign), headers=admin
    )

    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
    assert len(calls) == reads


async def test_code_change_must_stay_unique(client, admin, campaign, create_campaign) -> None:
    other = await create_campaign(admin, campaign_code="TAKEN-1")

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"campaign_code": other["campaign_code"]},
        headers=admin,
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "duplicate_campaign_code"


async def test_raising_the_budget_checks_what_the_year_has_left(client, admin, campaign) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "100000.01"}, headers=admin
    )

    assert response.status_code == 422
    assert response.json()["error_code"] == "budget_exceeded"


async def test_raising_the_budget_above_the_threshold_asks_for_approval(
    client, admin, campaign, db
) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "60000"}, headers=admin
    )

    assert response.json()["approval_status"] == "pending_approval"
    assert response.json()["approval_required"] is True
    async with db.system_session() as session:
        types = (await session.execute(select(OutboxEvent.event_type))).scalars().all()
    assert types.count("campaign.approval_requested") == 1


async def test_growing_an_approved_budget_needs_approval_again(client, admin, campaign, db) -> None:
    await _set(db, campaign["id"], total_budget=60000, approval_status="approved")

    same = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"description": "x"}, headers=admin
    )
    lower = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "55000"}, headers=admin
    )
    higher = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "70000"}, headers=admin
    )

    assert same.json()["approval_status"] == "approved"
    assert lower.json()["approval_status"] == "approved"
    assert higher.json()["approval_status"] == "pending_approval"
    assert higher.json()["approved_by_user_id"] is None


async def test_lowering_the_budget_under_the_threshold_drops_a_pending_request(
    client, admin, create_campaign, funded
) -> None:
    campaign = await create_campaign(admin, total_budget="60000")

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "100"}, headers=admin
    )

    assert campaign["approval_status"] == "pending_approval"
    assert response.json()["approval_status"] == "not_required"


async def test_an_active_campaign_cannot_outgrow_its_approval(client, admin, campaign, db) -> None:
    await _set(db, campaign["id"], campaign_status="active")

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "60000"}, headers=admin
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "live_change_refused"


@pytest.mark.parametrize(
    ("status", "change"),
    [
        ("active", {"primary_channel": "sms"}),
        ("paused", {"primary_channel": "sms"}),
        ("active", {"currency_code": "EUR", "total_budget": "0"}),
    ],
)
async def test_live_campaigns_keep_their_channel_and_currency(
    client, admin, campaign, db, status, change
) -> None:
    await _set(db, campaign["id"], campaign_status=status)

    response = await client.patch(f"/api/campaigns/{campaign['id']}/", json=change, headers=admin)

    assert response.status_code == 409
    assert response.json()["error_code"] == "live_change_refused"


async def test_moving_dates_onto_a_planned_campaign_conflicts(
    client, admin, create_campaign, funded, act, start_date
) -> None:
    from datetime import timedelta

    planned = await create_campaign(admin, total_budget="0")
    await act(admin, planned["id"], "plan")
    later = await create_campaign(
        admin,
        total_budget="0",
        start_date=(start_date + timedelta(days=40)).isoformat(),
        end_date=(start_date + timedelta(days=50)).isoformat(),
    )

    response = await client.patch(
        f"/api/campaigns/{later['id']}/",
        json={"start_date": (start_date + timedelta(days=20)).isoformat()},
        headers=admin,
    )

    assert response.status_code == 409
    assert response.json()["error_code"] == "schedule_conflict"


async def test_channel_change_must_fit_the_linked_templates(
    client, acme, admin, campaign, add_template
) -> None:
    template = await add_template(acme, "email")
    await client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": str(template.id)},
        headers=admin,
    )

    to_sms = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"primary_channel": "sms"}, headers=admin
    )
    to_multi = await client.patch(
        f"/api/campaigns/{campaign['id']}/",
        json={"primary_channel": "multi_channel"},
        headers=admin,
    )

    assert to_sms.status_code == 422
    assert to_sms.json()["error_code"] == "incompatible_template"
    assert to_multi.status_code == 200


async def test_budget_cannot_drop_below_its_allocations(client, admin, campaign, funded) -> None:
    await client.put(
        f"/api/campaigns/{campaign['id']}/budgets/{funded.id}/",
        json={"allocated_amount": "800"},
        headers=admin,
    )

    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"total_budget": "700"}, headers=admin
    )

    assert response.status_code == 422
    assert "total_budget" in response.json()["details"]["fields"]


async def test_status_cannot_be_patched(client, admin, campaign) -> None:
    response = await client.patch(
        f"/api/campaigns/{campaign['id']}/", json={"campaign_status": "active"}, headers=admin
    )

    assert response.status_code == 422
