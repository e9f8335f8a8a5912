"""Governance queries: approvals of a campaign, the company's approval policy, the campaigns
a template's content reaches, audience snapshots and the drift since them."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    bindparam,
    func,
    insert,
    literal,
    or_,
    select,
    text,
)

from crm_common.enums import ApprovalStatus, CampaignStatus
from crm_common.models import (
    AbVariant,
    ApprovalAudienceSnapshot,
    ApprovalPolicy,
    Campaign,
    CampaignApproval,
    CampaignTemplateLink,
    Contact,
)
from crm_common.tenancy import TenantScope, owned

contacts = Contact.__table__
FINISHED = (CampaignStatus.COMPLETED, CampaignStatus.CANCELLED)


CURRENT_APPROVALS = (
    select(CampaignApproval)
    .where(
        owned(CampaignApproval),
        CampaignApproval.campaign_id == bindparam("campaign_id"),
        CampaignApproval.is_current.is_(True),
    )
    .order_by(CampaignApproval.step_index)
)


async def current_approvals(
    scope: TenantScope, campaign_id: uuid.UUID
) -> Sequence[CampaignApproval]:
    """The approvals of the campaign that still stand, in step order."""
    result = await scope.session.execute(CURRENT_APPROVALS, scope.params(campaign_id=campaign_id))
    return result.scalars().all()


async def history(
    scope: TenantScope, campaign_id: uuid.UUID, limit: int
) -> Sequence[CampaignApproval]:
    """The campaign's approvals, newest first."""
    return await scope.all(
        scope.select(CampaignApproval, CampaignApproval.campaign_id == campaign_id)
        .order_by(CampaignApproval.created_at.desc(), CampaignApproval.step_index.desc())
        .limit(limit)
    )


async def last_completed(scope: TenantScope, campaign_id: uuid.UUID) -> CampaignApproval | None:
    """The newest approval that completed the campaign's chain (current or ended)."""
    rows = await scope.all(
        scope.select(
            CampaignApproval,
            CampaignApproval.campaign_id == campaign_id,
            CampaignApproval.completes_chain.is_(True),
        )
        .order_by(CampaignApproval.created_at.desc())
        .limit(1)
    )
    return rows[0] if rows else None


POLICY = select(ApprovalPolicy).where(owned(ApprovalPolicy))


async def policy(scope: TenantScope) -> ApprovalPolicy | None:
    rows = (await scope.session.execute(POLICY, scope.params())).scalars().all()
    return rows[0] if rows else None


def campaigns_using_template(scope: TenantScope, template_id: uuid.UUID) -> Select[uuid.UUID]:
    """Ids of the company's approved or pending, not finished campaigns whose links or
    variants use the template, in id order (the order they are locked in)."""
    linked = select(CampaignTemplateLink.campaign_id).where(
        CampaignTemplateLink.company_id == scope.company_id,
        CampaignTemplateLink.template_id == template_id,
    )
    varied = select(AbVariant.campaign_id).where(
        AbVariant.company_id == scope.company_id, AbVariant.template_id == template_id
    )
    return (
        select(Campaign.id)
        .where(
            Campaign.company_id == scope.company_id,
            Campaign.is_deleted.is_(False),
            Campaign.campaign_status.not_in(FINISHED),
            Campaign.approval_status.in_(
                (ApprovalStatus.APPROVED, ApprovalStatus.PENDING_APPROVAL)
            ),
            or_(Campaign.id.in_(linked), Campaign.id.in_(varied)),
        )
        .order_by(Campaign.id)
    )


async def campaign_ids(scope: TenantScope, statement: Select[uuid.UUID]) -> list[uuid.UUID]:
    return list((await scope.session.execute(statement)).scalars())


async def snapshot_audience(
    scope: TenantScope,
    approval: CampaignApproval,
    segment_id: uuid.UUID,
    segment_name: str,
    matched: ColumnElement[bool],
    now: datetime,
) -> None:
    """Store the ids of the contacts `matched` selects, in one statement inside Postgres."""
    members = select(
        literal(uuid.uuid4()),
        literal(scope.company_id),
        literal(approval.id),
        literal(approval.campaign_id),
        literal(segment_id),
        literal(segment_name),
        func.count(),
        func.coalesce(func.array_agg(contacts.c.id), text("'{}'::uuid[]")),
        literal(now),
    ).where(contacts.c.company_id == scope.company_id, matched)
    table = ApprovalAudienceSnapshot.__table__
    assert isinstance(table, Table)
    await scope.session.execute(
        insert(table).from_select(
            [
                table.c.id,
                table.c.company_id,
                table.c.approval_id,
                table.c.campaign_id,
                table.c.segment_id,
                table.c.segment_name,
                table.c.member_count,
                table.c.member_ids,
                table.c.created_at,
            ],
            members,
        )
    )


async def snapshots_of(
    scope: TenantScope, approval_id: uuid.UUID
) -> Sequence[tuple[uuid.UUID, uuid.UUID, str, int]]:
    """(snapshot id, segment id, segment name, member count) of an approval, without the ids."""
    rows = await scope.session.execute(
        select(
            ApprovalAudienceSnapshot.id,
            ApprovalAudienceSnapshot.segment_id,
            ApprovalAudienceSnapshot.segment_name,
            ApprovalAudienceSnapshot.member_count,
        )
        .where(
            ApprovalAudienceSnapshot.company_id == scope.company_id,
            ApprovalAudienceSnapshot.approval_id == approval_id,
        )
        .order_by(ApprovalAudienceSnapshot.created_at, ApprovalAudienceSnapshot.segment_name)
    )
    return [(r[0], r[1], r[2], r[3]) for r in rows]


@dataclass(frozen=True)
class Drift:
    current: int
    added: int
    removed: int


async def drift(scope: TenantScope, snapshot_id: uuid.UUID, matched: ColumnElement[bool]) -> Drift:
    """Contacts `matched` selects now against those a snapshot kept: one hash full join."""
    current = (
        select(contacts.c.id.label("id"))
        .where(contacts.c.company_id == scope.company_id, matched)
        .cte("current_members")
    )
    kept = (
        select(func.unnest(ApprovalAudienceSnapshot.member_ids).label("id"))
        .where(
            ApprovalAudienceSnapshot.company_id == scope.company_id,
            ApprovalAudienceSnapshot.id == snapshot_id,
        )
        .cte("approved_members")
    )
    row = (
        await scope.session.execute(
            select(
                func.count(current.c.id),
                func.count().filter(kept.c.id.is_(None)),
                func.count().filter(current.c.id.is_(None)),
            ).select_from(current.join(kept, current.c.id == kept.c.id, full=True))
        )
    ).one()
    return Drift(current=int(row[0]), added=int(row[1]), removed=int(row[2]))
