"""Contacts, their consent, behavioural events, suppressions and segment membership."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Date,
    Double,
    ForeignKey,
    Index,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.enums import DeliveryChannel, SuppressionReason
from crm_common.models.base import Base, RowVersion, TenantOwned, Timestamps, UUIDPk, enum_check
from crm_common.models.pii_keys import SealedValue
from crm_common.sampling import SAMPLE_BUCKET_SQL

CONTACT_TAG_COLUMNS = ("interests", "lifestyle", "values")
CONTACT_PROFILE_COLUMNS = (
    "external_id",
    "email",
    "phone",
    "first_name",
    "last_name",
    "gender",
    "birth_date",
    "language",
    "country",
    "region",
    "city",
    "postal_code",
    "timezone",
    "latitude",
    "longitude",
    *CONTACT_TAG_COLUMNS,
    "attributes",
)
"""A contact's profile columns: what other CRM modules write (consent is kept separately)."""


class Contact(UUIDPk, TenantOwned, Timestamps, RowVersion, Base):
    """The audience projection of a CRM contact. Written by segment-engine."""

    __tablename__ = "crm_contacts"
    __table_args__ = (
        # With the id (migration 0018): the contact check of a resolution's statement
        # triggers reads a range of the company's contacts from this index alone.
        Index("ix_crm_contacts_company_id", "company_id", "id"),
        Index("uq_crm_contacts_company_external", "company_id", "external_id", unique=True),
        # Equality lookups on personal data go through keyed hashes (crm_common.crypto.pii).
        Index("ix_crm_contacts_company_email_hash", "company_id", "email_hash"),
        Index("ix_crm_contacts_company_phone_hash", "company_id", "phone_hash"),
        Index("ix_crm_contacts_company_country", "company_id", "country", "region", "city"),
        # Sampled estimates read the buckets below k (crm_common.sampling, migration 0003).
        Index("ix_crm_contacts_company_sample", "company_id", "sample_bucket"),
        # No GIN on tags or attributes (migration 0002): their operators are not leakproof,
        # so under row-level security no tenant query can use such an index.
        CheckConstraint("latitude IS NULL OR latitude BETWEEN -90 AND 90", name="latitude_range"),
        CheckConstraint(
            "longitude IS NULL OR longitude BETWEEN -180 AND 180", name="longitude_range"
        ),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="RESTRICT"), nullable=False
    )
    # In storage (migration 0002) the mixins' id, company_id and timestamps come first, then
    # these in this order: fixed-width columns, the short fields rules filter on, the long ones
    # last — Postgres walks every variable-width column before the one it reads.
    birth_date: Mapped[date | None] = mapped_column(Date)
    latitude: Mapped[float | None] = mapped_column(Double)
    longitude: Mapped[float | None] = mapped_column(Double)
    gender: Mapped[str | None] = mapped_column(String(20))
    country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str | None] = mapped_column(String(12))
    region: Mapped[str | None] = mapped_column(String(100))
    city: Mapped[str | None] = mapped_column(String(100))
    postal_code: Mapped[str | None] = mapped_column(String(20))
    timezone: Mapped[str | None] = mapped_column(String(64))
    external_id: Mapped[str] = mapped_column(String(100))
    # Sealed with the company's data key (crm_common.crypto.pii, migration 0015); plaintext
    # bytes while `pii_key_version` is NULL (rows written before encryption).
    email: Mapped[bytes | None] = mapped_column(SealedValue)
    phone: Mapped[bytes | None] = mapped_column(SealedValue)
    first_name: Mapped[bytes | None] = mapped_column(SealedValue)
    last_name: Mapped[bytes | None] = mapped_column(SealedValue)
    # Channels with granted consent, kept in step with crm_contact_consents for fast filters.
    consented_channels: Mapped[list[str]] = mapped_column(
        ARRAY(String(20)), server_default=text("'{}'")
    )
    interests: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'"))
    lifestyle: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'"))
    values: Mapped[list[str]] = mapped_column(ARRAY(Text), server_default=text("'{}'"))
    attributes: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    # Read only through ix_crm_contacts_company_sample, so its place at the end costs nothing.
    sample_bucket: Mapped[int] = mapped_column(
        SmallInteger, Computed(SAMPLE_BUCKET_SQL.format(column="id"), persisted=True)
    )
    # CCPA "do not sell or share": never handed to other modules or outside parties
    # (migration 0014, docs/data-subject-rights.md).
    do_not_sell: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    # Set when the contact's personal data was erased; the row stays as a pseudonymous tombstone.
    erased_at: Mapped[datetime | None]
    # Keyed hashes of the normalised email and phone (dedupe, filters, suppression matching),
    # the email's domain for domain rules, and the data key version of the row's sealed values.
    email_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    email_domain: Mapped[str | None] = mapped_column(String(253))
    pii_key_version: Mapped[int | None] = mapped_column(SmallInteger)


class ContactConsent(TenantOwned, Base):
    """A contact's consent for one channel, with where and when it was given or withdrawn.
    Written by segment-engine."""

    __tablename__ = "crm_contact_consents"
    __table_args__ = (
        enum_check("channel", DeliveryChannel),
        CheckConstraint("NOT (granted AND pending)", name="granted_or_pending"),
        Index(
            "ix_crm_contact_consents_expiring",
            "expires_at",
            postgresql_where=text("granted AND expires_at IS NOT NULL"),
        ),
    )

    contact_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_contacts.id", ondelete="CASCADE"), primary_key=True
    )
    channel: Mapped[str] = mapped_column(String(20), primary_key=True)
    granted: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(100), server_default="api")
    recorded_at: Mapped[datetime] = mapped_column(server_default=func.now())
    # The consent ledger (models/consent_ledger.py, migration 0013) derives these: an email grant
    # awaiting double opt-in is `pending` (not granted), implied consent has an end.
    pending: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    legal_basis: Mapped[str] = mapped_column(String(30), server_default="express")
    expires_at: Mapped[datetime | None]
    ledger_id: Mapped[uuid.UUID | None]


class ContactEvent(TenantOwned, Base):
    """A behavioural event of a contact (open, click, purchase, page view …).
    Written by segment-engine."""

    __tablename__ = "crm_contact_events"
    __table_args__ = (
        Index("uq_crm_contact_events_company_event", "company_id", "event_id", unique=True),
        Index(
            "ix_crm_contact_events_contact_type_time",
            "company_id",
            "contact_id",
            "event_type",
            "occurred_at",
        ),
        # contact_id is carried in the leaf so windowed behavioural conditions are answered by
        # index-only scans (measured on 10M events: 2.9 s of heap reads → 0.15 s).
        Index(
            "ix_crm_contact_events_company_type_time",
            "company_id",
            "event_type",
            "occurred_at",
            postgresql_include=["contact_id"],
        ),
        # The same windows over the sampled contacts only (crm_common.sampling).
        Index(
            "ix_crm_contact_events_company_type_sample",
            "company_id",
            "event_type",
            "sample_bucket",
            "occurred_at",
            postgresql_include=["contact_id"],
        ),
        Index("ix_crm_contact_events_occurred_brin", "occurred_at", postgresql_using="brin"),
        Index("ix_crm_contact_events_campaign", "campaign_id"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    event_id: Mapped[str] = mapped_column(String(100))
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("crm_contacts.id", ondelete="CASCADE"))
    event_type: Mapped[str] = mapped_column(String(64))
    occurred_at: Mapped[datetime]
    properties: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="SET NULL")
    )
    received_at: Mapped[datetime] = mapped_column(server_default=func.now())
    # The contact's sample bucket (the same expression over contact_id).
    sample_bucket: Mapped[int] = mapped_column(
        SmallInteger, Computed(SAMPLE_BUCKET_SQL.format(column="contact_id"), persisted=True)
    )


class Suppression(UUIDPk, TenantOwned, Base):
    """An address that must never be sent to on a channel (or any channel when NULL).
    Written by segment-engine."""

    __tablename__ = "crm_suppressions"
    __table_args__ = (
        Index(
            "uq_crm_suppressions_address_hash",
            "company_id",
            text("coalesce(channel, '*')"),
            "address_hash",
            unique=True,
        ),
        Index("ix_crm_suppressions_contact", "contact_id"),
        enum_check("reason", SuppressionReason),
        CheckConstraint(
            "channel IS NULL OR channel IN ('email', 'sms', 'social', 'direct_mail')",
            name="channel_valid",
        ),
    )

    channel: Mapped[str | None] = mapped_column(String(20))
    # Sealed (crm_common.crypto.pii); matched through `address_hash`, the keyed hash of the
    # normalised address; `key_version` NULL while the row is still plaintext.
    address: Mapped[bytes] = mapped_column(SealedValue)
    address_hash: Mapped[bytes | None] = mapped_column(LargeBinary)
    key_version: Mapped[int | None] = mapped_column(SmallInteger)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_contacts.id", ondelete="SET NULL")
    )
    reason: Mapped[str] = mapped_column(String(20))
    source: Mapped[str] = mapped_column(String(100), server_default="api")
    campaign_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class SegmentMembership(TenantOwned, Base):
    """A contact in a segment's last materialised evaluation. Written by segment-engine.

    No per-row foreign keys (migration 0002): statement triggers check that every inserted
    row's segment and contact belong to its company, and deleting a contact or a segment
    deletes its memberships — the same guarantees at one query per statement instead of
    three per member."""

    __tablename__ = "crm_segment_memberships"

    company_id: Mapped[uuid.UUID] = mapped_column(nullable=False)
    segment_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    contact_id: Mapped[uuid.UUID] = mapped_column(primary_key=True, index=True)
    added_at: Mapped[datetime] = mapped_column(server_default=func.now())


class SegmentEvaluation(UUIDPk, TenantOwned, Base):
    """One materialisation run of a segment and what it changed. Written by segment-engine."""

    __tablename__ = "crm_segment_evaluations"
    __table_args__ = (Index(None, "segment_id", "evaluated_at"),)

    segment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaign_segments.id", ondelete="CASCADE")
    )
    evaluated_at: Mapped[datetime] = mapped_column(server_default=func.now())
    matched: Mapped[int] = mapped_column(BigInteger)
    member_count: Mapped[int] = mapped_column(BigInteger)
    added: Mapped[int] = mapped_column(BigInteger)
    removed: Mapped[int] = mapped_column(BigInteger)
    excluded: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    took_ms: Mapped[int] = mapped_column(BigInteger)
