"""POST /api/segments/estimate/: counts, consent and suppression exclusions, masked samples."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from httpx import AsyncClient

from crm_common.db import Database
from crm_common.segments.audience import count_audience
from crm_common.segments.exclusions import delivery_channels

from ..conftest import Tenant
from ..rules.conftest import make_campaign
from .conftest import Audience, make_segment, suppress

US_OR_FIJI = {"geographic_criteria": {"field": "country", "op": "in", "value": ["US", "FJ"]}}
EVERYONE: dict[str, Any] = {}


async def estimate(
    client: AsyncClient, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    response = await client.post("/api/segments/estimate/", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def test_without_a_channel_nothing_is_excluded(
    client: AsyncClient, audience: Audience
) -> None:
    result = await estimate(client, audience.acme.analyst, US_OR_FIJI)
    assert result["matched"] == 3
    assert result["count"] == 3
    assert result["excluded"] == {"no_consent": 0, "suppressed": 0, "no_address": 0}
    assert result["channel"] is None
    assert audience.names([c["id"] for c in result["sample"]]) == {"c1", "c2", "c6"}
    assert isinstance(result["took_ms"], int)


async def test_contacts_without_consent_are_excluded(
    client: AsyncClient, audience: Audience
) -> None:
    # email consent: c1, c2, c6; sms consent: c1, c4
    result = await estimate(client, audience.acme.analyst, {**EVERYONE, "channel": "email"})
    assert result["matched"] == 6
    assert result["count"] == 3
    assert result["excluded"] == {"no_consent": 3, "suppressed": 0, "no_address": 0}
    assert audience.names([c["id"] for c in result["sample"]]) == {"c1", "c2", "c6"}
    # c4 consents to sms but has no phone number: a launch could not send it one either
    sms = await estimate(client, audience.acme.analyst, {"channel": "sms"})
    assert sms["count"] == 1
    assert sms["excluded"] == {"no_consent": 4, "suppressed": 0, "no_address": 1}
    assert audience.names([c["id"] for c in sms["sample"]]) == {"c1"}


async def test_suppressed_addresses_and_contacts_are_excluded(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    company = audience.acme.company.id
    await suppress(db, company, "bob@example.com", channel="email")
    await suppress(db, company, "ignored@x.example", channel="email", contact_id=audience.ids["c6"])
    result = await estimate(client, audience.acme.analyst, {**US_OR_FIJI, "channel": "email"})
    assert result["matched"] == 3
    assert result["count"] == 1
    assert result["excluded"] == {"no_consent": 0, "suppressed": 2, "no_address": 0}
    assert audience.names([c["id"] for c in result["sample"]]) == {"c1"}


async def test_suppression_for_another_channel_does_not_exclude(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    await suppress(db, audience.acme.company.id, "bob@example.com", channel="sms")
    result = await estimate(client, audience.acme.analyst, {**US_OR_FIJI, "channel": "email"})
    assert result["excluded"] == {"no_consent": 0, "suppressed": 0, "no_address": 0}


async def test_all_channel_suppression_of_a_phone_excludes_email_too(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    await suppress(db, audience.acme.company.id, "+15550000001", channel=None)
    result = await estimate(client, audience.acme.analyst, {**US_OR_FIJI, "channel": "email"})
    assert result["excluded"] == {"no_consent": 0, "suppressed": 1, "no_address": 0}
    assert "c1" not in audience.names([c["id"] for c in result["sample"]])


async def test_suppression_in_another_tenant_does_not_exclude(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    await suppress(db, audience.globex.company.id, "bob@example.com", channel=None)
    result = await estimate(client, audience.acme.analyst, {**US_OR_FIJI, "channel": "email"})
    assert result["excluded"]["suppressed"] == 0


async def test_campaign_id_uses_its_primary_channel(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    sms_campaign = await make_campaign(db, audience.acme.company, primary_channel="sms")
    result = await estimate(client, audience.acme.analyst, {"campaign_id": str(sms_campaign.id)})
    assert result["channel"] == "sms"
    assert result["count"] == 1  # c1; c4 consents to sms but has no phone number
    explicit = await estimate(
        client, audience.acme.analyst, {"campaign_id": str(sms_campaign.id), "channel": "email"}
    )
    assert explicit["channel"] == "email"


async def test_multi_channel_counts_contacts_reachable_on_any_channel(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    # consent on some channel: c1, c2, c4, c6; c3 and c5 have none; c4 (sms) has no phone
    result = await estimate(client, audience.acme.analyst, {"channel": "multi_channel"})
    assert result["count"] == 3
    assert result["excluded"] == {"no_consent": 2, "suppressed": 0, "no_address": 1}
    # c2 consents to email only: suppressing it there leaves it unreachable
    await suppress(db, audience.acme.company.id, "bob@example.com", channel="email")
    # c1 consents to email and sms: suppressed on email it is still reachable by sms
    await suppress(db, audience.acme.company.id, "ann.lee@example.com", channel="email")
    result = await estimate(client, audience.acme.analyst, {"channel": "multi_channel"})
    assert result["count"] == 2
    assert result["excluded"] == {"no_consent": 2, "suppressed": 1, "no_address": 1}


async def test_another_tenants_campaign_is_not_found(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    foreign = await make_campaign(db, audience.globex.company)
    response = await client.post(
        "/api/segments/estimate/",
        json={"campaign_id": str(foreign.id)},
        headers=audience.acme.analyst,
    )
    assert response.status_code == 404
    assert response.json()["error_code"] == "campaign_not_found"


async def test_another_tenants_contacts_are_never_counted(
    client: AsyncClient, audience: Audience
) -> None:
    body = {"demographic_criteria": {"field": "email", "op": "eq", "value": "ann.lee@example.com"}}
    acme = await estimate(client, audience.acme.admin, body)
    assert audience.names([c["id"] for c in acme["sample"]]) == {"c1"}
    assert acme["matched"] == 1
    globex = await estimate(client, audience.globex.admin, body)
    assert [c["id"] for c in globex["sample"]] == [str(audience.twin_id)]
    assert globex["matched"] == 1


async def test_sample_pii_is_masked_without_view_pii(
    client: AsyncClient, audience: Audience
) -> None:
    body = {"demographic_criteria": {"field": "city", "op": "eq", "value": "New York"}}
    masked = (await estimate(client, audience.acme.analyst, body))["sample"][0]
    assert masked["email"] == "a***@e***.com"
    assert masked["phone"] == "***01"
    assert masked["first_name"] == "A."
    assert masked["birth_date"] is None
    assert masked["latitude"] is None
    assert masked["country"] == "US"
    clear = (await estimate(client, audience.acme.admin, body))["sample"][0]
    assert clear["email"] == "ann.lee@example.com"
    assert clear["birth_date"] == "1990-06-15"


async def test_sample_size_is_bounded(client: AsyncClient, audience: Audience) -> None:
    result = await estimate(client, audience.acme.analyst, {"sample_size": 2})
    assert len(result["sample"]) == 2
    assert result["count"] == 6
    none = await estimate(client, audience.acme.analyst, {"sample_size": 0})
    assert none["sample"] == []
    response = await client.post(
        "/api/segments/estimate/", json={"sample_size": 1000}, headers=audience.acme.analyst
    )
    assert response.status_code == 422


async def test_invalid_rules_are_rejected_before_any_query(
    client: AsyncClient, acme: Tenant
) -> None:
    response = await client.post(
        "/api/segments/estimate/",
        json={"psychographic_criteria": {"field": "interests", "op": "contains_all", "value": []}},
        headers=acme.analyst,
    )
    assert response.status_code == 422
    assert "psychographic_criteria.value" in response.json()["details"]["fields"]


async def test_behavioural_rules_are_counted_and_sampled_in_one_pass(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    # purchasers: c1, c2 (email consent), c6 (email consent, suppressed here)
    await suppress(db, audience.acme.company.id, "fiji@test.org")
    body = {"behavioral_criteria": {"event": "purchase"}, "channel": "email"}
    result = await estimate(client, audience.acme.analyst, body)
    assert (result["matched"], result["count"]) == (3, 2)
    assert result["excluded"] == {"no_consent": 0, "suppressed": 1, "no_address": 0}
    assert audience.names([c["id"] for c in result["sample"]]) == {"c1", "c2"}
    one = await estimate(client, audience.acme.analyst, {**body, "sample_size": 1})
    assert len(one["sample"]) == 1
    none = await estimate(client, audience.acme.analyst, {**body, "sample_size": 0})
    assert (none["sample"], none["count"]) == ([], 2)


async def test_the_estimate_counts_what_a_launch_would_send_to(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    # The launch's audience check (crm_common.segments.audience) on the same rules and channel.
    await suppress(db, audience.acme.company.id, "bob@example.com", channel="email")
    for channel in ("email", "sms", "multi_channel"):
        campaign = await make_campaign(db, audience.acme.company, primary_channel=channel)
        segment = await make_segment(db, campaign, **US_OR_FIJI)
        result = await estimate(
            client, audience.acme.analyst, {**US_OR_FIJI, "campaign_id": str(campaign.id)}
        )
        channels = list(delivery_channels(channel))
        async with db.system_session() as session:
            counted = await count_audience(
                session, audience.acme.company.id, [segment], channels, datetime.now(UTC)
            )
        assert (result["matched"], result["count"]) == (counted.matched, counted.sendable), channel
