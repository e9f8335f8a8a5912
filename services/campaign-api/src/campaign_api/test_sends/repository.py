"""Queries of test sends, all through the tenant scope."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import and_

from crm_common.models import (
    AbVariant,
    Campaign,
    CampaignTemplate,
    CampaignTemplateLink,
    CampaignTestSend,
    Contact,
)
from crm_common.tenancy import TenantScope


async def campaign(scope: TenantScope, campaign_id: uuid.UUID) -> Campaign | None:
    statement = scope.select(Campaign, Campaign.id == campaign_id, ~Campaign.is_deleted)
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def linked_templates(
    scope: TenantScope, campaign_id: uuid.UUID
) -> Sequence[tuple[CampaignTemplate, bool]]:
    """The campaign's templates with their primary flag, in the order they were linked."""
    statement = (
        scope.select(CampaignTemplate)
        .join(
            CampaignTemplateLink,
            and_(
                CampaignTemplateLink.template_id == CampaignTemplate.id,
                CampaignTemplateLink.company_id == scope.company_id,
            ),
        )
        .where(CampaignTemplateLink.campaign_id == campaign_id)
        .add_columns(CampaignTemplateLink.is_primary)
        .order_by(CampaignTemplateLink.created_at, CampaignTemplate.id)
    )
    rows = (await scope.session.execute(statement)).all()
    return [(row[0], bool(row[1])) for row in rows]


async def variant(
    scope: TenantScope, campaign_id: uuid.UUID, variant_id: uuid.UUID
) -> AbVariant | None:
    statement = scope.select(
        AbVariant, AbVariant.id == variant_id, AbVariant.campaign_id == campaign_id
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()


async def template(scope: TenantScope, template_id: uuid.UUID) -> CampaignTemplate | None:
    return await scope.get(CampaignTemplate, template_id)


async def contact(scope: TenantScope, contact_id: uuid.UUID) -> Contact | None:
    return await scope.get(Contact, contact_id)


async def sample_contact(scope: TenantScope, channel: str) -> Contact | None:
    """A contact of the company reachable on the channel (any contact if none is)."""
    address = Contact.email if channel == "email" else Contact.phone
    for criteria in ((address.is_not(None),), ()):
        statement = scope.select(Contact, *criteria).order_by(Contact.external_id).limit(1)
        found = (await scope.session.execute(statement)).scalar_one_or_none()
        if found is not None:
            return found
    return None


async def find_test_send(
    scope: TenantScope, campaign_id: uuid.UUID, test_send_id: uuid.UUID
) -> CampaignTestSend | None:
    statement = scope.select(
        CampaignTestSend,
        CampaignTestSend.id == test_send_id,
        CampaignTestSend.campaign_id == campaign_id,
    )
    return (await scope.session.execute(statement)).scalar_one_or_none()
