"""A company's approval chain and drift threshold: stored in crm_approval_policies, one
plain approval step when the company set none."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from campaign_api.audit.service import record_change
from campaign_api.governance import repository
from campaign_api.governance.schemas import ApprovalPolicyRead, ApprovalPolicyWrite, ApprovalStep
from crm_common.models import ApprovalPolicy
from crm_common.security.permissions import RoleName
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

DEFAULT_STEPS = (ApprovalStep(name="Approval"),)
ENTITY = "approval_policy"


@dataclass(frozen=True)
class Chain:
    steps: tuple[ApprovalStep, ...]
    drift_threshold_percent: Decimal | None

    def required(self, total_budget: Decimal) -> list[int]:
        """Indices of the steps a campaign with `total_budget` needs, in order; the first
        step when the budget is below every step's threshold (approval never has no step)."""
        applying = [
            index
            for index, step in enumerate(self.steps)
            if step.min_total_budget is None or total_budget > step.min_total_budget
        ]
        return applying or [0]


def may_decide(step: ApprovalStep, principal: Principal) -> bool:
    """An approver decides a step naming their role, or no role; admins decide any step."""
    return step.role is None or step.role in principal.roles or RoleName.ADMIN in principal.roles


async def load_chain(scope: TenantScope) -> Chain:
    stored = await repository.policy(scope)
    if stored is None or not stored.steps:
        threshold = stored.drift_threshold_percent if stored is not None else None
        return Chain(DEFAULT_STEPS, threshold)
    steps = tuple(ApprovalStep.model_validate(step) for step in stored.steps)
    return Chain(steps, stored.drift_threshold_percent)


async def read_policy(scope: TenantScope) -> ApprovalPolicyRead:
    """The company's approval policy (the default one-step chain when none was set)."""
    stored = await repository.policy(scope)
    chain = await load_chain(scope)
    return ApprovalPolicyRead(
        steps=list(chain.steps),
        drift_threshold_percent=chain.drift_threshold_percent,
        is_default=stored is None or not stored.steps,
        updated_by_user_id=stored.updated_by_user_id if stored is not None else None,
        updated_at=stored.updated_at if stored is not None else None,
    )


def _stored(steps: list[ApprovalStep]) -> list[dict[str, Any]]:
    return [step.model_dump(mode="json", exclude_none=True) for step in steps]


async def update_policy(
    scope: TenantScope, principal: Principal, body: ApprovalPolicyWrite
) -> ApprovalPolicyRead:
    """Replace the company's approval chain and drift threshold (audited). Campaigns keep
    the approvals they hold; pending ones follow the new chain from their next decision."""
    now = datetime.now(UTC)
    stored = await repository.policy(scope)
    before = (
        {"steps": stored.steps, "drift_threshold_percent": stored.drift_threshold_percent}
        if stored is not None
        else None
    )
    if stored is None:
        stored = ApprovalPolicy(company_id=scope.company_id)
        scope.session.add(stored)
    stored.steps = _stored(body.steps)
    stored.drift_threshold_percent = body.drift_threshold_percent
    stored.updated_by_user_id = principal.user_id
    stored.updated_at = now
    await scope.session.flush()
    await record_change(
        scope,
        principal,
        action="approval_policy.updated",
        entity_type=ENTITY,
        entity_id=scope.company_id,
        old_values=before,
        new_values={
            "steps": stored.steps,
            "drift_threshold_percent": stored.drift_threshold_percent,
        },
    )
    return await read_policy(scope)
