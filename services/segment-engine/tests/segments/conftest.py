"""Builders for the segment API tests: the hand-made audience of the compiler tests loaded into
the Acme tenant (a twin of c1 in Globex), campaigns, segments and suppressions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from crm_common.crypto import pii
from crm_common.db import Database
from crm_common.models import Campaign, CampaignSegment, Suppression

from ..conftest import Tenant
from ..rules.conftest import CONTACTS, EVENTS, insert_contacts, insert_events, make_campaign


@dataclass
class Audience:
    acme: Tenant
    globex: Tenant
    campaign: Campaign
    ids: dict[str, uuid.UUID]
    twin_id: uuid.UUID

    def names(self, ids: list[str] | set[str]) -> set[str]:
        by_id = {str(value): key for key, value in self.ids.items()}
        return {by_id.get(str(contact_id), "foreign") for contact_id in ids}


async def make_segment(
    db: Database, campaign: Campaign, *, name: str = "Segment", **criteria: dict[str, Any]
) -> CampaignSegment:
    segment = CampaignSegment(
        company_id=campaign.company_id,
        campaign_id=campaign.id,
        segment_name=name,
        segment_type="mixed",
        **criteria,
    )
    async with db.system_session() as session:
        session.add(segment)
    return segment


async def suppress(
    db: Database,
    company_id: uuid.UUID,
    address: str,
    *,
    channel: str | None = "email",
    contact_id: uuid.UUID | None = None,
) -> None:
    async with db.system_session() as session:
        cipher = await pii.cipher_for(session, company_id)
        row_id = uuid.uuid4()
        session.add(
            Suppression(
                id=row_id,
                company_id=company_id,
                channel=channel,
                contact_id=contact_id,
                reason="unsubscribe",
                **pii.seal_suppression(cipher, row_id, address),
            )
        )


@pytest.fixture
async def audience(db: Database, acme: Tenant, globex: Tenant) -> Audience:
    campaign = await make_campaign(db, acme.company)
    ids = await insert_contacts(db, acme.company.id, CONTACTS)
    now = datetime.now(UTC)
    await insert_events(db, acme.company.id, ids, EVENTS, campaign.id, now=now)
    twin = await insert_contacts(db, globex.company.id, {"c1": CONTACTS["c1"]})
    await insert_events(db, globex.company.id, twin, [e for e in EVENTS if e[0] == "c1"], now=now)
    return Audience(acme, globex, campaign, ids, twin["c1"])
