"""Creating campaigns: required fields, formats, codes, dates, currency, budgets, approval,
scheduling conflicts, templates, and what the response, audit log and outbox carry."""

import asyncio
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from crm_common.models import (
    AuditLog,
    Campaign,
    CampaignCollaborator,
    CodeSequence,
    OutboxEvent,
)
from crm_common.testing.builders import make_company


async def test_create_returns_the_draft_with_warnings_and_approval_flag(
    client, admin, funded, payload
) -> None:
    response = await client.post("/api/campaigns/", json=payload(), headers=admin)

    assert response.status_code == 201
    body = response.json()
    assert body["campaign_status"] == "draft"
    assert body["approval_status"] == "not_required"
    assert body["approval_required"] is False
    assert body["validation_warnings"] == []
    assert body["version"] == 1
    assert body["total_budget"] == "1000.00"
    assert response.headers["ETag"] == '"1"'
    assert response.headers["Location"] == f"/api/campaigns/{body['id']}/"


@pytest.mark.parametrize(
    "missing",
    ["campaign_name", "campaign_type", "primary_channel", "start_date", "end_date"],
)
async def test_required_fields(client, admin, funded, payload, missing) -> None:
    body = payload()
    del body[missing]

    response = await client.post("/api/campaigns/", json=body, headers=admin)

    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"
    assert missing in response.json()["details"]["fields"]


@pytest.mark.parametrize("code", ["BAD CODE", "under_score", "emoji-😀", "semi;colon", "x" * 51])
async def test_code_format_is_letters_digits_and_hyphens(
    client, admin, funded, payload, code
) -> None:
    response = await client.post("/api/campaigns/", json=payload(campaign_code=code), headers=admin)

    assert response.status_code == 422
    assert "campaign_code" in response.json()["details"]["fields"]


async def test_code_is_unique_per_company_among_live_campaigns(
    client, admin, funded, payload, acme, globex, headers_for, add_budget
) -> None:
    first = await client.post(
        "/api/campaigns/", json=payload(campaign_code="SPRING-1"), headers=admin
    )
    again = await client.post(
        "/api/campaigns/", json=payload(campaign_code="SPRING-1"), headers=admin
    )
    await add_budget(globex)
    other_company = await client.post(
        "/api/campaigns/", json=payload(campaign_code="SPRING-1"), headers=await headers_for(globex)
    )
    await client.delete(f"/api/campaigns/{first.json()['id']}/", headers=admin)
    after_delete = await client.post(
        "/api/campaigns/", json=payload(campaign_code="SPRING-1"), headers=admin
    )

    assert first.status_code == 201
    assert again.status_code == 409
    assert again.json()["error_code"] == "duplicate_campaign_code"
    assert other_company.status_code == 201
    assert after_delete.status_code == 201


async def test_code_is_generated_from_the_company_prefix_year_and_sequence(
    client, db, headers_for, add_budget, payload
) -> None:
    company = await make_company(db, "initech", campaign_code_prefix="INI")
    await add_budget(company)
    headers = await headers_for(company)
    year = datetime.now(UTC).year

    codes = [
        (await client.post("/api/campaigns/", json=payload(), headers=headers)).json()[
            "campaign_code"
        ]
        for _ in range(3)
    ]

    assert codes == [f"INI-{year}-00001", f"INI-{year}-00002", f"INI-{year}-00003"]


async def test_default_prefix_and_codes_taken_by_hand_are_skipped(
    client, admin, funded, payload
) -> None:
    year = datetime.now(UTC).year
    manual = await client.post(
        "/api/campaigns/", json=payload(campaign_code=f"CMP-{year}-00001"), headers=admin
    )

    generated = await client.post("/api/campaigns/", json=payload(), headers=admin)

    assert manual.status_code == 201
    assert generated.json()["campaign_code"] == f"CMP-{year}-00002"


async def test_when_fifty_numbers_in_a_row_are_taken_by_hand_a_code_must_be_given(
    client, db, admin, acme, funded, payload
) -> None:
    year = datetime.now(UTC).year
    for number in range(1, 51):
        taken = await client.post(
            "/api/campaigns/",
            json=payload(campaign_code=f"CMP-{year}-{number:05d}", total_budget="1.00"),
            headers=admin,
        )
        assert taken.status_code == 201

    refused = await client.post("/api/campaigns/", json=payload(), headers=admin)
    given = await client.post(
        "/api/campaigns/", json=payload(campaign_code="GIVEN-1"), headers=admin
    )
    generated_later = await client.post("/api/campaigns/", json=payload(), headers=admin)

    assert refused.status_code == 409
    assert refused.json()["error_code"] == "duplicate_campaign_code"
    assert refused.json()["message"] == "No free campaign code could be generated; give one."
    assert given.status_code == 201
    # The refused create drew nothing: its numbers went back with its transaction.
    assert generated_later.status_code == 409
    async with db.system_session() as session:
        counter = await session.scalar(
            select(CodeSequence.last_value).where(CodeSequence.company_id == acme.id)
        )
        live = await session.scalar(
            select(func.count()).select_from(Campaign).where(Campaign.company_id == acme.id)
        )
    assert counter is None
    assert live == 51


async def test_generated_numbers_grow_past_five_digits(
    client, db, admin, acme, funded, payload
) -> None:
    year = datetime.now(UTC).year
    async with db.system_session() as session:
        session.add(CodeSequence(company_id=acme.id, prefix="CMP", year=year, last_value=99_999))

    response = await client.post("/api/campaigns/", json=payload(), headers=admin)

    assert response.status_code == 201
    assert response.json()["campaign_code"] == f"CMP-{year}-100000"


async def test_fifty_concurrent_creates_without_a_code_never_collide(
    client, admin, funded, payload
) -> None:
    responses = await asyncio.gather(
        *(
            client.post("/api/campaigns/", json=payload(total_budget="10.00"), headers=admin)
            for _ in range(50)
        )
    )

    assert [r.status_code for r in responses] == [201] * 50
    codes = [r.json()["campaign_code"] for r in responses]
    assert len(set(codes)) == 50
    numbers = sorted(int(code.rsplit("-", 1)[1]) for code in codes)
    assert numbers == list(range(1, 51))


async def test_a_create_refused_by_a_rule_uses_no_number(client, admin, funded, payload) -> None:
    year = datetime.now(UTC).year
    refused = await client.post(
        "/api/campaigns/", json=payload(total_budget="100000.01"), headers=admin
    )
    created = await client.post("/api/campaigns/", json=payload(), headers=admin)

    assert refused.status_code == 422
    assert refused.json()["error_code"] == "budget_exceeded"
    assert created.json()["campaign_code"] == f"CMP-{year}-00001"


async def test_start_must_be_before_end(client, admin, funded, payload, start_date) -> None:
    same = await client.post(
        "/api/campaigns/",
        json=payload(end_date=start_date.isoformat()),
        headers=admin,
    )
    reversed_ = await client.post(
        "/api/campaigns/",
        json=payload(end_date=(start_date - timedelta(days=1)).isoformat()),
        headers=admin,
    )

    assert same.status_code == 422
    assert reversed_.status_code == 422


async def test_start_must_fall_within_the_scheduling_window(
    client, db, headers_for, add_budget, payload
) -> None:
    company = await make_company(db, "short", scheduling_window_days=5)
    await add_budget(company)
    headers = await headers_for(company)

    response = await client.post("/api/campaigns/", json=payload(), headers=headers)

    assert response.status_code == 422
    assert "start_date" in response.json()["details"]["fields"]


async def test_dates_need_an_offset(client, admin, funded, payload, start_date) -> None:
    naive = start_date.replace(tzinfo=None).isoformat()

    response = await client.post("/api/campaigns/", json=payload(start_date=naive), headers=admin)

    assert response.status_code == 422
    assert "start_date" in response.json()["details"]["fields"]


@pytest.mark.parametrize("amount", ["-1", "-0.01", "abc", "1e400", "12.345"])
async def test_budget_must_be_a_non_negative_amount_in_cents(
    client, admin, funded, payload, amount
) -> None:
    response = await client.post(
        "/api/campaigns/", json=payload(total_budget=amount), headers=admin
    )

    assert response.status_code == 422
    assert "total_budget" in response.json()["details"]["fields"]


@pytest.mark.parametrize("currency", ["XYZ", "US", "EURO", "XAU", "XTS", "123"])
async def test_currency_must_be_a_circulating_iso_4217_code(
    client, admin, funded, payload, currency
) -> None:
    response = await client.post(
        "/api/campaigns/", json=payload(currency_code=currency, total_budget="0"), headers=admin
    )

    assert response.status_code == 422
    assert "currency_code" in response.json()["details"]["fields"]


async def test_currency_is_normalised_and_defaults_to_the_company_currency(
    client, db, headers_for, add_budget, payload
) -> None:
    company = await make_company(db, "euro", default_currency="EUR")
    await add_budget(company, currency="EUR")
    headers = await headers_for(company)
    body = payload()
    del body["currency_code"]

    defaulted = await client.post("/api/campaigns/", json=body, headers=headers)
    lower = await client.post("/api/campaigns/", json=payload(currency_code="eur"), headers=headers)

    assert defaulted.json()["currency_code"] == "EUR"
    assert lower.json()["currency_code"] == "EUR"


async def test_zero_decimal_currencies_take_whole_amounts(
    client, acme, admin, add_budget, payload
) -> None:
    await add_budget(acme, currency="JPY", total="1000000", threshold="900000")

    fractional = await client.post(
        "/api/campaigns/", json=payload(currency_code="JPY", total_budget="100.50"), headers=admin
    )
    whole = await client.post(
        "/api/campaigns/", json=payload(currency_code="JPY", total_budget="100"), headers=admin
    )

    assert fractional.status_code == 422
    assert whole.status_code == 201


async def test_budget_within_what_the_fiscal_year_has_left(client, admin, funded, payload) -> None:
    first = await client.post(
        "/api/campaigns/", json=payload(total_budget="60000.00"), headers=admin
    )
    too_much = await client.post(
        "/api/campaigns/", json=payload(total_budget="40000.01"), headers=admin
    )
    exact = await client.post(
        "/api/campaigns/", json=payload(total_budget="40000.00"), headers=admin
    )

    assert first.status_code == 201
    assert too_much.status_code == 422
    assert too_much.json()["error_code"] == "budget_exceeded"
    assert too_much.json()["details"]["available"] == "40000.00"
    assert exact.status_code == 201


async def test_cancelled_and_deleted_campaigns_release_their_budget(
    client, admin, funded, payload, act
) -> None:
    cancelled = (
        await client.post("/api/campaigns/", json=payload(total_budget="60000"), headers=admin)
    ).json()
    deleted = (
        await client.post("/api/campaigns/", json=payload(total_budget="40000"), headers=admin)
    ).json()
    blocked = await client.post("/api/campaigns/", json=payload(total_budget="1"), headers=admin)
    await act(admin, cancelled["id"], "cancel")
    await client.delete(f"/api/campaigns/{deleted['id']}/", headers=admin)

    after = await client.post("/api/campaigns/", json=payload(total_budget="100000"), headers=admin)

    assert blocked.status_code == 422
    assert after.status_code == 201


async def test_only_active_budgets_of_the_same_currency_and_year_count(
    client, acme, admin, add_budget, payload, start_date
) -> None:
    await add_budget(acme, total="5000", currency="EUR")
    await add_budget(acme, total="5000", year=start_date.year + 1)
    await add_budget(acme, total="5000", active=False)
    await add_budget(acme, total="1000")

    over = await client.post("/api/campaigns/", json=payload(total_budget="1000.01"), headers=admin)
    within = await client.post("/api/campaigns/", json=payload(total_budget="1000"), headers=admin)

    assert over.status_code == 422
    assert within.status_code == 201


async def test_the_fiscal_year_follows_the_company_calendar(
    client, db, headers_for, add_budget, payload
) -> None:
    # With a fiscal year starting in April, a campaign starting in February 2031 belongs to
    # fiscal year 2030.
    company = await make_company(
        db, "aprilco", fiscal_year_start_month=4, scheduling_window_days=3650
    )
    await add_budget(company, total="5000", year=2030)
    headers = await headers_for(company)
    body = payload(
        start_date="2031-02-10T09:00:00+00:00",
        end_date="2031-03-10T09:00:00+00:00",
        total_budget="5000",
    )

    response = await client.post("/api/campaigns/", json=body, headers=headers)
    second = await client.post(
        "/api/campaigns/", json={**body, "total_budget": "1"}, headers=headers
    )

    assert response.status_code == 201
    assert second.status_code == 422
    assert second.json()["details"]["fiscal_year"] == 2030


async def test_zero_budget_needs_no_funds(client, admin, payload) -> None:
    response = await client.post("/api/campaigns/", json=payload(total_budget="0"), headers=admin)

    assert response.status_code == 201
    assert response.json()["approval_required"] is False


async def test_budget_above_the_threshold_requires_approval(
    client, admin, funded, payload, db
) -> None:
    response = await client.post(
        "/api/campaigns/", json=payload(total_budget="50000.01"), headers=admin
    )

    body = response.json()
    assert response.status_code == 201
    assert body["approval_required"] is True
    assert body["approval_status"] == "pending_approval"
    assert "approval_required" in [w["code"] for w in body["validation_warnings"]]
    async with db.system_session() as session:
        types = (await session.execute(select(OutboxEvent.event_type))).scalars().all()
    assert "campaign.approval_requested" in types


async def test_budget_at_the_threshold_needs_no_approval(client, admin, funded, payload) -> None:
    response = await client.post(
        "/api/campaigns/", json=payload(total_budget="50000.00"), headers=admin
    )

    assert response.json()["approval_required"] is False
    assert response.json()["approval_status"] == "not_required"


async def test_schedule_conflict_with_a_planned_campaign_on_the_same_channel(
    client, admin, funded, payload, act, start_date
) -> None:
    planned = (await client.post("/api/campaigns/", json=payload(), headers=admin)).json()
    assert (await act(admin, planned["id"], "plan")).status_code == 200
    overlapping = payload(
        start_date=(start_date + timedelta(days=5)).isoformat(),
        end_date=(start_date + timedelta(days=50)).isoformat(),
    )

    clash = await client.post("/api/campaigns/", json=overlapping, headers=admin)
    other_channel = await client.post(
        "/api/campaigns/", json={**overlapping, "primary_channel": "sms"}, headers=admin
    )
    later = await client.post(
        "/api/campaigns/",
        json=payload(
            start_date=(start_date + timedelta(days=31)).isoformat(),
            end_date=(start_date + timedelta(days=60)).isoformat(),
            total_budget="0",
        ),
        headers=admin,
    )

    assert clash.status_code == 409
    assert clash.json()["error_code"] == "schedule_conflict"
    assert clash.json()["details"]["conflicting_campaigns"][0]["id"] == planned["id"]
    assert other_channel.status_code == 201
    assert later.status_code == 201


async def test_a_draft_does_not_block_the_schedule(client, admin, funded, payload) -> None:
    await client.post("/api/campaigns/", json=payload(), headers=admin)

    response = await client.post("/api/campaigns/", json=payload(), headers=admin)

    assert response.status_code == 201


async def test_company_setting_allows_overlaps_with_a_warning(
    client, db, headers_for, add_budget, payload, act
) -> None:
    company = await make_company(db, "overlap", allow_schedule_overlap=True)
    await add_budget(company)
    headers = await headers_for(company)
    planned = (await client.post("/api/campaigns/", json=payload(), headers=headers)).json()
    await act(headers, planned["id"], "plan")

    response = await client.post("/api/campaigns/", json=payload(), headers=headers)

    assert response.status_code == 201
    assert [w["code"] for w in response.json()["validation_warnings"]] == ["schedule_overlap"]


async def test_template_must_fit_the_channel(
    client, acme, admin, funded, payload, add_template
) -> None:
    sms = await add_template(acme, "sms")
    email = await add_template(acme, "email")

    wrong = await client.post(
        "/api/campaigns/", json=payload(template_id=str(sms.id)), headers=admin
    )
    right = await client.post(
        "/api/campaigns/", json=payload(template_id=str(email.id)), headers=admin
    )
    links = await client.get(f"/api/campaigns/{right.json()['id']}/templates/", headers=admin)

    assert wrong.status_code == 422
    assert wrong.json()["error_code"] == "incompatible_template"
    assert right.status_code == 201
    assert [(i["template_id"], i["is_primary"]) for i in links.json()["items"]] == [
        (str(email.id), True)
    ]


@pytest.mark.parametrize(
    "field",
    [
        {"campaign_status": "active"},
        {"approval_status": "approved"},
        {"version": 7},
        {"company_id": "00000000-0000-0000-0000-000000000001"},
        {"actual_spend": "10"},
    ],
)
async def test_no_mass_assignment(client, admin, funded, payload, field) -> None:
    response = await client.post("/api/campaigns/", json=payload(**field), headers=admin)

    assert response.status_code == 422


async def test_nul_bytes_are_refused(client, admin, funded, payload) -> None:
    response = await client.post(
        "/api/campaigns/", json=payload(campaign_name="bad\u0000name"), headers=admin
    )

    assert response.status_code == 422


async def test_create_writes_audit_event_and_owner_in_one_go(
    client, acme, user_for, funded, payload, db
) -> None:
    user, headers = await user_for(acme, "campaign_specialist")

    response = await client.post(
        "/api/campaigns/", json=payload(), headers={**headers, "X-Request-ID": "req-create-1"}
    )

    campaign_id = response.json()["id"]
    async with db.system_session() as session:
        audit = (await session.execute(select(AuditLog))).scalars().all()
        events = (await session.execute(select(OutboxEvent))).scalars().all()
        owners = (await session.execute(select(CampaignCollaborator))).scalars().all()
    assert [(a.action, str(a.entity_id), a.actor_user_id) for a in audit] == [
        ("campaign.created", campaign_id, user.id)
    ]
    assert audit[0].request_id == "req-create-1"
    assert str(audit[0].client_ip) == "127.0.0.1"
    assert audit[0].new_values["campaign_code"] == response.json()["campaign_code"]
    assert [e.event_type for e in events] == ["campaign.created"]
    data = events[0].envelope["data"]
    assert data["campaign_id"] == campaign_id
    assert data["segment_count"] == 0
    assert not {"email", "full_name"} & set(data)
    assert [(str(o.campaign_id), o.user_id, o.collaborator_role) for o in owners] == [
        (campaign_id, user.id, "owner")
    ]


async def test_a_refused_create_leaves_nothing_behind(client, admin, funded, payload, db) -> None:
    await client.post("/api/campaigns/", json=payload(total_budget="999999"), headers=admin)

    async with db.system_session() as session:
        assert (await session.execute(select(Campaign))).first() is None
        assert (await session.execute(select(AuditLog))).first() is None
        assert (await session.execute(select(OutboxEvent))).first() is None


async def test_idempotency_key_replays_the_first_create(client, admin, funded, payload) -> None:
    headers = {**admin, "Idempotency-Key": "create-key-0001"}

    first = await client.post("/api/campaigns/", json=payload(), headers=headers)
    replay = await client.post("/api/campaigns/", json=payload(), headers=headers)
    different = await client.post(
        "/api/campaigns/", json=payload(campaign_name="Other"), headers=headers
    )
    listing = await client.get("/api/campaigns/", headers=admin)

    assert first.status_code == replay.status_code == 201
    assert replay.json()["id"] == first.json()["id"]
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert different.status_code == 422
    assert different.json()["error_code"] == "idempotency_key_reused"
    assert listing.json()["total"] == 1


async def test_generated_codes_match_the_code_format(client, admin, funded, payload) -> None:
    code = (await client.post("/api/campaigns/", json=payload(), headers=admin)).json()[
        "campaign_code"
    ]

    assert re.fullmatch(r"[A-Za-z0-9-]+", code)


@pytest.mark.parametrize("amount", ["1e3", "1_000", "+7", " 12.5 ", ".5", "١٢٣", "12.", "0x10"])
async def test_an_amount_is_written_with_plain_digits(
    client, admin, funded, payload, amount
) -> None:
    """What the API document's pattern says, not whatever Python's Decimal would read."""
    response = await client.post(
        "/api/campaigns/", json=payload(total_budget=amount), headers=admin
    )

    assert response.status_code == 422
    assert "total_budget" in response.json()["details"]["fields"]


@pytest.mark.parametrize(("amount", "stored"), [("15000.5", "15000.50"), (250, "250.00")])
async def test_plain_amounts_are_taken(client, admin, funded, payload, amount, stored) -> None:
    response = await client.post(
        "/api/campaigns/", json=payload(total_budget=amount), headers=admin
    )

    assert response.status_code == 201, response.text
    assert response.json()["total_budget"] == stored
