"""`campaign.test_send_requested` through its own consumer group of the launch worker."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI

from crm_common.events import EventEnvelope, EventType
from crm_common.events.consumer import StreamConsumer
from crm_common.resources import Resources
from crm_common.supervise import supervisor_of
from launch_worker.channels.registry import ChannelRegistry, registry_for
from launch_worker.event_groups import group_consumer
from launch_worker.test_sends.service import send_test

log = structlog.get_logger(__name__)

GROUP = "launch-worker-test-sends"
RETRY_AFTER_MS = 15_000
"""A test send refused for now is tried again when its entry has been idle this long."""


def requests_handler(
    resources: Resources, registry: ChannelRegistry
) -> Callable[[EventEnvelope], Awaitable[None]]:
    async def handle(envelope: EventEnvelope) -> None:
        if envelope.type != EventType.CAMPAIGN_TEST_SEND_REQUESTED:
            return
        raw = envelope.data.get("test_send_id")
        try:
            test_send_id = uuid.UUID(str(raw))
        except ValueError:
            log.warning("test_send_event_invalid", event_id=str(envelope.id))
            return
        # The row's status makes this idempotent: a redelivered event finds it sent.
        await send_test(resources.db, registry, envelope.company_id, test_send_id)

    return handle


def requests_consumer(resources: Resources, registry: ChannelRegistry) -> StreamConsumer:
    return group_consumer(
        resources,
        GROUP,
        requests_handler(resources, registry),
        accepts={EventType.CAMPAIGN_TEST_SEND_REQUESTED},
        claim_idle_ms=RETRY_AFTER_MS,
    )


@asynccontextmanager
async def run_test_sends(app: FastAPI) -> AsyncIterator[Any]:
    """Consume test-send requests (supervised) for as long as the app runs."""
    resources: Resources = app.state.resources
    consumer = requests_consumer(resources, registry_for(resources.settings))
    async with supervisor_of(app).running("test_sends", consumer.run) as state:
        yield state
