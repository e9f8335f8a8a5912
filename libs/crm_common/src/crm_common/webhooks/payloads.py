"""What a webhook delivers: the event types a subscription may pick and the JSON body of a
delivery (the stream's event envelope, which carries ids and no personal data)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from typing import Any

from crm_common.events.envelope import EventEnvelope, EventType

PING_EVENT_TYPE = "webhook.ping"
"""The type of the test event `POST /api/webhooks/{id}/test/` sends; never on the stream."""

SUBSCRIBABLE_EVENT_TYPES: tuple[str, ...] = tuple(sorted(t.value for t in EventType))


def _body(fields: dict[str, Any]) -> str:
    return json.dumps(fields, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def event_body(envelope: EventEnvelope) -> str:
    """The body delivered for a stream event: `{id, type, version, company_id, occurred_at,
    actor_user_id, data}` as compact JSON (signed exactly as stored)."""
    fields = envelope.model_dump(mode="json", exclude={"correlation_id"})
    return _body(fields)


def ping_body(event_id: uuid.UUID, company_id: uuid.UUID, webhook_id: uuid.UUID) -> str:
    """The body of a test ping, shaped like every event."""
    return _body(
        {
            "id": str(event_id),
            "type": PING_EVENT_TYPE,
            "version": 1,
            "company_id": str(company_id),
            "occurred_at": datetime.now(UTC).isoformat(),
            "actor_user_id": None,
            "data": {"webhook_id": str(webhook_id)},
        }
    )
