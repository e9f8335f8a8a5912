"""Stream entries as the gateway sees them: parsed once by the reader, rendered once per
audience (with or without budget figures, never with PII) however many clients receive them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from crm_common.events.envelope import EventEnvelope
from crm_common.masking import PII_DROPPED, PII_FIELDS, redact_budget
from notify_gateway.ws.protocol import event_frame

StreamId = tuple[int, int]

# Contact PII a producer must never put in an event; removed at any depth all the same.
PII_KEYS = frozenset(
    {
        *PII_FIELDS,
        *PII_DROPPED,
        "address",
        "address_line1",
        "address_line2",
        "street",
        "email_address",
        "phone_number",
        "mobile",
        "ip_address",
        "user_agent",
        "date_of_birth",
    }
)


def parse_stream_id(value: str) -> StreamId:
    """`"1700000000000-3"` → `(1700000000000, 3)`; a bare millisecond part means sequence 0."""
    ms, _, seq = value.partition("-")
    return int(ms), int(seq or 0)


def format_stream_id(value: StreamId) -> str:
    return f"{value[0]}-{value[1]}"


def strip_pii(value: Any) -> Any:
    """A copy of `value` (dicts and lists, any depth) without PII keys."""
    if isinstance(value, dict):
        return {k: strip_pii(v) for k, v in value.items() if k not in PII_KEYS}
    if isinstance(value, list):
        return [strip_pii(item) for item in value]
    return value


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A frame waiting to be sent; events carry their stream position and occurrence time.
    One instance per event and audience is shared by every client queue it goes to."""

    text: str
    position: StreamId | None = None
    occurred_at: float | None = None


class MalformedEvent(Exception):
    """A stream entry without a valid envelope in its `event` field."""


@dataclass(eq=False)
class StreamEvent:
    """One stream entry: routing keys plus its frames, rendered lazily per audience."""

    stream_id: str
    position: StreamId
    company_id: uuid.UUID
    type: str
    campaign_id: str | None
    occurred_at: float
    envelope: dict[str, Any]
    _frames: dict[bool, Outgoing] = field(default_factory=dict, repr=False)

    @classmethod
    def from_entry(cls, stream_id: str, fields: dict[str, str]) -> StreamEvent:
        raw = fields.get("event")
        if raw is None:
            raise MalformedEvent("no event field")
        try:
            envelope = EventEnvelope.model_validate_json(raw)
        except ValidationError as exc:
            raise MalformedEvent(str(exc)) from None
        public = envelope.model_dump(mode="json")
        public["data"] = strip_pii(public["data"])
        return cls(
            stream_id=stream_id,
            position=parse_stream_id(stream_id),
            company_id=envelope.company_id,
            type=envelope.type,
            campaign_id=_campaign_id(envelope.data),
            occurred_at=_timestamp(envelope.occurred_at),
            envelope=public,
        )

    def outgoing(self, view_budget: bool) -> Outgoing:
        """The `{"type": "event", ...}` frame for an audience with or without budget access."""
        cached = self._frames.get(view_budget)
        if cached is None:
            envelope = self.envelope
            if not view_budget:
                envelope = {**envelope, "data": redact_budget(envelope["data"])}
            text = event_frame(self.stream_id, envelope)
            cached = self._frames[view_budget] = Outgoing(text, self.position, self.occurred_at)
        return cached


def _campaign_id(data: dict[str, Any]) -> str | None:
    value = data.get("campaign_id")
    if value is None:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return None


def _timestamp(moment: datetime) -> float:
    return moment.timestamp()
