"""Outbound webhooks: subscriptions, deliveries with their attempts, and the company's
allow-list of private targets."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, RowVersion, TenantOwned, Timestamps, UUIDPk, enum_check
from crm_common.webhooks.enums import (
    WebhookAttemptOutcome,
    WebhookDeliveryStatus,
    WebhookStatus,
)


class WebhookSubscription(UUIDPk, TenantOwned, Timestamps, RowVersion, Base):
    """A URL of the tenant's that receives the events it subscribed to, signed with its own
    secret (stored encrypted). Written by campaign-api (settings) and launch-worker (the
    failure count and automatic disabling)."""

    __tablename__ = "crm_webhook_subscriptions"
    __table_args__ = (enum_check("status", WebhookStatus),)

    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str] = mapped_column(String(2048))
    event_types: Mapped[list[str]] = mapped_column(ARRAY(String(100)))
    status: Mapped[str] = mapped_column(String(20), server_default=WebhookStatus.ACTIVE.value)
    secret_sealed: Mapped[str] = mapped_column(Text)
    """The signing secret, encrypted (crm_common.webhooks.secrets)."""
    previous_secret_sealed: Mapped[str | None] = mapped_column(Text)
    """The secret before the last rotation: deliveries are signed with it too until
    `previous_secret_expires_at`, so receivers can switch over without losing events."""
    previous_secret_expires_at: Mapped[datetime | None]
    consecutive_failures: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    disabled_at: Mapped[datetime | None]
    disabled_reason: Mapped[str | None] = mapped_column(Text)
    last_success_at: Mapped[datetime | None]
    last_failure_at: Mapped[datetime | None]
    created_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="SET NULL")
    )


class WebhookDelivery(UUIDPk, TenantOwned, Timestamps, Base):
    """One event for one subscription: the exact body sent (signed afresh per attempt), its
    state and when it is next tried. Written by launch-worker (and campaign-api for test
    pings)."""

    __tablename__ = "crm_webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("subscription_id", "event_id"),
        Index(None, "subscription_id", "created_at"),
        Index(
            "ix_crm_webhook_deliveries_due",
            "next_attempt_at",
            postgresql_where=text("status = 'pending'"),
        ),
        enum_check("status", WebhookDeliveryStatus),
    )

    subscription_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_webhook_subscriptions.id", ondelete="CASCADE")
    )
    event_id: Mapped[uuid.UUID]
    event_type: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text)
    is_test: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    status: Mapped[str] = mapped_column(
        String(20), server_default=WebhookDeliveryStatus.PENDING.value
    )
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    next_attempt_at: Mapped[datetime | None]
    lease_until: Mapped[datetime | None]
    """A worker sending it holds it until then; after that another may take it over."""
    last_status_code: Mapped[int | None] = mapped_column(Integer)
    last_error: Mapped[str | None] = mapped_column(Text)
    delivered_at: Mapped[datetime | None]


class WebhookAttempt(UUIDPk, TenantOwned, Base):
    """One try of a delivery: what the receiver answered (status, the start of its body),
    how long it took, or why it failed. Written by launch-worker."""

    __tablename__ = "crm_webhook_attempts"
    __table_args__ = (
        UniqueConstraint("delivery_id", "attempt"),
        enum_check("outcome", WebhookAttemptOutcome),
    )

    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_webhook_deliveries.id", ondelete="CASCADE")
    )
    attempt: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(String(2048))
    """The last URL requested (after redirects)."""
    outcome: Mapped[str] = mapped_column(String(20))
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[str | None] = mapped_column(Text)
    """The first `WEBHOOK_RESPONSE_LOG_BYTES` of the response body."""
    error: Mapped[str | None] = mapped_column(Text)
    latency_ms: Mapped[int | None] = mapped_column(Integer)
    started_at: Mapped[datetime]


class WebhookAllowList(TenantOwned, Base):
    """The hosts and networks a company's webhooks may reach although they are not public
    (an internal receiver, a test server). Written by campaign-api (admins only)."""

    __tablename__ = "crm_webhook_allow_lists"

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="CASCADE"), primary_key=True
    )
    entries: Mapped[list[str]] = mapped_column(ARRAY(String(255)), server_default=text("'{}'"))
    updated_by_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="SET NULL")
    )
    updated_at: Mapped[datetime] = mapped_column(server_default=text("now()"))
