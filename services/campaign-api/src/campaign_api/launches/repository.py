"""Launch queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func

from crm_common.enums import DeliveryStatus, LaunchStatus
from crm_common.models import AbVariant, CampaignSegment, CampaignTemplateLink, Delivery, Launch
from crm_common.pagination import PageParams, paginate
from crm_common.tenancy import TenantScope

IN_FLIGHT = (
    LaunchStatus.REQUESTED,
    LaunchStatus.SCHEDULED,
    LaunchStatus.RESOLVING,
    LaunchStatus.SENDING,
    LaunchStatus.PAUSED,
)


async def in_flight(scope: TenantScope, campaign_id: uuid.UUID) -> Launch | None:
    """The campaign's latest launch that has not ended, if any."""
    statement = (
        scope.select(Launch, Launch.campaign_id == campaign_id, Launch.launch_status.in_(IN_FLIGHT))
        .order_by(Launch.created_at.desc())
        .limit(1)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def live_segments(
    scope: TenantScope, campaign_id: uuid.UUID, ids: Sequence[uuid.UUID]
) -> Sequence[CampaignSegment]:
    """The campaign's live segments among `ids`."""
    statement = scope.select(
        CampaignSegment,
        CampaignSegment.campaign_id == campaign_id,
        ~CampaignSegment.is_deleted,
        CampaignSegment.id.in_(ids),
    )
    return await scope.all(statement)


async def live_segment_ids(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[uuid.UUID]:
    """The ids of the campaign's live segments, oldest first."""
    statement = (
        scope.select(
            CampaignSegment,
            CampaignSegment.campaign_id == campaign_id,
            ~CampaignSegment.is_deleted,
        )
        .with_only_columns(CampaignSegment.id)
        .order_by(CampaignSegment.created_at)
    )
    return list((await scope.session.execute(statement)).scalars().all())


async def has_message(scope: TenantScope, campaign_id: uuid.UUID) -> bool:
    """Whether the launch worker finds a message to send: a template linked to the campaign
    (every variant falls back to it), else variants that each have a template or content of
    their own."""
    linked = scope.select(
        CampaignTemplateLink, CampaignTemplateLink.campaign_id == campaign_id
    ).with_only_columns(CampaignTemplateLink.template_id)
    if (await scope.session.execute(linked.limit(1))).first() is not None:
        return True
    variants = scope.select(AbVariant, AbVariant.campaign_id == campaign_id).with_only_columns(
        AbVariant.template_id, AbVariant.content
    )
    rows = (await scope.session.execute(variants)).all()
    return bool(rows) and all(
        template_id is not None or (content or "").strip() for template_id, content in rows
    )


async def page_of_campaign(
    scope: TenantScope, campaign_id: uuid.UUID, params: PageParams
) -> tuple[Sequence[Launch], int]:
    """One page of the campaign's launches, newest first."""
    statement = scope.select(Launch, Launch.campaign_id == campaign_id).order_by(
        Launch.created_at.desc(), Launch.id.desc()
    )
    rows, total, _ = await paginate(scope.session, statement, params)
    return rows, total


async def get(scope: TenantScope, launch_id: uuid.UUID) -> Launch | None:
    return await scope.get(Launch, launch_id)


async def recent_failures(
    scope: TenantScope, launch_id: uuid.UUID, limit: int = 20
) -> Sequence[Delivery]:
    """The launch's latest failed deliveries."""
    statement = (
        scope.select(
            Delivery,
            Delivery.launch_id == launch_id,
            Delivery.delivery_status == DeliveryStatus.FAILED,
        )
        .order_by(Delivery.updated_at.desc())
        .limit(limit)
    )
    return await scope.all(statement)


async def variant_count(scope: TenantScope, campaign_id: uuid.UUID) -> int:
    """How many A/B variants the campaign has."""
    counted = scope.select(AbVariant, AbVariant.campaign_id == campaign_id).with_only_columns(
        func.count()
    )
    return int((await scope.session.execute(counted)).scalar_one())
