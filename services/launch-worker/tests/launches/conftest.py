"""Fixtures of the launch tests: tenants with campaigns, segments, templates and contacts
written straight into PostgreSQL, a recording channel adapter, and launch runtimes (the
worker's own loops) running against the real database and Redis."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from crm_common.db import Database
from crm_common.models import (
    AbVariant,
    Campaign,
    CampaignSegment,
    Company,
    Contact,
    Delivery,
    Launch,
    Suppression,
    User,
)
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import (
    make_company,
    make_email_campaign,
    make_user,
    seal_personal_data,
)
from launch_worker.audience.service import Audience
from launch_worker.channels.base import (
    OutgoingMessage,
    PermanentSendError,
    SendResult,
    TransientSendError,
)
from launch_worker.channels.registry import ChannelRegistry
from launch_worker.runtime import LaunchRuntime

TEMPLATE_HTML = (
    '<p>Hello {{ first_name | default("friend") }}</p><a href="https://shop.example/sale">Sale</a>'
)


class RecordingAdapter:
    """A channel adapter that records what it is handed (optionally slowly, or failing given
    recipients), implementing the same interface as the real ones."""

    def __init__(self, channel: str = "email", name: str = "sandbox", delay_s: float = 0.0):
        self.channel = channel
        self.name = name
        self.delay_s = delay_s
        self.messages: list[OutgoingMessage] = []
        self.sent_at: list[float] = []
        self.transient: Counter[str] = Counter()
        self.permanent: set[str] = set()
        self.attempts: Counter[str] = Counter()

    async def send(self, message: OutgoingMessage) -> SendResult:
        self.attempts[message.recipient] += 1
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if self.transient[message.recipient] > 0:
            self.transient[message.recipient] -= 1
            raise TransientSendError("421 try again later", code="421")
        if message.recipient in self.permanent:
            raise PermanentSendError("550 no such user", code="550")
        self.messages.append(message)
        self.sent_at.append(asyncio.get_running_loop().time())
        return SendResult(provider=self.name, provider_message_id=f"m-{message.idempotency_key}")

    def recipients(self) -> Counter[str]:
        return Counter(m.recipient for m in self.messages)

    async def close(self) -> None:
        return None


@dataclass
class World:
    db: Database
    company: Company
    user: User
    campaign: Campaign
    segment: CampaignSegment
    contacts: list[Contact] = field(default_factory=list)


async def add_contacts(
    db: Database,
    company: Company,
    count: int,
    *,
    prefix: str = "c",
    consent: tuple[str, ...] = ("email",),
    **values: Any,
) -> list[Contact]:
    rows = [
        Contact(
            id=uuid.uuid4(),
            company_id=company.id,
            external_id=f"{prefix}-{i}-{uuid.uuid4().hex[:6]}",
            consented_channels=list(consent),
            **{
                "email": f"{prefix}{i}@example.com",
                "phone": f"+1555000{i:04d}",
                "first_name": f"Ann{i}",
                **values,
            },
        )
        for i in range(count)
    ]
    async with db.system_session() as session:
        session.add_all(rows)
    await seal_personal_data(db, company.id)
    return rows


async def make_world(
    db: Database,
    *,
    status: str = "planned",
    criteria: dict[str, Any] | None = None,
    company_settings: dict[str, Any] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
) -> World:
    company = await make_company(db, f"co-{uuid.uuid4().hex[:6]}", **(company_settings or {}))
    user = await make_user(db, company, "admin")
    campaign, segment = await make_email_campaign(
        db,
        company,
        user,
        content=TEMPLATE_HTML,
        subject="Hello {{ first_name | default('friend') }}",
        status=status,
        criteria=criteria,
        start=start,
        end=end,
    )
    return World(db, company, user, campaign, segment)


async def request_launch(
    world: World,
    *,
    status: str = "requested",
    scheduled_at: datetime | None = None,
    **parameters: Any,
) -> Launch:
    launch = Launch(
        id=uuid.uuid4(),
        company_id=world.company.id,
        campaign_id=world.campaign.id,
        idempotency_key=uuid.uuid4().hex,
        requested_by_user_id=world.user.id,
        launch_status=status,
        parameters={
            "channels": ["email"],
            "segment_ids": [str(world.segment.id)],
            **parameters,
        },
        scheduled_at=scheduled_at or datetime.now(UTC),
    )
    async with world.db.system_session() as session:
        session.add(launch)
    return launch


async def add_variants(world: World, *weights: int) -> list[AbVariant]:
    variants = [
        AbVariant(
            id=uuid.uuid4(),
            company_id=world.company.id,
            campaign_id=world.campaign.id,
            variant_name=f"V{i}",
            subject=f"Variant {i}",
            content=f"<p>Variant {i} for {{{{ first_name }}}}</p>",
            weight=weight,
            is_control=i == 0,
        )
        for i, weight in enumerate(weights)
    ]
    async with world.db.system_session() as session:
        session.add_all(variants)
    return variants


async def suppress(world: World, address: str) -> None:
    async with world.db.system_session() as session:
        session.add(
            Suppression(
                company_id=world.company.id, channel="email", address=address, reason="manual"
            )
        )
    await seal_personal_data(world.db, world.company.id)


async def load_launch(db: Database, launch_id: uuid.UUID) -> Launch:
    async with db.system_session() as session:
        launch = await session.get(Launch, launch_id)
        assert launch is not None
        return launch


async def load_campaign(db: Database, campaign_id: uuid.UUID) -> Campaign:
    async with db.system_session() as session:
        campaign = await session.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign


async def delivery_counts(db: Database, launch_id: uuid.UUID) -> dict[str, int]:
    async with db.system_session() as session:
        rows = await session.execute(
            select(Delivery.delivery_status, func.count())
            .where(Delivery.launch_id == launch_id)
            .group_by(Delivery.delivery_status)
        )
        return {row[0]: row[1] for row in rows}


async def set_campaign_status(db: Database, campaign_id: uuid.UUID, status: str) -> None:
    async with db.system_session() as session:
        campaign = await session.get(Campaign, campaign_id)
        assert campaign is not None
        campaign.campaign_status = status


async def wait_for(
    check: Callable[[], Awaitable[bool]], timeout: float = 20.0, interval: float = 0.05
) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        if await check():
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(interval)


def fast_settings(settings: Settings, **changes: Any) -> Settings:
    values = {
        "launch_poll_interval_s": 0.05,
        "launch_lease_s": 3.0,
        "delivery_lease_s": 3.0,
        "send_retry_base_s": 0.05,
        "send_retry_max_s": 0.2,
        **changes,
    }
    return settings.model_copy(update=values)


Runner = Callable[..., Awaitable[LaunchRuntime]]


@pytest.fixture
async def adapter() -> RecordingAdapter:
    return RecordingAdapter()


@pytest.fixture
async def start_runtime(
    db: Database, resources: Resources, adapter: RecordingAdapter
) -> AsyncIterator[Runner]:
    """Start launch runtimes (each one a worker) that send through `adapter`."""
    running: list[tuple[asyncio.Event, asyncio.Task[None]]] = []

    async def start(
        owner: str | None = None,
        *,
        recorder: RecordingAdapter | None = None,
        consume: bool = False,
        **changes: Any,
    ) -> LaunchRuntime:
        settings = fast_settings(resources.settings, **changes)
        scoped = Resources(
            settings=settings, db=resources.db, redis=resources.redis, codec=resources.codec
        )
        registry = ChannelRegistry(settings)
        registry.install(recorder or adapter)
        runtime = LaunchRuntime(scoped, registry=registry, owner=owner, consume=consume)
        stop = asyncio.Event()
        running.append((stop, asyncio.create_task(runtime.run(stop))))
        return runtime

    yield start
    for stop, _ in running:
        stop.set()
    for _, task in running:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, timeout=10)


def world_audience(world: World, launch: Launch, **changes: Any) -> Audience:
    """The audience a launch of the world's campaign freezes: its segment, email, no A/B
    variants, now (`changes` replace any of these)."""
    audience = Audience(
        company_id=world.company.id,
        campaign_id=world.campaign.id,
        launch_id=launch.id,
        segments=[world.segment],
        channels=["email"],
        variants=[],
        now=datetime.now(UTC),
    )
    return dataclasses.replace(audience, **changes)
