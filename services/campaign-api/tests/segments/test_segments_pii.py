"""Campaign segments with rules on personal data: only a principal with view_pii writes them;
others see the segment and its counts with the PII values masked, and cannot change those
rules. The audit log never keeps the values."""

import pytest
from sqlalchemy import select

from crm_common.models import AuditLog

EMAIL_PREFIX = {"all": [{"field": "email", "op": "starts_with", "value": "ann"}]}
EMAIL_EXACT = {"all": [{"field": "email", "op": "eq", "value": "ann.lee@example.com"}]}
COUNTRY = {"all": [{"field": "country", "op": "eq", "value": "DE"}]}


@pytest.fixture
async def campaign(create_campaign, admin, funded):
    return await create_campaign(admin)


@pytest.fixture
async def specialist(acme, headers_for):
    return await headers_for(acme, "campaign_specialist")


def assert_pii_refused(response, path: str) -> None:
    assert response.status_code == 403, response.text
    assert response.json()["error_code"] == "pii_filter_denied"
    assert path in response.json()["details"]["paths"]


def assert_operator_refused(response, path: str) -> None:
    assert response.status_code == 422, response.text
    assert response.json()["error_code"] == "validation_error"
    assert f"{path}.op" in response.json()["details"]["fields"]


async def test_email_prefix_oracle_refused_on_save_without_view_pii(
    client, campaign, admin, specialist, add_segment
) -> None:
    # Sealed addresses can only be matched whole: a prefix rule is refused for everyone.
    for headers in (specialist, admin):
        prefix = await client.post(
            "/api/campaign-segments/",
            json={
                "campaign_id": campaign["id"],
                "segment_name": "Probe",
                "segment_type": "demographic",
                "demographic_criteria": EMAIL_PREFIX,
            },
            headers=headers,
        )
        assert_operator_refused(prefix, "demographic_criteria.all[0]")
    # A whole address is still an oracle: refused on save without view_pii.
    created = await client.post(
        "/api/campaign-segments/",
        json={
            "campaign_id": campaign["id"],
            "segment_name": "Probe",
            "segment_type": "demographic",
            "demographic_criteria": EMAIL_EXACT,
        },
        headers=specialist,
    )
    assert_pii_refused(created, "demographic_criteria.all[0]")
    segment = await add_segment(specialist, campaign["id"])
    path = f"/api/campaign-segments/{segment['id']}/"
    patched = await client.patch(
        path, json={"demographic_criteria": EMAIL_EXACT}, headers=specialist
    )
    assert_pii_refused(patched, "demographic_criteria.all[0]")
    replaced = await client.put(
        path,
        json={
            "segment_name": "Probe",
            "segment_type": "demographic",
            "demographic_criteria": {"not": EMAIL_EXACT},
        },
        headers=specialist,
    )
    assert_pii_refused(replaced, "demographic_criteria.not.all[0]")


async def test_pii_rules_of_a_permitted_author_are_masked_and_locked_for_others(
    client, db, campaign, admin, specialist, add_segment
) -> None:
    segment = await add_segment(
        admin, campaign["id"], segment_type="mixed", demographic_criteria=EMAIL_EXACT
    )
    assert segment["demographic_criteria"] == EMAIL_EXACT
    path = f"/api/campaign-segments/{segment['id']}/"
    masked = {"all": [{"field": "email", "op": "eq", "value": "***"}]}
    read = (await client.get(path, headers=specialist)).json()
    assert read["demographic_criteria"] == masked
    assert read["geographic_criteria"] == COUNTRY
    assert "target_count" in read
    listed = await client.get(
        "/api/campaign-segments/", params={"campaign_id": campaign["id"]}, headers=specialist
    )
    assert listed.json()["items"][0]["demographic_criteria"] == masked
    # The campaign read with its segments masks them alike.
    campaign_path = f"/api/campaigns/{campaign['id']}/?include_segments=true"
    included = await client.get(campaign_path, headers=specialist)
    assert included.json()["segments"][0]["demographic_criteria"] == masked
    assert "ann.lee" not in included.text
    included = await client.get(campaign_path, headers=admin)
    assert included.json()["segments"][0]["demographic_criteria"] == EMAIL_EXACT
    # Other fields stay editable; the PII rules can neither be replaced nor removed.
    renamed = await client.patch(path, json={"segment_name": "Renamed"}, headers=specialist)
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["demographic_criteria"] == masked
    removed = await client.patch(path, json={"demographic_criteria": {}}, headers=specialist)
    assert_pii_refused(removed, "demographic_criteria")
    round_trip = await client.patch(path, json={"demographic_criteria": masked}, headers=specialist)
    assert_pii_refused(round_trip, "demographic_criteria.all[0]")
    assert (await client.get(path, headers=admin)).json()["demographic_criteria"] == EMAIL_EXACT
    async with db.system_session() as session:
        audited = (
            await session.execute(
                select(AuditLog.new_values).where(AuditLog.action == "segment.created")
            )
        ).scalar_one()
    assert audited["demographic_criteria"] == masked
