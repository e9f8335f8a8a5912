"""A campaign's sendable audience on a delivery channel: the union of its segments' rules
(compiled to one predicate over crm_contacts), minus contacts without consent for the channel,
suppressed ones and those without an address there. The launch worker freezes it into
deliveries; campaign-api counts it before accepting a launch, and the segment engine's
estimates and evaluations count it too — the same predicates (`exclusions`) for all three."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, false, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.crypto import pii
from crm_common.models import CampaignSegment, Contact
from crm_common.segments.compiler import CompileContext, compile_criteria
from crm_common.segments.conditions import Hasher
from crm_common.segments.exclusions import sendable_sql
from crm_common.segments.nodes import Criteria
from crm_common.segments.rules import stored_criteria

contacts = Contact.__table__


def segment_criteria(segment: CampaignSegment) -> Criteria:
    """A stored segment's rule trees (`SavedRulesInvalid`, 422, when they no longer pass)."""
    return stored_criteria(
        segment.id,
        {
            "demographic_criteria": segment.demographic_criteria,
            "behavioral_criteria": segment.behavioral_criteria,
            "geographic_criteria": segment.geographic_criteria,
            "psychographic_criteria": segment.psychographic_criteria,
        },
    )


def matched_predicate(
    segments: Sequence[CampaignSegment],
    company_id: uuid.UUID,
    now: datetime,
    hasher: Hasher | None = None,
) -> ColumnElement[bool]:
    """Contacts matching any of the segments (none without segments); `hasher`, the
    company's keyed hash, is what email equality rules compare with."""
    if not segments:
        return false()
    ctx = CompileContext(company_id, now, hasher=hasher)
    return or_(*(compile_criteria(segment_criteria(s), ctx) for s in segments))


async def company_hasher(session: AsyncSession, company_id: uuid.UUID) -> Hasher:
    """The company's keyed hash, which email equality rules compare with (emails are sealed
    at rest: crm_common.crypto)."""
    return (await pii.cipher_for(session, company_id)).hash


@dataclass(frozen=True)
class AudienceCount:
    matched: int
    sendable: int
    """Contacts sendable on at least one of the channels."""
    per_channel: dict[str, int]


async def count_audience(
    session: AsyncSession,
    company_id: uuid.UUID,
    segments: Sequence[CampaignSegment],
    channels: Sequence[str],
    now: datetime,
) -> AudienceCount:
    """Count matched and sendable contacts in one pass over the company's contacts."""
    matched = matched_predicate(
        segments, company_id, now, await company_hasher(session, company_id)
    )
    per_channel = {ch: sendable_sql(ch, company_id) for ch in channels}
    anywhere = or_(*per_channel.values()) if per_channel else false()
    columns = [
        func.count().label("matched"),
        func.count().filter(anywhere).label("sendable"),
        *(func.count().filter(p).label(f"ch_{ch}") for ch, p in per_channel.items()),
    ]
    row = (
        await session.execute(
            select(*columns)
            .select_from(contacts)
            .where(contacts.c.company_id == company_id, matched)
        )
    ).one()
    return AudienceCount(
        matched=row.matched,
        sendable=row.sendable,
        per_channel={ch: row._mapping[f"ch_{ch}"] for ch in per_channel},
    )
