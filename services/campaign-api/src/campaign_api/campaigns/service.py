"""Campaign use cases: create, update, read, list and soft delete, with their rules, audit
rows and events in the same transaction."""

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
from campaign_api.campaigns import repository, rules
from campaign_api.campaigns.errors import (
    CampaignInUse,
    CampaignNotFound,
    DuplicateCampaignCode,
    InvalidCampaign,
    LiveChangeRefused,
)
from campaign_api.campaigns.schemas import (
    TRACKED_FIELDS,
    WRITABLE_FIELDS,
    CampaignCreate,
    CampaignFilters,
    ValidationWarning,
)
from campaign_api.collaborators import service as collaborator_service
from campaign_api.shared.concurrency import check_version
from campaign_api.shared.policy import CompanyPolicy, load_policy
from campaign_api.shared.values import differences, snapshot
from campaign_api.templates import service as template_service
from crm_common.audit import RequestMeta
from crm_common.enums import ApprovalStatus, CampaignStatus
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignSegment
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign"
SCHEDULING_FIELDS = frozenset({"start_date", "end_date", "primary_channel"})


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


async def _flush_code(session: AsyncSession, code: str) -> None:
    try:
        await session.flush()
    except IntegrityError as exc:
        if "uk_company_campaign_code" in str(exc.orig):
            raise DuplicateCampaignCode(details={"campaign_code": code}) from None
        raise


async def _request_approval_event(
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


async def create_campaign(
    session: AsyncSession, principal: Principal, meta: RequestMeta, body: CampaignCreate
) -> WriteOutcome:
    """Create a draft campaign after every rule of blueprint 6; generate its code when none
    is given; approval is pending at once when the budget is above the threshold."""
    scope = TenantScope(session, principal.company_id)
    policy = await load_policy(session, principal.company_id)
    now = datetime.now(UTC)
    currency = body.currency_code or policy.default_currency
    rules.check_amount_currency(body.total_budget, currency)
    rules.check_dates(body.start_date, body.end_date, policy, now, check_window=True)
    template = None
    if body.template_id is not None:
        template = await template_service.get_template(
            session, principal.company_id, body.template_id
        )
    if body.campaign_code is not None:
        await rules.ensure_code_free(scope, body.campaign_code)
    position = await rules.check_budget(
        scope,
        policy,
        campaign_id=None,
        total_budget=body.total_budget,
        currency=currency,
        start_date=body.start_date,
        must_fit=True,
    )
    warnings = await rules.check_schedule(
        scope, policy, body.primary_channel, body.start_date, body.end_date, None, scheduling=False
    )
    required = await approval_requirement(scope, None, body.total_budget, position)
    code = body.campaign_code or await rules.generate_code(scope, policy, now)
    values = body.model_dump(exclude={"campaign_code", "currency_code", "template_id"})
    campaign = scope.add(
        Campaign(
            id=uuid.uuid4(),
            **values,
            campaign_code=code,
            currency_code=currency,
            campaign_status=CampaignStatus.DRAFT,
            approval_status=ApprovalStatus.PENDING_APPROVAL
            if required
            else ApprovalStatus.NOT_REQUIRED,
            actual_spend=Decimal("0.00"),
            created_by_user_id=principal.user_id,
            updated_by_user_id=None,
            approved_by_user_id=None,
            approved_at=None,
            approval_comment=None,
            is_deleted=False,
            deleted_at=None,
            version=1,
            created_at=now,
            updated_at=now,
        )
    )
    await _flush_code(session, code)
    await collaborator_service.add_owner(scope, campaign.id, principal.user_id, now)
    if template is not None:
        await template_service.link_template(scope, campaign, template.id, is_primary=True)
    await record_change(
        session,
        principal,
        meta,
        action="campaign.created",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values=snapshot(campaign, TRACKED_FIELDS),
        event_type=EventType.CAMPAIGN_CREATED,
        event_data={**event_summary(campaign), "segment_count": 0, "approval_required": required},
    )
    if required:
        await _request_approval_event(session, principal, meta, campaign, "budget_above_threshold")
    warnings += rules.warnings_for(
        start_date=campaign.start_date,
        total_budget=campaign.total_budget,
        primary_channel=campaign.primary_channel,
        target_audience_size=campaign.target_audience_size,
        position=position,
        approval_required=required,
        approval_status=campaign.approval_status,
        now=now,
    )
    return WriteOutcome(campaign, required, warnings)


def _proposed(campaign: Campaign, values: dict[str, Any]) -> dict[str, Any]:
    """The campaign's writable fields after `values` (a None code or currency keeps it)."""
    proposed = {name: getattr(campaign, name) for name in WRITABLE_FIELDS}
    for name, value in values.items():
        if name in ("campaign_code", "currency_code") and value is None:
            continue
        proposed[name] = value
    return proposed


def _check_live_change(campaign: Campaign, changed: set[str]) -> None:
    """A live (active or paused) campaign keeps its channel and currency; an active one also
    keeps its start date."""
    frozen = {"primary_channel", "currency_code"}
    if campaign.campaign_status == CampaignStatus.ACTIVE:
        frozen.add("start_date")
    if campaign.campaign_status in (CampaignStatus.ACTIVE, CampaignStatus.PAUSED):
        refused = sorted(changed & frozen)
        if refused:
            raise LiveChangeRefused(
                details={"fields": refused, "campaign_status": campaign.campaign_status}
            )


async def update_campaign(
    session: AsyncSession,
    principal: Principal,
    meta: RequestMeta,
    campaign: Campaign,
    values: dict[str, Any],
) -> WriteOutcome:
    """Apply `values` to a locked campaign after every rule; returns the change summary.
    Approval is requested again when an approved budget grows."""
    scope = TenantScope(session, principal.company_id)
    rules.ensure_editable(campaign)
    policy = await load_policy(session, principal.company_id)
    now = datetime.now(UTC)
    proposed = _proposed(campaign, values)
    changed = {name for name in WRITABLE_FIELDS if proposed[name] != getattr(campaign, name)}
    rules.check_dates(
        proposed["start_date"],
        proposed["end_date"],
        policy,
        now,
        check_window="start_date" in changed,
    )
    _check_live_change(campaign, changed)
    rules.check_amount_currency(proposed["total_budget"], proposed["currency_code"])
    if "campaign_code" in changed:
        await rules.ensure_code_free(scope, proposed["campaign_code"], campaign.id)
    if "primary_channel" in changed:
        await template_service.check_linked_templates(
            scope, campaign.id, proposed["primary_channel"]
        )
    if "total_budget" in changed:
        allocated = await budget_service.allocated_total(scope, campaign.id)
        if proposed["total_budget"] < allocated:
            raise InvalidCampaign(
                details={
                    "fields": {
                        "total_budget": ["is below what the campaign's budget allocations hold"]
                    }
                }
            )
    raised = proposed["total_budget"] > campaign.total_budget
    moved = bool(changed & {"currency_code"}) or (
        policy.fiscal_year_of(proposed["start_date"]) != policy.fiscal_year_of(campaign.start_date)
    )
    position = await rules.check_budget(
        scope,
        policy,
        campaign_id=campaign.id,
        total_budget=proposed["total_budget"],
        currency=proposed["currency_code"],
        start_date=proposed["start_date"],
        must_fit=raised or moved,
    )
    warnings: list[ValidationWarning] = []
    if changed & SCHEDULING_FIELDS:
        warnings = await rules.check_schedule(
            scope,
            policy,
            proposed["primary_channel"],
            proposed["start_date"],
            proposed["end_date"],
            campaign.id,
            scheduling=campaign.campaign_status in (CampaignStatus.PLANNED, CampaignStatus.ACTIVE),
        )
    required = await approval_requirement(scope, campaign.id, proposed["total_budget"], position)
    approval = rules.next_approval_status(
        campaign.approval_status, required, material_change=raised or "currency_code" in changed
    )
    if not changed and approval == campaign.approval_status:
        return WriteOutcome(campaign, required, warnings)
    if campaign.campaign_status == CampaignStatus.ACTIVE and approval not in (
        ApprovalStatus.NOT_REQUIRED,
        ApprovalStatus.APPROVED,
    ):
        raise LiveChangeRefused(
            "An active campaign's budget cannot grow beyond its approval; pause it first.",
            details={"fields": ["total_budget"], "approval_status": approval},
        )
    before = snapshot(campaign, TRACKED_FIELDS)
    for name in changed:
        setattr(campaign, name, proposed[name])
    requested = approval == ApprovalStatus.PENDING_APPROVAL and campaign.approval_status != approval
    if approval != campaign.approval_status:
        campaign.approval_status = approval
        if approval != ApprovalStatus.APPROVED:
            campaign.approved_by_user_id = None
            campaign.approved_at = None
    mark_changed(campaign, principal, now)
    await _flush_code(session, campaign.campaign_code)
    after = snapshot(campaign, TRACKED_FIELDS)
    changes = differences(before, after)
    await record_change(
        session,
        principal,
        meta,
        action="campaign.updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={name: before[name] for name in changes},
        new_values={name: after[name] for name in changes},
        event_type=EventType.CAMPAIGN_UPDATED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "version": campaign.version,
            "before": {name: before[name] for name in changes},
            "after": {name: after[name] for name in changes},
            "changed": sorted(changes),
        },
    )
    if requested:
        reason = (
            "budget_increased"
            if before["approval_status"] == ApprovalStatus.APPROVED
            else "budget_above_threshold"
        )
        await _request_approval_event(session, principal, meta, campaign, reason)
    warnings += rules.warnings_for(
        start_date=campaign.start_date,
        total_budget=campaign.total_budget,
        primary_channel=campaign.primary_channel,
        target_audience_size=campaign.target_audience_size,
        position=position,
        approval_required=required,
        approval_status=campaign.approval_status,
        now=now,
    )
    return WriteOutcome(campaign, required, warnings, changes)


async def approval_needed(session: AsyncSession, company_id: uuid.UUID, campaign: Campaign) -> bool:
    """Whether the campaign's budget is above its applicable approval threshold."""
    scope = TenantScope(session, company_id)
    policy = await load_policy(session, company_id)
    position = await rules.check_budget(
        scope,
        policy,
        campaign_id=campaign.id,
        total_budget=campaign.total_budget,
        currency=campaign.currency_code,
        start_date=campaign.start_date,
        must_fit=False,
    )
    return await approval_requirement(scope, campaign.id, campaign.total_budget, position)


async def reassess_approval(
    session: AsyncSession, principal: Principal, meta: RequestMeta, campaign: Campaign
) -> bool:
    """Re-evaluate a locked campaign's approval after its budget allocations changed (the
    applicable threshold may have moved); returns whether approval is required."""
    scope = TenantScope(session, principal.company_id)
    policy = await load_policy(session, principal.company_id)
    position = await rules.check_budget(
        scope,
        policy,
        campaign_id=campaign.id,
        total_budget=campaign.total_budget,
        currency=campaign.currency_code,
        start_date=campaign.start_date,
        must_fit=False,
    )
    required = await approval_requirement(scope, campaign.id, campaign.total_budget, position)
    approval = rules.next_approval_status(campaign.approval_status, required, material_change=False)
    if approval == campaign.approval_status:
        return required
    if (
        campaign.campaign_status == CampaignStatus.ACTIVE
        and approval == ApprovalStatus.PENDING_APPROVAL
    ):
        raise LiveChangeRefused(
            "This allocation would put an active campaign back under approval; pause it first.",
            details={"approval_status": approval},
        )
    before = campaign.approval_status
    campaign.approval_status = approval
    mark_changed(campaign, principal, datetime.now(UTC))
    await session.flush()
    await record_change(
        session,
        principal,
        meta,
        action="campaign.updated",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"approval_status": before},
        new_values={"approval_status": approval},
        event_type=EventType.CAMPAIGN_UPDATED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "version": campaign.version,
            "before": {"approval_status": before},
            "after": {"approval_status": approval},
            "changed": ["approval_status"],
        },
    )
    if approval == ApprovalStatus.PENDING_APPROVAL:
        await _request_approval_event(session, principal, meta, campaign, "budget_above_threshold")
    return required


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


def fiscal_year(policy: CompanyPolicy, campaign: Campaign) -> int:
    return policy.fiscal_year_of(campaign.start_date)
