"""Template and template-link queries, every one scoped through TenantScope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, func

from campaign_api.shared.pages import ListQuery
from campaign_api.shared.statuses import is_live
from campaign_api.templates.schemas import TemplateRead
from crm_common.models import Campaign, CampaignTemplate, CampaignTemplateLink
from crm_common.tenancy import TenantScope


async def get(
    scope: TenantScope, template_id: uuid.UUID, *, for_update: bool = False
) -> CampaignTemplate | None:
    """A template by id (locked with `for_update`)."""
    return await scope.get(CampaignTemplate, template_id, for_update=for_update)


async def code_taken(scope: TenantScope, code: str, exclude_id: uuid.UUID | None = None) -> bool:
    """Whether another template of the company (than `exclude_id`) has this code."""
    criteria: list[ColumnElement[bool]] = [CampaignTemplate.template_code == code]
    if exclude_id is not None:
        criteria.append(CampaignTemplate.id != exclude_id)
    statement = scope.select(CampaignTemplate, *criteria).exists().select()
    return bool((await scope.session.execute(statement)).scalar_one())


TEMPLATE_LIST = ListQuery(
    model=CampaignTemplate,
    columns=tuple(getattr(CampaignTemplate, name) for name in TemplateRead.model_fields),
    filters=("is_active", "template_type"),
    searched=("template_name", "template_code"),
    order=(
        CampaignTemplate.is_default.desc(),
        CampaignTemplate.template_code,
        CampaignTemplate.id,
    ),
)
"""The template list: defaults first; filtered by activity or type, searched by name or code
literally."""


async def clear_default(scope: TenantScope, template_type: str, keep_id: uuid.UUID) -> None:
    """Make no template of `template_type` but `keep_id` the default."""
    statement = scope.update(
        CampaignTemplate,
        CampaignTemplate.template_type == template_type,
        CampaignTemplate.is_default.is_(True),
        CampaignTemplate.id != keep_id,
    ).values(is_default=False)
    await scope.session.execute(statement)


async def live_link_count(scope: TenantScope, template_id: uuid.UUID) -> int:
    """How many live campaigns use the template."""
    statement = (
        scope.select(CampaignTemplateLink, CampaignTemplateLink.template_id == template_id)
        .join(Campaign, Campaign.id == CampaignTemplateLink.campaign_id)
        .where(is_live())
        .with_only_columns(func.count())
    )
    return int((await scope.session.execute(statement)).scalar_one())


async def links_of(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """(link, template) pairs of one campaign, primary first."""
    statement = (
        scope.select(CampaignTemplateLink, CampaignTemplateLink.campaign_id == campaign_id)
        .join(CampaignTemplate, CampaignTemplate.id == CampaignTemplateLink.template_id)
        .add_columns(CampaignTemplate)
        .order_by(CampaignTemplateLink.is_primary.desc(), CampaignTemplate.template_code)
    )
    return (await scope.session.execute(statement)).all()


async def link(
    scope: TenantScope, campaign_id: uuid.UUID, template_id: uuid.UUID
) -> CampaignTemplateLink | None:
    """The link between a campaign and a template, if any."""
    statement = scope.select(
        CampaignTemplateLink,
        CampaignTemplateLink.campaign_id == campaign_id,
        CampaignTemplateLink.template_id == template_id,
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def clear_primary(scope: TenantScope, campaign_id: uuid.UUID) -> None:
    """Make none of the campaign's template links primary."""
    statement = scope.update(
        CampaignTemplateLink,
        CampaignTemplateLink.campaign_id == campaign_id,
        CampaignTemplateLink.is_primary.is_(True),
    ).values(is_primary=False)
    await scope.session.execute(statement)


async def delete_link(scope: TenantScope, campaign_id: uuid.UUID, template_id: uuid.UUID) -> int:
    """Remove the link between a campaign and a template; returns how many rows went."""
    statement = scope.delete(
        CampaignTemplateLink,
        CampaignTemplateLink.campaign_id == campaign_id,
        CampaignTemplateLink.template_id == template_id,
    )
    result: Any = await scope.session.execute(statement)
    return int(result.rowcount or 0)


async def adjust_usage(scope: TenantScope, template_id: uuid.UUID, delta: int) -> None:
    """Add `delta` to the template's usage count, never below zero."""
    statement = scope.update(CampaignTemplate, CampaignTemplate.id == template_id).values(
        usage_count=func.greatest(CampaignTemplate.usage_count + delta, 0)
    )
    await scope.session.execute(statement)
