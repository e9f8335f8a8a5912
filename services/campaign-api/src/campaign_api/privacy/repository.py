"""The consent summary query and the company settings update, scoped to the tenant."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, case, func, literal, select, update
from sqlalchemy.dialects.postgresql import JSONB

from crm_common.models import CampaignSegment, Company, Contact, ContactConsent
from crm_common.segments.audience import company_hasher, matched_predicate
from crm_common.tenancy import TenantScope

contacts = Contact.__table__
consents = ContactConsent.__table__


async def segments(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[CampaignSegment]:
    return await scope.all(
        scope.select(
            CampaignSegment,
            CampaignSegment.campaign_id == campaign_id,
            CampaignSegment.is_deleted.is_(False),
        )
    )


async def consent_counts(
    scope: TenantScope,
    audience: Sequence[CampaignSegment],
    channels: Sequence[str],
    now: datetime,
) -> tuple[int, list[tuple[str, str, str | None, int]]]:
    """Contacts matched, and (channel, status, legal basis, count) of their recorded consent."""
    hasher = await company_hasher(scope.session, scope.company_id)
    matched = matched_predicate(audience, scope.company_id, now, hasher)
    total = (
        await scope.session.execute(
            select(func.count())
            .select_from(contacts)
            .where(contacts.c.company_id == scope.company_id, matched)
        )
    ).scalar_one()
    if not channels or not total:
        return total, []
    status = case(
        (and_(consents.c.granted, consents.c.expires_at <= now), literal("expired")),
        (consents.c.granted, literal("granted")),
        (consents.c.pending, literal("pending")),
        else_=literal("withdrawn"),
    )
    basis = case((status == "withdrawn", None), else_=consents.c.legal_basis)
    statement = (
        select(consents.c.channel, status, basis, func.count())
        .select_from(
            contacts.join(
                consents,
                and_(
                    consents.c.contact_id == contacts.c.id,
                    consents.c.company_id == scope.company_id,
                ),
            )
        )
        .where(contacts.c.company_id == scope.company_id, matched, consents.c.channel.in_(channels))
        .group_by(consents.c.channel, status, basis)
    )
    rows = [(r[0], r[1], r[2], r[3]) for r in await scope.session.execute(statement)]
    return total, rows


async def company_settings(scope: TenantScope) -> dict[str, Any]:
    found = (
        await scope.session.execute(select(Company.settings).where(Company.id == scope.company_id))
    ).scalar_one_or_none()
    return dict(found or {})


async def merge_settings(scope: TenantScope, values: dict[str, Any]) -> dict[str, Any]:
    """Merge `values` into the company's settings in one statement (other keys untouched by
    concurrent writers); the settings after."""
    statement = (
        update(Company)
        .where(Company.id == scope.company_id)
        .values(
            settings=Company.settings.op("||")(bindparam("patch", values, type_=JSONB)),
            updated_at=func.now(),
        )
        .returning(Company.settings)
    )
    return dict((await scope.session.execute(statement)).scalar_one())
