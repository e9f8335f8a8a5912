"""Before a launch: its message rendered for a few of its recipients, as the launch worker
will render it. A template that fails for every one of them (a field nobody has, used without
a default) would only fail at send time, one `render_failed` delivery after another, and use
the campaign up: the launch is refused instead (422 `message_render_failed`). One that fails
for some of them launches with a warning saying how many of the sample, and why."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from campaign_api.campaigns.schemas import ValidationWarning
from campaign_api.launches.errors import MessageRenderFailed
from campaign_api.test_sends import repository as messages
from campaign_api.test_sends.errors import NoMessageContent
from campaign_api.test_sends.service import compiled_message
from crm_common.crypto import pii
from crm_common.messages import (
    CompiledMessage,
    RenderContext,
    RenderFailed,
    contact_fields,
    render_message,
    sender_profile,
)
from crm_common.models import AbVariant, Campaign, CampaignSegment, Contact
from crm_common.segments.audience import company_hasher, matched_predicate
from crm_common.segments.exclusions import sendable_sql
from crm_common.settings import Settings
from crm_common.tenancy import TenantScope
from crm_common.tracking_tokens import TrackingSigner

SAMPLE = 20
"""Recipients per channel the message is rendered for."""


async def _sample(
    scope: TenantScope,
    segments: Sequence[CampaignSegment],
    channel: str,
    now: datetime,
) -> list[Contact]:
    """Up to SAMPLE contacts the launch would send to on `channel` (the first found)."""
    matched = matched_predicate(
        segments, scope.company_id, now, await company_hasher(scope.session, scope.company_id)
    )
    statement = (
        select(Contact)
        .where(Contact.company_id == scope.company_id, matched)
        .where(sendable_sql(channel, scope.company_id))
        .limit(SAMPLE)
    )
    return list((await scope.session.execute(statement)).scalars().all())


async def _messages(
    scope: TenantScope, campaign: Campaign, channel: str, ab_test: bool
) -> list[tuple[uuid.UUID | None, CompiledMessage]]:
    """The messages a launch sends on `channel`: each variant's in an A/B test, else the
    campaign's own (none when it has no template there: the worker's rules apply)."""
    if ab_test:
        variants = await scope.session.execute(
            scope.select(AbVariant, AbVariant.campaign_id == campaign.id).order_by(AbVariant.id)
        )
        return [
            (variant.id, await compiled_message(scope, campaign, channel, variant))
            for variant in variants.scalars().all()
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
    that renders for none of them, warn of one that fails for some."""
    company = await messages.company(scope)
    sender = sender_profile(company.settings, company.name)
    signer = TrackingSigner.from_settings(settings)
    warnings: list[ValidationWarning] = []
    for channel in channels:
        compiled = await _messages(scope, campaign, channel, ab_test)
        if not compiled:
            continue
        sample = await _sample(scope, segments, channel, now)
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
