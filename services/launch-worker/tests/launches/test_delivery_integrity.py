"""Deliveries and campaign-contact links keep the guarantees of foreign keys, checked per
statement (migration 0008): no row names a contact, campaign, launch or variant missing from
its company, deleting a contact takes its rows along, a launch with deliveries stays, and
the keys of a row never change."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

import pytest
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from crm_common.db import Database
from crm_common.models import CampaignContact, Contact, Delivery, Launch, delivered_to
from crm_common.testing.builders import make_email_campaign
from launch_worker.audience.service import freeze_audience, link_audience

from .conftest import (
    World,
    add_contacts,
    add_variants,
    make_world,
    request_launch,
    world_audience,
)


def _delivery(world: World, launch: Launch, contact_id: uuid.UUID, **changes: Any) -> Delivery:
    values: dict[str, Any] = {
        "id": uuid.uuid4(),
        "company_id": world.company.id,
        "launch_id": launch.id,
        "campaign_id": world.campaign.id,
        "contact_id": contact_id,
        "channel": "email",
        **changes,
    }
    return Delivery(**values)


async def _refused(db: Database, row: Any) -> str:
    with pytest.raises(IntegrityError) as caught:
        async with db.system_session() as session:
            session.add(row)
    return str(caught.value.orig)


async def _resolve(db: Database, world: World, launch: Launch) -> int:
    """Freeze the launch's audience and link its recipients, as the launcher does."""
    audience = world_audience(world, launch)
    total = await freeze_audience(db, audience, slices=2)
    async with db.tenant_session(world.company.id) as session:
        await link_audience(
            session,
            company_id=world.company.id,
            campaign_id=world.campaign.id,
            launch_id=launch.id,
            now=audience.now,
        )
    return total


async def test_a_delivery_to_another_companys_contact_is_refused(db) -> None:
    ours, theirs = await make_world(db), await make_world(db)
    (stranger,) = await add_contacts(db, theirs.company, 1)
    launch = await request_launch(ours)

    message = await _refused(db, _delivery(ours, launch, stranger.id))

    assert f"contact {stranger.id} is not a contact of company {ours.company.id}" in message


async def test_one_foreign_contact_among_many_refuses_the_whole_statement(db) -> None:
    ours, theirs = await make_world(db), await make_world(db)
    contacts = await add_contacts(db, ours.company, 300)
    (stranger,) = await add_contacts(db, theirs.company, 1)
    launch = await request_launch(ours)

    with pytest.raises(IntegrityError) as caught:
        async with db.system_session() as session:
            session.add_all([_delivery(ours, launch, c.id) for c in [*contacts, stranger]])

    assert f"contact {stranger.id} is not a contact of company {ours.company.id}" in str(
        caught.value.orig
    )
    async with db.system_session() as session:
        assert await session.scalar(select(func.count()).select_from(Delivery)) == 0


@pytest.mark.parametrize("key", ["launch_id", "campaign_id", "variant_id"])
async def test_a_delivery_naming_a_missing_parent_is_refused(db, key: str) -> None:
    world = await make_world(db)
    (contact,) = await add_contacts(db, world.company, 1)
    launch = await request_launch(world)

    message = await _refused(db, _delivery(world, launch, contact.id, **{key: uuid.uuid4()}))

    assert "is not a" in message
    assert str(world.company.id) in message


async def test_a_delivery_naming_another_companys_launch_is_refused(db) -> None:
    ours, theirs = await make_world(db), await make_world(db)
    (contact,) = await add_contacts(db, ours.company, 1)
    their_launch = await request_launch(theirs)

    message = await _refused(db, _delivery(ours, their_launch, contact.id))

    assert f"launch {their_launch.id} is not a launch of company {ours.company.id}" in message


async def test_a_campaign_contact_link_to_a_missing_contact_is_refused(db) -> None:
    world = await make_world(db)
    missing = uuid.uuid4()
    link = CampaignContact(
        company_id=world.company.id, campaign_id=world.campaign.id, contact_id=missing
    )

    message = await _refused(db, link)

    assert f"contact {missing} is not a contact of company" in message


async def test_a_second_delivery_for_the_same_contact_and_channel_is_refused(db) -> None:
    world = await make_world(db)
    (contact,) = await add_contacts(db, world.company, 1)
    launch = await request_launch(world)
    async with db.system_session() as session:
        session.add(_delivery(world, launch, contact.id))

    message = await _refused(db, _delivery(world, launch, contact.id))

    assert "uq_crm_deliveries_campaign_id_contact_id_channel" in message


async def test_deleting_a_contact_deletes_its_deliveries_and_links(db) -> None:
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 3)
    launch = await request_launch(world)
    assert await _resolve(db, world, launch) == 3

    async with db.system_session() as session:
        await session.execute(delete(Contact).where(Contact.id == contacts[0].id))

    async with db.system_session() as session:
        delivered = set(
            (
                await session.execute(
                    select(Delivery.contact_id).where(Delivery.launch_id == launch.id)
                )
            ).scalars()
        )
        linked = set(
            (
                await session.execute(
                    select(CampaignContact.contact_id).where(
                        CampaignContact.campaign_id == world.campaign.id
                    )
                )
            ).scalars()
        )
    assert delivered == linked == {contacts[1].id, contacts[2].id}


async def test_a_contact_is_found_and_deleted_through_every_campaign_of_its_company(db) -> None:
    # Deliveries have no contact index (migration 0018): a contact's deliveries are found
    # through the unique key, campaign by campaign — in the tenant's own session too.
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 4)
    campaign, segment = await make_email_campaign(
        db, world.company, world.user, content="<p>Hi</p>", subject="Hi"
    )
    second = dataclasses.replace(world, campaign=campaign, segment=segment)
    other = await make_world(db)
    await add_contacts(db, other.company, 2)
    for each in (world, second, other):
        await _resolve(db, each, await request_launch(each))
    gone = [contacts[0].id, contacts[1].id]

    async with db.tenant_session(world.company.id) as session:
        found = (
            await session.execute(
                select(Delivery.campaign_id).where(delivered_to(world.company.id, gone[0]))
            )
        ).scalars()
        assert set(found) == {world.campaign.id, campaign.id}
        await session.execute(delete(Contact).where(Contact.id.in_(gone)))

    async with db.system_session() as session:
        left = (
            await session.execute(
                select(Delivery.company_id, func.count())
                .group_by(Delivery.company_id)
                .where(Delivery.company_id.in_([world.company.id, other.company.id]))
            )
        ).all()
        named = (
            await session.execute(select(func.count()).where(Delivery.contact_id.in_(gone)))
        ).scalar_one()
    assert dict(left) == {world.company.id: 4, other.company.id: 2}
    assert named == 0


async def test_a_launch_with_deliveries_cannot_be_deleted(db) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 2)
    launch = await request_launch(world)
    await _resolve(db, world, launch)

    with pytest.raises(IntegrityError, match="still has deliveries"):
        async with db.system_session() as session:
            await session.execute(delete(Launch).where(Launch.id == launch.id))


async def test_deleting_a_variant_clears_it_from_its_deliveries(db) -> None:
    world = await make_world(db)
    (contact,) = await add_contacts(db, world.company, 1)
    (variant,) = await add_variants(world, 100)
    launch = await request_launch(world)
    async with db.system_session() as session:
        session.add(_delivery(world, launch, contact.id, variant_id=variant.id))

    async with db.system_session() as session:
        await session.delete(variant)

    async with db.system_session() as session:
        left = await session.execute(
            select(func.count()).where(
                Delivery.launch_id == launch.id, Delivery.variant_id.is_not(None)
            )
        )
        assert left.scalar_one() == 0


async def test_a_variant_given_later_must_exist(db) -> None:
    world = await make_world(db)
    (contact,) = await add_contacts(db, world.company, 1)
    launch = await request_launch(world)
    async with db.system_session() as session:
        session.add(_delivery(world, launch, contact.id))

    with pytest.raises(IntegrityError, match="is not an A/B variant"):
        async with db.system_session() as session:
            await session.execute(
                update(Delivery)
                .where(Delivery.launch_id == launch.id)
                .values(variant_id=uuid.uuid4())
            )


async def test_the_contact_of_a_delivery_never_changes(db) -> None:
    world = await make_world(db)
    first, second = await add_contacts(db, world.company, 2)
    launch = await request_launch(world)
    async with db.system_session() as session:
        session.add(_delivery(world, launch, first.id))

    with pytest.raises(DBAPIError, match="never change"):
        async with db.system_session() as session:
            await session.execute(
                update(Delivery).where(Delivery.launch_id == launch.id).values(contact_id=second.id)
            )


async def test_a_tenant_cannot_write_a_delivery_for_another_company(db) -> None:
    ours, theirs = await make_world(db), await make_world(db)
    (contact,) = await add_contacts(db, theirs.company, 1)
    launch = await request_launch(theirs)

    with pytest.raises(DBAPIError, match="row-level security"):
        async with db.tenant_session(ours.company.id) as session:
            session.add(_delivery(theirs, launch, contact.id))
