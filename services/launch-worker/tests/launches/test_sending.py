"""A launch sends every eligible contact exactly once, and nobody else."""

from __future__ import annotations

from sqlalchemy import func, select, update

from crm_common.events import EventType
from crm_common.models import (
    AuditLog,
    Campaign,
    CampaignContact,
    CampaignMetric,
    Delivery,
    MessageLink,
    OutboxEvent,
)

from .conftest import (
    RecordingAdapter,
    Runner,
    add_contacts,
    delivery_counts,
    load_campaign,
    load_launch,
    make_world,
    request_launch,
    suppress,
    wait_for,
)


async def test_one_message_per_eligible_contact_and_none_to_the_rest(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(
        db,
        criteria={"field": "country", "op": "eq", "value": "US"},
        company_settings={"channel_costs": {"email": "0.002"}},
    )
    async with db.system_session() as session:  # a budget that pays for every message
        await session.execute(
            update(Campaign).where(Campaign.id == world.campaign.id).values(total_budget=10)
        )
    eligible = await add_contacts(db, world.company, 20, prefix="us", country="US")
    await add_contacts(db, world.company, 5, prefix="fr", country="FR")
    await add_contacts(db, world.company, 4, prefix="nc", country="US", consent=("sms",))
    suppressed = await add_contacts(db, world.company, 3, prefix="sup", country="US")
    for contact in suppressed:
        await suppress(world, contact.email)
    launch = await request_launch(world)

    await start_runtime()

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished)
    done = await load_launch(db, launch.id)
    assert done.launch_status == "completed"
    assert (done.total_recipients, done.sent_count, done.failed_count) == (20, 20, 0)
    assert adapter.recipients() == {c.email: 1 for c in eligible}
    message = adapter.messages[0]
    assert message.idempotency_key == str(message.delivery_id)
    assert "List-Unsubscribe" in message.headers
    assert await delivery_counts(db, launch.id) == {"sent": 20}

    campaign = await load_campaign(db, world.campaign.id)
    assert campaign.campaign_status == "completed"
    assert str(campaign.actual_spend) == "0.04"
    async with db.system_session() as session:
        metric = (await session.execute(select(CampaignMetric))).scalar_one()
        assert (metric.sent, metric.failed, str(metric.spend)) == (20, 0, "0.04")
        linked = await session.scalar(select(func.count()).select_from(CampaignContact))
        assert linked == 20
        links = await session.scalar(select(func.count()).select_from(MessageLink))
        assert links is not None
        assert links >= 20
        actions = set((await session.execute(select(AuditLog.action))).scalars())
        assert {"campaign.launch_started", "campaign.launch_completed"} <= actions
        types = list((await session.execute(select(OutboxEvent.event_type))).scalars())
        assert types.count(EventType.CAMPAIGN_LAUNCHED) == 1
        assert EventType.CAMPAIGN_LAUNCH_PROGRESS in types
        providers = set((await session.execute(select(Delivery.provider_message_id))).scalars())
        assert all(p and p.startswith("m-") for p in providers)


async def test_two_contacts_with_one_address_get_one_message(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    kept = await add_contacts(db, world.company, 1, prefix="family")
    # The same inbox (contacts store addresses normalised, so equal means the same).
    twins = await add_contacts(db, world.company, 1, prefix="family")
    twins += await add_contacts(db, world.company, 1, prefix="family")
    # Without consent, a holder of the address is not a recipient and keeps nobody out.
    await add_contacts(db, world.company, 1, prefix="other", consent=())
    alone = await add_contacts(db, world.company, 2, prefix="other")
    launch = await request_launch(world)

    await start_runtime()

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished)
    done = await load_launch(db, launch.id)
    assert done.launch_status == "completed"
    assert (done.total_recipients, done.sent_count, done.skipped_count) == (5, 3, 2)
    assert adapter.recipients() == {
        "family0@example.com": 1,
        "other0@example.com": 1,
        "other1@example.com": 1,
    }
    async with db.system_session() as session:
        skipped = dict(
            (
                await session.execute(
                    select(Delivery.contact_id, Delivery.error_code).where(
                        Delivery.delivery_status == "skipped"
                    )
                )
            ).all()
        )
        sent = set(
            (
                await session.execute(
                    select(Delivery.contact_id).where(Delivery.delivery_status == "sent")
                )
            ).scalars()
        )
    assert len(skipped) == 2
    assert set(skipped.values()) == {"duplicate_address"}
    # One of the three holders of the address is sent; the other two are skipped.
    holders = {c.id for c in kept + twins}
    assert len(sent & holders) == 1
    assert set(skipped) == holders - sent
    assert {c.id for c in alone} <= sent


async def test_a_campaign_without_sendable_segments_fails_its_launch(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    launch = await request_launch(world)
    async with db.system_session() as session:
        segment = await session.get(type(world.segment), world.segment.id)
        assert segment is not None
        segment.is_deleted = True

    await start_runtime()

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished)
    failed = await load_launch(db, launch.id)
    assert failed.launch_status == "failed"
    assert failed.last_error
    assert "segments" in failed.last_error
    assert (await load_campaign(db, world.campaign.id)).campaign_status == "planned"
    assert adapter.messages == []
