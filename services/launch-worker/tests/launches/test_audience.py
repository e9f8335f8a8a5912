"""Audience resolution: statements over slices of the contacts, A/B variants by weight,
deterministic per contact, links written from the deliveries."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import delete, func, select

from crm_common.crypto import pii
from crm_common.db import Database
from crm_common.models import (
    CampaignContact,
    ContactEvent,
    Delivery,
    Launch,
    launch_delivery_ids,
)
from launch_worker.audience.service import (
    Audience,
    contact_slices,
    freeze_audience,
    freeze_slice,
    link_audience,
    shared_addresses,
    skip_duplicate_addresses,
)

from .conftest import (
    RecordingAdapter,
    World,
    add_contacts,
    add_variants,
    load_launch,
    make_world,
    request_launch,
    wait_for,
    world_audience,
)


async def _link(db: Database, world: World, launch: Launch) -> int:
    async with db.tenant_session(world.company.id) as session:
        return await link_audience(
            session,
            company_id=world.company.id,
            campaign_id=world.campaign.id,
            launch_id=launch.id,
            now=datetime.now(UTC),
        )


async def test_ab_variants_split_by_weight_and_stay_with_their_contacts(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 3000)
    control, challenger = await add_variants(world, 70, 30)
    launch = await request_launch(world)

    async def resolve() -> dict[object, object]:
        audience = world_audience(world, launch, variants=[control, challenger])
        assert await freeze_audience(db, audience, slices=2) == 3000
        async with db.tenant_session(world.company.id) as session:
            rows = await session.execute(select(Delivery.contact_id, Delivery.variant_id))
            return {row[0]: row[1] for row in rows}

    first = await resolve()
    split = Counter(first.values())
    assert abs(split[control.id] / 3000 - 0.70) < 0.04
    assert abs(split[challenger.id] / 3000 - 0.30) < 0.04
    assert await _link(db, world, launch) == 3000
    async with db.tenant_session(world.company.id) as session:
        linked = (await session.execute(select(CampaignContact.launch_id))).scalars().all()
        assert len(linked) == 3000
        assert set(linked) == {launch.id}
        await session.execute(delete(CampaignContact))
        await session.execute(delete(Delivery))
    assert await resolve() == first


@pytest.mark.parametrize("weights", [(50,), (0, 40)])
async def test_a_single_weighted_variant_goes_to_every_contact(db, weights) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 40)
    variants = await add_variants(world, *weights)
    launch = await request_launch(world)

    audience = world_audience(world, launch, variants=variants)
    assert await freeze_audience(db, audience, slices=2) == 40

    async with db.tenant_session(world.company.id) as session:
        given = (await session.execute(select(Delivery.variant_id))).scalars().all()
    assert set(given) == {variants[-1].id}


async def test_resolving_twice_writes_each_delivery_once(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 10)
    launch = await request_launch(world)
    audience = world_audience(world, launch, segments=[world.segment, world.segment])
    for _ in range(2):
        assert await freeze_audience(db, audience, slices=3) == 10
        assert await _link(db, world, launch) in (10, 0)
    async with db.tenant_session(world.company.id) as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 10
        assert await session.scalar(select(func.count()).select_from(CampaignContact)) == 10


@pytest.mark.parametrize("slices", [1, 2, 5])
async def test_slices_cover_the_audience_once_whatever_their_number(db, slices: int) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 300)
    launch = await request_launch(world)

    assert await freeze_audience(db, world_audience(world, launch), slices=slices) == 300

    async with db.tenant_session(world.company.id) as session:
        sent_to = (await session.execute(select(Delivery.contact_id))).scalars().all()
    assert sorted(sent_to) == sorted(contact.id for contact in contacts)


def test_contact_slices_split_the_id_space_without_gap_or_overlap() -> None:
    ranges = contact_slices(4)
    assert ranges[0][0] is None
    assert ranges[-1][1] is None
    for (_, high), (low, _) in itertools.pairwise(ranges):
        assert high == low
    assert contact_slices(1) == [(None, None)]


async def test_links_are_one_per_contact_whatever_its_channels(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 40, consent=("email", "sms"))
    launch = await request_launch(world)

    total = await freeze_audience(db, world_audience(world, launch, channels=["email", "sms"]))

    assert total == 80
    assert await _link(db, world, launch) == 40


async def test_an_ab_test_sends_the_winner_to_the_rest_after_the_wait(
    db, adapter, start_runtime
) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 400)
    control, challenger = await add_variants(world, 50, 50)
    launch = await request_launch(
        world, ab_test={"sample_percent": 25, "wait_minutes": 0.1, "metric": "open_rate"}
    )
    await start_runtime()

    async def sample_sent() -> bool:
        done = await load_launch(db, launch.id)
        return (
            done.resolved_at is not None
            and done.sent_count > 0
            and (
                len(adapter.messages) == done.sent_count
                and await _pending_without_variant(db, launch.id) + done.sent_count == 400
            )
        )

    await wait_for(sample_sent)
    sample = list(adapter.messages)
    assert 60 <= len(sample) <= 140
    # Readers of the challenger opened it.
    async with db.system_session() as session:
        variants = {
            row[0]: row[1]
            for row in await session.execute(select(Delivery.id, Delivery.variant_id))
        }
        for message in sample:
            if variants[message.delivery_id] == challenger.id:
                session.add(
                    ContactEvent(
                        company_id=world.company.id,
                        event_id=f"open:{message.delivery_id}",
                        contact_id=message.contact_id,
                        event_type="email_open",
                        occurred_at=datetime.now(UTC),
                        campaign_id=world.campaign.id,
                    )
                )

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, timeout=30)
    done = await load_launch(db, launch.id)
    assert done.sent_count == 400
    assert adapter.recipients().most_common(1)[0][1] == 1
    decision = done.parameters["ab_test"]
    assert decision["winner_variant_id"] == str(challenger.id)
    by_variant = {r["variant_id"]: r for r in decision["results"]}
    assert by_variant[str(challenger.id)]["open_rate"] == 1.0
    assert by_variant[str(control.id)]["open_rate"] == 0.0
    sample_ids = {m.delivery_id for m in sample}
    async with db.system_session() as session:
        rest = (
            (
                await session.execute(
                    select(Delivery.variant_id).where(Delivery.id.not_in(sample_ids))
                )
            )
            .scalars()
            .all()
        )
    assert len(rest) == 400 - len(sample)
    assert set(rest) == {challenger.id}


async def _pending_without_variant(db, launch_id) -> int:
    async with db.system_session() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.launch_id == launch_id, Delivery.variant_id.is_(None))
        )
        return int(count or 0)


async def test_freezing_an_audience_outlasts_the_request_statement_timeout(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 5)
    launch = await request_launch(world)
    async with db.tenant_session(world.company.id) as session:
        before = (await session.execute(select(func.current_setting("statement_timeout")))).one()
        cipher = await pii.cipher_for(session, world.company.id)
        await freeze_slice(
            session,
            world_audience(world, launch),
            hash_value=cipher.hash,
            id_prefix="0" * 16,
            statement_timeout_ms=600_000,
        )
        during = (await session.execute(select(func.current_setting("statement_timeout")))).one()
    assert before[0] != "10min"
    assert during[0] == "10min"
    async with db.tenant_session(world.company.id) as session:
        after = (await session.execute(select(func.current_setting("statement_timeout")))).one()
    assert after == before


async def test_deliveries_are_written_in_contact_order_with_ascending_ids(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 50)
    launch = await request_launch(world)
    total = await freeze_audience(db, world_audience(world, launch), slices=3)
    async with db.tenant_session(world.company.id) as session:
        rows = (await session.execute(select(Delivery.id, Delivery.contact_id))).all()

    assert total == len(rows) == 50
    # The launch's prefix (its id's first 16 hex digits), the first attempt's number, then
    # the slice's number (the last range of contacts is slice 0), then the rank in contact
    # order: every id in the launch's range.
    low, last = launch_delivery_ids(launch.id)
    assert all(low <= delivery <= last for delivery, _ in rows)
    assert {delivery.hex[:18] for delivery, _ in rows} == {launch.id.hex[:16] + "00"}
    by_slice = sorted(rows, key=lambda row: (-int(row[0].hex[18:20], 16), row[0]))
    assert [contact for _, contact in by_slice] == sorted(contact for _, contact in rows)


async def test_a_resolution_cut_off_after_one_slice_completes_the_rest_when_run_again(
    db,
) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 200)
    launch = await request_launch(world)
    audience = world_audience(world, launch)
    first_half = contact_slices(2)[0]
    async with db.tenant_session(world.company.id) as session:
        cipher = await pii.cipher_for(session, world.company.id)
        written = await freeze_slice(
            session,
            audience,
            hash_value=cipher.hash,
            id_prefix=launch.id.hex[:16] + "0001",  # the first attempt's slice 1
            contact_range=first_half,
            relaunch=False,
        )
    assert 0 < written < 200

    assert await freeze_audience(db, audience, slices=2) == 200

    async with db.tenant_session(world.company.id) as session:
        rows = (await session.execute(select(Delivery.id, Delivery.contact_id))).all()
    assert sorted(contact for _, contact in rows) == sorted(contact.id for contact in contacts)
    # The second attempt numbers its ids after the first's: both in the launch's range.
    low, last = launch_delivery_ids(launch.id)
    assert all(low <= delivery <= last for delivery, _ in rows)
    assert {delivery.hex[16:18] for delivery, _ in rows} == {"00", "01"}


async def test_an_ab_test_without_a_wait_decides_once_the_sample_went_out(
    db, start_runtime
) -> None:
    """`wait_minutes: 0` is no wait after the sample, not a decision before any of it was
    sent (which would compare variants nobody received and give the tie to the control)."""
    slow = RecordingAdapter(delay_s=0.01)
    world = await make_world(db)
    await add_contacts(db, world.company, 200)
    await add_variants(world, 50, 50)
    launch = await request_launch(
        world, ab_test={"sample_percent": 50, "wait_minutes": 0, "metric": "open_rate"}
    )
    await start_runtime(recorder=slow, dispatch_concurrency=1, dispatch_batch_size=10)

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, timeout=30)
    done = await load_launch(db, launch.id)
    decision = done.parameters["ab_test"]
    sampled = sum(result["sent"] for result in decision["results"])
    assert done.sent_count == 200
    assert 60 <= sampled <= 140  # the whole sample (about half), counted at the decision


async def _skip_duplicates(db: Database, audience: Audience) -> int:
    shared = await shared_addresses(db, audience)
    async with db.tenant_session(audience.company_id) as session:
        return await skip_duplicate_addresses(session, audience, shared)


async def test_a_later_launch_skips_an_address_an_earlier_one_sent_to(db) -> None:
    world = await make_world(db)
    first_holder = await add_contacts(db, world.company, 1, prefix="desk")
    first = await request_launch(world)
    assert await freeze_audience(db, world_audience(world, first)) == 1
    assert await _skip_duplicates(db, world_audience(world, first)) == 0

    # A contact added since, with the address the first launch already sent to, and a
    # phone shared by two new ones: email is the launch's only channel, so phones don't count.
    newcomer = await add_contacts(db, world.company, 1, prefix="desk")
    fresh = await add_contacts(db, world.company, 2, prefix="new", phone="+15550009999")
    second = await request_launch(world)
    audience = world_audience(world, second)
    assert await freeze_audience(db, audience) == 3
    assert await _skip_duplicates(db, audience) == 1
    # Run again, it finds nothing new to skip.
    assert await _skip_duplicates(db, audience) == 0

    async with db.tenant_session(world.company.id) as session:
        rows = await session.execute(
            select(Delivery.contact_id, Delivery.launch_id, Delivery.delivery_status)
        )
        state = {(row[0], row[1]): row[2] for row in rows}
    assert state == {
        (first_holder[0].id, first.id): "pending",
        (newcomer[0].id, second.id): "skipped",
        (fresh[0].id, second.id): "pending",
        (fresh[1].id, second.id): "pending",
    }


async def test_sms_recipients_sharing_a_phone_get_one_message(db) -> None:
    world = await make_world(db)
    family = await add_contacts(db, world.company, 3, consent=("sms",), phone="+15550001111")
    launch = await request_launch(world, channels=["sms"])
    audience = world_audience(world, launch, channels=["sms"])
    assert await freeze_audience(db, audience, slices=2) == 3
    assert await _skip_duplicates(db, audience) == 2
    async with db.tenant_session(world.company.id) as session:
        rows = await session.execute(
            select(Delivery.contact_id, Delivery.delivery_status).order_by(Delivery.id)
        )
        ordered = rows.all()
    # The lowest delivery id is kept.
    assert [row[1] for row in ordered] == ["pending", "skipped", "skipped"]
    assert {row[0] for row in ordered} == {c.id for c in family}
