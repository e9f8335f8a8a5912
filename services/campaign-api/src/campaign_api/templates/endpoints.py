"""Template endpoints: the company's templates and the templates a campaign uses."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from campaign_api.cache import CampaignCache
from campaign_api.campaigns.deps import (
    CampaignCacheDep,
    CampaignEditor,
    CampaignReader,
    PartEditableCampaign,
    ReadableCampaign,
    part_written,
)
from campaign_api.campaigns.errors import CampaignLocked, CampaignNotFound
from campaign_api.shared.responses import respond
from campaign_api.templates import links, service
from campaign_api.templates.deps import ReferenceManager, ReferenceReader
from campaign_api.templates.errors import (
    DuplicateTemplateCode,
    InactiveTemplate,
    IncompatibleTemplate,
    TemplateAlreadyLinked,
    TemplateInUse,
    TemplateLinkNotFound,
    TemplateNotFound,
)
from campaign_api.templates.schemas import (
    TemplateCreate,
    TemplateLinkCreate,
    TemplateLinkList,
    TemplateLinkRead,
    TemplatePage,
    TemplateRead,
    TemplateUpdate,
)
from crm_common.concurrency import ExpectedVersion, check_row_version, etag
from crm_common.deps import Scope
from crm_common.enums import TemplateType
from crm_common.errors import COMMON_RESPONSES, PreconditionFailed
from crm_common.errors import error_responses as errors
from crm_common.messages import TemplateInvalid
from crm_common.models import CampaignTemplate
from crm_common.pagination import Pagination, make_page
from crm_common.schemas import QueryFlag
from crm_common.tenancy import TenantScope

router = APIRouter(prefix="/api/campaign-templates", tags=["templates"], responses=COMMON_RESPONSES)
link_router = APIRouter(
    prefix="/api/campaigns", tags=["template links"], responses=COMMON_RESPONSES
)

TemplateId = Annotated[uuid.UUID, Path(description="The template's id.")]


def _read(template: object) -> TemplateRead:
    return TemplateRead.model_validate(template)


@router.get("/", response_model=TemplatePage, summary="List templates")
async def list_templates(
    principal: ReferenceReader,
    scope: Scope,
    pagination: Pagination,
    is_active: Annotated[QueryFlag | None, Query()] = None,
    template_type: TemplateType | None = None,
    search: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
) -> dict[str, Any]:
    """List the company's templates, defaults first, filtered by activity or type."""
    filters = {
        "is_active": is_active,
        "template_type": template_type.value if template_type else None,
        "search": search,
    }
    rows, total = await service.list_templates(scope, pagination, filters)
    # Rows, validated once: by the page's response model.
    page = make_page([dict(row) for row in rows], total, pagination, filters)
    return respond(page, principal)


@router.post(
    "/",
    status_code=201,
    response_model=TemplateRead,
    summary="Create a template",
    responses=errors(DuplicateTemplateCode, TemplateInvalid),
)
async def create_template(
    body: TemplateCreate, principal: ReferenceManager, scope: Scope, response: Response
) -> TemplateRead:
    """Create a template (its code is unique within the company; one default per type)."""
    template = await service.create_template(scope, principal, body)
    return respond(_read(template), principal, response, headers={"ETag": etag(template.version)})


@router.get(
    "/{template_id}/",
    response_model=TemplateRead,
    summary="Get a template",
    responses=errors(TemplateNotFound),
)
async def get_template(
    template_id: TemplateId, principal: ReferenceReader, scope: Scope, response: Response
) -> TemplateRead:
    """Get one template; the ETag is its version."""
    template = await service.get_template(scope, template_id)
    return respond(_read(template), principal, response, headers={"ETag": etag(template.version)})


_WRITE_ERRORS = errors(
    TemplateNotFound, DuplicateTemplateCode, TemplateInUse, TemplateInvalid, PreconditionFailed
)


async def _drop_campaign_renderings(scope: TenantScope, cache: CampaignCache) -> None:
    """A template edit can send every campaign using it back to approval (governance):
    drop the company's cached campaign renderings, now and once the edit commits, so no
    reader keeps seeing them approved."""
    await cache.invalidate(scope.company_id, session=scope.session)


@router.put(
    "/{template_id}/",
    response_model=TemplateRead,
    summary="Replace a template",
    responses=_WRITE_ERRORS,
)
async def replace_template(
    template_id: TemplateId,
    body: TemplateCreate,
    principal: ReferenceManager,
    scope: Scope,
    cache: CampaignCacheDep,
    expected: ExpectedVersion,
    response: Response,
) -> TemplateRead:
    """Replace every field of a template; live campaigns keep it active and of the same type.
    With If-Match, a template changed since that version is a 412."""
    await check_row_version(scope, CampaignTemplate, template_id, expected)
    template = await service.update_template(scope, principal, template_id, body.model_dump())
    await _drop_campaign_renderings(scope, cache)
    return respond(_read(template), principal, response, headers={"ETag": etag(template.version)})


@router.patch(
    "/{template_id}/",
    response_model=TemplateRead,
    summary="Update a template",
    responses=_WRITE_ERRORS,
)
async def patch_template(
    template_id: TemplateId,
    body: TemplateUpdate,
    principal: ReferenceManager,
    scope: Scope,
    cache: CampaignCacheDep,
    expected: ExpectedVersion,
    response: Response,
) -> TemplateRead:
    """Change some fields of a template; live campaigns keep it active and of the same type.
    With If-Match, a template changed since that version is a 412."""
    await check_row_version(scope, CampaignTemplate, template_id, expected)
    values = body.model_dump(exclude_unset=True)
    template = await service.update_template(scope, principal, template_id, values)
    await _drop_campaign_renderings(scope, cache)
    return respond(_read(template), principal, response, headers={"ETag": etag(template.version)})


@link_router.get(
    "/{campaign_id}/templates/",
    response_model=TemplateLinkList,
    summary="List a campaign's templates",
    responses=errors(CampaignNotFound),
)
async def list_links(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> TemplateLinkList:
    """List the templates a campaign uses, primary first."""
    return respond(await links.list_links(scope, campaign), principal)


@link_router.post(
    "/{campaign_id}/templates/",
    status_code=201,
    response_model=TemplateLinkRead,
    summary="Link a template",
    responses=errors(
        CampaignNotFound,
        TemplateNotFound,
        PreconditionFailed,
        TemplateAlreadyLinked,
        CampaignLocked,
        IncompatibleTemplate,
        InactiveTemplate,
    ),
)
async def link_template(
    body: TemplateLinkCreate,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> TemplateLinkRead:
    """Link an active template whose type fits the campaign's channel."""
    created = await links.link(scope, principal, campaign, body.template_id, body.is_primary)
    return respond(created, principal)


@link_router.delete(
    "/{campaign_id}/templates/{template_id}/",
    status_code=204,
    summary="Unlink a template",
    responses=errors(CampaignNotFound, TemplateLinkNotFound, PreconditionFailed, CampaignLocked),
)
async def unlink_template(
    template_id: TemplateId,
    campaign: PartEditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
) -> Response:
    """Stop a campaign using a template."""
    await links.unlink(scope, principal, campaign, template_id)
    return part_written(campaign)
