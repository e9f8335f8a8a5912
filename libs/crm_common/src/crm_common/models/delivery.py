"""A/B variants, launches, deliveries, tracked links and campaign metrics."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    and_,
    any_,
    func,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from crm_common.enums import DeliveryChannel, DeliveryStatus, LaunchStatus
from crm_common.models.base import Base, TenantOwned, Timestamps, UUIDPk, enum_check
from crm_common.models.campaign import Campaign


class AbVariant(UUIDPk, TenantOwned, Timestamps, Base):
    """One variant of an A/B test within a campaign. Written by campaign-api."""

    __tablename__ = "crm_ab_variants"
    __table_args__ = (
        UniqueConstraint("campaign_id", "variant_name"),
        CheckConstraint("weight BETWEEN 0 AND 100", name="weight_range"),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE")
    )
    variant_name: Mapped[str] = mapped_column(String(50))
    template_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_campaign_templates.id", ondelete="RESTRICT")
    )
    subject: Mapped[str | None] = mapped_column(String(255))
    content: Mapped[str | None] = mapped_column(Text)
    weight: Mapped[int] = mapped_column(Integer, server_default=text("50"))
    is_control: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


class Launch(UUIDPk, TenantOwned, Timestamps, Base):
    """A request to send a campaign, and the lease-guarded progress of sending it.
    Written by campaign-api (request) and launch-worker (progress)."""

    __tablename__ = "crm_launches"
    __table_args__ = (
        UniqueConstraint("company_id", "idempotency_key"),
        Index(None, "campaign_id"),
        Index(
            "ix_crm_launches_claimable",
            "launch_status",
            "scheduled_at",
            postgresql_where=text(
                "launch_status IN ('requested', 'scheduled', 'resolving', 'sending')"
            ),
        ),
        enum_check("launch_status", LaunchStatus),
        CheckConstraint(
            "sent_count >= 0 AND failed_count >= 0 AND skipped_count >= 0",
            name="counts_non_negative",
        ),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="RESTRICT")
    )
    idempotency_key: Mapped[str] = mapped_column(String(255))
    requested_by_user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    launch_status: Mapped[str] = mapped_column(String(20), server_default="requested")
    parameters: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    scheduled_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    total_recipients: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    sent_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    failed_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    skipped_count: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[datetime | None]
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    last_error: Mapped[str | None] = mapped_column(Text)
    resolved_at: Mapped[datetime | None]
    """When the audience was frozen into deliveries."""
    audience_linked_at: Mapped[datetime | None]
    """When the recipients' campaign-contact links were written (after the deliveries)."""


FRESH_DELIVERY = "delivery_status = 'pending' AND next_attempt_at = created_at"
"""A delivery as its launch's resolution wrote it and no dispatcher has claimed it yet (a
claim makes it `sending`; a delivery given back to `pending` is due at a later time than it
was created). Fresh deliveries stay out of the claimable index: a resolution writes one index
entry fewer per recipient, and dispatchers find them in primary-key order instead, as their
ids lie in their launch's range (`launch_delivery_ids`)."""

CLAIMABLE_DELIVERY = (
    "delivery_status = 'sending' OR (delivery_status = 'pending' AND next_attempt_at <> created_at)"
)
"""Every other open delivery: claimed (a lapsed lease sends it again), retried, or held (quiet
hours, an A/B test's wait) — the rows of the claimable index."""

DELIVERY_ID_PREFIX_HEX = 16
"""A delivery id starts with the first 16 hex digits of its launch's id (60 random bits), then
a byte numbering the resolution attempt, a byte numbering the slice and 12 hex digits of
rank."""


def launch_delivery_ids(launch_id: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """The lowest and highest delivery id a launch's deliveries can have (both inclusive)."""
    prefix = launch_id.hex[:DELIVERY_ID_PREFIX_HEX]
    free = 32 - DELIVERY_ID_PREFIX_HEX
    return uuid.UUID(prefix + "0" * free), uuid.UUID(prefix + "f" * free)


class Delivery(UUIDPk, TenantOwned, Timestamps, Base):
    """One message to one contact on one channel; the unique key guards against double sends.
    Written by launch-worker.

    No per-row foreign keys (migration 0008): statement triggers check that every inserted
    row's contact, campaign, launch and variant belong to its company; deleting a contact
    deletes its deliveries, deleting a variant clears it, and a campaign or launch with
    deliveries cannot be deleted — the guarantees of the old keys at one query per statement
    instead of five per recipient. No contact index either (migration 0018): the few
    readers by contact find a contact's deliveries through the unique key
    (`delivered_to`)."""

    __tablename__ = "crm_deliveries"
    __table_args__ = (
        UniqueConstraint("campaign_id", "contact_id", "channel"),
        # A launch's latest failures; only failed deliveries enter it.
        Index(
            "ix_crm_deliveries_failed",
            "launch_id",
            "updated_at",
            postgresql_where=text("delivery_status = 'failed'"),
        ),
        # Dispatchers claim a launch's claimed, retried and held deliveries from here (SKIP
        # LOCKED); fresh ones, never claimed, are found through the primary key (migration
        # 0019, `FRESH_DELIVERY`).
        Index(
            "ix_crm_deliveries_claimable",
            "launch_id",
            "next_attempt_at",
            postgresql_where=text(CLAIMABLE_DELIVERY),
        ),
        enum_check("channel", DeliveryChannel),
        enum_check("delivery_status", DeliveryStatus),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    launch_id: Mapped[uuid.UUID]
    campaign_id: Mapped[uuid.UUID]
    contact_id: Mapped[uuid.UUID]
    channel: Mapped[str] = mapped_column(String(20))
    variant_id: Mapped[uuid.UUID | None]
    delivery_status: Mapped[str] = mapped_column(String(20), server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    lease_owner: Mapped[str | None] = mapped_column(String(100))
    lease_expires_at: Mapped[datetime | None]
    provider_message_id: Mapped[str | None] = mapped_column(String(255))
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
    cost: Mapped[Decimal] = mapped_column(server_default=text("0"))
    next_attempt_at: Mapped[datetime] = mapped_column(server_default=func.now())
    """Not claimed before this: retry back-off and quiet hours hold a delivery here."""
    provider: Mapped[str | None] = mapped_column(String(30))
    error_code: Mapped[str | None] = mapped_column(String(100))


def delivered_to(company_id: uuid.UUID, contact_id: uuid.UUID) -> ColumnElement[bool]:
    """The deliveries of one contact of a company: one probe of the unique (campaign,
    contact, channel) key per campaign of the company."""
    campaigns = select(Campaign.id).where(Campaign.company_id == company_id)
    return and_(
        Delivery.company_id == company_id,
        Delivery.campaign_id == any_(func.array(campaigns.scalar_subquery())),
        Delivery.contact_id == contact_id,
    )


class MessageLink(TenantOwned, Base):
    """A link recorded in one delivered message; click redirects go only here.
    Written by launch-worker."""

    __tablename__ = "crm_message_links"

    delivery_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_deliveries.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)


METRIC_COUNTERS = (
    "sent",
    "delivered",
    "failed",
    "opens",
    "unique_opens",
    "clicks",
    "unique_clicks",
    "unsubscribes",
    "bounces",
    "conversions",
)
"""The integer counter columns of `CampaignMetric`, in the order every summing query uses."""


class CampaignMetric(UUIDPk, TenantOwned, Base):
    """Daily counters of a campaign on one channel. Written by launch-worker and segment-engine
    (tracking)."""

    __tablename__ = "crm_campaign_metrics"
    __table_args__ = (
        UniqueConstraint("campaign_id", "channel", "metric_date"),
        enum_check("channel", DeliveryChannel),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE")
    )
    channel: Mapped[str] = mapped_column(String(20))
    metric_date: Mapped[date] = mapped_column(Date)
    sent: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    delivered: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    failed: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    opens: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    unique_opens: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    clicks: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    unique_clicks: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    unsubscribes: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    bounces: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    conversions: Mapped[int] = mapped_column(BigInteger, server_default=text("0"))
    revenue: Mapped[Decimal] = mapped_column(server_default=text("0"))
    spend: Mapped[Decimal] = mapped_column(server_default=text("0"))
    spend_exact: Mapped[Decimal] = mapped_column(Numeric(18, 6), server_default=text("0"))
    """`spend` to the sixth decimal (`spend` is it rounded to cents)."""
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())
