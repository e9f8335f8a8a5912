"""The all-in-one's embedded servers are supervised: a killed embedded Redis or Postgres is
started again on the same socket (same URL, data kept), and the servers left running by a
crashed run are adopted on the next start and stopped with it."""

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import asyncpg
import pytest
import redis

from crm_cli.embedded import EmbeddedRedis, EmbeddedServers, pid_alive

pytestmark = pytest.mark.slow

LIMIT_S = 60.0


def _until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT_S
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _redis(url: str) -> redis.Redis:
    return redis.Redis(unix_socket_path=url.removeprefix("unix://"), socket_timeout=2)


def _answers(url: str) -> bool:
    client = _redis(url)
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


async def _postgres_value(pgdata: Path) -> int:
    connection = await asyncpg.connect(host=str(pgdata), user="postgres", database="postgres")
    try:
        return int(await connection.fetchval("SELECT 41 + 1"))
    finally:
        await connection.close()


def _postgres_answers(pgdata: Path) -> bool:
    try:
        return asyncio.run(_postgres_value(pgdata)) == 42
    except (OSError, asyncpg.PostgresError):
        return False


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[EmbeddedServers]:
    embedded = EmbeddedServers(tmp_path / "data")
    try:
        yield embedded
    finally:
        embedded.stop()


def test_killed_embedded_redis_is_restarted(servers: EmbeddedServers) -> None:
    url = servers.start_redis()
    first = servers.redis_pid
    assert first is not None
    client = _redis(url)
    client.set("crm:kept", "yes")
    client.close()
    servers.watch(interval_s=0.05)

    os.kill(first, signal.SIGKILL)
    _until(lambda: servers.redis_pid != first and _answers(url), "the restarted Redis")

    # Same socket, same URL, and what it had acknowledged is still there.
    client = _redis(url)
    try:
        assert client.get("crm:kept") == b"yes"
    finally:
        client.close()
    second = servers.redis_pid
    servers.stop()
    _until(lambda: not pid_alive(second), "the restarted Redis to stop")


def test_killed_embedded_postgres_is_restarted(servers: EmbeddedServers, tmp_path: Path) -> None:
    servers.start_postgres()
    pgdata = (tmp_path / "data" / "postgres").resolve()
    first = servers.postgres_pid()
    assert first is not None
    servers.watch(interval_s=0.1)

    os.kill(first, signal.SIGKILL)
    _until(
        lambda: servers.postgres_pid() not in (None, first) and pid_alive(servers.postgres_pid()),
        "the restarted Postgres",
    )
    _until(lambda: _postgres_answers(pgdata), "the restarted Postgres to accept connections")
    second = servers.postgres_pid()
    servers.stop()
    _until(lambda: not pid_alive(second), "the restarted Postgres to stop")


CRASHING_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from crm_cli.embedded import EmbeddedServers

    servers = EmbeddedServers(Path(sys.argv[1]))
    servers.start_postgres()
    servers.start_redis()
    print("servers", servers.postgres_pid(), servers.redis_pid, servers.redis_url, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_stale_embedded_servers_adopted_on_start(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_RUN, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr
    line = next(line for line in crashed.stdout.splitlines() if line.startswith("servers "))
    postgres_pid, redis_pid, redis_url = line.split()[1:]
    # The crashed run left both servers running.
    assert pid_alive(int(postgres_pid))
    assert pid_alive(int(redis_pid))

    servers = EmbeddedServers(data_dir)
    try:
        servers.start_postgres()
        url = servers.start_redis()
        # Adopted, not started a second time next to the stale ones.
        assert servers.postgres_pid() == int(postgres_pid)
        assert servers.redis_pid == int(redis_pid)
        assert url == redis_url
        assert _answers(url)
        assert asyncio.run(_postgres_value((data_dir / "postgres").resolve())) == 42
    finally:
        servers.stop()
    # Stopped with this run, although another process started them.
    _until(lambda: not pid_alive(int(postgres_pid)), "the adopted Postgres to stop")
    _until(lambda: not pid_alive(int(redis_pid)), "the adopted Redis to stop")
    assert not (data_dir / "postgres" / "postmaster.pid").exists()


def test_stale_embedded_redis_that_does_not_answer_is_stopped_before_a_new_one(
    tmp_path: Path,
) -> None:
    hung = EmbeddedRedis(tmp_path / "data" / "redis")
    hung.start()
    assert hung.pid is not None
    os.kill(hung.pid, signal.SIGSTOP)  # alive, holding the data files, answering nothing

    fresh = EmbeddedRedis(tmp_path / "data" / "redis")
    try:
        url = fresh.start()
        assert not fresh.adopted
        assert fresh.pid != hung.pid
        assert _answers(url)
        _until(lambda: not pid_alive(hung.pid), "the hung Redis to be stopped")
    finally:
        fresh.stop()
        if hung.process is not None:
            hung.process.kill()
            hung.process.wait(timeout=10)
