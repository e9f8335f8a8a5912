"""A campaign's performance thresholds and the alerts raised on it."""
