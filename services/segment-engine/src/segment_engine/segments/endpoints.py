"""`/api/segments/…`: rule schema, validation, estimates, evaluation, members, explanations."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Depends

from crm_common.deps import AppResources, Scope
from crm_common.errors import COMMON_RESPONSES, ValidationFailed
from crm_common.pagination import Page, Pagination
from crm_common.security.principal import current_principal
from crm_common.segments import PiiRuleDenied
from segment_engine.segments import service
from segment_engine.segments.deps import SegmentsEvaluate, SegmentsRead
from segment_engine.segments.errors import (
    CampaignNotFound,
    ContactNotFound,
    SavedRulesInvalid,
    SegmentNotFound,
)
from segment_engine.segments.schemas import (
    CriteriaBody,
    Estimate,
    EstimateRequest,
    EvaluationRead,
    Explanation,
    ValidationResult,
)

router = APIRouter(
    prefix="/api/segments",
    tags=["segments"],
    dependencies=[Depends(current_principal)],
    responses=COMMON_RESPONSES,
)

_RULES_INVALID = ValidationFailed.openapi(
    "The rules are not valid; `details.fields` maps each offending path to its messages."
)


@router.get("/schema/")
async def rules_schema(_: SegmentsRead) -> dict[str, Any]:
    """The JSON Schema of the segment rule language."""
    return service.schema()


@router.post("/validate/", responses={**_RULES_INVALID, **PiiRuleDenied.openapi()})
async def validate_rules(body: CriteriaBody, principal: SegmentsRead) -> ValidationResult:
    """Check segment rules; 422 names every offending path, 403 rules on personal data
    without view_pii."""
    service.validate(principal, body)
    return ValidationResult(valid=True)


@router.post(
    "/estimate/",
    responses={**_RULES_INVALID, **PiiRuleDenied.openapi(), **CampaignNotFound.openapi()},
)
async def estimate_audience(
    body: EstimateRequest, principal: SegmentsRead, scope: Scope, resources: AppResources
) -> Estimate:
    """Count the sendable audience of (unsaved) rules, with exclusions and a sample of
    contacts. On a large company the counts are scaled from a uniform random sample of its
    contacts (`exact: false`, with 95 % ranges) unless `exact` is asked for."""
    sample_target = resources.settings.segment_estimate_sample
    return Estimate.model_validate(await service.estimate(scope, principal, body, sample_target))


@router.post(
    "/{segment_id}/evaluate/",
    responses={
        **SavedRulesInvalid.openapi(),
        **PiiRuleDenied.openapi(),
        **SegmentNotFound.openapi(),
        **CampaignNotFound.openapi(),
    },
)
async def evaluate_segment(
    segment_id: uuid.UUID, principal: SegmentsEvaluate, scope: Scope
) -> EvaluationRead:
    """Materialise a segment's membership and report what changed since the last run."""
    return EvaluationRead.model_validate(await service.evaluate(scope, principal, segment_id))


@router.get("/{segment_id}/members/", responses=SegmentNotFound.openapi())
async def segment_members(
    segment_id: uuid.UUID, principal: SegmentsRead, scope: Scope, pagination: Pagination
) -> Page[dict[str, Any]]:
    """The members of the segment's last evaluation (PII masked without view_pii)."""
    return Page[dict[str, Any]].model_validate(
        await service.members(scope, principal, segment_id, pagination)
    )


@router.get(
    "/{segment_id}/explain/{contact_id}/",
    responses={
        **SavedRulesInvalid.openapi(),
        **PiiRuleDenied.openapi(),
        **SegmentNotFound.openapi(),
        **ContactNotFound.openapi(),
    },
)
async def explain_contact(
    segment_id: uuid.UUID, contact_id: uuid.UUID, principal: SegmentsRead, scope: Scope
) -> Explanation:
    """Why a contact is or is not in the segment, rule by rule."""
    return Explanation.model_validate(
        await service.explain(scope, principal, segment_id, contact_id)
    )
