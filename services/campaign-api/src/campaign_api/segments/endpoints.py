"""Campaign-segment endpoints."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from campaign_api.campaigns import service as campaign_service
from campaign_api.campaigns.deps import (
    CampaignCacheDep,
    CampaignEditor,
    CampaignReader,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound
from campaign_api.segments import service
from campaign_api.segments.errors import SegmentNotFound
from campaign_api.segments.schemas import (
    SegmentCreate,
    SegmentPage,
    SegmentRead,
    SegmentReplace,
    SegmentUpdate,
    SegmentWritten,
)
from campaign_api.shared.responses import respond
from crm_common.concurrency import ExpectedVersion, etag
from crm_common.deps import Scope
from crm_common.enums import SegmentType
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed, ValidationFailed
from crm_common.errors import error_responses as errors
from crm_common.models import Campaign, CampaignSegment
from crm_common.pagination import Pagination, make_page
from crm_common.security.principal import Principal
from crm_common.segments import PiiRuleDenied, RuleValidationError

router = APIRouter(prefix="/api/campaign-segments", tags=["segments"], responses=COMMON_RESPONSES)

SegmentId = Annotated[uuid.UUID, Path(description="The segment's id.")]


@router.get("/", response_model=SegmentPage, summary="List campaign segments")
async def list_segments(
    principal: CampaignReader,
    scope: Scope,
    pagination: Pagination,
    campaign_id: uuid.UUID | None = None,
    segment_type: SegmentType | None = None,
    target_count_min: Annotated[int | None, Query(ge=0, le=2_000_000_000)] = None,
    target_count_max: Annotated[int | None, Query(ge=0, le=2_000_000_000)] = None,
    target_count_range: Annotated[
        str | None,
        Query(
            pattern=r"^\d{0,9}[-,]\d{0,9}$",
            description="`min-max` (either end may be left out), a shorthand for "
            "target_count_min and target_count_max.",
        ),
    ] = None,
    search: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
) -> dict[str, Any]:
    """List segments, filtered by campaign, type, target-count range or name."""
    if target_count_range is not None:
        low, _, high = target_count_range.replace(",", "-").partition("-")
        target_count_min = int(low) if low else target_count_min
        target_count_max = int(high) if high else target_count_max
    if (
        target_count_min is not None
        and target_count_max is not None
        and target_count_min > target_count_max
    ):
        raise ValidationFailed(
            details={"fields": {"target_count_max": ["must not be below target_count_min"]}}
        )
    filters = {
        "campaign_id": campaign_id,
        "segment_type": segment_type.value if segment_type else None,
        "target_count_min": target_count_min,
        "target_count_max": target_count_max,
        "search": search,
    }
    rows, total = await service.list_segments(scope, pagination, filters)
    echoed = {k: (str(v) if isinstance(v, uuid.UUID) else v) for k, v in filters.items()}
    page = make_page([service.readable(row, principal) for row in rows], total, pagination, echoed)
    return respond(page, principal)


@router.post(
    "/",
    status_code=201,
    response_model=SegmentWritten,
    summary="Add a segment to a campaign",
    responses=errors(
        CampaignNotFound, PreconditionFailed, CampaignLocked, RuleValidationError, PiiRuleDenied
    ),
)
async def create_segment(
    body: SegmentCreate,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    expected: ExpectedVersion,
    cache: CampaignCacheDep,
) -> SegmentWritten:
    """Add a segment with valid rules to a campaign; returns its validation and audience. A
    segment is part of its campaign: If-Match names the campaign's version, and the answer's
    ETag is the campaign's new one."""
    campaign = await campaign_service.load(
        scope, body.campaign_id, for_update=True, expected_version=expected
    )
    await cache.invalidate(scope.company_id, campaign.id, session=scope.session)
    values = body.model_dump(exclude={"campaign_id"})
    segment = await service.create_segment(scope, principal, campaign, values)
    return _written(segment, campaign.version, principal, response)


@router.get(
    "/{segment_id}/",
    response_model=SegmentWritten,
    summary="Get a campaign segment",
    responses=errors(SegmentNotFound),
)
async def get_segment(
    segment_id: SegmentId, principal: CampaignReader, scope: Scope, response: Response
) -> SegmentWritten:
    """Get a segment with its validation results and audience analysis; the ETag is its
    campaign's version (what a write's If-Match names)."""
    segment = await service.get_segment(scope, segment_id)
    campaign = await campaign_service.load(scope, segment.campaign_id)
    return _written(segment, campaign.version, principal, response)


def _written(
    segment: CampaignSegment, version: int, principal: Principal, response: Response
) -> SegmentWritten:
    return respond(
        service.written(segment, principal), principal, response, headers={"ETag": etag(version)}
    )


async def _locked(
    scope: Scope, cache: CampaignCacheDep, segment_id: uuid.UUID, expected: int | None
) -> tuple[Campaign, CampaignSegment]:
    """The segment and its campaign locked for a write (a stale If-Match is a 412), the
    campaign's cached renderings dropped: its version and its segments change."""
    campaign, segment = await service.locked_for_write(scope, segment_id, expected)
    await cache.invalidate(scope.company_id, campaign.id, session=scope.session)
    return campaign, segment


_WRITE_ERRORS = errors(
    SegmentNotFound, PreconditionFailed, CampaignLocked, RuleValidationError, PiiRuleDenied
)


@router.put(
    "/{segment_id}/",
    response_model=SegmentWritten,
    summary="Replace a campaign segment",
    responses=_WRITE_ERRORS,
)
async def replace_segment(
    segment_id: SegmentId,
    body: SegmentReplace,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    expected: ExpectedVersion,
    cache: CampaignCacheDep,
) -> SegmentWritten:
    """Replace a segment's name, type and criteria (validated again)."""
    campaign, segment = await _locked(scope, cache, segment_id, expected)
    segment = await service.update_segment(scope, principal, campaign, segment, body.model_dump())
    return _written(segment, campaign.version, principal, response)


@router.patch(
    "/{segment_id}/",
    response_model=SegmentWritten,
    summary="Update a campaign segment",
    responses=_WRITE_ERRORS,
)
async def patch_segment(
    segment_id: SegmentId,
    body: SegmentUpdate,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    expected: ExpectedVersion,
    cache: CampaignCacheDep,
) -> SegmentWritten:
    """Change some of a segment's fields (criteria validated again)."""
    campaign, segment = await _locked(scope, cache, segment_id, expected)
    values = body.model_dump(exclude_unset=True)
    segment = await service.update_segment(scope, principal, campaign, segment, values)
    return _written(segment, campaign.version, principal, response)


@router.delete(
    "/{segment_id}/",
    status_code=200,
    response_model=SegmentRead,
    summary="Delete a campaign segment",
    responses=errors(SegmentNotFound, PreconditionFailed, CampaignLocked),
)
async def delete_segment(
    segment_id: SegmentId,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    expected: ExpectedVersion,
    cache: CampaignCacheDep,
) -> SegmentRead:
    """Soft-delete a segment (its history stays)."""
    campaign, segment = await _locked(scope, cache, segment_id, expected)
    await service.delete_segment(scope, principal, campaign, segment)
    return respond(
        service.readable(segment, principal),
        principal,
        response,
        headers={"ETag": etag(campaign.version)},
    )
