"""Before a launch: what its messages will carry, checked as the launch worker will render them.
Each message is rendered for a few of its recipients: one that fails for every one of them (a
field nobody has, used without a default) would only fail at send time, one `render_failed`
delivery after another, and use the campaign up: the launch is refused instead (422
`message_render_failed`). One that fails for some of them launches with a warning saying how
many of the sample, and why; so does email while the company has not set its postal address.
The company row is read once for both."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, select

from campaign_api.campaigns.schemas import ValidationWarning
from campaign_api.launches.errors import MessageRenderFailed
from campaign_api.shared.policy import load_company
from campaign_api.test_sends.errors import NoMessageContent
from campaign_api.test_sends.service import compiled_message
from crm_common.crypto import pii
from crm_common.enums import DeliveryChannel
from crm_common.messages import (
    CompiledMessage,
    RenderContext,
    RenderFailed,
    contact_fields,
    render_message,
    sender_profile,
)
from crm_common.messages.sender import has_own_postal_address
from crm_common.models import AbVariant, Campaign, CampaignSegment, Contact
from crm_common.segments.audience import company_hasher, matched_predicate
from crm_common.segments.exclusions import sendable_sql
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope
from crm_common.tracking_tokens import TrackingSigner

SAMPLE = 20
"""Recipients per channel the message is rendered for."""


POSTAL_ADDRESS_MISSING = ValidationWarning(
    code="sender_postal_address_missing",
    field="sender.postal_address",
    message="Commercial email must carry your postal address: these messages carry the demo's "
    "until it is set (PUT /api/sending-settings/).",
)


async def _sample(scope: TenantScope, matched: ColumnElement[bool], channel: str) -> list[Contact]:
    """Up to SAMPLE contacts `matched` that the launch would send to on `channel` (the first
    found)."""
    statement = (
        select(Contact)
        .where(Contact.company_id == scope.company_id, matched)
        .where(sendable_sql(channel, scope.company_id))
        .limit(SAMPLE)
    )
    return list((await scope.session.execute(statement)).scalars().all())


async def _messages(
    scope: TenantScope, campaign: Campaign, channel: str, variants: Sequence[AbVariant] | None
) -> list[tuple[uuid.UUID | None, CompiledMessage]]:
    """The messages a launch sends on `channel`: each variant's in an A/B test (`variants`),
    else the campaign's own (none when it has no template there: the worker's rules apply)."""
    if variants is not None:
        return [
            (variant.id, await compiled_message(scope, campaign, channel, variant))
            for variant in variants
        ]
    try:
        return [(None, await compiled_message(scope, campaign, channel, None))]
    except NoMessageContent:
        return []


async def check_rendering(
    scope: TenantScope,
    settings: Settings,
    campaign: Campaign,
    segments: Sequence[CampaignSegment],
    channels: Sequence[str],
    now: datetime,
    *,
    ab_test: bool,
) -> list[ValidationWarning]:
    """Render each message of the launch for a sample of its recipients; refuse a message
    that renders for none of them, warn of one that fails for some, and of email without the
    company's postal address."""
    company = await load_company(scope)
    warnings: list[ValidationWarning] = []
    if DeliveryChannel.EMAIL.value in channels and not has_own_postal_address(company.settings):
        warnings.append(POSTAL_ADDRESS_MISSING)
    sender = sender_profile(company.settings, company.name)
    signer = TrackingSigner.from_settings(settings)
    variants = None
    if ab_test:
        rows = await scope.session.execute(
            scope.select(AbVariant, AbVariant.campaign_id == campaign.id).order_by(AbVariant.id)
        )
        variants = list(rows.scalars().all())
    matched: ColumnElement[bool] | None = None
    for channel in channels:
        compiled = await _messages(scope, campaign, channel, variants)
        if not compiled:
            continue
        if matched is None:
            hasher = await company_hasher(scope.session, scope.company_id)
            matched = matched_predicate(segments, scope.company_id, now, hasher)
        sample = await _sample(scope, matched, channel)
        people = await pii.open_contact_objects(scope.session, scope.company_id, sample)
        for variant_id, message in compiled:
            failures: list[tuple[uuid.UUID, str]] = []
            for contact, plain in zip(sample, people, strict=True):
                context = RenderContext(
                    company_id=scope.company_id,
                    campaign_id=campaign.id,
                    delivery_id=uuid.uuid4(),
                    contact_id=contact.id,
                    contact=contact_fields(plain),
                    campaign={
                        "campaign_name": campaign.campaign_name,
                        "campaign_code": campaign.campaign_code,
                    },
                    sender=sender,
                    tracking_base_url=settings.public_base_url,
                )
                try:
                    render_message(message, context, signer)
                except RenderFailed as exc:
                    failures.append((contact.id, exc.reason))
            if not failures:
                continue
            details = {
                "channel": channel,
                "variant_id": str(variant_id) if variant_id is not None else None,
                "sampled": len(sample),
                "failed": len(failures),
                "reason": failures[0][1],
                "contact_id": str(failures[0][0]),
            }
            if len(failures) == len(sample):
                raise MessageRenderFailed(details=details)
            warnings.append(
                ValidationWarning(
                    code="message_render_failed_for_some",
                    field="channels",
                    message=f"The {channel} message cannot be rendered for {len(failures)} of "
                    f"{len(sample)} sampled recipients ({failures[0][1]}): theirs would be "
                    "recorded as failed. A default in the template "
                    "(`{{ first_name | default('there') }}`) covers a missing field.",
                )
            )
    return warnings
