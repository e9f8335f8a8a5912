"""Reading campaigns: detail with segments and performance, caching, ETags, listing with
filters, search, date ranges, sorting and pagination, and budget visibility."""

import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import update

from crm_common.models import Campaign, CampaignMetric


async def test_detail_with_segments_and_performance(
    client, acme, admin, create_campaign, funded, add_segment, db
) -> None:
    campaign = await create_campaign(admin)
    segment = await add_segment(admin, campaign["id"])
    async with db.system_session() as session:
        for channel, day, sent, delivered, opens, clicks, revenue, spend in (
            ("email", date(2026, 1, 1), 100, 90, 45, 9, "300.00", "100.00"),
            ("email", date(2026, 1, 2), 100, 90, 45, 9, "0.00", "100.00"),
            ("sms", date(2026, 1, 2), 20, 20, 0, 2, "100.00", "50.00"),
        ):
            session.add(
                CampaignMetric(
                    company_id=acme.id,
                    campaign_id=uuid.UUID(campaign["id"]),
                    channel=channel,
                    metric_date=day,
                    sent=sent,
                    delivered=delivered,
                    unique_opens=opens,
                    opens=opens,
                    unique_clicks=clicks,
                    clicks=clicks,
                    revenue=Decimal(revenue),
                    spend=Decimal(spend),
                )
            )

    plain = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)
    full = await client.get(
        f"/api/campaigns/{campaign['id']}/?include_segments=true&include_performance=true",
        headers=admin,
    )

    assert "segments" not in plain.json()
    assert "performance" not in plain.json()
    # The includes change without the campaign changing: its version (bumped once by the
    # segment's creation) names them weakly.
    assert plain.headers["ETag"] == f'"{campaign["version"] + 1}"'
    assert full.headers["ETag"] == f'W/"{campaign["version"] + 1}"'
    body = full.json()
    assert [s["id"] for s in body["segments"]] == [segment["id"]]
    performance = body["performance"]
    assert performance["totals"]["sent"] == 220
    assert performance["totals"]["delivered"] == 200
    # Revenue and conversions are the campaign's attributed ones (none here), not the sums
    # of the channels' metric rows.
    assert performance["totals"]["revenue"] == "0.00"
    assert performance["totals"]["conversions"] == 0
    assert performance["totals"]["spend"] == "250.00"
    assert performance["open_rate"] == 0.45
    assert performance["click_rate"] == 0.1
    assert performance["roi"] == -1.0
    assert [c["channel"] for c in performance["by_channel"]] == ["email", "sms"]
    assert [c["spend"] for c in performance["by_channel"]] == ["200.00", "50.00"]
    assert performance["first_day"] == "2026-01-01"


async def test_unknown_and_deleted_campaigns_are_404(
    client, admin, create_campaign, funded
) -> None:
    campaign = await create_campaign(admin)
    await client.delete(f"/api/campaigns/{campaign['id']}/", headers=admin)

    deleted = await client.get(f"/api/campaigns/{campaign['id']}/", headers=admin)
    unknown = await client.get(f"/api/campaigns/{uuid.uuid4()}/", headers=admin)
    malformed = await client.get("/api/campaigns/not-a-uuid/", headers=admin)

    assert deleted.status_code == unknown.status_code == 404
    assert deleted.json()["error_code"] == "campaign_not_found"
    assert malformed.status_code == 422


async def test_reads_are_cached_and_every_write_invalidates(
    client, admin, create_campaign, funded, db
) -> None:
    campaign = await create_campaign(admin)
    path = f"/api/campaigns/{campaign['id']}/"
    await client.get(path, headers=admin)
    async with db.system_session() as session:
        await session.execute(
            update(Campaign)
            .where(Campaign.id == uuid.UUID(campaign["id"]))
            .values(description="behind the API")
        )

    cached = await client.get(path, headers=admin)
    await client.patch(path, json={"campaign_name": "Renamed"}, headers=admin)
    after_write = await client.get(path, headers=admin)

    assert cached.json()["description"] is None
    assert after_write.json()["campaign_name"] == "Renamed"
    assert after_write.json()["description"] == "behind the API"


async def test_if_none_match_gives_304(client, admin, create_campaign, funded) -> None:
    campaign = await create_campaign(admin)
    path = f"/api/campaigns/{campaign['id']}/"

    same = await client.get(path, headers={**admin, "If-None-Match": '"1"'})
    # If-None-Match compares weakly, and `*` names any version the campaign has.
    weak = await client.get(path, headers={**admin, "If-None-Match": 'W/"1"'})
    listed = await client.get(path, headers={**admin, "If-None-Match": '"7", W/"1"'})
    anything = await client.get(path, headers={**admin, "If-None-Match": "*"})
    await client.patch(path, json={"description": "x"}, headers=admin)
    changed = await client.get(path, headers={**admin, "If-None-Match": '"1"'})

    assert same.status_code == 304
    assert (weak.status_code, listed.status_code, anything.status_code) == (304, 304, 304)
    assert changed.status_code == 200


@pytest.mark.parametrize("role", ["marketing_analyst", "finance"])
async def test_a_cached_read_answers_what_the_first_read_did(
    client, acme, admin, headers_for, create_campaign, funded, role
) -> None:
    """The first read renders and caches the campaign for the reader's view shape; the next is
    the cached rendering as is: the same fields, values and ETag (budget figures only for
    budget viewers)."""
    campaign = await create_campaign(admin)
    reader = await headers_for(acme, role)
    path = f"/api/campaigns/{campaign['id']}/"

    first = await client.get(path, headers=reader)
    second = await client.get(path, headers=reader)

    assert first.status_code == second.status_code == 200
    assert second.headers["content-type"] == "application/json"
    assert second.json() == first.json()
    assert second.headers["etag"] == first.headers["etag"] == f'"{first.json()["version"]}"'
    assert ("total_budget" in second.json()) is (role == "finance")


async def test_budget_figures_only_for_budget_viewers(
    client, acme, admin, headers_for, create_campaign, funded
) -> None:
    campaign = await create_campaign(admin)
    analyst = await headers_for(acme, "marketing_analyst")
    finance = await headers_for(acme, "finance")

    hidden = await client.get(f"/api/campaigns/{campaign['id']}/", headers=analyst)
    shown = await client.get(f"/api/campaigns/{campaign['id']}/", headers=finance)
    listed = await client.get("/api/campaigns/", headers=analyst)
    history = await client.get(f"/api/campaigns/{campaign['id']}/audit/", headers=analyst)

    assert "total_budget" not in hidden.json()
    assert "actual_spend" not in hidden.json()
    assert hidden.json()["campaign_code"] == campaign["campaign_code"]
    assert shown.json()["total_budget"] == "1000.00"
    assert "total_budget" not in listed.json()["items"][0]
    assert "total_budget" not in history.json()["items"][0]["new_values"]


@pytest.fixture
async def catalogue(client, admin, funded, create_campaign, start_date, db):
    """Six campaigns with distinct attributes."""
    specs = [
        ("Spring 100% sale", "promotional", "sales", "email", 0, "SPR-1", "draft"),
        ("Summer_newsletter", "newsletter", "engagement", "email", 10, "SUM-1", "planned"),
        ("Autumn launch", "product_launch", "acquisition", "sms", 20, "AUT-1", "draft"),
        ("Winter loyalty", "retention", "retention", "direct_mail", 30, "WIN-1", "cancelled"),
        ("Black Friday", "promotional", "sales", "social", 40, "BF-1", "draft"),
        ("Deleted one", "promotional", "sales", "email", 50, "DEL-1", "draft"),
    ]
    created = {}
    for name, type_, category, channel, offset, code, _status in specs:
        start = start_date + timedelta(days=offset)
        created[code] = await create_campaign(
            admin,
            campaign_name=name,
            campaign_type=type_,
            campaign_category=category,
            primary_channel=channel,
            campaign_code=code,
            start_date=start.isoformat(),
            end_date=(start + timedelta(days=5)).isoformat(),
            total_budget="0",
            description=f"About {name.lower()}",
        )
    async with db.system_session() as session:
        for code, (*_, status) in zip(created, specs, strict=True):
            await session.execute(
                update(Campaign)
                .where(Campaign.campaign_code == code)
                .values(campaign_status=status)
            )
    await client.delete(f"/api/campaigns/{created['DEL-1']['id']}/", headers=admin)
    return created


async def _codes(client, admin, query: str) -> list[str]:
    response = await client.get(f"/api/campaigns/?{query}", headers=admin)
    assert response.status_code == 200, response.text
    return [item["campaign_code"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"SPR-1", "SUM-1", "AUT-1", "WIN-1", "BF-1"}),
        ("campaign_status=draft", {"SPR-1", "AUT-1", "BF-1"}),
        ("campaign_status=draft&campaign_status=planned", {"SPR-1", "AUT-1", "BF-1", "SUM-1"}),
        ("campaign_status=planned,cancelled", {"SUM-1", "WIN-1"}),
        ("campaign_type=promotional", {"SPR-1", "BF-1"}),
        ("primary_channel=email", {"SPR-1", "SUM-1"}),
        ("campaign_category=retention", {"WIN-1"}),
        ("approval_status=not_required", {"SPR-1", "SUM-1", "AUT-1", "WIN-1", "BF-1"}),
        ("approval_status=approved", set()),
        ("search=friday", {"BF-1"}),
        ("search=WIN-", {"WIN-1"}),
        ("search=about%20autumn", {"AUT-1"}),
        ("search=100%25", {"SPR-1"}),
        ("search=_", {"SUM-1"}),
        ("search=%25", {"SPR-1"}),
        ("campaign_type=promotional&primary_channel=social", {"BF-1"}),
    ],
)
async def test_filters_and_search(client, admin, catalogue, query, expected) -> None:
    assert set(await _codes(client, admin, query)) == expected


async def test_date_ranges(client, admin, catalogue, start_date) -> None:
    def at(days: int) -> str:
        return (start_date + timedelta(days=days)).isoformat().replace("+00:00", "Z")

    starting = await _codes(client, admin, f"start_from={at(10)}&start_to={at(30)}")
    ending = await _codes(client, admin, f"end_from={at(20)}&end_to={at(36)}")

    assert set(starting) == {"SUM-1", "AUT-1", "WIN-1"}
    assert set(ending) == {"AUT-1", "WIN-1"}


async def test_a_bare_date_as_upper_bound_takes_in_that_whole_day(
    client, admin, catalogue, start_date
) -> None:
    """`start_to=<day>` keeps what starts that afternoon, not only what starts at midnight."""

    def day(days: int) -> str:
        return (start_date + timedelta(days=days)).date().isoformat()

    starting = await _codes(client, admin, f"start_from={day(10)}&start_to={day(30)}")
    ending = await _codes(client, admin, f"end_to={day(25)}")
    before = await _codes(client, admin, f"start_to={day(29)}")

    assert set(starting) == {"SUM-1", "AUT-1", "WIN-1"}
    assert set(ending) == {"SPR-1", "SUM-1", "AUT-1"}
    assert "WIN-1" not in before


async def test_sorting(client, admin, catalogue) -> None:
    by_start = await _codes(client, admin, "sort_by=start_date&sort_order=asc")
    by_start_desc = await _codes(client, admin, "sort_by=start_date&sort_order=desc")
    by_name = await _codes(client, admin, "sort_by=campaign_name&sort_order=asc")
    newest = await _codes(client, admin, "")

    assert by_start == ["SPR-1", "SUM-1", "AUT-1", "WIN-1", "BF-1"]
    assert by_start_desc == list(reversed(by_start))
    assert by_name == ["AUT-1", "BF-1", "SPR-1", "SUM-1", "WIN-1"]
    assert newest == ["BF-1", "WIN-1", "AUT-1", "SUM-1", "SPR-1"]


async def test_names_sort_as_people_read_them_whatever_their_case(
    client, admin, funded, create_campaign
) -> None:
    for code, name in (("N-1", "UX Postcards"), ("N-2", "conc"), ("N-3", "alpha"), ("N-4", "Beta")):
        await create_campaign(admin, campaign_name=name, campaign_code=code, total_budget="0")

    ascending = await _codes(client, admin, "sort_by=campaign_name&sort_order=asc")
    descending = await _codes(client, admin, "sort_by=campaign_name&sort_order=desc")

    assert ascending == ["N-3", "N-4", "N-2", "N-1"]
    assert descending == list(reversed(ascending))


@pytest.mark.parametrize(
    "query",
    [
        "sort_by=total_budget",
        "sort_by=description",
        "sort_order=sideways",
        "campaign_status=launched",
        "primary_channel=fax",
        "page=0",
        "page_size=201",
        "start_from=yesterday",
        "search=" + "x" * 201,
    ],
)
async def test_bad_list_parameters_are_422(client, admin, query) -> None:
    response = await client.get(f"/api/campaigns/?{query}", headers=admin)

    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            "campaign_status=draft,launched,bogus",
            "campaign_status.0",
            "unknown value(s) bogus, launched; "
            "allowed: draft, planned, active, paused, completed, cancelled",
        ),
        (
            "primary_channel=email&primary_channel=email,",
            "primary_channel.1",
            "unknown value(s) ''; allowed: email, sms, social, direct_mail, multi_channel",
        ),
    ],
)
async def test_an_unknown_filter_value_is_named_with_the_allowed_ones(
    client, admin, query, field, message
) -> None:
    response = await client.get(f"/api/campaigns/?{query}", headers=admin)

    assert response.status_code == 422
    assert response.json()["details"]["fields"] == {field: [message]}


async def test_pagination_and_list_shape(client, admin, catalogue) -> None:
    first = await client.get(
        "/api/campaigns/?page=1&page_size=2&campaign_type=promotional&search=a", headers=admin
    )
    pages = [
        await _codes(client, admin, f"page={page}&page_size=2&sort_by=campaign_code&sort_order=asc")
        for page in (1, 2, 3, 4)
    ]

    body = first.json()
    assert set(body) == {"items", "total", "page", "page_size", "filters"}
    assert body["total"] == 2
    assert body["page"] == 1
    assert body["page_size"] == 2
    assert body["filters"]["campaign_type"] == ["promotional"]
    assert body["filters"]["search"] == "a"
    assert pages == [["AUT-1", "BF-1"], ["SPR-1", "SUM-1"], ["WIN-1"], []]
    totals = [
        (await client.get(f"/api/campaigns/?page={page}&page_size=2", headers=admin)).json()[
            "total"
        ]
        for page in (1, 2, 3, 4)
    ]
    assert totals == [5, 5, 5, 5]
    only = await client.get("/api/campaigns/?search=friday", headers=admin)
    assert only.json()["total"] == 1
