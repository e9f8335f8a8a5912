"""Recovery without a person, across processes: the all-in-one (`crm run`, its own OS process)
runs against a Redis server of this test's own, which is SIGKILLed in the middle of a stream of
events and started again on the same port a few seconds later. Nobody touches the services:
`/readyz` goes to 503 while Redis is away and returns to 200 by itself, and no event is lost —
every event written to the outbox (before, during and after the outage) is on the stream
exactly once, handled exactly once by the launch worker's consumer group, and delivered exactly
once to a browser's WebSocket that stayed connected through the outage.

The machine's shared Redis is never touched. Run with `make test-faults` (`make test` runs it)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import websockets
from redis.asyncio import Redis

from crm_common.db import Database
from crm_common.events import EventType, emit
from crm_common.testing.builders import TEST_PASSWORD, make_company, make_user
from crm_common.testing.recovery import log_tail, readiness, service_process
from crm_common.testing.redis_server import PrivateRedis, free_port

pytestmark = [pytest.mark.faults, pytest.mark.slow, pytest.mark.timeout(600)]

BEFORE, DURING, AFTER = 60, 60, 60
OUTAGE_S = 4.0
READY_LIMIT_S = 120.0
CONSUMER_GROUP = "launch-worker"


@pytest.fixture
def all_in_one(
    db: Database, database_url: str, private_redis: PrivateRedis, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    """`crm run --no-seed` on a free port, on the test database and the private Redis."""
    port = free_port()
    log_path = tmp_path / "crm-run.log"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": private_redis.url,
        "CRM_ENV": "test",
        "CRM_PORT": str(port),
        "CRM_LOG_LEVEL": "WARNING",
        "CRM_LOG_JSON": "false",
        "CRM_DATA_DIR": str(tmp_path / "data"),
        "CRM_LAUNCH_POLL_INTERVAL_S": "0.2",
    }
    with service_process([sys.executable, "-m", "crm_cli.main", "run", "--no-seed"], env, log_path):
        yield f"http://127.0.0.1:{port}", log_path


async def _readiness(base: str, status: int, log_path: Path) -> dict[str, Any]:
    """The all-in-one's /readyz body once it answers `status`."""
    async with httpx.AsyncClient(base_url=base, timeout=5) as client:
        return await readiness(
            client, status, READY_LIMIT_S, poll_s=0.2, context=log_tail(log_path)
        )


async def _emit(db: Database, company_id: uuid.UUID, count: int, pause_s: float) -> list[str]:
    """`count` launch requests, each in its own committed transaction."""
    ids = []
    for n in range(count):
        async with db.tenant_session(company_id) as session:
            envelope = await emit(
                session,
                EventType.CAMPAIGN_LAUNCH_REQUESTED,
                company_id,
                {"launch_id": str(uuid.uuid4()), "n": n},
            )
        ids.append(str(envelope.id))
        await asyncio.sleep(pause_s)
    return ids


async def _handled(database_url: str, expected: set[str]) -> set[str]:
    """Wait until the launch worker's consumer group has handled every expected event."""
    connection = await asyncpg.connect(database_url)
    try:
        deadline = time.monotonic() + READY_LIMIT_S
        while True:
            rows = await connection.fetch(
                "SELECT event_id FROM crm_processed_events WHERE consumer = $1", CONSUMER_GROUP
            )
            handled = {row["event_id"] for row in rows}
            if expected <= handled or time.monotonic() > deadline:
                return handled
            await asyncio.sleep(0.2)
    finally:
        await connection.close()


async def _sign_in(base: str, email: str) -> str:
    async with httpx.AsyncClient(base_url=base, timeout=10) as client:
        response = await client.post(
            "/api/auth/token", data={"username": email, "password": TEST_PASSWORD}
        )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


async def _watch(base: str, token: str, received: list[str], connected: asyncio.Event) -> None:
    """A browser's WebSocket: authenticates, answers pings, records every event id."""
    async with websockets.connect(base.replace("http://", "ws://") + "/ws") as socket:
        await socket.send(json.dumps({"type": "auth", "token": token}))
        assert json.loads(await socket.recv())["type"] == "auth_ok"
        connected.set()
        async for raw in socket:
            message = json.loads(raw)
            if message["type"] == "ping":
                await socket.send(json.dumps({"type": "pong"}))
            elif message["type"] == "event":
                received.append(str(message["event"]["id"]))


def _not_ready(body: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {
        name: {check: value for check, value in service["checks"].items() if value != "ok"}
        for name, service in body["services"].items()
        if service["status"] != "ready"
    }


async def test_services_recover_after_their_redis_is_killed_and_no_event_is_lost(
    db: Database,
    database_url: str,
    private_redis: PrivateRedis,
    all_in_one: tuple[str, Path],
) -> None:
    base, log_path = all_in_one
    company = await make_company(db, f"redis-faults-{uuid.uuid4().hex[:6]}")
    user = await make_user(db, company, "marketing_analyst")
    await _readiness(base, 200, log_path)
    received: list[str] = []
    connected = asyncio.Event()
    watcher = asyncio.create_task(
        _watch(base, await _sign_in(base, user.email), received, connected)
    )
    await asyncio.wait_for(connected.wait(), 30)

    written = await _emit(db, company.id, BEFORE, 0.01)
    private_redis.kill()
    killed = time.monotonic()
    # Written while Redis is away: they wait in the outbox.
    written += await _emit(db, company.id, DURING, OUTAGE_S / DURING)
    down = await _readiness(base, 503, log_path)
    failing = _not_ready(down)
    assert failing["launch-worker"]["redis"].startswith("error"), failing
    await asyncio.sleep(max(0.0, OUTAGE_S - (time.monotonic() - killed)))

    private_redis.start()
    await private_redis.wait_ready()
    back = await _readiness(base, 200, log_path)
    recovered_s = time.monotonic() - killed
    written += await _emit(db, company.id, AFTER, 0.01)

    expected = set(written)
    handled = await _handled(database_url, expected)
    deadline = time.monotonic() + READY_LIMIT_S
    while not expected <= set(received) and time.monotonic() < deadline and not watcher.done():
        await asyncio.sleep(0.2)
    watcher.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await watcher
    redis = Redis.from_url(private_redis.url, decode_responses=True)
    try:
        entries = await redis.xrange("crm.events")
    finally:
        await redis.aclose()
    on_stream = Counter(str(json.loads(fields["event"])["id"]) for _, fields in entries)
    connection = await asyncpg.connect(database_url)
    try:
        unpublished = await connection.fetchval(
            "SELECT count(*) FROM crm_outbox WHERE published_at IS NULL"
        )
    finally:
        await connection.close()

    log_text = log_path.read_text(errors="replace")
    print(
        f"\nRedis down {OUTAGE_S:.0f} s; all services ready again {recovered_s:.1f} s after the"
        f" kill; {len(expected)} events, {sum(on_stream.values())} stream entries,"
        f" {len(handled & expected)} handled, {len(set(received) & expected)} on the WebSocket;"
        f" {log_text.count('background_task_failed')} supervisor log lines"
    )
    assert back["status"] == "ready"
    assert len(written) == BEFORE + DURING + AFTER == len(expected)
    assert expected - handled == set(), f"{len(expected - handled)} events never handled"
    assert {event_id: on_stream[event_id] for event_id in expected} == dict.fromkeys(expected, 1)
    assert unpublished == 0
    # The browser got each of them once, in the order they were written.
    assert [event_id for event_id in received if event_id in expected] == written
