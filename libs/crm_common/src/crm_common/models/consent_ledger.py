"""The consent ledger: every grant, withdrawal, opt-in request, confirmation and expiry."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Index, String, func, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.enums import ConsentAction, ConsentStatus, DeliveryChannel
from crm_common.models.base import Base, TenantOwned, UUIDPk, enum_check


class ConsentLedgerEntry(UUIDPk, TenantOwned, Base):
    """One consent event of a contact on a channel, append-only (migration 0013: no UPDATE or
    DELETE grant, and a trigger refusing both; only the erasure function pseudonymises).
    Written by crm_common.privacy.consent, from the segment engine and the launch worker.

    `contact_id` has no foreign key on purpose: the record of a consent or withdrawal is
    evidence that outlives the contact row."""

    __tablename__ = "crm_consent_ledger"
    __table_args__ = (
        Index("ix_crm_consent_ledger_contact_time", "company_id", "contact_id", "created_at"),
        enum_check("channel", DeliveryChannel),
        enum_check("action", ConsentAction),
        enum_check("status", ConsentStatus),
        CheckConstraint(
            "legal_basis IS NULL OR legal_basis IN "
            "('express', 'implied', 'legitimate_interest', 'contract')",
            name="legal_basis_valid",
        ),
        CheckConstraint(
            "(status = 'withdrawn') = (legal_basis IS NULL)", name="basis_when_consented"
        ),
    )

    contact_id: Mapped[uuid.UUID]
    channel: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20))
    # The status before this entry (None for a contact's first entry on the channel).
    previous_status: Mapped[str | None] = mapped_column(String(20))
    legal_basis: Mapped[str | None] = mapped_column(String(30))
    expires_at: Mapped[datetime | None]
    source: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[datetime]
    actor_user_id: Mapped[uuid.UUID | None]
    proof: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    # clock_timestamp(): entries of one transaction keep the order they were appended in.
    created_at: Mapped[datetime] = mapped_column(server_default=func.clock_timestamp())
    pseudonymised_at: Mapped[datetime | None]
