"""Membership integrity without per-row foreign keys (migration 0002): statement triggers
refuse members of another company or of nothing, deleting a contact or a segment removes its
memberships, and a contact deletion racing an evaluation never leaves a member behind."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from httpx import AsyncClient
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import DBAPIError

from crm_common.db import Database
from crm_common.models import CampaignSegment, Contact, SegmentMembership

from .conftest import Audience, make_segment
from .test_evaluate import US_OR_FIJI, evaluate, member_ids

BLOCKED_FOR = 0.5  # seconds a blocked statement is given to (wrongly) finish


async def add_member(
    db: Database,
    company_id: uuid.UUID,
    segment_id: uuid.UUID,
    contact_id: uuid.UUID,
    *,
    platform: bool = False,
) -> None:
    """Insert one membership as the tenant (or as the platform role, which sees every tenant)."""
    opened = db.system_session() if platform else db.tenant_session(company_id)
    async with opened as session:
        session.add(
            SegmentMembership(company_id=company_id, segment_id=segment_id, contact_id=contact_id)
        )
        await session.flush()


async def test_a_member_must_be_a_contact_of_the_segments_company(
    db: Database, audience: Audience
) -> None:
    acme = audience.acme.company.id
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    for contact_id in (uuid.uuid4(), audience.twin_id):  # nobody, and Globex's twin of c1
        with pytest.raises(DBAPIError, match="is not a contact of company"):
            await add_member(db, acme, segment.id, contact_id)
    # The platform role sees every tenant, and still cannot mix them.
    with pytest.raises(DBAPIError, match="is not a contact of company"):
        await add_member(db, acme, segment.id, audience.twin_id, platform=True)
    with pytest.raises(DBAPIError, match="is not a segment of company"):
        await add_member(
            db, audience.globex.company.id, segment.id, audience.twin_id, platform=True
        )
    await add_member(db, acme, segment.id, audience.ids["c1"])
    assert await member_ids(db, segment.id) == {audience.ids["c1"]}


async def test_deleting_contacts_and_segments_deletes_their_memberships(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    headers = audience.acme.manager
    first = await make_segment(db, audience.campaign, name="One", **US_OR_FIJI)
    second = await make_segment(db, audience.campaign, name="Two", **US_OR_FIJI)
    await evaluate(client, headers, first.id)
    await evaluate(client, headers, second.id)
    c1 = audience.ids["c1"]
    members = await member_ids(db, first.id)
    assert c1 in members
    assert len(members) > 1

    response = await client.delete(f"/api/contacts/{c1}/", headers=audience.acme.admin)
    assert response.status_code == 204, response.text
    assert await member_ids(db, first.id) == await member_ids(db, second.id) == members - {c1}

    async with db.system_session() as session:
        await session.execute(delete(CampaignSegment).where(CampaignSegment.id == first.id))
    assert await member_ids(db, first.id) == set()
    assert await member_ids(db, second.id) == members - {c1}


async def test_ids_and_companies_of_referenced_rows_never_change(
    db: Database, audience: Audience
) -> None:
    globex = audience.globex.company.id
    with pytest.raises(DBAPIError, match="never change"):
        async with db.system_session() as session:
            await session.execute(
                update(Contact).where(Contact.id == audience.ids["c1"]).values(company_id=globex)
            )
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    with pytest.raises(DBAPIError, match="never change"):
        async with db.system_session() as session:
            await session.execute(
                update(CampaignSegment)
                .where(CampaignSegment.id == segment.id)
                .values(id=uuid.uuid4())
            )


async def test_a_deletion_waits_for_an_evaluation_in_flight_and_removes_its_members(
    db: Database, audience: Audience
) -> None:
    acme = audience.acme.company.id
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    c1 = audience.ids["c1"]
    async with db.tenant_session(acme) as writer:
        writer.add(SegmentMembership(company_id=acme, segment_id=segment.id, contact_id=c1))
        await writer.flush()  # the check trigger holds the shared lock from here on

        async def delete_c1() -> None:
            async with db.tenant_session(acme) as session:
                await session.execute(delete(Contact).where(Contact.id == c1))

        deletion = asyncio.create_task(delete_c1())
        done, _ = await asyncio.wait({deletion}, timeout=BLOCKED_FOR)
        assert not done, "the deletion must wait for the writer's transaction"
    await deletion
    assert await member_ids(db, segment.id) == set()
    async with db.system_session() as session:
        assert await session.scalar(select(func.count()).where(Contact.id == c1)) == 0


async def test_an_evaluation_waits_for_a_deletion_in_flight(
    client: AsyncClient, db: Database, audience: Audience
) -> None:
    acme = audience.acme.company.id
    segment = await make_segment(db, audience.campaign, **US_OR_FIJI)
    c1 = audience.ids["c1"]
    async with db.tenant_session(acme) as deleting:
        await deleting.execute(delete(Contact).where(Contact.id == c1))
        evaluation = asyncio.create_task(evaluate(client, audience.acme.manager, segment.id))
        done, _ = await asyncio.wait({evaluation}, timeout=BLOCKED_FOR)
        assert not done, "the evaluation must wait for the deletion's transaction"
    result = await evaluation
    members = await member_ids(db, segment.id)
    assert c1 not in members
    assert result["sendable"] == len(members) > 0


async def test_contacts_are_deleted_at_read_committed_only(
    db: Database, audience: Audience
) -> None:
    engine = db.app_engine.execution_options(isolation_level="REPEATABLE READ")
    with pytest.raises(DBAPIError, match="READ COMMITTED"):
        async with engine.begin() as connection:
            await connection.execute(
                select(func.set_config("app.company_id", str(audience.acme.company.id), True))
            )
            await connection.execute(delete(Contact).where(Contact.id == audience.ids["c1"]))
