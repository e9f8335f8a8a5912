"""A/B variant queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import ColumnElement

from crm_common.enums import LaunchStatus
from crm_common.models import AbVariant, Launch
from crm_common.tenancy import TenantScope

SETTLED_WITHOUT_SENDING = (LaunchStatus.FAILED, LaunchStatus.CANCELLED)
"""Launches that leave the variants free to change (nothing was or will be sent by them)."""

_ORDER = (AbVariant.is_control.desc(), AbVariant.variant_name, AbVariant.id)


async def of_campaign(
    scope: TenantScope, campaign_id: uuid.UUID, limit: int | None = None, offset: int = 0
) -> tuple[Sequence[AbVariant], int]:
    """A page of the campaign's variants (control first, then by name) and their total."""
    criteria = (AbVariant.campaign_id == campaign_id,)
    total = int((await scope.session.execute(scope.count(AbVariant, *criteria))).scalar_one())
    statement = scope.select(AbVariant, *criteria).order_by(*_ORDER).offset(offset)
    if limit is not None:
        statement = statement.limit(limit)
    return await scope.all(statement), total


async def get(
    scope: TenantScope, campaign_id: uuid.UUID, variant_id: uuid.UUID, *, for_update: bool = False
) -> AbVariant | None:
    """One variant of the campaign."""
    statement = scope.select(
        AbVariant, AbVariant.id == variant_id, AbVariant.campaign_id == campaign_id
    )
    if for_update:
        statement = statement.with_for_update()
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def others(
    scope: TenantScope, campaign_id: uuid.UUID, exclude_id: uuid.UUID | None
) -> Sequence[AbVariant]:
    """The campaign's variants other than `exclude_id`."""
    criteria: list[ColumnElement[bool]] = [AbVariant.campaign_id == campaign_id]
    if exclude_id is not None:
        criteria.append(AbVariant.id != exclude_id)
    return await scope.all(scope.select(AbVariant, *criteria))


async def sending_launch(scope: TenantScope, campaign_id: uuid.UUID) -> Launch | None:
    """The campaign's latest launch that has sent or will send, if any."""
    statement = (
        scope.select(
            Launch,
            Launch.campaign_id == campaign_id,
            Launch.launch_status.not_in(SETTLED_WITHOUT_SENDING),
        )
        .order_by(Launch.created_at.desc())
        .limit(1)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def decided_launch(scope: TenantScope, campaign_id: uuid.UUID) -> Launch | None:
    """The campaign's latest launch with an A/B test phase."""
    statement = (
        scope.select(
            Launch,
            Launch.campaign_id == campaign_id,
            Launch.parameters.has_key("ab_test"),
        )
        .order_by(Launch.created_at.desc())
        .limit(1)
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()
