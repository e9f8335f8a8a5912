"""Campaign-segment queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement, func

from campaign_api.shared.pages import like_pattern
from crm_common.models import CampaignSegment
from crm_common.tenancy import TenantScope


async def get(
    scope: TenantScope, segment_id: uuid.UUID, *, for_update: bool = False
) -> CampaignSegment | None:
    """A live segment by id (locked with `for_update`)."""
    statement = scope.select(
        CampaignSegment, CampaignSegment.id == segment_id, ~CampaignSegment.is_deleted
    )
    if for_update:
        statement = statement.with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


def list_criteria(
    *,
    campaign_id: uuid.UUID | None,
    segment_type: str | None,
    target_count_min: int | None,
    target_count_max: int | None,
    search: str | None,
) -> list[ColumnElement[bool]]:
    """The filters of the segment list as criteria (deleted segments never match)."""
    criteria: list[ColumnElement[bool]] = [~CampaignSegment.is_deleted]
    if campaign_id is not None:
        criteria.append(CampaignSegment.campaign_id == campaign_id)
    if segment_type is not None:
        criteria.append(CampaignSegment.segment_type == segment_type)
    if target_count_min is not None:
        criteria.append(CampaignSegment.target_count >= target_count_min)
    if target_count_max is not None:
        criteria.append(CampaignSegment.target_count <= target_count_max)
    if search:
        criteria.append(CampaignSegment.segment_name.ilike(like_pattern(search), escape="\\"))
    return criteria


async def page(
    scope: TenantScope, criteria: list[ColumnElement[bool]], limit: int, offset: int
) -> tuple[Sequence[CampaignSegment], int]:
    """One page of segments matching `criteria`, newest first, and their total."""
    total = int((await scope.session.execute(scope.count(CampaignSegment, *criteria))).scalar_one())
    statement = (
        scope.select(CampaignSegment, *criteria)
        .order_by(CampaignSegment.created_at.desc(), CampaignSegment.id.desc())
        .limit(limit)
        .offset(offset)
    )
    return await scope.all(statement), total


async def live_count(scope: TenantScope, campaign_id: uuid.UUID) -> int:
    """How many live segments the campaign has."""
    statement = scope.select(
        CampaignSegment,
        CampaignSegment.campaign_id == campaign_id,
        ~CampaignSegment.is_deleted,
    ).with_only_columns(func.count())
    return int((await scope.session.execute(statement)).scalar_one())
