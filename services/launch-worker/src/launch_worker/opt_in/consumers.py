"""`contact.consent_confirmation_requested` through its own consumer group of the launch
worker: each opens a pending double opt-in request, answered by one confirmation message."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import structlog
from fastapi import FastAPI

from crm_common.events import EventEnvelope
from crm_common.events.consumer import StreamConsumer
from crm_common.privacy.consent import CONFIRMATION_REQUESTED
from crm_common.privacy.opt_in_tokens import OptInSigner
from crm_common.resources import Resources
from crm_common.supervise import supervisor_of
from launch_worker.channels.registry import ChannelRegistry, registry_for
from launch_worker.event_groups import group_consumer
from launch_worker.opt_in.service import send_confirmation

log = structlog.get_logger(__name__)

GROUP = "launch-worker-opt-in"
RETRY_AFTER_MS = 15_000
"""A confirmation the provider refused for now is tried again after this idle time."""


def requests_handler(
    resources: Resources, registry: ChannelRegistry
) -> Callable[[EventEnvelope], Awaitable[None]]:
    signer = OptInSigner.from_settings(resources.settings)
    base_url = resources.settings.public_base_url

    async def handle(envelope: EventEnvelope) -> None:
        if envelope.type != CONFIRMATION_REQUESTED:
            return
        try:
            contact_id = uuid.UUID(str(envelope.data.get("contact_id")))
            request_id = uuid.UUID(str(envelope.data.get("request_id")))
        except ValueError:
            log.warning("opt_in_event_invalid", event_id=str(envelope.id))
            return
        # Idempotent through the request: once confirmed or replaced nothing is sent.
        await send_confirmation(
            resources.db,
            registry,
            signer,
            base_url,
            company_id=envelope.company_id,
            contact_id=contact_id,
            request_id=request_id,
        )

    return handle


def requests_consumer(resources: Resources, registry: ChannelRegistry) -> StreamConsumer:
    return group_consumer(
        resources,
        GROUP,
        requests_handler(resources, registry),
        accepts={CONFIRMATION_REQUESTED},
        claim_idle_ms=RETRY_AFTER_MS,
    )


@asynccontextmanager
async def run_opt_in(app: FastAPI) -> AsyncIterator[Any]:
    """Consume opt-in requests (supervised) for as long as the app runs."""
    resources: Resources = app.state.resources
    consumer = requests_consumer(resources, registry_for(resources.settings))
    async with supervisor_of(app).running("opt_in", consumer.run) as state:
        yield state
