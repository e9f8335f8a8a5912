"""The distributed mode end to end (`crm run-distributed`, make test-distributed): the services
as separate processes — 2 campaign-api, 2 segment-engine, 2 launch workers, 1 notify gateway —
behind a real nginx, on free ports, against this machine's PostgreSQL (a fresh database) and a
leased Redis database.

Everything goes through nginx: sign in, create a campaign, give it a template and a segment,
estimate it, submit, approve, plan, launch, and watch it over `/ws`. While the launch sends, one
campaign-api replica and the launch worker holding the launch are SIGKILLed: requests keep
being answered (nginx routes around the dead replica), the launch completes, every eligible
contact gets exactly one message in the demo mail sink and the records agree, and the
supervisor starts both dead processes again. Ctrl-C then stops every process.

nginx must be installed (`make test-distributed` installs it when run as root): without it
this test fails, it never skips."""

from __future__ import annotations

import asyncio
import contextlib
import email
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
import websockets

from crm_cli.distributed import find_nginx
from crm_common.testing.servers import ServerUrls

pytestmark = [pytest.mark.distributed, pytest.mark.slow, pytest.mark.timeout(900)]

READY_TIMEOUT_S = 300.0
FLOW_TIMEOUT_S = 300.0
BATCH = 10
MESSAGE_ID = re.compile(r"<([^@>]+)@")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _with_database(url: str, name: str) -> str:
    base, _, query = url.partition("?")
    return base.rsplit("/", 1)[0] + f"/{name}" + (f"?{query}" if query else "")


@pytest.fixture
def fresh_database(test_server_urls: ServerUrls) -> Iterator[str]:
    """An empty database of its own on the test server, dropped afterwards."""
    name = f"crm_distributed_{uuid.uuid4().hex[:10]}"
    admin = test_server_urls.database_url

    async def run(sql: str) -> None:
        connection = await asyncpg.connect(admin)
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    asyncio.run(run(f'CREATE DATABASE "{name}"'))
    try:
        yield _with_database(admin, name)
    finally:
        asyncio.run(run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class Distributed:
    """`crm run-distributed` as a child process, its log in a file."""

    def __init__(self, data_dir: Path, env: dict[str, str], port: int) -> None:
        self.data_dir = data_dir
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.log_path = data_dir.parent / "distributed.log"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "crm_cli.main", "run-distributed"],
            env=env,
            stdout=self.log_path.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def log_tail(self) -> str:
        text = self.log_path.read_text(errors="replace")
        errors = self.data_dir / "nginx" / "logs" / "error.log"
        nginx = errors.read_text(errors="replace")[-2000:] if errors.exists() else ""
        return text[-6000:] + "\n--- nginx error.log ---\n" + nginx

    def readiness(self) -> tuple[int, dict[str, Any]]:
        response = httpx.get(f"{self.base}/readyz", timeout=5)
        return response.status_code, response.json()

    def wait_ready(self, limit_s: float = READY_TIMEOUT_S) -> dict[str, Any]:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"run-distributed exited:\n{self.log_tail()}")
            with contextlib.suppress(httpx.HTTPError, ValueError):
                status, body = self.readiness()
                if status == 200:
                    return body
            time.sleep(1)
        raise AssertionError(f"not ready in {limit_s} s:\n{self.log_tail()}")

    def stop(self) -> int | None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=90)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
                return None
        return self.process.returncode


def _pids(body: dict[str, Any]) -> dict[str, int | None]:
    return {
        replica["name"]: replica["pid"]
        for service in body["services"].values()
        for replica in service["replicas"]
    }


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError, IndexError):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


@pytest.fixture
def distributed(fresh_database: str, redis_url: str, tmp_path: Path) -> Iterator[Distributed]:
    find_nginx()  # no nginx: an error here, never a skip
    data_dir = tmp_path / "data"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_")}
    env.update(
        {
            "DATABASE_URL": fresh_database,
            "REDIS_URL": redis_url,
            "CRM_ENV": "dev",
            "CRM_DATA_DIR": str(data_dir),
            "CRM_PORT": str(port),
            "CRM_MAIL_SINK_PORT": str(_free_port()),
            "CRM_LOG_JSON": "false",
            "CRM_LOG_LEVEL": "WARNING",
            "CRM_RATE_LIMIT_ENABLED": "false",
            # Slow enough that the kills land in the middle of sending; short leases so the
            # surviving worker takes over the dead one's launch and deliveries quickly.
            "CRM_SEND_RATE_LIMITS": '{"smtp": 25}',
            "CRM_DISPATCH_BATCH_SIZE": str(BATCH),
            "CRM_LAUNCH_LEASE_S": "2",
            "CRM_DELIVERY_LEASE_S": "3",
            "CRM_LAUNCH_POLL_INTERVAL_S": "0.1",
        }
    )
    cluster = Distributed(data_dir, env, port)
    try:
        yield cluster
    finally:
        cluster.stop()


class Watcher:
    """One WebSocket through nginx: every frame kept, pings answered."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.frames: list[dict[str, Any]] = []
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in self.connection:
                frame = json.loads(raw)
                self.frames.append(frame)
                if frame.get("type") == "ping":
                    await self.connection.send(json.dumps({"type": "pong"}))

    def events(self, kind: str) -> list[dict[str, Any]]:
        return [
            f["event"]
            for f in self.frames
            if f.get("type") == "event" and f["event"]["type"] == kind
        ]

    async def until(self, kind: str, timeout_s: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while not self.events(kind):
            if time.monotonic() > deadline or self.task.done():
                raise AssertionError(f"no {kind} over /ws: {self.frames[-5:]}")
            await asyncio.sleep(0.2)
        return self.events(kind)[-1]


@contextlib.asynccontextmanager
async def watching(base: str, ticket: str, campaign_id: str) -> AsyncIterator[Watcher]:
    url = base.replace("http://", "ws://") + "/ws"
    async with websockets.connect(url) as connection:
        await connection.send(
            json.dumps({"type": "auth", "token": ticket, "campaign_ids": [campaign_id]})
        )
        first = json.loads(await asyncio.wait_for(connection.recv(), 10))
        assert first["type"] == "auth_ok", first
        watcher = Watcher(connection)
        try:
            yield watcher
        finally:
            watcher.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher.task


def _mailbox(data_dir: Path) -> list[tuple[str, str]]:
    """(recipient, delivery id from the Message-ID) of every message the mail sink holds."""
    found = []
    for folder in ("new", "cur"):
        path = data_dir / "mail" / folder
        if not path.exists():
            continue
        for entry in path.iterdir():
            message = email.message_from_bytes(entry.read_bytes())
            match = MESSAGE_ID.search(str(message["Message-ID"]))
            found.append((str(message["To"]).lower(), match.group(1) if match else ""))
    return found


async def _sign_in(client: httpx.AsyncClient, user: str) -> dict[str, str]:
    response = await client.post(
        "/api/auth/token", data={"username": user, "password": "demo-pass-123"}
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def _contact_emails(client: httpx.AsyncClient, admin: dict[str, str]) -> dict[str, str]:
    """Every contact's address of the signed-in company, by contact id."""
    emails: dict[str, str] = {}
    page = 1
    while True:
        body = await _ok(
            await client.get(
                "/api/contacts/", params={"page": page, "page_size": 200}, headers=admin
            )
        )
        emails.update({item["id"]: item["email"] for item in body["items"] if item["email"]})
        if page * 200 >= body["total"]:
            return emails
        page += 1


async def _ok(response: httpx.Response, *status: int) -> dict[str, Any]:
    assert response.status_code in (status or (200,)), (response.request.url, response.text)
    body: dict[str, Any] = response.json()
    return body


async def test_flow_through_nginx_survives_a_killed_api_replica_and_worker(
    distributed: Distributed, fresh_database: str
) -> None:
    ready = await asyncio.to_thread(distributed.wait_ready)
    assert {name: len(s["replicas"]) for name, s in ready["services"].items()} == {
        "campaign-api": 2,
        "segment-engine": 2,
        "launch-worker": 2,
        "notify-gateway": 1,
    }
    pids = _pids(ready)
    data_dir = distributed.data_dir
    now = datetime.now(UTC)

    async with httpx.AsyncClient(base_url=distributed.base, timeout=30) as client:
        # The gateway: the SPA or the docs at /, the merged API document, headers, request ids.
        docs = await client.get("/docs")
        assert docs.status_code == 200
        assert "frame-ancestors 'none'" in docs.headers["content-security-policy"]
        assert (await client.get("/openapi.json")).json()["paths"]
        assert (await client.get("/metrics")).status_code == 404
        me = await client.get("/api/auth/me", headers={"X-Request-ID": "dist-check-1"})
        assert me.status_code == 401
        assert me.headers["x-request-id"] == "dist-check-1"
        assert me.json()["error_code"] == "not_authenticated"

        manager = await _sign_in(client, "manager@acme.test")
        finance = await _sign_in(client, "finance@acme.test")
        campaign = await _ok(
            await client.post(
                "/api/campaigns/",
                headers=manager,
                json={
                    "campaign_name": "Distributed newsletter",
                    "campaign_type": "newsletter",
                    "campaign_category": "engagement",
                    "primary_channel": "email",
                    "start_date": now.isoformat(),
                    "end_date": (now + timedelta(days=14)).isoformat(),
                    "total_budget": "2000.00",
                    "currency_code": "USD",
                },
            ),
            201,
        )
        campaign_id = campaign["id"]
        templates = await _ok(
            await client.get("/api/campaign-templates/?template_type=email", headers=manager)
        )
        await _ok(
            await client.post(
                f"/api/campaigns/{campaign_id}/templates/",
                headers=manager,
                json={"template_id": templates["items"][0]["id"], "is_primary": True},
            ),
            200,
            201,
        )
        rule = {"event": "email_open", "count": {"op": "gte", "value": 1}, "within_days": 90}
        await _ok(
            await client.post(
                "/api/campaign-segments/",
                headers=manager,
                json={
                    "campaign_id": campaign_id,
                    "segment_name": "Readers",
                    "segment_type": "behavioral",
                    "behavioral_criteria": rule,
                },
            ),
            200,
            201,
        )
        estimate = await _ok(
            await client.post(
                "/api/segments/estimate/",
                headers=manager,
                json={"campaign_id": campaign_id, "behavioral_criteria": rule},
            )
        )
        assert estimate["count"] > 100, estimate

        ticket = await _ok(await client.post("/api/ws-ticket/", headers=manager))
        async with watching(distributed.base, ticket["ticket"], campaign_id) as watcher:
            for path, who in (
                ("submit-for-approval", manager),
                ("approve", finance),
                ("plan", manager),
            ):
                await _ok(await client.post(f"/api/campaigns/{campaign_id}/{path}/", headers=who))
            launched = await _ok(
                await client.post(
                    f"/api/campaigns/{campaign_id}/launch/",
                    headers={**manager, "Idempotency-Key": uuid.uuid4().hex},
                    json={"channels": ["email"]},
                ),
                202,
            )
            launch_id = uuid.UUID(launched["launch"]["id"])

            # Mid-flow: the launch is sending. Kill a campaign-api replica and the launch worker
            # that holds the launch (the other one when nobody holds it at that instant).
            connection = await asyncpg.connect(fresh_database)
            try:
                deadline = time.monotonic() + FLOW_TIMEOUT_S
                while len(_mailbox(data_dir)) < 20:
                    assert time.monotonic() < deadline, distributed.log_tail()
                    await asyncio.sleep(0.1)
                owner = await connection.fetchval(
                    "SELECT lease_owner FROM crm_launches WHERE id = $1", launch_id
                )
                worker = "launch-worker-1"
                for name in ("launch-worker-1", "launch-worker-2"):
                    if owner and f"-{pids[name]}-" in owner:
                        worker = name
                sent_before_kill = len(_mailbox(data_dir))
                for victim in ("campaign-api-1", worker):
                    pid = pids[victim]
                    assert pid is not None
                    os.kill(pid, signal.SIGKILL)

                # nginx routes around the dead replica: every request is answered, reads and
                # writes alike, while it is down.
                answers = Counter()
                for _ in range(20):
                    response = await client.get(f"/api/campaigns/{campaign_id}/", headers=manager)
                    answers[response.status_code] += 1
                note = await client.post(
                    "/api/campaigns/",
                    headers=manager,
                    json={
                        **{k: campaign[k] for k in ("campaign_type", "campaign_category")},
                        "campaign_name": "Created while a replica is down",
                        "primary_channel": "social",
                        "start_date": (now + timedelta(days=10)).isoformat(),
                        "end_date": (now + timedelta(days=17)).isoformat(),
                        "total_budget": "10.00",
                        "currency_code": "USD",
                    },
                )
                assert answers == {200: 20}, answers
                assert note.status_code == 201, note.text

                launched_event = await watcher.until("campaign.launched", FLOW_TIMEOUT_S)
                state = await connection.fetchrow(
                    "SELECT launch_status, sent_count, failed_count, total_recipients, last_error"
                    " FROM crm_launches WHERE id = $1",
                    launch_id,
                )
                deliveries = await connection.fetch(
                    "SELECT d.contact_id, d.id, d.delivery_status FROM crm_deliveries d"
                    " WHERE d.launch_id = $1",
                    launch_id,
                )
            finally:
                await connection.close()
            # Nothing more arrives once the launch is over (a straggler would be a double send).
            await asyncio.sleep(2.0)
            frames = list(watcher.frames)

        final = await _ok(
            await client.get(
                f"/api/campaigns/{campaign_id}/?include_performance=true", headers=manager
            )
        )
        # Addresses are sealed at rest: read in clear through the API, as an admin may.
        emails = await _contact_emails(client, await _sign_in(client, "admin@acme.test"))

    # The launch completed and every eligible contact got exactly one message.
    assert sent_before_kill < len(deliveries), "the kills came after the last message"
    assert state["launch_status"] == "completed", state["last_error"]
    assert state["failed_count"] == 0
    assert state["sent_count"] == state["total_recipients"] == len(deliveries) == estimate["count"]
    assert Counter(row["delivery_status"] for row in deliveries) == {"sent": len(deliveries)}
    mail = _mailbox(data_dir)
    ids_by_recipient: dict[str, set[str]] = defaultdict(set)
    for recipient, message_id in mail:
        ids_by_recipient[recipient].add(message_id)
    expected = {emails[str(row["contact_id"])].lower(): {str(row["id"])} for row in deliveries}
    assert dict(ids_by_recipient) == expected
    # A resend with the same Message-ID is only a killed worker's batch in flight.
    assert len(mail) - len(expected) <= BATCH
    assert final["performance"]["totals"]["sent"] == len(deliveries)

    # Over /ws: progress and the end, each stream entry once, for this campaign only.
    events = [f for f in frames if f.get("type") == "event"]
    assert any(f["event"]["type"] == "campaign.launch_progress" for f in events)
    assert launched_event["data"]["campaign_id"] == campaign_id
    stream_ids = [f["id"] for f in events]
    assert len(stream_ids) == len(set(stream_ids))
    assert {f["event"]["data"].get("campaign_id") for f in events} == {campaign_id}

    # The supervisor started both killed processes again; the whole is ready.
    body = await asyncio.to_thread(distributed.wait_ready, 120.0)
    replicas = {
        replica["name"]: replica
        for service in body["services"].values()
        for replica in service["replicas"]
    }
    for victim in ("campaign-api-1", worker):
        assert replicas[victim]["restarts"] >= 1
        assert replicas[victim]["pid"] != pids[victim]
    access = (data_dir / "nginx" / "logs" / "access.log").read_text()
    assert re.search(r"upstream=127\.0\.0\.1:\d+, 127\.0\.0\.1:\d+", access), (
        "no request was passed on to a second replica"
    )

    # Ctrl-C stops every process.
    children = [pid for pid in _pids(body).values() if pid]
    assert distributed.stop() == 0
    assert not [pid for pid in children if _alive(pid)]
    assert not (data_dir / "nginx" / "nginx.pid").exists()
