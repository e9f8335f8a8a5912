"""The launch worker's webhook loops: its own consumer group on the event stream queues
deliveries, and the dispatcher sends them (both supervised)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any

from fastapi import FastAPI

from crm_common.events import EventEnvelope
from crm_common.events.consumer import StreamConsumer
from crm_common.resources import Resources
from crm_common.supervise import supervisor_of
from crm_common.webhooks.payloads import SUBSCRIBABLE_EVENT_TYPES
from launch_worker.event_groups import group_consumer
from launch_worker.webhooks.service import WebhookDispatcher, queue_event

GROUP = "launch-worker-webhooks"


def events_handler(
    resources: Resources, wake: Callable[[], None]
) -> Callable[[EventEnvelope], Awaitable[None]]:
    async def handle(envelope: EventEnvelope) -> None:
        if envelope.type not in SUBSCRIBABLE_EVENT_TYPES:
            return
        if await queue_event(resources.db, envelope) > 0:
            wake()

    return handle


def events_consumer(resources: Resources, wake: Callable[[], None]) -> StreamConsumer:
    return group_consumer(
        resources, GROUP, events_handler(resources, wake), accepts=SUBSCRIBABLE_EVENT_TYPES
    )


@asynccontextmanager
async def run_webhooks(app: FastAPI) -> AsyncIterator[Any]:
    """Queue and send webhook deliveries (supervised) for as long as the app runs."""
    resources: Resources = app.state.resources
    dispatcher = WebhookDispatcher(resources)
    consumer = events_consumer(resources, dispatcher.wake)
    supervisor = supervisor_of(app)
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(supervisor.running("webhook_events", consumer.run))
            await stack.enter_async_context(supervisor.running("webhook_dispatch", dispatcher.run))
            yield dispatcher
    finally:
        await dispatcher.aclose()
