"""Prometheus metrics shared by every service (one registry per process)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

REQUESTS = Counter(
    "crm_http_requests_total", "HTTP requests", ["service", "method", "route", "status"]
)
REQUEST_LATENCY = Histogram(
    "crm_http_request_duration_seconds",
    "HTTP request latency",
    ["service", "method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5),
)
DB_POOL_CHECKED_OUT = Gauge(
    "crm_db_pool_checked_out", "Database connections in use", ["service", "engine"]
)
DB_POOL_SIZE = Gauge("crm_db_pool_size", "Database pool size", ["service", "engine"])
STREAM_LAG = Gauge(
    "crm_stream_consumer_lag", "Entries not yet delivered to a consumer group", ["stream", "group"]
)
STREAM_PENDING = Gauge(
    "crm_stream_consumer_pending", "Entries delivered but not acknowledged", ["stream", "group"]
)
OUTBOX_PUBLISHED = Counter("crm_outbox_published_total", "Outbox events published to the stream")
OUTBOX_BACKLOG = Gauge("crm_outbox_backlog", "Outbox events waiting to be published")
EVENTS_HANDLED = Counter(
    "crm_stream_events_handled_total", "Stream events handled", ["group", "outcome"]
)
