"""Status actions along the state machine: draft → planned → active → completed,
active ⇄ paused, cancelled from any non-final state; anything else is a 409. A campaign's
launch follows its pause, resume, cancel and complete."""

from __future__ import annotations

from datetime import UTC, datetime

from campaign_api.audit.service import record_change
from campaign_api.campaigns import rules, updates
from campaign_api.campaigns.errors import ApprovalRequired, CampaignEnded
from campaign_api.campaigns.schemas import ValidationWarning
from campaign_api.campaigns.service import ENTITY, mark_changed
from campaign_api.launches.follow import follow_campaign
from campaign_api.shared.policy import load_policy
from crm_common.enums import ApprovalStatus, CampaignStatus
from crm_common.events import EventType
from crm_common.models import Campaign
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope


async def preflight(scope: TenantScope, campaign: Campaign, action: str) -> list[ValidationWarning]:
    """Every check of `action` without moving the campaign (a launch request checks that the
    campaign may become active; it becomes active when sending starts)."""
    target = rules.check_transition(campaign, action)
    now = datetime.now(UTC)
    if target == CampaignStatus.ACTIVE:
        rules.ensure_may_be_active(campaign, now)
        await updates.ensure_exemption_holds(scope, campaign)
    if target == CampaignStatus.PLANNED and campaign.end_date <= now:
        raise CampaignEnded(details={"end_date": campaign.end_date.isoformat()})
    if target == CampaignStatus.PLANNED and campaign.approval_status == ApprovalStatus.REJECTED:
        # Planning books the channel for the campaign's dates: not for one its approver refused.
        raise ApprovalRequired(
            "A rejected campaign is submitted for approval again before it is planned.",
            details={"approval_status": campaign.approval_status},
        )
    if target not in (CampaignStatus.PLANNED, CampaignStatus.ACTIVE):
        return []
    policy = await load_policy(scope)
    return await rules.check_schedule(
        scope,
        policy,
        campaign.primary_channel,
        campaign.start_date,
        campaign.end_date,
        campaign.id,
        scheduling=True,
    )


async def transition(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    action: str,
    comment: str | None = None,
) -> list[ValidationWarning]:
    """Move a locked campaign along `action`; entering planned or active re-checks the
    schedule, entering active needs approval (when required) and dates that have not ended.
    The campaign's launch follows (paused, resumed, cancelled or completed with it)."""
    target = rules.check_transition(campaign, action)
    if target == campaign.campaign_status:
        return []
    warnings = await preflight(scope, campaign, action)
    now = datetime.now(UTC)
    previous = campaign.campaign_status
    campaign.campaign_status = target
    mark_changed(campaign, principal, now)
    await scope.session.flush()
    await follow_campaign(scope, campaign.id, target)
    old = {"campaign_status": previous}
    new: dict[str, object] = {"campaign_status": target}
    if comment:
        new["comment"] = comment
    await record_change(
        scope,
        principal,
        action=f"campaign.{action}",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values=old,
        new_values=new,
        event_type=EventType.CAMPAIGN_STATUS_CHANGED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "action": action,
            "from_status": previous,
            "to_status": target,
            "version": campaign.version,
        },
    )
    return warnings
