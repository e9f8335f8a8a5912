"""A launch needs a sendable audience; it follows its campaign's status actions; its state,
counts and errors can be read."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select, update

from crm_common.models import Campaign, Company, Delivery, Launch, Suppression
from crm_common.testing.builders import make_contacts, seal_personal_data


def _launch(client, headers, campaign_id, key="launch-key-0001"):
    return client.post(
        f"/api/campaigns/{campaign_id}/launch/", headers={**headers, "Idempotency-Key": key}
    )


async def _planned(create_campaign, add_segment, act, admin, give_message) -> str:
    campaign = await create_campaign(admin)
    await add_segment(admin, campaign["id"])
    await give_message(campaign["id"])
    await act(admin, campaign["id"], "plan")
    return campaign["id"]


async def test_a_segment_without_sendable_contacts_cannot_launch(
    client, db, acme, admin, funded, create_campaign, add_segment, give_message, act
) -> None:
    campaign_id = await _planned(create_campaign, add_segment, act, admin, give_message)
    await make_contacts(db, acme, 2, country="FR")
    await make_contacts(db, acme, 1, country="DE", consent=("sms",))
    [suppressed] = await make_contacts(db, acme, 1, country="DE")
    async with db.system_session() as session:
        session.add(
            Suppression(
                company_id=acme.id, channel="email", address=suppressed.email, reason="manual"
            )
        )
    await seal_personal_data(db, acme.id)

    response = await _launch(client, admin, campaign_id)

    assert response.status_code == 409
    body = response.json()
    assert body["error_code"] == "audience_too_small"
    assert body["details"] == {
        "matched": 2,
        "sendable": 0,
        "per_channel": {"email": 0},
        "minimum": 1,
    }


async def test_the_company_minimum_applies(
    client, db, acme, admin, funded, create_campaign, add_segment, give_message, act
) -> None:
    campaign_id = await _planned(create_campaign, add_segment, act, admin, give_message)
    await make_contacts(db, acme, 3, country="DE")
    async with db.system_session() as session:
        await session.execute(
            update(Company).where(Company.id == acme.id).values(settings={"min_audience_size": 4})
        )

    refused = await _launch(client, admin, campaign_id)
    await make_contacts(db, acme, 1, country="DE")
    accepted = await _launch(client, admin, campaign_id, key="launch-key-0002")

    assert refused.status_code == 409
    assert refused.json()["details"]["sendable"] == 3
    assert refused.json()["details"]["minimum"] == 4
    assert accepted.status_code == 202


async def _launched(
    client, db, acme, admin, create_campaign, add_segment, act, give_message
) -> tuple[str, str]:
    """A campaign whose launch the worker has started sending."""
    campaign_id = await _planned(create_campaign, add_segment, act, admin, give_message)
    await make_contacts(db, acme, 1, country="DE")
    response = await _launch(client, admin, campaign_id)
    assert response.status_code == 202, response.text
    launch_id = response.json()["launch"]["id"]
    async with db.system_session() as session:
        await session.execute(
            update(Launch).values(launch_status="sending", started_at=datetime.now(UTC))
        )
        await session.execute(update(Campaign).values(campaign_status="active"))
    return campaign_id, launch_id


async def _launch_status(db, launch_id: str) -> str:
    async with db.system_session() as session:
        launch = await session.get(Launch, uuid.UUID(launch_id))
        assert launch is not None
        return launch.launch_status


async def test_pause_resume_and_cancel_carry_over_to_the_launch(
    client, db, acme, admin, funded, create_campaign, add_segment, give_message, act
) -> None:
    campaign_id, launch_id = await _launched(
        client, db, acme, admin, create_campaign, add_segment, act, give_message
    )

    assert (await act(admin, campaign_id, "pause")).status_code == 200
    assert await _launch_status(db, launch_id) == "paused"
    assert (await act(admin, campaign_id, "resume")).status_code == 200
    assert await _launch_status(db, launch_id) == "sending"
    assert (await act(admin, campaign_id, "cancel")).status_code == 200
    assert await _launch_status(db, launch_id) == "cancelled"
    # The campaign can be deleted once its launch has ended.
    deleted = await client.delete(f"/api/campaigns/{campaign_id}/", headers=admin)
    assert deleted.status_code in (200, 204)


async def test_completing_the_campaign_completes_its_launch(
    client, db, acme, admin, funded, create_campaign, add_segment, give_message, act
) -> None:
    campaign_id, launch_id = await _launched(
        client, db, acme, admin, create_campaign, add_segment, act, give_message
    )

    assert (await act(admin, campaign_id, "complete")).status_code == 200
    assert await _launch_status(db, launch_id) == "completed"


async def test_launches_show_state_counts_and_errors(
    client, db, acme, admin, funded, create_campaign, add_segment, give_message, act, headers_for
) -> None:
    campaign_id, launch_id = await _launched(
        client, db, acme, admin, create_campaign, add_segment, act, give_message
    )
    [contact] = await make_contacts(db, acme, 1, country="DE")
    async with db.system_session() as session:
        await session.execute(
            update(Launch).values(total_recipients=10, sent_count=6, failed_count=1)
        )
        session.add(
            Delivery(
                company_id=acme.id,
                launch_id=uuid.UUID(launch_id),
                campaign_id=uuid.UUID(campaign_id),
                contact_id=contact.id,
                channel="email",
                delivery_status="failed",
                attempts=1,
                error_code="550",
                last_error="550 no such user",
            )
        )
    analyst = await headers_for(acme, "marketing_analyst")

    listed = await client.get(f"/api/campaigns/{campaign_id}/launches/", headers=analyst)
    one = await client.get(f"/api/launches/{launch_id}/", headers=analyst)

    assert listed.status_code == 200
    page = listed.json()
    assert (page["total"], page["page"]) == (1, 1)
    assert page["items"][0]["id"] == launch_id
    assert page["items"][0]["counts"] == {
        "queued": 10,
        "sent": 6,
        "failed": 1,
        "skipped": 0,
        "remaining": 3,
    }
    assert one.status_code == 200
    detail = one.json()
    assert detail["launch_status"] == "sending"
    assert detail["started_at"] is not None
    assert [(e["error_code"], e["error"]) for e in detail["errors"]] == [
        ("550", "550 no such user")
    ]


async def test_another_companys_launch_is_not_found(
    client,
    db,
    acme,
    globex,
    admin,
    funded,
    create_campaign,
    add_segment,
    give_message,
    act,
    headers_for,
) -> None:
    campaign_id, launch_id = await _launched(
        client, db, acme, admin, create_campaign, add_segment, act, give_message
    )
    outsider = await headers_for(globex, "admin")

    one = await client.get(f"/api/launches/{launch_id}/", headers=outsider)
    listed = await client.get(f"/api/campaigns/{campaign_id}/launches/", headers=outsider)
    unknown = await client.get(f"/api/launches/{uuid.uuid4()}/", headers=admin)

    assert one.status_code == 404
    assert one.json()["error_code"] == "launch_not_found"
    assert listed.status_code == 404
    assert unknown.status_code == 404
    async with db.system_session() as session:
        assert (await session.execute(select(Launch.id))).scalars().all()
