"""Failed sign-ins with a growing back-off, per account and per client address.

Only failures count: a key may fail `free` times; each failure from then on locks it for
`base_s · 2^(failures - free)` seconds (at most `max_s`), and an attempt on a locked key is
refused with 429 and Retry-After before the password is even checked. A success clears the
account's failures (never the address's, so one's own account cannot launder an address).
Failures are forgotten `memory_s` after the last one.

The counters live in Redis, shared by every process. When Redis cannot be reached they live
in this process instead (same rules, per process): the limit degrades, it never switches off.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from redis.asyncio import Redis
from redis.exceptions import RedisError

from crm_common.errors import RateLimited

log = structlog.get_logger(__name__)

_MEMORY_MAX_KEYS = 100_000


@dataclass(frozen=True)
class AttemptKey:
    """One thing whose failures are counted (an account, an address) and its rules."""

    key: str
    scope: str
    free: int
    base_s: float
    max_s: float
    memory_s: int

    def lock_s(self, failures: int) -> float:
        """How long `failures` failures in a row lock the key (0 while still free)."""
        if failures < self.free:
            return 0.0
        return float(min(self.max_s, self.base_s * 2 ** min(failures - self.free, 32)))


@dataclass
class _Counter:
    failures: int
    last_failure: float
    locked_until: float


class InProcessAttempts:
    """The fallback store: counters in this process's memory."""

    def __init__(self) -> None:
        self._counters: dict[str, _Counter] = {}

    def _live(self, key: AttemptKey, now: float) -> _Counter | None:
        counter = self._counters.get(key.key)
        if counter is not None and now - counter.last_failure > key.memory_s:
            del self._counters[key.key]
            return None
        return counter

    def locked_for(self, keys: Sequence[AttemptKey]) -> tuple[float, AttemptKey | None]:
        now = time.monotonic()
        longest: tuple[float, AttemptKey | None] = (0.0, None)
        for key in keys:
            counter = self._live(key, now)
            if counter is not None and counter.locked_until - now > longest[0]:
                longest = (counter.locked_until - now, key)
        return longest

    def failed(self, keys: Sequence[AttemptKey]) -> None:
        now = time.monotonic()
        if len(self._counters) >= _MEMORY_MAX_KEYS:
            self._counters.clear()
        for key in keys:
            counter = self._live(key, now) or _Counter(0, now, 0.0)
            counter.failures += 1
            counter.last_failure = now
            counter.locked_until = now + key.lock_s(counter.failures)
            self._counters[key.key] = counter

    def cleared(self, keys: Sequence[AttemptKey]) -> None:
        for key in keys:
            self._counters.pop(key.key, None)


class FailedAttempts:
    """Counts failures and refuses attempts on locked keys (see the module docstring)."""

    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self.fallback = InProcessAttempts()

    async def check(self, keys: Sequence[AttemptKey]) -> None:
        """Raise RateLimited (429, Retry-After) when any of `keys` is locked."""
        if not keys:
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.pttl(f"{key.key}:lock")
                ttls = await pipe.execute()
            waits = [(max(0, int(ttl)) / 1000, key) for ttl, key in zip(ttls, keys, strict=True)]
            wait, locked = max(waits, key=lambda item: item[0], default=(0.0, None))
        except RedisError as exc:
            log.warning("sign_in_limit_in_process", error=type(exc).__name__)
            wait, locked = self.fallback.locked_for(keys)
        if locked is not None and wait > 0:
            error = RateLimited(max(1, math.ceil(wait)))
            error.details.update({"scope": locked.scope, "free_failures": locked.free})
            raise error

    async def failed(self, keys: Sequence[AttemptKey]) -> None:
        """Count a failure against every key, locking those past their free failures."""
        if not keys:
            return
        try:
            async with self.redis.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.incr(f"{key.key}:n")
                    pipe.expire(f"{key.key}:n", key.memory_s)
                counts = (await pipe.execute())[::2]
                for key, failures in zip(keys, counts, strict=True):
                    lock_s = key.lock_s(int(failures))
                    if lock_s > 0:
                        pipe.set(f"{key.key}:lock", "1", px=max(1, int(lock_s * 1000)))
                await pipe.execute()
        except RedisError as exc:
            log.warning("sign_in_limit_in_process", error=type(exc).__name__)
            self.fallback.failed(keys)

    async def succeeded(self, keys: Sequence[AttemptKey]) -> None:
        """Forget the failures of `keys` (the account that just signed in)."""
        self.fallback.cleared(keys)
        names = [f"{key.key}:{part}" for key in keys for part in ("n", "lock")]
        if not names:
            return
        try:
            await self.redis.delete(*names)
        except RedisError as exc:
            log.warning("sign_in_limit_in_process", error=type(exc).__name__)
