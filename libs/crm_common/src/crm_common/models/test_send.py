"""Test sends: one campaign message rendered for a named address and sent by the worker."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from crm_common.enums import DeliveryChannel, TestSendStatus
from crm_common.models.base import Base, TenantOwned, Timestamps, UUIDPk, enum_check


class CampaignTestSend(UUIDPk, TenantOwned, Timestamps, Base):
    """A campaign's message rendered exactly as a recipient would get it and sent to one
    named address. Written by campaign-api (the request and the rendered message) and
    launch-worker (the outcome)."""

    __tablename__ = "crm_test_sends"
    __table_args__ = (
        Index(None, "campaign_id", "created_at"),
        Index(None, "contact_id"),
        enum_check("channel", DeliveryChannel),
        enum_check("send_status", TestSendStatus),
    )

    campaign_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_campaigns.id", ondelete="CASCADE")
    )
    requested_by_user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("crm_users.id", ondelete="RESTRICT")
    )
    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_contacts.id", ondelete="CASCADE")
    )
    """The contact whose data filled the message (deleted with it); null for placeholder
    data."""
    variant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("crm_ab_variants.id", ondelete="SET NULL")
    )
    channel: Mapped[str] = mapped_column(String(20))
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str | None] = mapped_column(Text)
    html: Mapped[str | None] = mapped_column(Text)
    text_body: Mapped[str] = mapped_column(Text)
    personal_data: Mapped[bool] = mapped_column(Boolean, server_default=text("true"))
    """Rendered from a contact's unmasked fields: only a reader with view_pii sees it."""
    headers: Mapped[dict[str, Any]] = mapped_column(server_default=text("'{}'"))
    links: Mapped[list[Any]] = mapped_column(server_default=text("'[]'"))
    send_status: Mapped[str] = mapped_column(String(20), server_default="pending")
    attempts: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    provider: Mapped[str | None] = mapped_column(String(30))
    provider_message_id: Mapped[str | None] = mapped_column(String(255))
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None]
