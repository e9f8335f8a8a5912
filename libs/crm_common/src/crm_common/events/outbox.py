"""Writing events into the outbox inside the caller's transaction."""

from __future__ import annotations

import uuid
from contextvars import ContextVar
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.db import stage_row
from crm_common.events.envelope import EventEnvelope
from crm_common.models import OutboxEvent

correlation_id_var: ContextVar[str | None] = ContextVar("correlation_id", default=None)


async def emit(
    session: AsyncSession,
    event_type: str,
    company_id: uuid.UUID,
    data: dict[str, Any],
    *,
    actor_user_id: uuid.UUID | None = None,
    correlation_id: str | None = None,
) -> EventEnvelope:
    """Stage one event; it is published only if the caller's transaction commits. The row is
    written with the change's audit row by one statement just before COMMIT
    (`crm_common.db.stage_row`)."""
    envelope = EventEnvelope(
        type=event_type,
        company_id=company_id,
        actor_user_id=actor_user_id,
        correlation_id=correlation_id or correlation_id_var.get(),
        data=data,
    )
    stage_row(
        session,
        OutboxEvent,
        {
            "event_id": envelope.id,
            "event_type": event_type,
            "company_id": company_id,
            "envelope": envelope.model_dump(mode="json"),
        },
    )
    return envelope
