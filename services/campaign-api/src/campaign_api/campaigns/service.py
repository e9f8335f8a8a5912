"""Campaign use cases: loading, listing and soft delete, plus what creation and updates
share (versions, approval requests, event summaries)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from campaign_api.audit.service import record_change
from campaign_api.budgets import service as budget_service
from campaign_api.campaigns import repository
from campaign_api.campaigns.errors import (
    CampaignInUse,
    CampaignNotFound,
    DuplicateCampaignCode,
)
from campaign_api.campaigns.schemas import (
    CampaignFilters,
    ValidationWarning,
)
from campaign_api.shared.concurrency import check_version
from campaign_api.shared.values import snapshot
from crm_common.audit import RequestMeta
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignSegment
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
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
    session: AsyncSession,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    *,
    for_update: bool = False,
    expected_version: int | None = None,
    include_deleted: bool = False,
) -> Campaign:
    """A campaign of the company that is not deleted (404 otherwise); with `for_update` the
    row stays locked until the transaction ends, and a stale `expected_version` is a 412."""
    campaign = await repository.get(
        TenantScope(session, company_id),
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
    threshold = await budget_service.approval_threshold(scope, campaign_id, position)
    return total_budget > threshold


async def flush_code(session: AsyncSession, code: str) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        if "uk_company_campaign_code" in str(exc.orig):
            raise DuplicateCampaignCode(details={"campaign_code": code}) from None
        raise


async def request_approval_event(
    session: AsyncSession, principal: Principal, meta: RequestMeta, campaign: Campaign, reason: str
) -> None:
    await record_change(
        session,
        principal,
        meta,
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
    session: AsyncSession, company_id: uuid.UUID, filters: CampaignFilters, params: PageParams
) -> tuple[Sequence[Campaign], int]:
    """One page of the company's campaigns matching `filters`, and their total."""
    scope = TenantScope(session, company_id)
    rows = await repository.page(scope, filters, params.page_size, params.offset)
    # A short page ends the list, so it tells the total without a count query.
    if 0 < len(rows) < params.page_size or (not rows and params.offset == 0):
        return rows, params.offset + len(rows)
    return rows, await repository.count(scope, filters)


async def segments_of(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> Sequence[CampaignSegment]:
    return await repository.segments(TenantScope(session, company_id), campaign_id)


async def metrics_of(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> Sequence[Any]:
    return await repository.metrics(TenantScope(session, company_id), campaign_id)


async def delete_campaign(
    session: AsyncSession, principal: Principal, meta: RequestMeta, campaign: Campaign
) -> int:
    """Soft-delete a locked campaign and its segments (history kept); refused while launches
    or deliveries in progress reference it. Returns how many segments were deleted."""
    scope = TenantScope(session, principal.company_id)
    usage = await repository.in_use(scope, campaign.id)
    if any(usage.values()):
        raise CampaignInUse(details=usage)
    now = datetime.now(UTC)
    before = snapshot(campaign, ("is_deleted", "deleted_at", "campaign_status"))
    campaign.is_deleted = True
    campaign.deleted_at = now
    mark_changed(campaign, principal, now)
    deleted_segments = await repository.soft_delete_segments(scope, campaign.id, now)
    await session.flush()
    await record_change(
        session,
        principal,
        meta,
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
