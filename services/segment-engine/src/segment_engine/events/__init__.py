"""Behavioural contact events: ingestion (single and batch, idempotent by event id) and lists."""
