"""Who may request a test send, and how often."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from campaign_api.campaigns.deps import CampaignEditor
from crm_common.deps import AppResources
from crm_common.ratelimit import Limit, RateLimiter
from crm_common.security.principal import Principal

TEST_SENDS_PER_WINDOW = 30
TEST_SEND_WINDOW_S = 600
"""Each test send reaches a real inbox or phone: at most 30 per user every ten minutes, on
top of the limits every request gets."""


async def test_sender(principal: CampaignEditor, resources: AppResources) -> Principal:
    """The caller, once they may edit campaigns and are within the test-send limit."""
    settings = resources.settings
    if settings.rate_limit_enabled:
        limiter = RateLimiter(resources.redis, settings.rate_limit_prefix)
        await limiter.enforce(
            Limit(
                limiter.key("test-send", str(principal.user_id)),
                TEST_SENDS_PER_WINDOW,
                TEST_SEND_WINDOW_S,
                "test_send",
            )
        )
    return principal


TestSender = Annotated[Principal, Depends(test_sender)]
