"""Creating campaigns: every rule (README, campaign API "Rules"), the generated code, the first
owner, the audit row and the events, in one transaction; optionally once per Idempotency-Key."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from campaign_api.audit.service import record_change
from campaign_api.campaigns import repository, rules
from campaign_api.campaigns.schemas import (
    TRACKED_FIELDS,
    CampaignCreate,
    CampaignCreated,
)
from campaign_api.campaigns.service import (
    ENTITY,
    WriteOutcome,
    approval_requirement,
    event_summary,
    flush_code,
    request_approval_event,
)
from campaign_api.collaborators import service as collaborator_service
from campaign_api.shared import idempotency
from campaign_api.shared.policy import load_policy
from campaign_api.shared.values import snapshot
from campaign_api.templates import service as template_service
from crm_common.enums import ApprovalStatus, CampaignStatus
from crm_common.events import EventType
from crm_common.models import Campaign
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

CREATE_OPERATION = "campaign.create"


@dataclass(frozen=True)
class CreateResult:
    """The body of a create response, and whether it replays an earlier one."""

    body: dict[str, Any]
    replayed: bool


async def create_once(
    scope: TenantScope, principal: Principal, body: CampaignCreate, key: str | None
) -> CreateResult:
    """Create a campaign; with an Idempotency-Key, a retry of the same request replays the
    first response and the same key with another body is a 422."""
    if key is not None:
        fingerprint = idempotency.request_fingerprint(
            str(principal.user_id), body.model_dump(mode="json")
        )
        stored = await idempotency.claim(
            scope,
            key=key,
            operation=CREATE_OPERATION,
            user_id=principal.user_id,
            fingerprint=fingerprint,
        )
        if stored is not None:
            return CreateResult(stored.body, replayed=True)
    outcome = await create_campaign(scope, principal, body)
    created = CampaignCreated.of(
        outcome.campaign,
        validation_warnings=outcome.warnings,
        approval_required=outcome.approval_required,
    ).model_dump(mode="json")
    if key is not None:
        await idempotency.store(
            scope, key=key, operation=CREATE_OPERATION, status_code=201, body=created
        )
    return CreateResult(created, replayed=False)


async def create_campaign(
    scope: TenantScope, principal: Principal, body: CampaignCreate
) -> WriteOutcome:
    """Create a draft campaign after every creation rule; generate its code when none
    is given; approval is pending at once when the budget is above the threshold."""
    policy = await load_policy(scope)
    now = datetime.now(UTC)
    currency = body.currency_code or policy.default_currency
    rules.check_amount_currency(body.total_budget, currency)
    rules.check_dates(body.start_date, body.end_date, now, window=policy, new=True)
    template = None
    if body.template_id is not None:
        template = await template_service.get_template(scope, body.template_id)
    if body.campaign_code is not None:
        await rules.ensure_code_free(scope, body.campaign_code)
    # Schedule overlaps only warn a draft; read them before the fiscal year is locked, so the
    # lock (held until COMMIT) waits on as few statements as possible.
    warnings = await rules.check_schedule(
        scope, policy, body.primary_channel, body.start_date, body.end_date, None, scheduling=False
    )
    position = await rules.check_budget(
        scope,
        policy,
        campaign_id=None,
        total_budget=body.total_budget,
        currency=currency,
        start_date=body.start_date,
        must_fit=True,
    )
    required = await approval_requirement(scope, None, body.total_budget, position)
    values = body.model_dump(exclude={"campaign_code", "currency_code", "template_id"})
    campaign = scope.add(
        Campaign(
            id=uuid.uuid4(),
            **values,
            campaign_code=body.campaign_code
            or repository.next_code(scope, policy.campaign_code_prefix, now.year),
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
    await flush_code(scope, body.campaign_code)
    collaborator_service.add_owner(scope, campaign.id, principal.user_id, now)
    if template is not None:
        await template_service.link_template(scope, campaign, template.id, is_primary=True)
    await record_change(
        scope,
        principal,
        action="campaign.created",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values=snapshot(campaign, TRACKED_FIELDS),
        event_type=EventType.CAMPAIGN_CREATED,
        event_data={**event_summary(campaign), "segment_count": 0, "approval_required": required},
    )
    if required:
        await request_approval_event(scope, principal, campaign, "budget_above_threshold")
    warnings += rules.warnings_for(campaign, position=position, approval_required=required, now=now)
    return WriteOutcome(campaign, required, warnings)
