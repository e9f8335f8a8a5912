"""Hierarchy use cases: placing a campaign under a parent, roll-ups and the tree.

Roll-ups are computed on every read (one recursive query) and never cached, so a change
anywhere below a campaign shows in its roll-up at once; only the campaign's own rendering,
which carries `parent_campaign_id`, goes through the campaign cache, and re-parenting
invalidates it like any other write."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError

from campaign_api.campaigns.rules import ensure_editable
from campaign_api.campaigns.service import mark_changed
from campaign_api.campaigns.updates import record_update
from campaign_api.hierarchy import repository
from campaign_api.hierarchy.errors import (
    HierarchyCycle,
    HierarchyTooDeep,
    ParentDeleted,
    ParentNotFound,
)
from campaign_api.hierarchy.schemas import HierarchyNode, HierarchyRead, Rollup
from crm_common import attribution
from crm_common.enums import CampaignStatus
from crm_common.errors import CRMError
from crm_common.models import Campaign
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

_GUARD_ERRORS = {
    "crm_campaign_hierarchy_cycle": HierarchyCycle,
    "crm_campaign_hierarchy_depth": HierarchyTooDeep,
    "crm_campaign_hierarchy_parent_deleted": ParentDeleted,
}


def _refusal(exc: IntegrityError) -> type[CRMError] | None:
    # asyncpg's error (with the guard's constraint name) is the cause of the DBAPI error.
    cause = getattr(exc.orig, "__cause__", None)
    constraint = getattr(cause, "constraint_name", None) or ""
    for name, error in _GUARD_ERRORS.items():
        if name == constraint:
            return error
    return None


async def set_parent(
    scope: TenantScope, principal: Principal, campaign: Campaign, parent_id: uuid.UUID | None
) -> Campaign:
    """Place a locked campaign under `parent_id` (or at the top with None); the database
    guard refuses cycles and a fourth level even under concurrent moves."""
    ensure_editable(campaign)
    if parent_id == campaign.parent_campaign_id:
        return campaign
    if parent_id is not None:
        live = await repository.exists_live(scope, parent_id)
        if live is None:
            raise ParentNotFound(details={"fields": {"parent_campaign_id": ["no such campaign"]}})
        if not live:
            raise ParentDeleted(details={"parent_campaign_id": str(parent_id)})
        if parent_id == campaign.id:
            raise HierarchyCycle(details={"parent_campaign_id": str(parent_id)})
    before = campaign.parent_campaign_id
    campaign.parent_campaign_id = parent_id
    mark_changed(campaign, principal, datetime.now(UTC))
    try:
        async with scope.session.begin_nested():
            await scope.session.flush()
    except IntegrityError as exc:
        error = _refusal(exc)
        if error is None:
            raise
        campaign.parent_campaign_id = before
        raise error(details={"parent_campaign_id": str(parent_id)}) from None
    await record_update(
        scope,
        principal,
        campaign,
        {"parent_campaign_id": before},
        {"parent_campaign_id": parent_id},
    )
    return campaign


async def hierarchy(scope: TenantScope, campaign: Campaign) -> HierarchyRead:
    """The tree the campaign belongs to, from its top-level ancestor, each node rolled up."""
    line = await repository.ancestry(scope, campaign.id)
    root_id = line[0] if line else campaign.id
    members = await repository.subtree(scope, root_id)
    base = await attribution.base_currency(scope)
    totals = await repository.rollups(scope, [m.id for m in members], base)
    children: dict[uuid.UUID | None, list[Campaign]] = {}
    for member in members:
        children.setdefault(member.parent_campaign_id, []).append(member)

    def node(member: Campaign) -> HierarchyNode:
        return HierarchyNode(
            id=member.id,
            campaign_name=member.campaign_name,
            campaign_code=member.campaign_code,
            campaign_status=CampaignStatus(member.campaign_status),
            parent_campaign_id=member.parent_campaign_id,
            rollup=Rollup.model_validate(totals[member.id]),
            children=[node(child) for child in children.get(member.id, [])],
        )

    root = next(m for m in members if m.id == root_id)
    return HierarchyRead(campaign_id=campaign.id, ancestors=line[:-1], root=node(root))
