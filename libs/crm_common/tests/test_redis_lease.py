"""The test harness keeps to Redis databases it leased and never empties anyone else's."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from redis import Redis
from redis.asyncio import Redis as AsyncRedis

from crm_common.testing.redis_lease import (
    LEASE_KEY,
    MARK_KEY,
    NoFreeRedisDatabase,
    RedisLease,
    RedisLeaseLost,
    candidate_databases,
    redis_db_index,
    reset_redis,
    with_redis_db,
)
from crm_common.testing.servers import ServerUrls

# Claims an empty database for data that is not the harness's: no lease, no mark.
_PLANT = """
if redis.call('DBSIZE') > 0 then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
return 1
"""


def _owner(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def unrelated_database(test_server_urls: ServerUrls) -> Iterator[tuple[int, str, str]]:
    """An empty database of the test server filled with someone else's key (no lease); the
    key is removed afterwards."""
    server = test_server_urls.redis_url
    key, value = f"someone-else:{uuid.uuid4().hex}", "precious"
    for index in reversed(candidate_databases(server)):
        client = Redis.from_url(with_redis_db(server, index))
        try:
            if client.eval(_PLANT, 1, key, value):
                break
        finally:
            client.close()
    else:
        pytest.skip("no empty Redis database to plant unrelated data in")
    yield index, key, value
    client = Redis.from_url(with_redis_db(server, index))
    try:
        client.delete(key)
    finally:
        client.close()


def _keys(server: str, index: int) -> dict[bytes, bytes | None]:
    client = Redis.from_url(with_redis_db(server, index))
    try:
        return {key: client.get(key) for key in client.keys("*")}
    finally:
        client.close()


def test_the_worker_holds_the_lease_on_its_own_database(
    redis_lease: RedisLease, redis_url: str, test_server_urls: ServerUrls
) -> None:
    assert redis_url == redis_lease.url
    assert redis_db_index(redis_url) in candidate_databases(test_server_urls.redis_url)
    client = Redis.from_url(redis_url)
    try:
        assert client.get(LEASE_KEY) == redis_lease.owner.encode()
        assert 0 < client.ttl(LEASE_KEY) <= 600
    finally:
        client.close()


def test_a_database_with_unrelated_data_is_never_leased(
    test_server_urls: ServerUrls, unrelated_database: tuple[int, str, str]
) -> None:
    server = test_server_urls.redis_url
    index, key, value = unrelated_database

    with pytest.raises(NoFreeRedisDatabase):
        RedisLease.acquire(server, _owner("intruder"), databases=[index], wait_s=0, renew=False)
    elsewhere = RedisLease.acquire(server, _owner("worker"), wait_s=60, renew=False)
    try:
        assert elsewhere.index != index
    finally:
        elsewhere.release()

    assert _keys(server, index) == {key.encode(): value.encode()}


async def test_a_database_is_never_emptied_without_its_lease(
    test_server_urls: ServerUrls, unrelated_database: tuple[int, str, str]
) -> None:
    server = test_server_urls.redis_url
    index, key, value = unrelated_database
    redis = AsyncRedis.from_url(with_redis_db(server, index))
    try:
        with pytest.raises(RedisLeaseLost):
            await reset_redis(redis, _owner("intruder"))
    finally:
        await redis.aclose()

    assert _keys(server, index) == {key.encode(): value.encode()}


async def test_a_lease_is_exclusive_and_only_its_holder_empties_the_database(
    test_server_urls: ServerUrls,
) -> None:
    server = test_server_urls.redis_url
    holder = _owner("holder")
    lease = RedisLease.acquire(server, holder, wait_s=60, renew=False)
    try:
        client = Redis.from_url(lease.url)
        try:
            client.set("holder:data", "1")
            # Another worker can neither take the database nor empty it.
            assert RedisLease.try_take(server, lease.index, _owner("other")) is None
            redis = AsyncRedis.from_url(lease.url)
            try:
                with pytest.raises(RedisLeaseLost):
                    await reset_redis(redis, _owner("other"))
                assert client.get("holder:data") == b"1"

                # The holder empties it and keeps its lease and the harness mark.
                await reset_redis(redis, holder)
            finally:
                await redis.aclose()
            assert set(client.keys("*")) == {LEASE_KEY.encode(), MARK_KEY.encode()}
            assert client.get(LEASE_KEY) == holder.encode()
            assert lease.renew()
        finally:
            client.close()
    finally:
        assert lease.release()
    assert _keys(server, lease.index) == {}


def test_a_killed_runs_database_is_reclaimed_once_its_lease_expired(
    test_server_urls: ServerUrls,
) -> None:
    server = test_server_urls.redis_url
    killed = RedisLease.acquire(server, _owner("killed"), wait_s=60, renew=False)
    client = Redis.from_url(killed.url)
    try:
        client.set("leftover", "1")
        # The killed run never released; its lease runs out.
        client.delete(LEASE_KEY)
        successor = RedisLease.try_take(server, killed.index, _owner("next"))
        assert successor is not None
        try:
            assert client.get("leftover") is None
            assert client.get(LEASE_KEY) == successor.owner.encode()
        finally:
            successor.release()
    finally:
        client.close()


def test_database_numbers_in_urls() -> None:
    assert redis_db_index("redis://127.0.0.1:6379/7") == 7
    assert redis_db_index("redis://127.0.0.1:6379") == 0
    assert redis_db_index("unix:///tmp/redis.sock?db=3") == 3
    assert with_redis_db("unix:///tmp/redis.sock?db=3", 5) == "unix:///tmp/redis.sock?db=5"
    assert with_redis_db("redis://h:1/0", 4) == "redis://h:1/4"
