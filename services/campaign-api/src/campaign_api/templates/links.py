"""Campaign ↔ template links, audited with their events."""

from __future__ import annotations

import uuid

from campaign_api.audit.service import record_change
from campaign_api.campaigns.rules import ensure_editable
from campaign_api.governance import service as governance
from campaign_api.templates import service
from campaign_api.templates.schemas import TemplateLinkList, TemplateLinkRead
from crm_common.enums import TemplateType
from crm_common.events import EventType
from crm_common.models import Campaign, CampaignTemplate, CampaignTemplateLink
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

ENTITY = "campaign"


def _read(link: CampaignTemplateLink, template: CampaignTemplate) -> TemplateLinkRead:
    return TemplateLinkRead(
        campaign_id=link.campaign_id,
        template_id=template.id,
        template_code=template.template_code,
        template_name=template.template_name,
        template_type=TemplateType(template.template_type),
        is_active=template.is_active,
        is_primary=link.is_primary,
        created_at=link.created_at,
    )


async def list_links(scope: TenantScope, campaign: Campaign) -> TemplateLinkList:
    pairs = await service.links(scope, campaign.id)
    items = [_read(link, template) for link, template in pairs]
    return TemplateLinkList(campaign_id=campaign.id, items=items, total=len(items))


async def link(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    template_id: uuid.UUID,
    is_primary: bool,
) -> TemplateLinkRead:
    """Link an active, channel-compatible template to an editable campaign."""
    ensure_editable(campaign)
    created, template = await service.link_template(
        scope, campaign, template_id, is_primary=is_primary
    )
    await record_change(
        scope,
        principal,
        action="template.linked",
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values={"template_id": template.id, "is_primary": is_primary},
        event_type=EventType.TEMPLATE_LINKED,
        event_data={
            "campaign_id": campaign.id,
            "template_id": template.id,
            "template_type": template.template_type,
            "is_primary": is_primary,
        },
    )
    await governance.content_changed(scope, principal, campaign, "template_linked")
    return _read(created, template)


async def unlink(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    template_id: uuid.UUID,
) -> None:
    """Unlink a template from an editable campaign."""
    ensure_editable(campaign)
    await service.unlink_template(scope, campaign.id, template_id)
    await record_change(
        scope,
        principal,
        action="template.unlinked",
        entity_type=ENTITY,
        entity_id=campaign.id,
        old_values={"template_id": template_id},
        event_type=EventType.TEMPLATE_UNLINKED,
        event_data={"campaign_id": campaign.id, "template_id": template_id},
    )
    await governance.content_changed(scope, principal, campaign, "template_unlinked")
