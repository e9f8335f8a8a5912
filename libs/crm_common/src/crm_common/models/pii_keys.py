"""Per-company keys that encrypt personal data at rest (crm_common.crypto)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Dialect, ForeignKey, Integer, LargeBinary, String, func
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from crm_common.models.base import Base


class PiiKey(Base):
    """A company's data key (`purpose` data, one row per version; the highest version encrypts
    new writes) or keyed-hash key (`purpose` hash, version 1), stored wrapped by a KEK.
    Written by whichever service first writes the company's personal data, and by the
    `crm rotate-pii-key` / `crm rewrap-pii-keys` commands."""

    __tablename__ = "crm_pii_keys"
    __table_args__ = (CheckConstraint("purpose IN ('data', 'hash')", name="purpose_valid"),)

    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="RESTRICT"), primary_key=True
    )
    purpose: Mapped[str] = mapped_column(String(10), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    wrapped_key: Mapped[bytes] = mapped_column(LargeBinary)
    kek_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())


class SealedValue(TypeDecorator[bytes]):
    """A sealed personal-data column (`bytea`). A `str` bound to it is stored as its UTF-8
    bytes: a plaintext row, as rows written before encryption are, which readers take as such
    while the row's key version is NULL (crm_common.crypto.pii)."""

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: bytes | str | None, dialect: Dialect) -> bytes | None:
        return value.encode() if isinstance(value, str) else value
