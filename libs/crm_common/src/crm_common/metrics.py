"""Prometheus metrics shared by every service (one registry per process)."""

from __future__ import annotations

import hmac

from prometheus_client import Counter, Gauge, Histogram

from crm_common.proxies import in_networks, parse_networks
from crm_common.settings import Settings

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
CONTACTS_ORDER = Gauge(
    "crm_contacts_bucket_order_correlation",
    "How closely contacts lie in (company, sample bucket) order: 1 in order; re-cluster below 0.9",
    ["table"],
)
"""Labelled so that no series exists until the first weekly check has measured (an unlabelled
gauge would read 0, in alert, before it)."""
EVENTS_HANDLED = Counter(
    "crm_stream_events_handled_total", "Stream events handled", ["group", "outcome"]
)


def metrics_allowed(settings: Settings, client_host: str | None, authorization: str | None) -> bool:
    """Whether a request may read /metrics: always outside production; in production only
    from CRM_METRICS_ALLOW networks or with `Authorization: Bearer <CRM_METRICS_TOKEN>`."""
    if settings.env != "prod":
        return True
    if in_networks(client_host, parse_networks(settings.metrics_allow)):
        return True
    token = settings.metrics_token
    if token is None or not authorization:
        return False
    scheme, _, given = authorization.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given.strip().encode(), token.get_secret_value().encode()
    )
