"""Freezing a launch's audience into deliveries."""
