"""Audience resolution: one statement, A/B variants by weight, deterministic per contact."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import delete, select

from crm_common.models import CampaignContact, Delivery
from launch_worker.audience.service import freeze_audience

from .conftest import add_contacts, add_variants, make_world, request_launch


async def test_ab_variants_split_by_weight_and_stay_with_their_contacts(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 3000)
    control, challenger = await add_variants(world, 70, 30)
    launch = await request_launch(world)

    async def resolve() -> dict[object, object]:
        async with db.tenant_session(world.company.id) as session:
            total = await freeze_audience(
                session,
                company_id=world.company.id,
                campaign_id=world.campaign.id,
                launch_id=launch.id,
                segments=[world.segment],
                channels=["email"],
                variants=[control, challenger],
                now=datetime.now(UTC),
            )
            assert total == 3000
            rows = await session.execute(select(Delivery.contact_id, Delivery.variant_id))
            return {row[0]: row[1] for row in rows}

    first = await resolve()
    split = Counter(first.values())
    assert abs(split[control.id] / 3000 - 0.70) < 0.04
    assert abs(split[challenger.id] / 3000 - 0.30) < 0.04
    async with db.tenant_session(world.company.id) as session:
        linked = (await session.execute(select(CampaignContact.launch_id))).scalars().all()
        assert len(linked) == 3000
        assert set(linked) == {launch.id}
        await session.execute(delete(CampaignContact))
        await session.execute(delete(Delivery))
    assert await resolve() == first


async def test_resolving_twice_writes_each_delivery_once(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 10)
    launch = await request_launch(world)
    for _ in range(2):
        async with db.tenant_session(world.company.id) as session:
            total = await freeze_audience(
                session,
                company_id=world.company.id,
                campaign_id=world.campaign.id,
                launch_id=launch.id,
                segments=[world.segment, world.segment],
                channels=["email"],
                variants=[],
                now=datetime.now(UTC),
            )
        assert total == 10
