"""Retention: the nightly job that enforces each company's retention periods."""
