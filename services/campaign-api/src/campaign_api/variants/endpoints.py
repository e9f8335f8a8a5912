"""A/B variant endpoints under a campaign. A variant is part of its campaign: writes take the
campaign's ETag in If-Match and answer with its new one."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path
from fastapi.responses import Response

from campaign_api.campaigns.deps import (
    CampaignEditor,
    CampaignReader,
    EditableCampaign,
    ReadableCampaign,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound
from campaign_api.shared import idempotency
from campaign_api.shared.responses import respond
from campaign_api.templates.errors import InactiveTemplate, IncompatibleTemplate, TemplateNotFound
from campaign_api.variants import service
from campaign_api.variants.errors import (
    ControlVariantExists,
    DuplicateVariantName,
    VariantNotFound,
    VariantsLocked,
    VariantWeightsExceeded,
)
from campaign_api.variants.schemas import (
    VariantCreate,
    VariantPage,
    VariantRead,
    VariantResults,
    VariantUpdate,
)
from crm_common.concurrency import etag
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination, make_page

router = APIRouter(prefix="/api/campaigns", tags=["variants"], responses=COMMON_RESPONSES)

VariantId = Annotated[uuid.UUID, Path(description="The variant's id.")]
IdempotencyKeyOptional = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=255,
        pattern=r"^[\x21-\x7e]+$",
        description="Optional: retries with the same key replay the first response.",
    ),
]
_WRITE_ERRORS = (
    CampaignNotFound,
    PreconditionFailed,
    CampaignLocked,
    VariantsLocked,
    DuplicateVariantName,
    ControlVariantExists,
    VariantWeightsExceeded,
    TemplateNotFound,
    InactiveTemplate,
    IncompatibleTemplate,
)


def _read(variant: object) -> VariantRead:
    return VariantRead.model_validate(variant)


@router.get(
    "/{campaign_id}/variants/",
    response_model=VariantPage,
    summary="List a campaign's A/B variants",
    responses=errors(CampaignNotFound),
)
async def list_variants(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope, pagination: Pagination
) -> dict[str, Any]:
    """List a campaign's A/B variants, control first."""
    rows, total = await service.list_variants(scope, campaign, pagination)
    return respond(make_page([_read(row) for row in rows], total, pagination), principal)


@router.post(
    "/{campaign_id}/variants/",
    status_code=201,
    response_model=VariantRead,
    summary="Add an A/B variant",
    responses=errors(*_WRITE_ERRORS, idempotency.IdempotencyKeyReused),
)
async def create_variant(
    body: VariantCreate,
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
    idempotency_key: IdempotencyKeyOptional = None,
) -> dict[str, Any]:
    """Add a variant (subject, content or template, weight) to a campaign not yet launched."""
    created, replayed = await service.create_once(scope, principal, campaign, body, idempotency_key)
    headers = {
        "ETag": etag(campaign.version),
        "Location": f"/api/campaigns/{campaign.id}/variants/{created['id']}/",
    }
    if replayed:
        headers[idempotency.REPLAY_HEADER] = "true"
    return respond(created, principal, response, headers=headers)


@router.get(
    "/{campaign_id}/variants/results/",
    response_model=VariantResults,
    summary="Results per A/B variant",
    responses=errors(CampaignNotFound),
)
async def variant_results(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> VariantResults:
    """Sent, unique opens and clicks and their rates per variant, and the winner."""
    return respond(await service.results(scope, campaign), principal)


@router.get(
    "/{campaign_id}/variants/{variant_id}/",
    response_model=VariantRead,
    summary="Get an A/B variant",
    responses=errors(CampaignNotFound, VariantNotFound),
)
async def get_variant(
    variant_id: VariantId,
    campaign: ReadableCampaign,
    principal: CampaignReader,
    scope: Scope,
    response: Response,
) -> VariantRead:
    """Get one variant; the ETag is its campaign's version."""
    variant = await service.get_variant(scope, campaign, variant_id)
    return respond(_read(variant), principal, response, headers={"ETag": etag(campaign.version)})


@router.patch(
    "/{campaign_id}/variants/{variant_id}/",
    response_model=VariantRead,
    summary="Update an A/B variant",
    responses=errors(*_WRITE_ERRORS, VariantNotFound),
)
async def update_variant(
    variant_id: VariantId,
    body: VariantUpdate,
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
) -> VariantRead:
    """Change some fields of a variant of a campaign not yet launched."""
    changes = body.model_dump(exclude_unset=True)
    variant = await service.update_variant(scope, principal, campaign, variant_id, changes)
    return respond(_read(variant), principal, response, headers={"ETag": etag(campaign.version)})


@router.delete(
    "/{campaign_id}/variants/{variant_id}/",
    status_code=204,
    summary="Remove an A/B variant",
    responses=errors(
        CampaignNotFound, VariantNotFound, PreconditionFailed, CampaignLocked, VariantsLocked
    ),
)
async def delete_variant(
    variant_id: VariantId, campaign: EditableCampaign, principal: CampaignEditor, scope: Scope
) -> Response:
    """Remove a variant from a campaign not yet launched."""
    await service.delete_variant(scope, principal, campaign, variant_id)
    return Response(status_code=204, headers={"ETag": etag(campaign.version)})
