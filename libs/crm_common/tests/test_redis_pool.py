"""The process's Redis pool checks a connection outside the pool's lock, so one slow check
never holds up every other command of the process."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio.connection import AbstractConnection
from redis.exceptions import ConnectionError

from crm_common.redis import CheckOutsideLockPool, _idle, create_redis


class _SlowFirstCheck(CheckOutsideLockPool):
    """The first connection's check waits until released; the others are checked at once."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.release_first = asyncio.Event()
        self.checks = 0

    async def ensure_connection(self, connection: AbstractConnection) -> None:
        self.checks += 1
        if self.checks == 1:
            await self.release_first.wait()
        await super().ensure_connection(connection)


async def test_a_slow_check_does_not_hold_up_other_commands(redis_url: str) -> None:
    pool = _SlowFirstCheck.from_url(redis_url, decode_responses=True)
    try:
        first = asyncio.create_task(pool.get_connection("PING"))
        await asyncio.sleep(0)  # the first checkout is now inside its check
        second = await asyncio.wait_for(pool.get_connection("PING"), timeout=5)
        assert not first.done()
        pool.release_first.set()
        first_connection = await asyncio.wait_for(first, timeout=5)
        assert first_connection is not second
        await pool.release(first_connection)
        await pool.release(second)
    finally:
        await pool.disconnect()


async def test_the_client_round_trips_and_closes_its_pool(redis_url: str) -> None:
    client = create_redis(redis_url)
    assert isinstance(client.connection_pool, CheckOutsideLockPool)
    await client.set("crm:test:redis-pool", "yes", ex=10)
    assert await client.get("crm:test:redis-pool") == "yes"
    results = await asyncio.gather(*(client.incr("crm:test:redis-pool:n") for _ in range(50)))
    assert sorted(results) == list(range(1, 51))
    await client.delete("crm:test:redis-pool", "crm:test:redis-pool:n")
    await client.aclose()
    assert client.auto_close_connection_pool


async def test_a_failed_check_returns_the_connection() -> None:
    pool = CheckOutsideLockPool.from_url("redis://127.0.0.1:1/0")  # nothing listens there
    with pytest.raises(ConnectionError):
        await pool.get_connection("PING")
    assert not pool._in_use_connections
    await pool.disconnect()


async def test_a_connection_left_with_an_unread_reply_is_not_handed_out_as_is(
    redis_url: str,
) -> None:
    client = create_redis(redis_url)
    try:
        await client.set("crm:test:redis-pool:k", "right", ex=10)
        pool = client.connection_pool
        connection = await pool.get_connection("GET")
        assert _idle(connection)
        await connection.send_command("GET", "crm:test:redis-pool:other")  # never read
        await pool.release(connection)
        await asyncio.sleep(0.05)  # the stray reply is in the connection's buffer by now
        assert not _idle(connection)
        # redis-py's own check reconnects it: the next reply is the next command's.
        assert await client.get("crm:test:redis-pool:k") == "right"
        assert _idle(connection)
    finally:
        await client.aclose()


async def test_a_connection_the_server_closed_is_replaced(redis_url: str) -> None:
    client, admin = create_redis(redis_url), create_redis(redis_url)
    try:
        await client.ping()
        [connection] = client.connection_pool._available_connections
        killed = await client.client_id()
        assert await admin.client_kill_filter(_id=killed) == 1
        await asyncio.sleep(0.05)
        assert not _idle(connection)
        assert await client.ping()
        assert await client.client_id() != killed
    finally:
        await client.aclose()
        await admin.aclose()
