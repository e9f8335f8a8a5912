"""Alerts on a running campaign: budget thresholds and performance rules, pausing it when told."""
