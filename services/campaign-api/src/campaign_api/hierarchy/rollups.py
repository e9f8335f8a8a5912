"""Roll-ups of campaigns, for the campaign read and list (kept apart from the hierarchy's
write side, which builds on the campaign feature)."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from campaign_api.hierarchy import repository
from campaign_api.hierarchy.schemas import Rollup
from crm_common import attribution
from crm_common.tenancy import TenantScope


async def of(scope: TenantScope, campaign_ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """The JSON-ready roll-up of each live campaign of `campaign_ids`, in one query."""
    base = await attribution.base_currency(scope)
    found = await repository.rollups(scope, campaign_ids, base)
    return {
        campaign_id: Rollup.model_validate(values).model_dump(mode="json")
        for campaign_id, values in found.items()
    }
