"""Which Redis databases the tests use, so a shared Redis server is never emptied by them.

The rule, applied by every test worker:

1. Start from the database named in `TEST_REDIS_URL` (`redis://host:port/N`, or `?db=N` on a
   unix socket; 0 when it names none), then try the server's other databases in ascending
   order.
2. A worker uses a database only while it holds that database's lease: the key
   `crm:test-lease`, stored *in that database*, whose value names the worker (run, xdist
   worker, process). The lease is taken in one atomic step (a Lua script, set only if absent)
   and only when the database has no lease and is either empty or carries the harness mark
   `crm:test-harness` (left by a test run that was killed before cleaning up). A database that
   holds anything else — someone's data, another run's lease — is never taken.
3. The lease expires after `LEASE_TTL_S` unless renewed; a thread of the worker renews it
   every `RENEW_EVERY_S` while the run lasts, so a killed run frees its database within
   minutes and the next run reclaims it by its mark.
4. Emptying a database is one Lua script that first checks the lease's value: a worker
   flushes only a database whose lease it holds, and puts its lease and the mark back in the
   same step. At the end of the run the worker empties its database, lease included.

Two xdist workers and several people's runs on one server therefore each get their own
database; when none is free a worker waits (up to `WAIT_S`) for one to be released.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

from redis import Redis
from redis.asyncio import Redis as AsyncRedis
from redis.exceptions import ResponseError

LEASE_KEY = "crm:test-lease"
MARK_KEY = "crm:test-harness"
LEASE_TTL_S = 600
RENEW_EVERY_S = 60.0
WAIT_S = 600.0
DEFAULT_DATABASES = 16

logger = logging.getLogger(__name__)

_TAKE = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if redis.call('DBSIZE') > 0 and redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
return 1
"""

_RESET = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('FLUSHDB')
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
return 1
"""

_RENEW = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
"""

_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('FLUSHDB')
return 1
"""


class NoFreeRedisDatabase(RuntimeError):
    """Every candidate database is leased to someone else or holds data that is not ours."""


class RedisLeaseLost(RuntimeError):
    """The database's lease is not held by this worker: it is not ours to empty."""


def with_redis_db(url: str, index: int) -> str:
    if url.startswith("unix://"):
        base = url.split("?", 1)[0]
        return f"{base}?db={index}"
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{index}"))


def redis_db_index(url: str) -> int:
    """The database a Redis URL names (0 when it names none)."""
    parts = urlsplit(url)
    if parts.scheme == "unix":
        values = parse_qs(parts.query).get("db")
        return int(values[0]) if values else 0
    path = parts.path.strip("/")
    return int(path) if path else 0


def _database_count(client: Redis) -> int:
    try:
        reply: Any = client.config_get("databases")
        return int(reply.get("databases", DEFAULT_DATABASES))
    except ResponseError:  # CONFIG disabled (managed Redis): assume the server default
        return DEFAULT_DATABASES


def candidate_databases(server_url: str) -> list[int]:
    """The named database first, then the server's other databases in ascending order."""
    named = redis_db_index(server_url)
    client = Redis.from_url(server_url)
    try:
        count = _database_count(client)
    finally:
        client.close()
    return [named, *(index for index in range(count) if index != named)]


def _eval(client: Redis, script: str, owner: str, *extra: Any) -> bool:
    return bool(client.eval(script, 2, LEASE_KEY, MARK_KEY, owner, *extra))


class RedisLease:
    """One worker's hold on one Redis database, renewed in the background until released."""

    def __init__(self, server_url: str, index: int, owner: str) -> None:
        self.server_url = server_url
        self.index = index
        self.owner = owner
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    @property
    def url(self) -> str:
        return with_redis_db(self.server_url, self.index)

    @classmethod
    def try_take(cls, server_url: str, index: int, owner: str) -> RedisLease | None:
        """The lease on database `index` if the rule allows taking it now; the database is
        emptied (it may hold a killed run's leftovers) before it is returned."""
        client = Redis.from_url(with_redis_db(server_url, index))
        try:
            if not _eval(client, _TAKE, owner, LEASE_TTL_S):
                return None
            _eval(client, _RESET, owner, LEASE_TTL_S)
        finally:
            client.close()
        return cls(server_url, index, owner)

    @classmethod
    def acquire(
        cls,
        server_url: str,
        owner: str,
        *,
        databases: Sequence[int] | None = None,
        wait_s: float = WAIT_S,
        renew: bool = True,
    ) -> RedisLease:
        """The first candidate database this worker may lease, waiting for one if none is free."""
        candidates = list(databases) if databases is not None else candidate_databases(server_url)
        deadline = time.monotonic() + wait_s
        while True:
            for index in candidates:
                lease = cls.try_take(server_url, index, owner)
                if lease is not None:
                    if renew:
                        lease.start_renewing()
                    return lease
            if time.monotonic() >= deadline:
                raise NoFreeRedisDatabase(
                    f"no Redis database among {candidates} is free for the tests: each holds "
                    f"data or another run's lease ({LEASE_KEY}); name a free one in "
                    "TEST_REDIS_URL or wait for the other runs to finish"
                )
            time.sleep(1.0)

    def renew(self) -> bool:
        client = Redis.from_url(self.url)
        try:
            return _eval(client, _RENEW, self.owner, LEASE_TTL_S)
        finally:
            client.close()

    def start_renewing(self) -> None:
        def loop() -> None:
            while not self._stop.wait(RENEW_EVERY_S):
                try:
                    if not self.renew():
                        return
                except Exception as exc:  # Redis briefly unreachable: try again next period
                    logger.warning("could not renew the test Redis lease: %s", exc)

        self._renewer = threading.Thread(target=loop, name="crm-test-redis-lease", daemon=True)
        self._renewer.start()

    def release(self) -> bool:
        """Empty the database (lease included) if this worker still holds it."""
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join(timeout=5)
        client = Redis.from_url(self.url)
        try:
            return _eval(client, _RELEASE, self.owner)
        finally:
            client.close()


async def reset_redis(redis: AsyncRedis, owner: str) -> None:
    """Empty the database `redis` points at, keeping `owner`'s lease; refuses (and leaves the
    database untouched) unless `owner` holds the lease."""
    done = await redis.eval(_RESET, 2, LEASE_KEY, MARK_KEY, owner, str(LEASE_TTL_S))  # type: ignore[misc]
    if not done:
        raise RedisLeaseLost(
            f"this test worker ({owner}) does not hold {LEASE_KEY} on its Redis database; "
            "it will not empty a database that is not its own"
        )
