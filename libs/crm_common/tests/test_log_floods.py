"""A dependency that is down on every request is logged once per back-off step, not once per
request: the rate limiter fails open on an unreachable Redis and its warning is throttled."""

import pytest
from redis.asyncio import Redis

from crm_common.ratelimit import REDIS_DOWN, Limit, RateLimiter

REQUESTS = 50


async def test_rate_limiter_logs_one_line_per_back_off_step_while_redis_is_down(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The burst lands within the first one-second window, however slow the machine is.
    monkeypatch.setattr(REDIS_DOWN, "clock", lambda: 0.0)
    unreachable = Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=1)
    limiter = RateLimiter(unreachable)
    limit = Limit(limiter.key("ip", "192.0.2.1"), 10, 60)
    REDIS_DOWN.reset()
    try:
        decisions = [await limiter.enforce(limit) for _ in range(REQUESTS)]
    finally:
        await unreachable.aclose()
    # Fails open: losing the limiter does not take the API down.
    assert all(decision.allowed for decision in decisions)
    # The first failure is written at once; the rest of the burst wait for the next window.
    assert REDIS_DOWN.written == 1
    assert REDIS_DOWN.suppressed == REQUESTS - 1
