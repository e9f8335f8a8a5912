"""Campaign use cases: loading, listing and soft delete, plus what creation and updates
share (versions, approval requests, event summaries)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.exc import DBAPIError, IntegrityError

from campaign_api.attribution import repository as attribution_repository
from campaign_api.audit.service import record_change
from campaign_api.budgets import service as budget_service
from campaign_api.cache import CampaignCache, view_shape
from campaign_api.campaigns import performance, repository
from campaign_api.campaigns.errors import (
    CampaignInUse,
    CampaignNotFound,
    DuplicateCampaignCode,
)
from campaign_api.campaigns.schemas import (
    CampaignFilters,
    CampaignListItem,
    CampaignRead,
    SegmentSummary,
    ValidationWarning,
)
from campaign_api.hierarchy import rollups as hierarchy_rollups
from campaign_api.shared.responses import visible
from campaign_api.shared.values import snapshot
from crm_common import attribution
from crm_common.concurrency import check_version, etag
from crm_common.db import Database
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignSegment
from crm_common.pagination import PageParams
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.segments import masked_criteria
from crm_common.tenancy import TenantScope

ENTITY = "campaign"


@dataclass
class WriteOutcome:
    """A written campaign with what the caller should know about the write."""

    campaign: Campaign
    approval_required: bool
    warnings: list[ValidationWarning] = field(default_factory=list)
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)


def event_summary(campaign: Campaign) -> dict[str, Any]:
    """The fields a listener of campaign events needs (ids and configuration, no PII)."""
    return {
        "campaign_id": campaign.id,
        "campaign_code": campaign.campaign_code,
        "campaign_name": campaign.campaign_name,
        "campaign_type": campaign.campaign_type,
        "primary_channel": campaign.primary_channel,
        "campaign_status": campaign.campaign_status,
        "approval_status": campaign.approval_status,
        "start_date": campaign.start_date,
        "end_date": campaign.end_date,
        "total_budget": campaign.total_budget,
        "currency_code": campaign.currency_code,
        "version": campaign.version,
    }


async def load(
    scope: TenantScope,
    campaign_id: uuid.UUID,
    *,
    for_update: bool = False,
    expected_version: int | None = None,
    include_deleted: bool = False,
) -> Campaign:
    """A campaign of the company that is not deleted (404 otherwise); with `for_update` the
    row stays locked until the transaction ends, and a stale `expected_version` is a 412."""
    campaign = await repository.get(
        scope,
        campaign_id,
        for_update=for_update,
        include_deleted=include_deleted,
    )
    if campaign is None:
        raise CampaignNotFound()
    check_version(expected_version, campaign.version)
    return campaign


def mark_changed(campaign: Campaign, principal: Principal, now: datetime) -> None:
    """Every write bumps the version (the next ETag) and names its author."""
    campaign.version += 1
    campaign.updated_by_user_id = principal.user_id
    campaign.updated_at = now


async def approval_requirement(
    scope: TenantScope, campaign_id: uuid.UUID | None, total_budget: Decimal, position: Any
) -> bool:
    """Whether `total_budget` is above the applicable approval threshold."""
    threshold = await budget_service.approval_threshold(scope, campaign_id, position, total_budget)
    return total_budget > threshold


NO_FREE_CODE = "CRM01"
"""SQLSTATE of `crm_next_campaign_code` when every number it tried was taken (0020)."""


async def flush_code(scope: TenantScope, code: str | None) -> None:
    """Flush the new or changed campaign; a taken code (`code`, None when the INSERT draws
    one) is a DuplicateCampaignCode, and so is a generated one finding no free number."""
    try:
        await scope.session.flush()
    except IntegrityError as exc:
        if "uk_company_campaign_code" in str(exc.orig):
            details = {"campaign_code": code} if code is not None else None
            raise DuplicateCampaignCode(details=details) from None
        raise
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == NO_FREE_CODE:
            raise DuplicateCampaignCode(
                "No free campaign code could be generated; give one."
            ) from None
        raise


async def request_approval_event(
    scope: TenantScope, principal: Principal, campaign: Campaign, reason: str
) -> None:
    """Audit and emit `campaign.approval_requested` for a campaign now pending approval."""
    await record_change(
        scope,
        principal,
        action="campaign.approval_requested",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values={"approval_status": campaign.approval_status, "reason": reason},
        event_type=EventType.CAMPAIGN_APPROVAL_REQUESTED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "total_budget": campaign.total_budget,
            "currency_code": campaign.currency_code,
            "requested_by_user_id": principal.user_id,
            "reason": reason,
        },
    )


async def list_campaigns(
    scope: TenantScope, filters: CampaignFilters, params: PageParams
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """One page of the company's campaigns matching `filters`, and their total."""
    return await repository.page(scope, filters, params.page_size, params.offset)


LIST_ITEMS = TypeAdapter(list[CampaignListItem])


def list_items(rows: Sequence[Mapping[str, Any]]) -> list[CampaignListItem]:
    """The campaigns of a list page as response models, validated once, in one call
    (FastAPI takes them as they are and serialises them straight to JSON)."""
    return LIST_ITEMS.validate_python([dict(row) for row in rows])


async def with_rollups(scope: TenantScope, items: list[CampaignListItem]) -> list[CampaignListItem]:
    """The campaigns of a list page, each with its roll-up (one query for the page)."""
    totals = await hierarchy_rollups.of(scope, [item.id for item in items])
    return [
        CampaignListItem.model_validate({**dict(item), "rollup": totals.get(item.id)})
        for item in items
    ]


@dataclass(frozen=True)
class ReadOptions:
    """What a reader asks for beyond the campaign itself, and the ETags they already hold."""

    include_segments: bool = False
    include_performance: bool = False
    if_none_match: str | None = None
    include_rollup: bool = False


@dataclass(frozen=True)
class CampaignView:
    """A campaign as its reader may see it, and its ETag; `body` is None when the reader's
    If-None-Match already names this version (nothing to send: 304). `cached_json` is the
    body as the cache holds it, when that is all of it: validated against the campaign's
    model and rendered for this reader's view shape when it was stored, it is sent as is."""

    body: dict[str, Any] | None
    etag: str
    cached_json: str | None = None


async def read_campaign(
    db: Database,
    cache: CampaignCache,
    principal: Principal,
    campaign_id: uuid.UUID,
    options: ReadOptions,
) -> CampaignView:
    """A campaign through the read-through cache. A hit needs no database at all, so unlike
    the other use cases this one takes the database rather than a scope: the tenant
    transaction opens only on a miss or for segments and performance."""
    lookup = await cache.get(principal.company_id, campaign_id, view_shape(principal))
    base: dict[str, Any] | None = lookup.value
    extra: dict[str, Any] = {}
    if (
        base is None
        or options.include_segments
        or options.include_performance
        or options.include_rollup
    ):
        async with db.tenant_session(principal.company_id) as session:
            scope = TenantScope(session, principal.company_id)
            if base is None:
                campaign = await load(scope, campaign_id)
                base = visible(
                    CampaignRead.model_validate(campaign).model_dump(mode="json"), principal
                )
                await cache.set(lookup, base)
            extra = await _includes(scope, principal, campaign_id, base["currency_code"], options)
    assert base is not None
    # With its segments, performance or roll-up the body changes without the campaign
    # changing: the version then only names it weakly (still good for If-Match).
    tag = f"W/{etag(base['version'])}" if extra else etag(base["version"])
    if options.if_none_match is not None and not extra and _none_match(options.if_none_match, tag):
        return CampaignView(None, tag)
    if lookup.hit and not extra:
        return CampaignView(base, tag, lookup.raw)
    return CampaignView({**base, **extra}, tag)


def _none_match(header: str, tag: str) -> bool:
    """Whether If-None-Match names `tag`: `*`, or one of its tags compared weakly (RFC 9110:
    `W/"3"` matches `"3"`), as a GET's validator is compared."""
    given = [part.strip() for part in header.split(",")]
    return "*" in given or tag.removeprefix("W/") in (g.removeprefix("W/") for g in given)


async def _includes(
    scope: TenantScope,
    principal: Principal,
    campaign_id: uuid.UUID,
    currency: str,
    options: ReadOptions,
) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    if options.include_segments:
        view_pii = principal.has(Permission.VIEW_PII)
        summaries = [
            SegmentSummary.model_validate(r).model_dump(mode="json")
            for r in await segments_of(scope, campaign_id)
        ]
        extra["segments"] = [
            {**summary, **masked_criteria(summary, view_pii=view_pii)} for summary in summaries
        ]
    if options.include_performance:
        summary = performance.summarise(
            await metrics_of(scope, campaign_id), await attributed(scope, campaign_id, currency)
        )
        if not principal.has(Permission.VIEW_BUDGET):
            summary.roi = None
        extra["performance"] = summary.model_dump(mode="json")
    if options.include_rollup:
        # Computed on every read, never cached: a change below the campaign shows at once.
        extra["rollup"] = (await hierarchy_rollups.of(scope, [campaign_id]))[campaign_id]
    return extra


async def segments_of(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[CampaignSegment]:
    """The campaign's live segments."""
    return await repository.segments(scope, campaign_id)


async def attributed(
    scope: TenantScope, campaign_id: uuid.UUID, currency: str
) -> performance.Attributed:
    """The campaign's last-touch conversions and their revenue in `currency` (the ROI
    endpoint's default model; conversions are stored in the company's currency)."""
    credited = await attribution_repository.credited(scope, campaign_id)
    revenue: Decimal | None = None
    with contextlib.suppress(attribution.ExchangeRateMissing):
        rate = await attribution.rate_to_base(
            scope, currency, await attribution.base_currency(scope)
        )
        revenue = (credited.last_revenue / rate).quantize(attribution.CENT, ROUND_HALF_UP)
    return performance.Attributed(credited.last_conversions, revenue)


async def metrics_of(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """The campaign's metric rows, for its performance summary."""
    return await repository.metrics(scope, campaign_id)


async def delete_campaign(scope: TenantScope, principal: Principal, campaign: Campaign) -> int:
    """Soft-delete a locked campaign and its segments (history kept); refused while anything
    in `repository.in_use` holds it. Returns how many segments were deleted."""
    usage = await repository.in_use(scope, campaign)
    if any(usage.values()):
        raise CampaignInUse(details=usage)
    now = datetime.now(UTC)
    before = snapshot(campaign, ("is_deleted", "deleted_at", "campaign_status"))
    campaign.is_deleted = True
    campaign.deleted_at = now
    mark_changed(campaign, principal, now)
    deleted_segments = await repository.soft_delete_segments(scope, campaign.id, now)
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="campaign.deleted",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values=before,
        new_values={"is_deleted": True, "deleted_at": now, "segments_deleted": deleted_segments},
        event_type=EventType.CAMPAIGN_DELETED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "segments_deleted": deleted_segments,
            "version": campaign.version,
        },
    )
    return deleted_segments
