"""Audit log, outbox, idempotency keys and processed-event markers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text, func, text
from sqlalchemy.dialects.postgresql import INET
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.models.base import Base, TenantOwned


class AuditLog(TenantOwned, Base):
    """An immutable record of one change: who, when, what (old and new values), from where.
    Written by every service through crm_common.audit; the database refuses UPDATE/DELETE.

    The chain columns are assigned by the database at insert (crm_common.audit_chain): the
    row's place in its company's hash chain; redaction marks are set only by
    `crm_audit_redact`."""

    __tablename__ = "crm_audit_log"
    __table_args__ = (
        Index(None, "company_id", "entity_type", "entity_id", "occurred_at"),
        Index(None, "company_id", "occurred_at"),
        Index(None, "company_id", "chain_seq", unique=True),
        Index(None, "company_id", "chained_at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(server_default=func.now())
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    action: Mapped[str] = mapped_column(String(64))
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID]
    old_values: Mapped[dict[str, Any] | None]
    new_values: Mapped[dict[str, Any] | None]
    request_id: Mapped[str | None] = mapped_column(String(64))
    client_ip: Mapped[str | None] = mapped_column(INET)
    user_agent: Mapped[str | None] = mapped_column(String(255))
    chain_seq: Mapped[int] = mapped_column(BigInteger)
    chained_at: Mapped[datetime]
    payload_digest: Mapped[str] = mapped_column(String(64))
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64))
    redacted_at: Mapped[datetime | None]
    redaction_request_id: Mapped[uuid.UUID | None]


class AuditAnchor(TenantOwned, Base):
    """Where a company's audit chain starts after its oldest rows were pruned: the first
    remaining row's sequence number and `prev_hash`, with a checkpoint hash chained over the
    company's anchors. Written only by the database function `crm_audit_prune`."""

    __tablename__ = "crm_audit_anchors"
    __table_args__ = (Index(None, "company_id", "first_seq", unique=True),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    first_seq: Mapped[int] = mapped_column(BigInteger)
    prev_hash: Mapped[str] = mapped_column(String(64))
    pruned_rows: Mapped[int] = mapped_column(BigInteger)
    pruned_before: Mapped[datetime]
    anchored_at: Mapped[datetime]
    previous_checkpoint: Mapped[str] = mapped_column(String(64))
    checkpoint_hash: Mapped[str] = mapped_column(String(64))


class OutboxEvent(TenantOwned, Base):
    """An event written in the same transaction as its change, published by the relay.
    Written by every service through crm_common.events.outbox."""

    __tablename__ = "crm_outbox"
    __table_args__ = (
        Index("ix_crm_outbox_unpublished", "id", postgresql_where=text("published_at IS NULL")),
        Index(None, "event_id", unique=True),
    )

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    event_id: Mapped[uuid.UUID]
    event_type: Mapped[str] = mapped_column(String(100))
    envelope: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    published_at: Mapped[datetime | None]
    stream_id: Mapped[str | None] = mapped_column(String(40))
    publish_attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class IdempotencyKey(TenantOwned, Base):
    """The stored first response of a keyed POST, replayed for the same key.
    Written by campaign-api."""

    __tablename__ = "crm_idempotency_keys"
    __table_args__ = (Index(None, "expires_at"),)

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    scope: Mapped[str] = mapped_column(String(200), primary_key=True)
    company_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_companies.id", ondelete="RESTRICT"), primary_key=True
    )
    user_id: Mapped[uuid.UUID | None]
    request_hash: Mapped[str] = mapped_column(String(64))
    response_status: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.now())
    expires_at: Mapped[datetime]


class ProcessedEvent(Base):
    """Marks a stream event as handled by one consumer, so handlers run once per event id.
    Written by every stream consumer."""

    __tablename__ = "crm_processed_events"

    consumer: Mapped[str] = mapped_column(String(100), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    processed_at: Mapped[datetime] = mapped_column(server_default=func.now())
    note: Mapped[str | None] = mapped_column(Text)
