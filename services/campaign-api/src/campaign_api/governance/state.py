"""What the approvals view shows: the chain with each step's standing approval, the
fingerprint of the content now and the field-level changes since the approved version."""

from __future__ import annotations

from typing import Any

from campaign_api.governance import content, repository
from campaign_api.governance.chain import load_chain
from campaign_api.governance.schemas import (
    ApprovalRecord,
    CampaignApprovalState,
    ChainStepState,
    ContentChange,
)
from crm_common.models import Campaign
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.segments.pii import masked_criteria
from crm_common.tenancy import TenantScope

HISTORY = 50


def _masked(document: dict[str, Any], view_pii: bool) -> dict[str, Any]:
    """The content as the reader may see it: segments' personal-data rule values masked
    without view_pii."""
    if view_pii:
        return document
    segments = [{**s, **masked_criteria(s, view_pii=False)} for s in document.get("segments", [])]
    return {**document, "segments": segments}


async def approval_state(
    scope: TenantScope, principal: Principal, campaign: Campaign
) -> CampaignApprovalState:
    """The campaign's approval chain, its standing approvals and the diff since approval."""
    chain = await load_chain(scope)
    required = set(chain.required(campaign.total_budget))
    standing = {a.step_index: a for a in await repository.current_approvals(scope, campaign.id)}
    steps = [
        ChainStepState(
            step_index=index,
            name=step.name,
            role=step.role,
            min_total_budget=step.min_total_budget,
            required=index in required,
            approval=ApprovalRecord.model_validate(standing[index]) if index in standing else None,
        )
        for index, step in enumerate(chain.steps)
    ]
    next_step = next((s for s in steps if s.required and s.approval is None), None)
    now_content = await content.governed_content(scope, campaign)
    now_fingerprint = content.fingerprint(now_content)
    completion = next((a for a in standing.values() if a.completes_chain), None)
    reference = completion or await repository.last_completed(scope, campaign.id)
    view_pii = principal.has(Permission.VIEW_PII)
    changes = (
        content.diff(_masked(reference.content, view_pii), _masked(now_content, view_pii))
        if reference is not None
        else []
    )
    history = await repository.history(scope, campaign.id, HISTORY)
    return CampaignApprovalState(
        campaign_id=campaign.id,
        approval_status=campaign.approval_status,
        fingerprint=now_fingerprint,
        approved_fingerprint=reference.fingerprint if reference is not None else None,
        approved_at=reference.created_at if reference is not None else None,
        content_matches_approval=(
            reference.fingerprint == now_fingerprint if reference is not None else None
        ),
        chain=steps,
        next_step=next_step if campaign.approval_status == "pending_approval" else None,
        changes_since_approval=[ContentChange.model_validate(c) for c in changes],
        history=[ApprovalRecord.model_validate(a) for a in history],
    )
