"""Approvals bound to content. Every approval step records the fingerprint of the campaign's
governed content (governance/content.py); a later change to that content ends the approvals
(the campaign goes back to pending_approval, audited and announced by `campaign.updated` with
the reason), a launch re-checks the fingerprint, and when the chain completes each segment's
audience is kept so the drift since approval can be counted and held against the company's
threshold."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from campaign_api.audit.service import record_change
from campaign_api.campaigns import service as campaign_service
from campaign_api.governance import content, repository
from campaign_api.governance.chain import Chain, load_chain
from campaign_api.governance.errors import (
    ApprovalOutdated,
    AudienceDriftExceeded,
    LiveContentChangeRefused,
)
from campaign_api.governance.schemas import AudienceDrift, SegmentDrift
from crm_common.enums import ApprovalStatus, CampaignStatus
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignApproval, CampaignSegment
from crm_common.security.principal import Principal
from crm_common.segments.audience import company_hasher, matched_predicate
from crm_common.tenancy import TenantScope

A = ApprovalStatus
PERCENT = Decimal("0.01")


async def end_approvals(approvals: Sequence[CampaignApproval], reason: str, now: datetime) -> None:
    """Approvals no longer standing (the content changed, the campaign was rejected …)."""
    for approval in approvals:
        approval.is_current = False
        approval.invalidated_at = now
        approval.invalidated_reason = reason


async def standing_approvals(scope: TenantScope, campaign: Campaign) -> Sequence[CampaignApproval]:
    """The campaign's standing approvals that still match its content; those given to
    content that has changed since are ended (no longer count)."""
    standing = await repository.current_approvals(scope, campaign.id)
    if not standing:
        return standing
    now_fingerprint = content.fingerprint(await content.governed_content(scope, campaign))
    stale = [a for a in standing if a.fingerprint != now_fingerprint]
    await end_approvals(stale, "content_changed", datetime.now(UTC))
    return [a for a in standing if a.fingerprint == now_fingerprint]


async def content_changed(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    trigger: str,
    *,
    approval_required: bool = True,
) -> list[dict[str, Any]]:
    """After a write that may have changed a locked campaign's governed content: when the
    content no longer matches its standing approvals, end them and send an approved campaign
    back to pending_approval — or to not_required when the write took its budget under the
    threshold (`approval_required` False). An active campaign's approved content cannot
    change (409: pause it first). Returns the changes found (none when the content still
    matches)."""
    if campaign.approval_status not in (A.APPROVED, A.PENDING_APPROVAL):
        return []
    standing = await repository.current_approvals(scope, campaign.id)
    if not standing:
        return []
    now_content = await content.governed_content(scope, campaign)
    reference = max(standing, key=lambda a: (a.created_at, a.step_index))
    if content.fingerprint(now_content) == reference.fingerprint:
        return []
    changes = content.diff(reference.content, now_content)
    if campaign.campaign_status == CampaignStatus.ACTIVE:
        raise LiveContentChangeRefused(
            details={
                "campaign_id": str(campaign.id),
                "campaign_code": campaign.campaign_code,
                "changed": content.changed_paths(changes),
            }
        )
    await _withdraw(
        scope,
        principal,
        campaign,
        standing,
        "content_changed",
        trigger,
        changes,
        A.PENDING_APPROVAL if approval_required else A.NOT_REQUIRED,
    )
    return changes


async def _withdraw(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    standing: Sequence[CampaignApproval],
    reason: str,
    trigger: str,
    changes: list[dict[str, Any]],
    status: str = A.PENDING_APPROVAL,
) -> None:
    """End the standing approvals and put the campaign back to pending_approval (or to
    `status`); the audit row and `campaign.updated` name the reason, what triggered it and
    the changed paths."""
    now = datetime.now(UTC)
    await end_approvals(standing, reason, now)
    previous = campaign.approval_status
    steps_before = len(standing)
    campaign.approval_status = status
    campaign.approved_by_user_id = None
    campaign.approved_at = None
    campaign_service.mark_changed(campaign, principal, now)
    await scope.session.flush()
    before = {"approval_status": previous, "approval_steps_done": steps_before}
    after = {"approval_status": status, "approval_steps_done": 0}
    paths = content.changed_paths(changes)
    await record_change(
        scope,
        principal,
        action="campaign.updated",
        entity_type=campaign_service.ENTITY,
        entity_id=campaign.id,
        old_values=before,
        new_values={**after, "reason": reason, "trigger": trigger, "content_changes": paths},
        event_type=EventType.CAMPAIGN_UPDATED,
        event_data={
            "campaign_id": campaign.id,
            "campaign_code": campaign.campaign_code,
            "version": campaign.version,
            "before": before,
            "after": after,
            "changed": sorted(name for name in after if before[name] != after[name]),
            "reason": reason,
            "trigger": trigger,
            "content_changes": paths,
        },
    )
    if previous == A.APPROVED and status == A.PENDING_APPROVAL:
        await campaign_service.request_approval_event(scope, principal, campaign, reason)


async def template_changed(
    scope: TenantScope, principal: Principal, template_id: uuid.UUID
) -> list[uuid.UUID]:
    """After a template's content changed: every approved or pending campaign using it (as a
    linked template or a variant's) is re-checked, locked in id order. Returns the ids of the
    campaigns sent back to approval."""
    withdrawn: list[uuid.UUID] = []
    ids = await repository.campaign_ids(
        scope, repository.campaigns_using_template(scope, template_id)
    )
    for campaign_id in ids:
        campaign = await campaign_service.load(scope, campaign_id, for_update=True)
        if await content_changed(scope, principal, campaign, "template_updated"):
            withdrawn.append(campaign.id)
    return withdrawn


async def record_step(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    step_index: int,
    step_name: str,
    comment: str | None,
    *,
    mfa_verified: bool,
    completes_chain: bool,
) -> CampaignApproval:
    """One approver's decision on one step, bound to the campaign's content now."""
    now_content = await content.governed_content(scope, campaign)
    approval = scope.add(
        CampaignApproval(
            id=uuid.uuid4(),
            campaign_id=campaign.id,
            step_index=step_index,
            step_name=step_name,
            approver_user_id=principal.user_id,
            comment=comment,
            fingerprint=content.fingerprint(now_content),
            content=now_content,
            total_budget=campaign.total_budget,
            mfa_verified=mfa_verified,
            completes_chain=completes_chain,
            is_current=True,
            created_at=datetime.now(UTC),
        )
    )
    await scope.session.flush()
    if completes_chain:
        await snapshot_audience(scope, approval)
    return approval


async def _live_segments(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[CampaignSegment]:
    return await campaign_service.segments_of(scope, campaign_id)


async def snapshot_audience(scope: TenantScope, approval: CampaignApproval) -> None:
    """Keep the matched contacts of each segment of the approved content (the live segments
    as this transaction reads them) as they are at this approval."""
    segments = [
        CampaignSegment(
            id=uuid.UUID(part["id"]), **{name: part[name] for name in content.SEGMENT_FIELDS}
        )
        for part in approval.content["segments"]
    ]
    if not segments:
        return
    now = datetime.now(UTC)
    hasher = await company_hasher(scope.session, scope.company_id)
    for segment in segments:
        predicate = matched_predicate([segment], scope.company_id, now, hasher)
        await repository.snapshot_audience(
            scope, approval, segment.id, segment.segment_name, predicate, now
        )


async def standing_completion(
    scope: TenantScope, campaign_id: uuid.UUID
) -> CampaignApproval | None:
    """The approval that completed the campaign's chain, while it stands."""
    for approval in await repository.current_approvals(scope, campaign_id):
        if approval.completes_chain:
            return approval
    return None


async def audience_drift(
    scope: TenantScope, campaign: Campaign, chain: Chain | None = None
) -> AudienceDrift:
    """Added and removed contacts per segment since the standing approval."""
    chain = chain or await load_chain(scope)
    threshold = chain.drift_threshold_percent
    completion = await standing_completion(scope, campaign.id)
    if completion is None:
        return AudienceDrift(
            campaign_id=campaign.id,
            approval_id=None,
            approved_at=None,
            approved_count=0,
            current_count=0,
            added=0,
            removed=0,
            drift_percent=None,
            threshold_percent=threshold,
            exceeds_threshold=False,
            segments=[],
        )
    segments = {s.id: s for s in await _live_segments(scope, campaign.id)}
    now = datetime.now(UTC)
    hasher = await company_hasher(scope.session, scope.company_id)
    rows: list[SegmentDrift] = []
    for snapshot_id, segment_id, name, approved in await repository.snapshots_of(
        scope, completion.id
    ):
        segment = segments.get(segment_id)
        if segment is None:  # deleted since: every contact it held left the audience
            rows.append(
                SegmentDrift(
                    segment_id=segment_id,
                    segment_name=name,
                    approved_count=approved,
                    current_count=0,
                    added=0,
                    removed=approved,
                )
            )
            continue
        found = await repository.drift(
            scope, snapshot_id, matched_predicate([segment], scope.company_id, now, hasher)
        )
        rows.append(
            SegmentDrift(
                segment_id=segment_id,
                segment_name=segment.segment_name,
                approved_count=approved,
                current_count=found.current,
                added=found.added,
                removed=found.removed,
            )
        )
    approved_total = sum(r.approved_count for r in rows)
    added = sum(r.added for r in rows)
    removed = sum(r.removed for r in rows)
    percent = (Decimal(added + removed) * 100 / max(approved_total, 1)).quantize(PERCENT)
    return AudienceDrift(
        campaign_id=campaign.id,
        approval_id=completion.id,
        approved_at=completion.created_at,
        approved_count=approved_total,
        current_count=sum(r.current_count for r in rows),
        added=added,
        removed=removed,
        drift_percent=percent,
        threshold_percent=threshold,
        exceeds_threshold=threshold is not None and percent > threshold,
        segments=rows,
    )


async def stale_reason(scope: TenantScope, campaign: Campaign) -> tuple[str, dict[str, Any]] | None:
    """Why an approved campaign's approval no longer covers what it would send: its content
    changed since (`approval_outdated`) or its audience drifted beyond the company's threshold
    (`audience_drift_exceeded`); None while it holds (or the approval predates fingerprints)."""
    completion = await standing_completion(scope, campaign.id)
    if completion is None:
        return None
    now_content = await content.governed_content(scope, campaign)
    if content.fingerprint(now_content) != completion.fingerprint:
        changes = content.diff(completion.content, now_content)
        return "approval_outdated", {"changed": content.changed_paths(changes)}
    drift = await audience_drift(scope, campaign)
    if drift.exceeds_threshold:
        return "audience_drift_exceeded", {
            "drift_percent": str(drift.drift_percent),
            "threshold_percent": str(drift.threshold_percent),
            "added": drift.added,
            "removed": drift.removed,
            "segments": [s.model_dump(mode="json") for s in drift.segments],
        }
    return None


async def ensure_launchable(scope: TenantScope, campaign: Campaign) -> None:
    """Refuse (409) launching an approved campaign whose approval no longer covers it."""
    if campaign.approval_status != A.APPROVED:
        return
    stale = await stale_reason(scope, campaign)
    if stale is None:
        return
    code, details = stale
    if code == "approval_outdated":
        raise ApprovalOutdated(details=details)
    raise AudienceDriftExceeded(details=details)


async def withdraw_for_resubmission(
    scope: TenantScope, principal: Principal, campaign: Campaign
) -> bool:
    """An approved campaign whose approval no longer covers it may be submitted again:
    its approvals end and it goes back to pending. Returns False while the approval holds."""
    stale = await stale_reason(scope, campaign)
    if stale is None:
        return False
    code = stale[0]
    standing = await repository.current_approvals(scope, campaign.id)
    changes: list[dict[str, Any]] = []
    if code == "approval_outdated":
        completion = await standing_completion(scope, campaign.id)
        assert completion is not None
        changes = content.diff(completion.content, await content.governed_content(scope, campaign))
    reason = "content_changed" if code == "approval_outdated" else "audience_drift"
    await _withdraw(scope, principal, campaign, standing, reason, "resubmitted", changes)
    return True
