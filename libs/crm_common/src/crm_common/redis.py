"""The process's Redis client."""

from __future__ import annotations

import asyncio
from typing import Any

from redis.asyncio import ConnectionPool, Redis
from redis.asyncio.connection import AbstractConnection


class CheckOutsideLockPool(ConnectionPool):
    """redis-py's pool, except that a connection is checked after the pool's lock is released.

    redis-py checks every connection it hands out (a read with a zero timeout, so at least
    one turn of the event loop) while holding the pool's one asyncio lock: under load every
    Redis command of the process then waits for the checks of all the commands queued before
    it, one loop turn each — a cached campaign read waited 200 ms at the median at 150 users
    while the process was 60 % busy. Taking a connection needs no await, so only that part
    stays under the lock; the check itself is unchanged."""

    async def get_connection(
        self, command_name: Any = None, *keys: Any, **options: Any
    ) -> AbstractConnection:
        async with self._lock:
            connection: AbstractConnection = self.get_available_connection()  # type: ignore[no-untyped-call]
        try:
            await self.ensure_connection(connection)
        except BaseException:
            await self.release(connection)
            raise
        return connection

    async def ensure_connection(self, connection: AbstractConnection) -> None:
        """redis-py's check of a connection it hands out, without its wait when the answer is
        already known. redis-py asks whether anything is left unread by reading with a zero
        timeout, which costs a turn of the event loop on every command; but the loop reads a
        socket as soon as it is readable, so whatever the server sent is already in the
        connection's buffer. A connected connection with an empty buffer, not at its end, is
        handed out at once; any other goes through redis-py's own check (which reconnects it
        or refuses it)."""
        if _idle(connection):
            return
        await super().ensure_connection(connection)


def _idle(connection: AbstractConnection) -> bool:
    """Whether a connection is connected with nothing received and unread, known without
    waiting (False whenever that cannot be told: then redis-py checks it)."""
    parser = getattr(connection, "_parser", None)
    stream = getattr(parser, "_stream", None)
    if not isinstance(stream, asyncio.StreamReader) or not connection.is_connected:
        return False
    # hiredis's reader: replies fed to it but not taken (another parser buffers on its own).
    replies = getattr(parser, "_reader", None)
    if replies is None or not hasattr(replies, "has_data") or replies.has_data():
        return False
    return not stream._buffer and not stream.at_eof()  # type: ignore[attr-defined]


def create_redis(url: str) -> Redis:
    """A pooled client that returns str; nothing connects until first use."""
    pool = CheckOutsideLockPool.from_url(url, decode_responses=True, health_check_interval=30)
    return Redis.from_pool(pool)
