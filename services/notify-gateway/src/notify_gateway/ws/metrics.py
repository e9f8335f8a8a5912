"""Prometheus metrics of the notify gateway (exposed at /metrics with the shared ones)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

CONNECTED_CLIENTS = Gauge("crm_ws_connected_clients", "Authenticated WebSocket clients")
CONNECTIONS_REJECTED = Counter(
    "crm_ws_connections_rejected_total", "WebSocket connections refused", ["reason"]
)
EVENTS_IN = Counter("crm_ws_events_in_total", "Stream entries read by the gateway")
EVENTS_OUT = Counter("crm_ws_events_out_total", "Event frames sent to clients")
EVENTS_REPLAYED = Counter(
    "crm_ws_events_replayed_total", "Event frames sent from the backlog on resume"
)
EVENTS_MALFORMED = Counter(
    "crm_ws_events_malformed_total", "Stream entries without a valid envelope (skipped)"
)
CLIENTS_DROPPED = Counter(
    "crm_ws_clients_dropped_total", "Connections closed by the server", ["reason"]
)
RELOADS_REQUIRED = Counter(
    "crm_ws_reload_required_total", "Resumes refused because the backlog is gone or too long"
)
FANOUT_LATENCY = Histogram(
    "crm_ws_fanout_latency_seconds",
    "From the event's occurred_at to its frame being written to the client",
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
READER_LAG = Gauge(
    "crm_ws_reader_last_entry_age_seconds",
    "Age of the newest stream entry read, when it was read",
)
