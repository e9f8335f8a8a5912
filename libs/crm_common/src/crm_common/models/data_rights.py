"""Data-subject requests, legal holds and retention policies."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import CheckConstraint, Index, Integer, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, TenantOwned, UUIDPk, enum_check


class DataSubjectRequestKind(StrEnum):
    EXPORT = "export"
    ERASE = "erase"
    DO_NOT_SELL = "do_not_sell"
    LEGAL_HOLD = "legal_hold"
    LEGAL_HOLD_RELEASE = "legal_hold_release"


class DataSubjectRequestOutcome(StrEnum):
    COMPLETED = "completed"
    ALREADY_DONE = "already_done"
    REFUSED = "refused"


class DataClass(StrEnum):
    """The classes of data a company sets a retention period for."""

    EVENTS = "events"
    DELIVERIES = "deliveries"
    RENDERED_MESSAGES = "rendered_messages"
    AUDIT = "audit"


class DataSubjectRequest(UUIDPk, TenantOwned, Base):
    """One data-subject request (export, erasure, do-not-sell change, legal hold) with who
    asked, when, and how it ended. Written by segment-engine.

    Kept after erasure: it names the contact by id only, never by address or name, so the
    log proves the request was honoured without identifying the person."""

    __tablename__ = "crm_data_subject_requests"
    __table_args__ = (
        Index(None, "company_id", "requested_at"),
        Index(None, "contact_id"),
        enum_check("kind", DataSubjectRequestKind),
        enum_check("outcome", DataSubjectRequestOutcome),
    )

    contact_id: Mapped[uuid.UUID]
    kind: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str] = mapped_column(String(20))
    requested_by_user_id: Mapped[uuid.UUID | None]
    requested_at: Mapped[datetime] = mapped_column(server_default=func.now())
    details: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    request_id: Mapped[str | None] = mapped_column(String(64))


class LegalHold(UUIDPk, TenantOwned, Base):
    """A legal hold on a contact or a campaign: retention deletes nothing it covers and a
    held contact cannot be erased. Written by segment-engine."""

    __tablename__ = "crm_legal_holds"
    __table_args__ = (
        CheckConstraint("(contact_id IS NULL) <> (campaign_id IS NULL)", name="one_subject"),
        Index(
            "uq_crm_legal_holds_active_contact",
            "company_id",
            "contact_id",
            unique=True,
            postgresql_where=text("released_at IS NULL AND contact_id IS NOT NULL"),
        ),
        Index(
            "uq_crm_legal_holds_active_campaign",
            "company_id",
            "campaign_id",
            unique=True,
            postgresql_where=text("released_at IS NULL AND campaign_id IS NOT NULL"),
        ),
    )

    contact_id: Mapped[uuid.UUID | None]
    campaign_id: Mapped[uuid.UUID | None]
    reason: Mapped[str] = mapped_column(Text)
    placed_by_user_id: Mapped[uuid.UUID | None]
    placed_at: Mapped[datetime] = mapped_column(server_default=func.now())
    released_at: Mapped[datetime | None]
    released_by_user_id: Mapped[uuid.UUID | None]
    release_reason: Mapped[str | None] = mapped_column(Text)


class RetentionPolicy(TenantOwned, Base):
    """How many days a company keeps one class of data (no row: kept indefinitely).
    Written by segment-engine."""

    __tablename__ = "crm_retention_policies"
    __table_args__ = (
        enum_check("data_class", DataClass),
        CheckConstraint("retain_days BETWEEN 1 AND 36500", name="retain_days_range"),
    )

    company_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    data_class: Mapped[str] = mapped_column(String(30), primary_key=True)
    retain_days: Mapped[int] = mapped_column(Integer)
    updated_by_user_id: Mapped[uuid.UUID | None]
    updated_at: Mapped[datetime] = mapped_column(server_default=func.now(), onupdate=func.now())
