"""Campaign endpoints: list, create, read, replace, update and soft-delete."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Header, Query, Response
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from campaign_api.campaigns import creation, service, updates
from campaign_api.campaigns.deps import (
    CampaignCacheDep,
    CampaignCreator,
    CampaignDeleter,
    CampaignEditor,
    CampaignId,
    CampaignReader,
    DeletableCampaign,
    EditableCampaign,
)
from campaign_api.campaigns.errors import (
    BudgetExceeded,
    CampaignInUse,
    CampaignLocked,
    CampaignNotFound,
    DuplicateCampaignCode,
    LiveChangeRefused,
    ScheduleConflict,
)
from campaign_api.campaigns.schemas import (
    CampaignCreate,
    CampaignCreated,
    CampaignDetail,
    CampaignFilters,
    CampaignPage,
    CampaignReplace,
    CampaignUpdate,
    CampaignUpdated,
    DeleteResult,
    SortField,
    SortOrder,
)
from campaign_api.campaigns.service import WriteOutcome
from campaign_api.shared import idempotency
from campaign_api.shared.responses import respond
from campaign_api.templates.errors import IncompatibleTemplate, TemplateNotFound
from crm_common.concurrency import etag
from crm_common.deps import AppResources, Scope
from crm_common.enums import ApprovalStatus, CampaignCategory, CampaignStatus, CampaignType, Channel
from crm_common.errors import (
    COMMON_RESPONSES,
    PreconditionFailed,
)
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination, make_page
from crm_common.schemas import QueryFlag, UtcFrom, UtcThrough
from crm_common.security.principal import Principal

router = APIRouter(prefix="/api/campaigns", tags=["campaigns"], responses=COMMON_RESPONSES)

E = TypeVar("E", bound=StrEnum)

_MULTI = "Repeat the parameter or separate values with commas."


def _enum_list(raw: list[str] | None, enum: type[E]) -> list[E] | None:
    """The distinct values of a filter given as repeated and comma-separated parameters, each
    already checked against `enum` (`_listed`)."""
    if not raw:
        return None
    values = [part.strip() for item in raw for part in item.split(",")]
    return [enum(v) for v in dict.fromkeys(values)]


@dataclass(frozen=True)
class _Listed:
    """A filter value: one or more of `enum`'s values, comma-separated. The API document gives
    its pattern; a value outside it is refused naming the unknown values and the allowed ones
    (not the pattern)."""

    enum: type[StrEnum]

    def _check(self, value: str) -> str:
        allowed = [member.value for member in self.enum]
        bad = sorted({part for part in map(str.strip, value.split(",")) if part not in allowed})
        if bad:
            unknown = ", ".join(repr(part) if part == "" else part for part in bad)
            raise PydanticCustomError(
                "enum_list",
                "unknown value(s) {unknown}; allowed: {allowed}",
                {"unknown": unknown, "allowed": ", ".join(allowed)},
            )
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> dict[str, Any]:
        one = "|".join(re.escape(member.value) for member in self.enum)
        return {"type": "string", "pattern": rf"^\s*({one})\s*(,\s*({one})\s*)*$"}


ListedCampaignStatus = Annotated[str, _Listed(CampaignStatus)]
ListedCampaignType = Annotated[str, _Listed(CampaignType)]
ListedChannel = Annotated[str, _Listed(Channel)]
ListedApprovalStatus = Annotated[str, _Listed(ApprovalStatus)]
ListedCampaignCategory = Annotated[str, _Listed(CampaignCategory)]


async def campaign_filters(
    campaign_status: Annotated[
        list[ListedCampaignStatus] | None, Query(description=f"Statuses. {_MULTI}")
    ] = None,
    campaign_type: Annotated[
        list[ListedCampaignType] | None, Query(description=f"Types. {_MULTI}")
    ] = None,
    primary_channel: Annotated[
        list[ListedChannel] | None, Query(description=f"Channels. {_MULTI}")
    ] = None,
    approval_status: Annotated[
        list[ListedApprovalStatus] | None,
        Query(description=f"Approval states. {_MULTI}"),
    ] = None,
    campaign_category: Annotated[
        list[ListedCampaignCategory] | None,
        Query(description=f"Categories. {_MULTI}"),
    ] = None,
    search: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Text in the name, code or description."),
    ] = None,
    start_from: Annotated[UtcFrom | None, Query(description="Start date on or after.")] = None,
    start_to: Annotated[
        UtcThrough | None,
        Query(description="Start date on or before (a bare date: through that day)."),
    ] = None,
    end_from: Annotated[UtcFrom | None, Query(description="End date on or after.")] = None,
    end_to: Annotated[
        UtcThrough | None,
        Query(description="End date on or before (a bare date: through that day)."),
    ] = None,
    sort_by: SortField = SortField.CREATED_AT,
    sort_order: SortOrder = SortOrder.DESC,
) -> CampaignFilters:
    return CampaignFilters(
        campaign_status=_enum_list(campaign_status, CampaignStatus),
        campaign_type=_enum_list(campaign_type, CampaignType),
        primary_channel=_enum_list(primary_channel, Channel),
        approval_status=_enum_list(approval_status, ApprovalStatus),
        campaign_category=_enum_list(campaign_category, CampaignCategory),
        search=search.strip() or None if search else None,
        start_from=start_from,
        start_to=start_to,
        end_from=end_from,
        end_to=end_to,
        sort_by=sort_by,
        sort_order=sort_order,
    )


def _headers(version: int) -> dict[str, str]:
    return {"ETag": etag(version)}


Filters = Annotated[CampaignFilters, Depends(campaign_filters)]
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


@router.get("/", response_model=CampaignPage, summary="List campaigns")
async def list_campaigns(
    principal: CampaignReader,
    scope: Scope,
    pagination: Pagination,
    filters: Filters,
    include_rollup: Annotated[
        QueryFlag, Query(description="Add each campaign's roll-up of its sub-campaigns.")
    ] = False,
) -> dict[str, Any]:
    """List the company's campaigns with filters, search, date ranges and sorting."""
    rows, total = await service.list_campaigns(scope, filters, pagination)
    applied = {
        key: value for key, value in filters.model_dump(mode="json").items() if value is not None
    }
    items = service.list_items(rows)
    if include_rollup:
        items = await service.with_rollups(scope, items)
    page = make_page(items, total, pagination, applied)
    return respond(page, principal)


@router.post(
    "/",
    status_code=201,
    response_model=CampaignCreated,
    summary="Create a campaign",
    responses=errors(
        DuplicateCampaignCode,
        ScheduleConflict,
        BudgetExceeded,
        TemplateNotFound,
        IncompatibleTemplate,
        idempotency.IdempotencyKeyReused,
    ),
)
async def create_campaign(
    body: CampaignCreate,
    principal: CampaignCreator,
    scope: Scope,
    response: Response,
    idempotency_key: IdempotencyKeyOptional = None,
) -> dict[str, Any]:
    """Create a draft campaign; returns its warnings and whether it needs approval."""
    result = await creation.create_once(scope, principal, body, idempotency_key)
    headers = {
        **_headers(result.body["version"]),
        "Location": f"/api/campaigns/{result.body['id']}/",
    }
    if result.replayed:
        headers[idempotency.REPLAY_HEADER] = "true"
    return respond(result.body, principal, response, headers=headers)


@router.get(
    "/{campaign_id}/",
    response_model=CampaignDetail,
    # segments, performance and the roll-up appear only when asked for
    response_model_exclude_unset=True,
    summary="Get a campaign",
    responses={**errors(CampaignNotFound), 304: {"description": "Not modified (If-None-Match)."}},
)
async def get_campaign(
    campaign_id: CampaignId,
    principal: CampaignReader,
    resources: AppResources,
    cache: CampaignCacheDep,
    response: Response,
    include_segments: Annotated[
        QueryFlag, Query(description="Add the campaign's segments.")
    ] = False,
    include_performance: Annotated[
        QueryFlag, Query(description="Add totals and rates from the campaign's metrics.")
    ] = False,
    include_rollup: Annotated[
        QueryFlag, Query(description="Add the roll-up of the campaign and its sub-campaigns.")
    ] = False,
    if_none_match: Annotated[str | None, Header(alias="If-None-Match")] = None,
) -> Response | dict[str, Any]:
    """Get a campaign, optionally with segments and performance; the ETag is its version."""
    options = service.ReadOptions(
        include_segments, include_performance, if_none_match, include_rollup
    )
    view = await service.read_campaign(resources.db, cache, principal, campaign_id, options)
    if view.body is None:
        return Response(status_code=304, headers={"ETag": view.etag})
    if view.cached_json is not None:
        return Response(
            view.cached_json, media_type="application/json", headers={"ETag": view.etag}
        )
    return respond(view.body, principal, response, headers={"ETag": view.etag})


_UPDATE_ERRORS = errors(
    CampaignNotFound,
    PreconditionFailed,
    CampaignLocked,
    DuplicateCampaignCode,
    ScheduleConflict,
    LiveChangeRefused,
    BudgetExceeded,
    IncompatibleTemplate,
)


def _updated(outcome: WriteOutcome, principal: Principal, response: Response) -> CampaignUpdated:
    body = CampaignUpdated.of(
        outcome.campaign,
        changes=outcome.changes,
        approval_required=outcome.approval_required,
        validation_warnings=outcome.warnings,
    )
    return respond(body, principal, response, headers=_headers(outcome.campaign.version))


@router.put(
    "/{campaign_id}/",
    response_model=CampaignUpdated,
    summary="Replace a campaign",
    responses=_UPDATE_ERRORS,
)
async def replace_campaign(
    body: CampaignReplace,
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
) -> CampaignUpdated:
    """Replace every writable field; returns the change summary and approval state."""
    outcome = await updates.update_campaign(scope, principal, campaign, body.model_dump())
    return _updated(outcome, principal, response)


@router.patch(
    "/{campaign_id}/",
    response_model=CampaignUpdated,
    summary="Update a campaign",
    responses=_UPDATE_ERRORS,
)
async def patch_campaign(
    body: CampaignUpdate,
    campaign: EditableCampaign,
    principal: CampaignEditor,
    scope: Scope,
    response: Response,
) -> CampaignUpdated:
    """Change some writable fields; returns the change summary and approval state."""
    values = body.model_dump(exclude_unset=True)
    outcome = await updates.update_campaign(scope, principal, campaign, values)
    return _updated(outcome, principal, response)


@router.delete(
    "/{campaign_id}/",
    response_model=DeleteResult,
    summary="Delete a campaign",
    responses=errors(CampaignNotFound, PreconditionFailed, CampaignInUse),
)
async def delete_campaign(
    campaign: DeletableCampaign, principal: CampaignDeleter, scope: Scope
) -> DeleteResult:
    """Soft-delete a campaign and its segments; refused while sending is in progress."""
    segments = await service.delete_campaign(scope, principal, campaign)
    assert campaign.deleted_at is not None
    result = DeleteResult(id=campaign.id, deleted_at=campaign.deleted_at, segments_deleted=segments)
    return respond(result, principal)
