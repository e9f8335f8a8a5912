"""Segment rules: a segment belongs to an editable campaign and its criteria follow the
segment rule language (crm_common.segments, 422 with the offending paths)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from campaign_api.audit.service import record_change, record_update
from campaign_api.campaigns import rules as campaign_rules
from campaign_api.campaigns import service as campaign_service
from campaign_api.governance import service as governance
from campaign_api.segments import repository
from campaign_api.segments.errors import SegmentNotFound
from campaign_api.segments.schemas import (
    CRITERIA_FIELDS,
    SEGMENT_WRITABLE,
    AudienceAnalysis,
    SegmentRead,
    SegmentValidation,
    SegmentWarning,
    SegmentWritten,
)
from campaign_api.shared.values import snapshot
from crm_common.enums import SegmentType
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignSegment
from crm_common.pagination import PageParams
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.segments import ensure_pii_writable, ensure_valid_criteria, masked_criteria
from crm_common.tenancy import TenantScope

ENTITY = "campaign"
TYPE_CRITERIA = {
    SegmentType.DEMOGRAPHIC: "demographic_criteria",
    SegmentType.BEHAVIORAL: "behavioral_criteria",
    SegmentType.GEOGRAPHIC: "geographic_criteria",
    SegmentType.PSYCHOGRAPHIC: "psychographic_criteria",
}


def _walk(node: Any, conditions: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if "field" in node or "event" in node:
            conditions.append(node)
        for value in node.values():
            if isinstance(value, dict | list):
                _walk(value, conditions)
    elif isinstance(node, list):
        for item in node:
            _walk(item, conditions)


def analyse(segment: CampaignSegment) -> tuple[SegmentValidation, AudienceAnalysis]:
    """Warnings about valid rules that may not target what was meant, and a summary."""
    used = [name for name in CRITERIA_FIELDS if getattr(segment, name)]
    warnings: list[SegmentWarning] = []
    if not used:
        warnings.append(
            SegmentWarning(
                code="no_criteria",
                message="No criteria: the segment targets every contact of the company.",
            )
        )
    expected = TYPE_CRITERIA.get(SegmentType(segment.segment_type))
    if expected is not None and any(name != expected for name in used):
        warnings.append(
            SegmentWarning(
                code="segment_type_mismatch",
                field="segment_type",
                message=f"A {segment.segment_type} segment uses other criteria too; "
                "'mixed' describes it better.",
            )
        )
    conditions: list[dict[str, Any]] = []
    events: list[str] = []
    for name in used:
        found: list[dict[str, Any]] = []
        _walk(getattr(segment, name), found)
        conditions += found
        events += [str(c["event"]) for c in found if name == "behavioral_criteria" and "event" in c]
    evaluated = segment.last_evaluated_at is not None
    if evaluated and segment.actual_count == 0:
        warnings.append(
            SegmentWarning(code="empty_audience", message="The last evaluation matched nobody.")
        )
    analysis = AudienceAnalysis(
        criteria_used=used,
        condition_count=len(conditions),
        behavioural_events=sorted(set(events)),
        evaluated=evaluated,
        target_count=segment.target_count,
        actual_count=segment.actual_count,
        estimate_path="/api/segments/estimate/",
        evaluate_path=f"/api/segments/{segment.id}/evaluate/",
    )
    return SegmentValidation(valid=True, warnings=warnings), analysis


def readable(segment: CampaignSegment, principal: Principal) -> SegmentRead:
    """A segment as `principal` may read it: PII rule values masked without view_pii."""
    read = SegmentRead.model_validate(segment)
    trees = {name: getattr(read, name) for name in CRITERIA_FIELDS}
    view_pii = principal.has(Permission.VIEW_PII)
    return read.model_copy(update=masked_criteria(trees, view_pii=view_pii))


def written(segment: CampaignSegment, principal: Principal) -> SegmentWritten:
    validation, analysis = analyse(segment)
    return SegmentWritten(
        **readable(segment, principal).model_dump(),
        validation=validation,
        audience_analysis=analysis,
    )


def _audited(segment: CampaignSegment) -> dict[str, Any]:
    """The segment's writable fields for the audit log, PII rule values masked (the log is
    readable by every campaign reader and kept after a contact's erasure)."""
    values = snapshot(segment, SEGMENT_WRITABLE)
    return {**values, **masked_criteria(values, view_pii=False)}


async def get_segment(
    scope: TenantScope, segment_id: uuid.UUID, *, for_update: bool = False
) -> CampaignSegment:
    segment = await repository.get(scope, segment_id, for_update=for_update)
    if segment is None:
        raise SegmentNotFound()
    return segment


async def locked_for_write(
    scope: TenantScope, segment_id: uuid.UUID, expected_version: int | None = None
) -> tuple[Campaign, CampaignSegment]:
    """The segment and its campaign, both locked for this transaction: the campaign first,
    the order every writer of a campaign and its segments uses, so two writers never
    deadlock. A segment is part of its campaign: the campaign's version is its ETag, and a
    stale `expected_version` (If-Match) is a 412."""
    found = await get_segment(scope, segment_id)
    campaign = await campaign_service.load(
        scope, found.campaign_id, for_update=True, expected_version=expected_version
    )
    segment = await get_segment(scope, segment_id, for_update=True)
    return campaign, segment


async def list_segments(
    scope: TenantScope, params: PageParams, filters: dict[str, Any]
) -> tuple[Sequence[CampaignSegment], int]:
    """One page of segments matching `filters`, newest first."""
    return await repository.page(
        scope, repository.list_criteria(**filters), params.page_size, params.offset
    )


async def count_live(scope: TenantScope, campaign_id: uuid.UUID) -> int:
    return await repository.live_count(scope, campaign_id)


def _event(segment: CampaignSegment, changed: list[str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "campaign_id": segment.campaign_id,
        "segment_id": segment.id,
        "segment_type": segment.segment_type,
    }
    if changed is not None:
        data["changed"] = changed
    return data


async def create_segment(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    values: dict[str, Any],
) -> CampaignSegment:
    """Add a segment with valid criteria to a locked, editable campaign."""
    campaign_rules.ensure_editable(campaign)
    ensure_valid_criteria(values)
    ensure_pii_writable(values, None, view_pii=principal.has(Permission.VIEW_PII))
    now = datetime.now(UTC)
    segment = scope.add(
        CampaignSegment(
            id=uuid.uuid4(),
            campaign_id=campaign.id,
            created_at=now,
            updated_at=now,
            is_deleted=False,
            deleted_at=None,
            last_evaluated_at=None,
            **values,
        )
    )
    campaign_service.mark_changed(campaign, principal, now)
    await scope.session.flush()
    await scope.session.refresh(segment)
    await record_change(
        scope,
        principal,
        action="segment.created",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values={"segment_id": segment.id, **_audited(segment)},
        event_type=EventType.SEGMENT_CREATED,
        event_data=_event(segment),
    )
    await governance.content_changed(scope, principal, campaign, "segment_created")
    return segment


async def update_segment(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    segment: CampaignSegment,
    values: dict[str, Any],
) -> CampaignSegment:
    """Change a segment of a locked, editable campaign; criteria are validated again."""
    campaign_rules.ensure_editable(campaign)
    proposed = {name: values.get(name, getattr(segment, name)) for name in SEGMENT_WRITABLE}
    ensure_valid_criteria(proposed)
    stored = {name: getattr(segment, name) for name in CRITERIA_FIELDS}
    ensure_pii_writable(values, stored, view_pii=principal.has(Permission.VIEW_PII))
    before = _audited(segment)
    rules_changed = any(proposed[name] != stored[name] for name in CRITERIA_FIELDS)
    for name, value in values.items():
        setattr(segment, name, value)
    if rules_changed:
        # The counts were the old rules' audience: nothing is counted for the new ones until
        # the segment is evaluated again.
        segment.target_count = 0
        segment.actual_count = 0
        segment.last_evaluated_at = None
    segment.updated_at = datetime.now(UTC)
    if _audited(segment) != before:
        campaign_service.mark_changed(campaign, principal, segment.updated_at)
    await scope.session.flush()
    await record_update(
        scope,
        principal,
        before,
        _audited(segment),
        action="segment.updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        keys={"segment_id": segment.id},
        event_type=EventType.SEGMENT_UPDATED,
        event_data=lambda changed: _event(segment, changed),
    )
    await governance.content_changed(scope, principal, campaign, "segment_updated")
    return segment


async def delete_segment(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    segment: CampaignSegment,
) -> None:
    """Soft-delete a segment of a locked, editable campaign (its history stays)."""
    campaign_rules.ensure_editable(campaign)
    now = datetime.now(UTC)
    segment.is_deleted = True
    segment.deleted_at = now
    segment.updated_at = now
    campaign_service.mark_changed(campaign, principal, now)
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="segment.deleted",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"segment_id": segment.id, "segment_name": segment.segment_name},
        new_values={"segment_id": segment.id, "is_deleted": True},
        event_type=EventType.SEGMENT_DELETED,
        event_data=_event(segment),
    )
    await governance.content_changed(scope, principal, campaign, "segment_deleted")
