"""Test sends: render a campaign's message exactly as a recipient gets it, record it, and
ask the launch worker to send it to the named address."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from campaign_api.campaigns.errors import CampaignNotFound
from campaign_api.shared.policy import load_company
from campaign_api.test_sends import repository
from campaign_api.test_sends.errors import (
    ContactNotFound,
    NoMessageContent,
    TestSendChannelInvalid,
    TestSendNotFound,
    TestSendRenderFailed,
    VariantNotFound,
)
from campaign_api.test_sends.schemas import (
    MessagePreview,
    RenderedMessageRead,
    TestSendRead,
    TestSendRequest,
)
from crm_common import audit
from crm_common.crypto import pii
from crm_common.enums import Channel, DeliveryChannel, TestSendStatus
from crm_common.events import EventType, emit
from crm_common.masking import mask_address, mask_contact
from crm_common.messages import (
    CompiledMessage,
    RenderContext,
    RenderedMessage,
    RenderFailed,
    compile_message,
    contact_fields,
    message_source,
    pick_template,
    render_message,
    sender_profile,
)
from crm_common.models import AbVariant, Campaign, CampaignTestSend, Contact
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope
from crm_common.tracking_tokens import TrackingSigner

ENTITY = "campaign"
PLACEHOLDER_CONTACT_ID = uuid.UUID(int=0)
"""Names the contact in the tracking tokens of a message rendered from placeholder data."""


def placeholder_contact(channel: str, address: str | None) -> dict[str, Any]:
    """Sample data for a company without contacts: every common field set (the address a
    test goes to as the contact's own on its channel)."""
    return {
        "external_id": "SAMPLE-0001",
        "email": address
        if address and channel == DeliveryChannel.EMAIL
        else "alex.sample@example.com",
        "phone": address if address and channel == DeliveryChannel.SMS else "+15555550100",
        "first_name": "Alex",
        "last_name": "Sample",
        "language": "en",
        "country": "US",
        "region": "IL",
        "city": "Springfield",
        "postal_code": "62701",
        "timezone": "America/Chicago",
        "interests": ["travel", "photography"],
        "lifestyle": [],
        "values": [],
        "attributes": {},
    }


def _channels(campaign: Campaign) -> set[str]:
    if campaign.primary_channel == Channel.MULTI_CHANNEL:
        return {channel.value for channel in DeliveryChannel}
    return {campaign.primary_channel}


async def compiled_message(
    scope: TenantScope, campaign: Campaign, channel: str, variant: AbVariant | None
) -> CompiledMessage:
    """The campaign's message on this channel, compiled (422 when it does not compile)."""
    template = None
    if variant is not None and variant.template_id is not None:
        template = await repository.template(scope, variant.template_id)
    if template is None:
        template = pick_template(await repository.linked_templates(scope, campaign.id), channel)
    content = template.content_template if template is not None else None
    variant_content = variant.content if variant is not None else None
    if not (content or "").strip() and not (variant_content or "").strip():
        raise NoMessageContent(details={"channel": channel})
    source = message_source(
        channel,
        template_content=content,
        template_settings=template.default_settings if template is not None else None,
        variant_subject=variant.subject if variant is not None else None,
        variant_content=variant_content,
    )
    return compile_message(source)


async def _plaintext_fields(scope: TenantScope, contact: Contact) -> dict[str, Any]:
    """A contact's printable fields, its personal data decrypted."""
    [plain] = await pii.open_contact_objects(scope.session, scope.company_id, [contact])
    return contact_fields(plain)


async def _recipient_data(
    scope: TenantScope,
    channel: str,
    contact_id: uuid.UUID | None,
    address: str | None,
    *,
    view_pii: bool,
) -> tuple[Contact | None, dict[str, Any]]:
    """The contact the message is rendered for and its fields: the one asked for, else a
    sample contact of the company (their personal data masked for a caller without
    view_pii, as the contacts API shows them), else placeholder data."""
    if contact_id is not None:
        contact = await repository.contact(scope, contact_id)
        if contact is None:
            raise ContactNotFound()
    else:
        contact = await repository.sample_contact(scope, channel)
    if contact is None:
        return None, placeholder_contact(channel, address)
    fields = await _plaintext_fields(scope, contact)
    return contact, fields if view_pii else mask_contact(fields)


async def _campaign_for(
    scope: TenantScope,
    campaign_id: uuid.UUID,
    channel: str | None,
    variant_id: uuid.UUID | None,
    *,
    field: str,
) -> tuple[Campaign, str, AbVariant | None]:
    """The campaign, the channel (`channel`, checked to be one it sends on, else 422 naming
    `field`; none given: its primary channel, email for multi-channel), and the variant asked
    for."""
    campaign = await repository.campaign(scope, campaign_id)
    if campaign is None:
        raise CampaignNotFound()
    if channel is None:
        multi = campaign.primary_channel == Channel.MULTI_CHANNEL
        channel = DeliveryChannel.EMAIL.value if multi else campaign.primary_channel
    if channel not in _channels(campaign):
        raise TestSendChannelInvalid(
            details={
                "fields": {field: [f"this campaign does not send {channel} messages"]},
                "primary_channel": campaign.primary_channel,
            }
        )
    variant = None
    if variant_id is not None:
        variant = await repository.variant(scope, campaign.id, variant_id)
        if variant is None:
            raise VariantNotFound()
    return campaign, channel, variant


@dataclass(frozen=True)
class Rendering:
    """A campaign's message rendered for one recipient, and whose data filled it (None:
    placeholder data)."""

    contact: Contact | None
    message: RenderedMessage


async def render_for(
    scope: TenantScope,
    principal: Principal,
    settings: Settings,
    campaign: Campaign,
    channel: str,
    variant: AbVariant | None,
    *,
    contact_id: uuid.UUID | None,
    address: str | None,
    message_id: uuid.UUID,
) -> Rendering:
    """The campaign's message on `channel` (its template, or `variant`'s) rendered exactly as
    a recipient gets it, tracked links signed for `message_id`: with the data of the contact
    asked for, else a sample contact's, else placeholder data (personal data masked without
    `view_pii`). 422 when it does not compile or render."""
    compiled = await compiled_message(scope, campaign, channel, variant)
    view_pii = principal.has(Permission.VIEW_PII)
    contact, fields = await _recipient_data(scope, channel, contact_id, address, view_pii=view_pii)
    company = await load_company(scope)
    context = RenderContext(
        company_id=scope.company_id,
        campaign_id=campaign.id,
        delivery_id=message_id,
        contact_id=contact.id if contact is not None else PLACEHOLDER_CONTACT_ID,
        contact=fields,
        campaign={"campaign_name": campaign.campaign_name, "campaign_code": campaign.campaign_code},
        sender=sender_profile(company.settings, company.name),
        tracking_base_url=settings.public_base_url,
    )
    try:
        rendered = render_message(compiled, context, TrackingSigner.from_settings(settings))
    except RenderFailed as exc:
        raise TestSendRenderFailed(
            details={
                "reason": exc.reason,
                "contact_id": str(contact.id) if contact is not None else None,
            }
        ) from None
    return Rendering(contact, rendered)


def rendered_read(message: RenderedMessage) -> RenderedMessageRead:
    return RenderedMessageRead(
        subject=message.subject,
        html=message.html,
        text=message.text,
        headers=message.headers,
        links=message.links,
    )


async def preview(
    scope: TenantScope,
    principal: Principal,
    settings: Settings,
    campaign_id: uuid.UUID,
    channel: str | None,
    variant_id: uuid.UUID | None,
    contact_id: uuid.UUID | None,
) -> MessagePreview:
    """The campaign's message as a recipient would get it, sent to nobody and recorded
    nowhere: on `channel` (else the campaign's primary one; email for multi-channel)."""
    campaign, channel, variant = await _campaign_for(
        scope, campaign_id, channel, variant_id, field="channel"
    )
    rendering = await render_for(
        scope,
        principal,
        settings,
        campaign,
        channel,
        variant,
        contact_id=contact_id,
        address=None,
        message_id=uuid.uuid4(),
    )
    return MessagePreview(
        campaign_id=campaign.id,
        channel=channel,
        variant_id=variant.id if variant is not None else None,
        contact_id=rendering.contact.id if rendering.contact is not None else None,
        message=rendered_read(rendering.message),
    )


def read(row: CampaignTestSend, principal: Principal) -> TestSendRead:
    """The test send as `principal` may see it: without view_pii the address masked, and
    the message withheld when a contact's real data filled it."""
    view_pii = principal.has(Permission.VIEW_PII)
    message = None
    if view_pii or not row.personal_data:
        message = RenderedMessageRead(
            subject=row.subject,
            html=row.html,
            text=row.text_body,
            headers=row.headers,
            links=row.links,
        )
    return TestSendRead(
        id=row.id,
        campaign_id=row.campaign_id,
        channel=row.channel,
        to=row.recipient if view_pii else mask_address(row.recipient),
        contact_id=row.contact_id,
        variant_id=row.variant_id,
        send_status=TestSendStatus(row.send_status),
        provider=row.provider,
        provider_message_id=row.provider_message_id,
        last_error=row.last_error,
        sent_at=row.sent_at,
        created_at=row.created_at,
        message=message,
    )


async def request_test_send(
    scope: TenantScope,
    principal: Principal,
    settings: Settings,
    campaign_id: uuid.UUID,
    body: TestSendRequest,
) -> TestSendRead:
    """Render the campaign's message (its template, or the variant asked for) with a
    contact's data exactly as that contact would get it, store it and emit
    `campaign.test_send_requested` for the launch worker, which sends it to `body.to`."""
    campaign, channel, variant = await _campaign_for(
        scope, campaign_id, body.channel, body.variant_id, field="to"
    )
    test_send_id = uuid.uuid4()
    rendering = await render_for(
        scope,
        principal,
        settings,
        campaign,
        channel,
        variant,
        contact_id=body.contact_id,
        address=body.to,
        message_id=test_send_id,
    )
    contact, rendered = rendering.contact, rendering.message
    view_pii = principal.has(Permission.VIEW_PII)
    now = datetime.now(UTC)
    row = scope.add(
        CampaignTestSend(
            id=test_send_id,
            campaign_id=campaign.id,
            requested_by_user_id=principal.user_id,
            contact_id=contact.id if contact is not None else None,
            variant_id=variant.id if variant is not None else None,
            channel=channel,
            recipient=body.to,
            subject=rendered.subject,
            html=rendered.html,
            text_body=rendered.text,
            personal_data=contact is not None and view_pii,
            headers=rendered.headers,
            links=rendered.links,
            send_status=TestSendStatus.PENDING,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
    )
    await scope.session.flush()
    ids = {
        "test_send_id": str(test_send_id),
        "campaign_id": str(campaign.id),
        "channel": channel,
        "contact_id": str(contact.id) if contact is not None else None,
        "variant_id": str(variant.id) if variant is not None else None,
    }
    # The address is personal data: neither the audit row nor the event carries it.
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=EventType.CAMPAIGN_TEST_SEND_REQUESTED.value,
        entity_type=ENTITY,
        entity_id=campaign.id,
        new_values=ids,
    )
    await emit(
        scope.session,
        EventType.CAMPAIGN_TEST_SEND_REQUESTED,
        scope.company_id,
        ids,
        actor_user_id=principal.user_id,
    )
    return read(row, principal)


async def get_test_send(
    scope: TenantScope, principal: Principal, campaign_id: uuid.UUID, test_send_id: uuid.UUID
) -> TestSendRead:
    """One test send of the campaign, with its rendered message and outcome, as `principal`
    may see it."""
    row = await repository.find_test_send(scope, campaign_id, test_send_id)
    if row is None:
        raise TestSendNotFound()
    return read(row, principal)
