"""Template rules: reference templates, channel compatibility and links."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from campaign_api.audit.service import record_change, record_update
from campaign_api.governance import service as governance
from campaign_api.shared.values import snapshot
from campaign_api.templates import repository
from campaign_api.templates.errors import (
    DuplicateTemplateCode,
    InactiveTemplate,
    IncompatibleTemplate,
    TemplateAlreadyLinked,
    TemplateInUse,
    TemplateLinkNotFound,
    TemplateNotFound,
)
from campaign_api.templates.schemas import TEMPLATE_WRITABLE, TemplateCreate
from crm_common.enums import Channel, TemplateType
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignTemplate, CampaignTemplateLink
from crm_common.pagination import PageParams
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign_template"

# Which template types each channel can send (a landing page backs any digital message).
CHANNEL_TEMPLATE_TYPES: dict[str, frozenset[str]] = {
    Channel.EMAIL: frozenset({TemplateType.EMAIL, TemplateType.LANDING_PAGE}),
    Channel.SMS: frozenset({TemplateType.SMS, TemplateType.LANDING_PAGE}),
    Channel.SOCIAL: frozenset({TemplateType.SOCIAL, TemplateType.LANDING_PAGE}),
    Channel.DIRECT_MAIL: frozenset({TemplateType.DIRECT_MAIL}),
    Channel.MULTI_CHANNEL: frozenset(TemplateType),
}


def compatible(channel: str, template_type: str) -> bool:
    return template_type in CHANNEL_TEMPLATE_TYPES.get(channel, frozenset())


def ensure_compatible(channel: str, template: CampaignTemplate) -> None:
    if not compatible(channel, template.template_type):
        raise IncompatibleTemplate(
            details={
                "template_id": str(template.id),
                "template_type": template.template_type,
                "primary_channel": channel,
                "allowed_template_types": sorted(CHANNEL_TEMPLATE_TYPES.get(channel, ())),
            }
        )


async def get_template(scope: TenantScope, template_id: uuid.UUID) -> CampaignTemplate:
    template = await repository.get(scope, template_id)
    if template is None:
        raise TemplateNotFound()
    return template


async def list_templates(
    scope: TenantScope, params: PageParams, filters: dict[str, Any]
) -> tuple[Sequence[Mapping[str, Any]], int]:
    """One page of templates matching `filters` (and its `search`), defaults first: the
    columns a reader gets, as rows."""
    return await repository.TEMPLATE_LIST.page(
        scope, filters, filters.get("search"), params.page_size, params.offset
    )


async def create_template(
    scope: TenantScope, principal: Principal, body: TemplateCreate
) -> CampaignTemplate:
    """Create a template; its code is unique within the company and at most one template of
    each type is the default."""
    if await repository.code_taken(scope, body.template_code):
        raise DuplicateTemplateCode(details={"template_code": body.template_code})
    template = scope.add(CampaignTemplate(id=uuid.uuid4(), **body.model_dump()))
    await scope.session.flush()
    if template.is_default:
        await repository.clear_default(scope, template.template_type, template.id)
    await scope.session.refresh(template)
    await record_change(
        scope,
        principal,
        action="template.created",
        entity_type=ENTITY,
        entity_id=template.id,
        new_values=snapshot(template, TEMPLATE_WRITABLE),
        event_type=EventType.TEMPLATE_CREATED,
        event_data={
            "template_id": template.id,
            "template_code": template.template_code,
            "template_type": template.template_type,
            "is_active": template.is_active,
        },
    )
    return template


async def update_template(
    scope: TenantScope,
    principal: Principal,
    template_id: uuid.UUID,
    values: dict[str, Any],
) -> CampaignTemplate:
    """Change a template; its type cannot change and it cannot be deactivated while live
    campaigns use it."""
    template = await repository.get(scope, template_id, for_update=True)
    if template is None:
        raise TemplateNotFound()
    before = snapshot(template, TEMPLATE_WRITABLE)
    code = values.get("template_code")
    if (
        code is not None
        and code != template.template_code
        and await repository.code_taken(scope, code, template.id)
    ):
        raise DuplicateTemplateCode(details={"template_code": code})
    retyped = "template_type" in values and values["template_type"] != template.template_type
    deactivated = values.get("is_active") is False and template.is_active
    if retyped or deactivated:
        in_use = await repository.live_link_count(scope, template.id)
        if in_use:
            raise TemplateInUse(
                details={
                    "live_campaigns": in_use,
                    "field": "template_type" if retyped else "is_active",
                }
            )
    for name, value in values.items():
        setattr(template, name, value)
    await scope.session.flush()
    if template.is_default:
        await repository.clear_default(scope, template.template_type, template.id)
    await scope.session.refresh(template)
    await record_update(
        scope,
        principal,
        before,
        snapshot(template, TEMPLATE_WRITABLE),
        action="template.updated",
        entity_type=ENTITY,
        entity_id=template.id,
        event_type=EventType.TEMPLATE_UPDATED,
        event_data=lambda changed: {
            "template_id": template.id,
            "template_code": template.template_code,
            "changed": changed,
        },
    )
    # Approved campaigns sending this template go back to approval when its content changed.
    await governance.template_changed(scope, principal, template.id)
    return template


async def check_linked_templates(scope: TenantScope, campaign_id: uuid.UUID, channel: str) -> None:
    """Refuse a channel that a template linked to the campaign cannot send."""
    for _link, template in await repository.links_of(scope, campaign_id):
        ensure_compatible(channel, template)


async def links(scope: TenantScope, campaign_id: uuid.UUID) -> Sequence[Any]:
    """(link, template) pairs of one campaign."""
    return await repository.links_of(scope, campaign_id)


async def link_template(
    scope: TenantScope, campaign: Campaign, template_id: uuid.UUID, *, is_primary: bool
) -> tuple[CampaignTemplateLink, CampaignTemplate]:
    """Link an active template whose type fits the campaign's channel."""
    template = await repository.get(scope, template_id)
    if template is None:
        raise TemplateNotFound()
    if not template.is_active:
        raise InactiveTemplate(details={"template_id": str(template.id)})
    ensure_compatible(campaign.primary_channel, template)
    if await repository.link(scope, campaign.id, template.id) is not None:
        raise TemplateAlreadyLinked(details={"template_id": str(template.id)})
    if is_primary:
        await repository.clear_primary(scope, campaign.id)
    link = scope.add(
        CampaignTemplateLink(
            campaign_id=campaign.id, template_id=template.id, is_primary=is_primary
        )
    )
    await repository.adjust_usage(scope, template.id, +1)
    await scope.session.flush()
    await scope.session.refresh(link)
    return link, template


async def unlink_template(
    scope: TenantScope, campaign_id: uuid.UUID, template_id: uuid.UUID
) -> None:
    if not await repository.delete_link(scope, campaign_id, template_id):
        raise TemplateLinkNotFound()
    await repository.adjust_usage(scope, template_id, -1)
