"""Permission aliases and campaign loaders shared by every campaign-scoped endpoint."""

import uuid
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, Path, Request, Response

from campaign_api.cache import CampaignCache
from campaign_api.campaigns import service
from crm_common.concurrency import ExpectedVersion, etag
from crm_common.deps import Scope
from crm_common.models import Campaign
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

P = Permission

CampaignReader = Annotated[Principal, Depends(require(P.READ_CAMPAIGN))]
CampaignCreator = Annotated[Principal, Depends(require(P.CREATE_CAMPAIGN))]
CampaignEditor = Annotated[Principal, Depends(require(P.UPDATE_CAMPAIGN))]
CampaignDeleter = Annotated[Principal, Depends(require(P.DELETE_CAMPAIGN))]
CampaignLauncher = Annotated[Principal, Depends(require(P.LAUNCH_CAMPAIGN))]
CampaignApprover = Annotated[Principal, Depends(require(P.APPROVE_CAMPAIGN))]


async def campaign_cache(request: Request) -> CampaignCache:
    """The app's campaign read cache (one per app, built on first use)."""
    cache: CampaignCache | None = getattr(request.app.state, "campaign_cache", None)
    if cache is None:
        resources = request.app.state.resources
        cache = CampaignCache(resources.redis, resources.settings.campaign_cache_ttl_s)
        request.app.state.campaign_cache = cache
    return cache


CampaignCacheDep = Annotated[CampaignCache, Depends(campaign_cache)]

CampaignId = Annotated[uuid.UUID, Path(description="The campaign's id.")]


async def readable_campaign(
    campaign_id: CampaignId, principal: CampaignReader, scope: Scope
) -> Campaign:
    """The campaign, for a caller who may read campaigns (404 when absent or another
    company's)."""
    return await service.load(scope, campaign_id)


ReadableCampaign = Annotated[Campaign, Depends(readable_campaign)]


def writable_campaign(
    permission: Permission, *, changes_it: bool = False
) -> Callable[..., Coroutine[Any, Any, Campaign]]:
    """A loader that checks `permission` first, then locks the campaign for this
    transaction, refuses a stale If-Match (412) and drops its cached renderings. With
    `changes_it` (a write to one of the campaign's parts: its templates, collaborators,
    budget allocations, alert rules) it also bumps the campaign's version, so the next
    If-Match with the old ETag is refused, and the answer carries the new ETag (a 204 sets
    it itself: `part_written`); a failed write rolls the bump back with it."""
    checker = require(permission)

    async def load_for_write(
        campaign_id: CampaignId,
        principal: Annotated[Principal, Depends(checker)],
        scope: Scope,
        expected_version: ExpectedVersion,
        cache: CampaignCacheDep,
        response: Response,
    ) -> Campaign:
        campaign = await service.load(
            scope, campaign_id, for_update=True, expected_version=expected_version
        )
        await cache.invalidate(scope.company_id, campaign.id, session=scope.session)
        if changes_it:
            service.mark_changed(campaign, principal, datetime.now(UTC))
            response.headers["ETag"] = etag(campaign.version)
        return campaign

    load_for_write.__name__ = f"campaign_for_{permission.value}" + ("_part" if changes_it else "")
    return load_for_write


EditableCampaign = Annotated[Campaign, Depends(writable_campaign(P.UPDATE_CAMPAIGN))]
PartEditableCampaign = Annotated[
    Campaign, Depends(writable_campaign(P.UPDATE_CAMPAIGN, changes_it=True))
]
"""The campaign whose part a write changes (its version bumped)."""
DeletableCampaign = Annotated[Campaign, Depends(writable_campaign(P.DELETE_CAMPAIGN))]
LaunchableCampaign = Annotated[Campaign, Depends(writable_campaign(P.LAUNCH_CAMPAIGN))]
ApprovableCampaign = Annotated[Campaign, Depends(writable_campaign(P.APPROVE_CAMPAIGN))]


def part_written(campaign: Campaign) -> Response:
    """The 204 of a write to one of the campaign's parts, with the campaign's new ETag."""
    return Response(status_code=204, headers={"ETag": etag(campaign.version)})
