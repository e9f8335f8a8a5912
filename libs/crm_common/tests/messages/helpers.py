"""A render context and signer for message tests."""

from __future__ import annotations

import uuid
from typing import Any

from crm_common.messages import (
    MessageSource,
    RenderContext,
    RenderedMessage,
    compile_message,
    render_message,
    sender_profile,
)
from crm_common.tracking_tokens import TrackingSigner

SIGNER = TrackingSigner("a-tracking-secret-of-at-least-32-characters")
BASE = "https://crm.example.com"

ANN: dict[str, Any] = {
    "external_id": "C-1",
    "email": "ann@example.com",
    "phone": "+15551234567",
    "first_name": "Ann",
    "last_name": "Lee",
    "city": "Boston",
    "country": "US",
    "interests": ["photography", "travel"],
    "attributes": {"loyalty_tier": "gold", "points": 120, "nickname": None},
}


def context(contact: dict[str, Any] | None = None, **sender: Any) -> RenderContext:
    return RenderContext(
        company_id=uuid.uuid4(),
        campaign_id=uuid.uuid4(),
        delivery_id=uuid.uuid4(),
        contact_id=uuid.uuid4(),
        contact=ANN if contact is None else contact,
        campaign={"campaign_name": "Spring sale", "campaign_code": "SPRING-26"},
        sender=sender_profile({"sender": sender} if sender else {}),
        tracking_base_url=BASE,
    )


def render(
    channel: str = "email",
    *,
    subject: str | None = "Hello",
    html: str | None = None,
    text: str | None = None,
    contact: dict[str, Any] | None = None,
    ctx: RenderContext | None = None,
) -> RenderedMessage:
    compiled = compile_message(
        MessageSource(channel=channel, subject=subject, html=html, text=text)
    )
    return render_message(compiled, ctx or context(contact), SIGNER)
