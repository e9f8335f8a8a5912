"""Statuses of webhook subscriptions and deliveries."""

from enum import StrEnum


class WebhookStatus(StrEnum):
    ACTIVE = "active"
    """Events are delivered."""
    PAUSED = "paused"
    """Turned off by a user; no deliveries until set active again."""
    DISABLED = "disabled"
    """Turned off after too many consecutive failed attempts; re-enabled by a user."""


class WebhookDeliveryStatus(StrEnum):
    PENDING = "pending"
    """Waiting for its next attempt (`next_attempt_at`)."""
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    """Every attempt failed, or the target was refused; not tried again."""


class WebhookAttemptOutcome(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    REFUSED = "refused"
    """The target address was not allowed (no request was sent)."""
