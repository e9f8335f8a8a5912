"""Crash safety of a launch, across processes: a launch to 50,000 contacts goes through a real
SMTP server (aiosmtpd in this process) while the launch worker runs as its own OS process
(`crm run launch-worker`) and is SIGKILLed three times at random moments — once while the
audience is resolved or the first messages go out, once in the middle of sending, once near
the end — and restarted each time. Afterwards the mailbox holds exactly one message per
eligible contact (suppressed and no-consent contacts are in the data and never sent), each
with the Message-ID of that contact's delivery row, and the database agrees.

The guarantee (docs/launching.md, "Guarantee"): the one possible resend is a message the SMTP
server accepted from a worker killed before its batch's record committed; it is sent again
with the same Message-ID. Such raw duplicates are counted and printed apart; two different
Message-IDs for one recipient, or a message for a recipient nobody should reach, fail.

Run on its own with `make test-faults` (`make test` runs it too)."""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiosmtpd.controller import Controller

from crm_common.db import Database
from crm_common.models import (
    Launch,
)
from crm_common.testing.builders import make_company, make_email_campaign, make_user
from crm_common.testing.bulk import copy_contacts, copy_suppressions

pytestmark = [pytest.mark.faults, pytest.mark.slow, pytest.mark.timeout(1800)]

ELIGIBLE = 50_000
NO_CONSENT = 1_000
SUPPRESSED = 1_000
KILLS = 3
FINISH_TIMEOUT_S = 1500.0
MAIL_DOMAIN = "faults.crm.localhost"
MESSAGE_ID = re.compile(rb"^Message-ID:\s*<([^@>]+)@[^>]*>", re.IGNORECASE | re.MULTILINE)


@dataclass
class Mailbox:
    """What the SMTP server accepted: every message's Message-ID and recipients."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    accepted: int = 0
    by_message_id: Counter[str] = field(default_factory=Counter)
    ids_by_recipient: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sends_by_recipient: Counter[str] = field(default_factory=Counter)
    without_message_id: int = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        found = MESSAGE_ID.search(content[:8192])
        with self.lock:
            self.accepted += 1
            if found is None:
                self.without_message_id += 1
                message_id = ""
            else:
                message_id = found.group(1).decode()
                self.by_message_id[message_id] += 1
            for recipient in envelope.rcpt_tos:
                self.sends_by_recipient[recipient.lower()] += 1
                self.ids_by_recipient[recipient.lower()].add(message_id)
        return "250 Message accepted for delivery"

    def count(self) -> int:
        with self.lock:
            return self.accepted


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = _free_port()
    controller = Controller(box, hostname="127.0.0.1", port=port, data_size_limit=0)
    controller.start()
    try:
        yield box, port
    finally:
        controller.stop()


async def _load_audience(db: Database, database_url: str, company_id: uuid.UUID) -> set[str]:
    """The contacts, with COPY and sealed as the API stores them: the eligible ones, some
    without consent for email, some suppressed by address. Returns the eligible addresses."""
    eligible: set[str] = set()
    contacts: list[dict[str, Any]] = []
    suppressions: list[dict[str, Any]] = []
    for i in range(ELIGIBLE + NO_CONSENT + SUPPRESSED):
        email = f"p{i}@faults.example"
        consent = ["email"]
        if i >= ELIGIBLE + SUPPRESSED:
            consent = ["sms"]
        elif i >= ELIGIBLE:
            suppressions.append({"channel": "email", "address": email, "reason": "manual"})
        else:
            eligible.add(email)
        contacts.append(
            {
                "external_id": f"f-{i}",
                "email": email,
                "first_name": f"Ann{i % 997}",
                "consented_channels": consent,
                "timezone": "UTC",
            }
        )
    await copy_contacts(db, database_url, company_id, contacts)
    await copy_suppressions(db, database_url, company_id, suppressions)
    return eligible


async def _campaign(db: Database) -> tuple[Any, Any, uuid.UUID, uuid.UUID]:
    company = await make_company(
        db,
        f"faults-{uuid.uuid4().hex[:6]}",
        sender={"from_name": "Acme News", "from_address": "news@acme.example"},
        channels={"email": {"provider": "smtp"}},
    )
    user = await make_user(db, company, "admin")
    campaign, segment = await make_email_campaign(
        db,
        company,
        user,
        content=(
            '<p>Hello {{ first_name | default("friend") }}</p>'
            '<a href="https://shop.example/sale">Sale</a>'
        ),
        subject="Hello {{ first_name | default('friend') }}",
        name="Crash-proof sale",
    )
    return company, user, campaign.id, segment.id


class WorkerProcess:
    """`crm run launch-worker` as its own OS process, started and SIGKILLed at will."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env = env
        self.log_dir = log_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.started = 0

    def start(self) -> None:
        self.started += 1
        log = (self.log_dir / f"launch-worker-{self.started}.log").open("wb")
        self.env["CRM_PORT"] = str(_free_port())
        self.process = subprocess.Popen(
            [sys.executable, "-m", "crm_cli.main", "run", "launch-worker"],
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        assert self.process is not None
        assert self.process.poll() is None, "the worker died on its own"
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGKILL)
                self.process.wait(timeout=10)


async def _launch_state(connection: asyncpg.Connection, launch_id: uuid.UUID) -> asyncpg.Record:
    return await connection.fetchrow(
        "SELECT launch_status, finished_at, sent_count, failed_count, total_recipients,"
        " last_error FROM crm_launches WHERE id = $1",
        launch_id,
    )


async def _until(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def test_sigkilled_worker_sends_every_eligible_contact_exactly_once(
    db: Database,
    database_url: str,
    redis_url: str,
    mailbox: tuple[Mailbox, int],
    tmp_path: Path,
) -> None:
    box, smtp_port = mailbox
    rng = random.Random(int(os.environ.get("CRM_FAULTS_SEED", str(time.time_ns()))))
    timings: dict[str, float] = {}
    began = time.monotonic()

    company, user, campaign_id, segment_id = await _campaign(db)
    eligible = await _load_audience(db, database_url, company.id)
    timings["load contacts (COPY)"] = time.monotonic() - began

    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "CRM_ENV": "test",
        "CRM_LOG_LEVEL": "WARNING",
        "CRM_LOG_JSON": "false",
        "CRM_EMAIL_PROVIDER": "smtp",
        "CRM_SMTP_HOST": "127.0.0.1",
        "CRM_SMTP_PORT": str(smtp_port),
        "CRM_SMTP_SECURITY": "none",
        "CRM_SMTP_POOL_SIZE": "16",
        "CRM_MAIL_FROM_DOMAIN": MAIL_DOMAIN,
        "CRM_MAIL_SINK_PORT": "0",
        "CRM_SEND_RATE_LIMITS": '{"smtp": 100000}',
        "CRM_LAUNCH_LEASE_S": "2",
        "CRM_DELIVERY_LEASE_S": "3",
        "CRM_LAUNCH_POLL_INTERVAL_S": "0.1",
        "CRM_DISPATCH_BATCH_SIZE": "200",
        "CRM_DISPATCH_CONCURRENCY": "32",
    }
    worker = WorkerProcess(env, tmp_path)
    worker.start()

    launch_id = uuid.uuid4()
    async with db.system_session() as session:
        session.add(
            Launch(
                id=launch_id,
                company_id=company.id,
                campaign_id=campaign_id,
                idempotency_key=uuid.uuid4().hex,
                requested_by_user_id=user.id,
                launch_status="requested",
                parameters={"channels": ["email"], "segment_ids": [str(segment_id)]},
                scheduled_at=datetime.now(UTC),
            )
        )
    launched = time.monotonic()

    connection = await asyncpg.connect(database_url)
    kills: list[str] = []
    try:
        # 1: while the audience is resolved or the first messages go out.
        async def picked_up() -> bool:
            if worker.process is not None and worker.process.poll() is not None:
                raise AssertionError("the worker died on its own")
            state = await _launch_state(connection, launch_id)
            return state["launch_status"] not in ("requested", "scheduled")

        await _until(picked_up, 300, "the launch to be picked up")
        await asyncio.sleep(rng.uniform(0.0, 0.4))
        state = await _launch_state(connection, launch_id)
        kills.append(f"{state['launch_status']} with {box.count():,} messages in the mailbox")
        worker.kill()
        worker.start()

        # 2: in the middle of sending; 3: near its end.
        for low, high in ((0.35, 0.55), (0.70, 0.90)):
            target = int(ELIGIBLE * rng.uniform(low, high))

            async def reached(target: int = target) -> bool:
                if worker.process is not None and worker.process.poll() is not None:
                    raise AssertionError("the worker died on its own")
                return box.count() >= target

            await _until(reached, FINISH_TIMEOUT_S, f"{target:,} messages")
            state = await _launch_state(connection, launch_id)
            kills.append(f"{state['launch_status']} with {box.count():,} messages in the mailbox")
            worker.kill()
            worker.start()

        async def finished() -> bool:
            state = await _launch_state(connection, launch_id)
            return state["finished_at"] is not None

        await _until(finished, FINISH_TIMEOUT_S, "the launch to finish")
        timings["launch, 3 kills included"] = time.monotonic() - launched
        # Nothing more arrives once the launch is over (a straggler would be a double send).
        await asyncio.sleep(2.0)
        worker.stop()

        state = await _launch_state(connection, launch_id)
        deliveries = await connection.fetch(
            # Addresses are sealed at rest: each contact's is known from its external id.
            "SELECT 'p' || substr(c.external_id, 3) || '@faults.example' AS email,"
            " d.id, d.delivery_status FROM crm_deliveries d"
            " JOIN crm_contacts c ON c.id = d.contact_id WHERE d.launch_id = $1",
            launch_id,
        )
        metrics_sent = await connection.fetchval(
            "SELECT coalesce(sum(sent), 0) FROM crm_campaign_metrics WHERE campaign_id = $1",
            campaign_id,
        )
    finally:
        worker.stop()
        await connection.close()

    raw_duplicates = sum(n - 1 for n in box.by_message_id.values() if n > 1)
    print(f"\nkills ({len(kills)}): " + "; ".join(kills))
    for name, seconds in timings.items():
        print(f"{name}: {seconds:.1f} s")
    print(
        f"mailbox: {box.accepted:,} accepted, {len(box.by_message_id):,} distinct Message-IDs,"
        f" {raw_duplicates} raw resends with the same Message-ID (killed between the"
        f" server's accept and the record's commit)"
    )

    assert len(kills) == KILLS
    assert worker.started == KILLS + 1
    assert box.without_message_id == 0
    # None missing, nobody outside the audience.
    assert set(box.sends_by_recipient) == eligible
    # None twice: exactly one Message-ID per recipient, one recipient per Message-ID.
    twice = {r: ids for r, ids in box.ids_by_recipient.items() if len(ids) != 1}
    assert twice == {}, f"{len(twice)} recipients got different messages: {list(twice)[:5]}"
    assert len(box.by_message_id) == len(eligible)
    # A resend is only the in-flight remainder of a killed worker: at most a batch per kill.
    assert raw_duplicates <= KILLS * int(env["CRM_DISPATCH_BATCH_SIZE"])
    # The records agree: one sent delivery per eligible contact, with the mailbox's Message-ID.
    assert len(deliveries) == len(eligible)
    assert Counter(row["delivery_status"] for row in deliveries) == {"sent": len(eligible)}
    assert {row["email"]: {str(row["id"])} for row in deliveries} == box.ids_by_recipient
    assert state["launch_status"] == "completed", state["last_error"]
    assert (state["sent_count"], state["failed_count"], state["total_recipients"]) == (
        len(eligible),
        0,
        len(eligible),
    )
    assert metrics_sent == len(eligible)
