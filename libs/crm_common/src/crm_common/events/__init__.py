"""Domain events: the envelope, the outbox writer, the relay and stream consumers."""

from crm_common.events.envelope import EventEnvelope, EventType
from crm_common.events.outbox import emit

__all__ = ["EventEnvelope", "EventType", "emit"]
