"""`GET /api/campaigns/{id}/consent-summary/` and `GET`/`PUT /api/privacy/settings/`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from campaign_api.campaigns.deps import CampaignReader, ReadableCampaign
from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.privacy import service
from campaign_api.privacy.schemas import ConsentSummary, PrivacySettings, PrivacySettingsUpdate
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require
from crm_common.segments.rules import SavedRulesInvalid

# Changing how the whole company treats personal data is tenant administration.
PrivacyAdmin = Annotated[Principal, Depends(require(Permission.MANAGE_USERS))]

router = APIRouter(prefix="/api/campaigns", tags=["privacy"], responses=COMMON_RESPONSES)
settings_router = APIRouter(prefix="/api/privacy", tags=["privacy"], responses=COMMON_RESPONSES)


@router.get(
    "/{campaign_id}/consent-summary/",
    response_model=ConsentSummary,
    summary="Consent summary of a campaign's audience",
    responses={**CampaignNotFound.openapi(), **SavedRulesInvalid.openapi()},
)
async def consent_summary(
    campaign: ReadableCampaign, principal: CampaignReader, scope: Scope
) -> ConsentSummary:
    """Consent of the campaign's audience by channel, status and legal basis."""
    return await service.consent_summary(scope, campaign)


@settings_router.get(
    "/settings/", response_model=PrivacySettings, summary="Read the privacy settings"
)
async def read_settings(principal: CampaignReader, scope: Scope) -> PrivacySettings:
    """The company's privacy settings (double opt-in for email, data residency)."""
    return await service.read_settings(scope)


@settings_router.put(
    "/settings/", response_model=PrivacySettings, summary="Change the privacy settings"
)
async def change_settings(
    body: PrivacySettingsUpdate, principal: PrivacyAdmin, scope: Scope
) -> PrivacySettings:
    """Replace the company's privacy settings (administrators)."""
    return await service.change_settings(scope, principal, body)
