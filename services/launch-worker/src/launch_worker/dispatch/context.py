"""What every message of a launch shares: the compiled message per channel and A/B variant,
the sender, the company's channel settings and quiet hours. Built once per launch."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from crm_common.errors import CRMError
from crm_common.messages import (
    CompiledMessage,
    SenderProfile,
    compile_message,
    message_source,
    sender_profile,
)
from crm_common.models import (
    AbVariant,
    Campaign,
    CampaignTemplate,
    CampaignTemplateLink,
    Company,
    Launch,
)
from crm_common.tenancy import TenantScope
from launch_worker.dispatch.quiet_hours import QuietHours, quiet_hours


class LaunchUnsendable(CRMError):
    """A launch that cannot send at all (its campaign or template is gone or unusable)."""

    status_code = 409
    error_code = "launch_unsendable"
    message = "The launch cannot be sent."


@dataclass(frozen=True)
class LaunchContext:
    launch_id: uuid.UUID
    company_id: uuid.UUID
    campaign_id: uuid.UUID
    campaign: dict[str, Any]
    company_settings: Mapping[str, Any]
    sender: SenderProfile
    channels: tuple[str, ...]
    messages: dict[tuple[str, uuid.UUID | None], CompiledMessage]
    quiet: QuietHours | None
    variants: Sequence[AbVariant] = field(default_factory=tuple)
    throttle_per_s: float | None = None
    """The launch's own cap (`parameters.throttle_per_minute`), in messages per second."""

    def message(self, channel: str, variant_id: uuid.UUID | None) -> CompiledMessage:
        return self.messages.get((channel, variant_id)) or self.messages[(channel, None)]


async def _templates(
    scope: TenantScope, campaign_id: uuid.UUID, variants: Sequence[AbVariant]
) -> tuple[CampaignTemplate | None, dict[uuid.UUID, CampaignTemplate]]:
    """The campaign's primary template (else its first linked one) and the variants' own."""
    linked = await scope.session.execute(
        select(CampaignTemplate)
        .join(CampaignTemplateLink, CampaignTemplateLink.template_id == CampaignTemplate.id)
        .where(
            CampaignTemplateLink.company_id == scope.company_id,
            CampaignTemplateLink.campaign_id == campaign_id,
        )
        .order_by(CampaignTemplateLink.is_primary.desc(), CampaignTemplateLink.created_at)
        .limit(1)
    )
    primary = linked.scalars().first()
    own_ids = {v.template_id for v in variants if v.template_id is not None}
    own = (
        {
            t.id: t
            for t in await scope.all(
                scope.select(CampaignTemplate, CampaignTemplate.id.in_(own_ids))
            )
        }
        if own_ids
        else {}
    )
    return primary, own


def _compile(
    channel: str, template: CampaignTemplate | None, variant: AbVariant | None
) -> CompiledMessage:
    if template is None and (variant is None or not variant.content):
        raise LaunchUnsendable(
            "The campaign has no template to send.", details={"channel": channel}
        )
    return compile_message(
        message_source(
            channel,
            template_content=template.content_template if template else None,
            template_settings=template.default_settings if template else None,
            variant_subject=variant.subject if variant else None,
            variant_content=variant.content if variant else None,
        )
    )


async def load_context(scope: TenantScope, launch: Launch, campaign: Campaign) -> LaunchContext:
    """Compile the launch's messages; raises LaunchUnsendable or TemplateInvalid (a launch
    that cannot render any message fails at its start, before anything is sent)."""
    company = await scope.session.get(Company, scope.company_id)
    settings: Mapping[str, Any] = (company.settings if company else None) or {}
    variants = list(await scope.all(scope.select(AbVariant, AbVariant.campaign_id == campaign.id)))
    primary, own = await _templates(scope, campaign.id, variants)
    channels = tuple(launch.parameters.get("channels") or ())
    messages: dict[tuple[str, uuid.UUID | None], CompiledMessage] = {}
    for channel in channels:
        if primary is not None:
            messages[(channel, None)] = _compile(channel, primary, None)
        for variant in variants:
            template = own.get(variant.template_id) if variant.template_id else primary
            messages[(channel, variant.id)] = _compile(channel, template, variant)
        if (channel, None) not in messages:
            if not variants:
                raise LaunchUnsendable(
                    "The campaign has no template to send.", details={"channel": channel}
                )
            messages[(channel, None)] = messages[(channel, variants[0].id)]
    return LaunchContext(
        launch_id=launch.id,
        company_id=scope.company_id,
        campaign_id=campaign.id,
        campaign={"campaign_name": campaign.campaign_name, "campaign_code": campaign.campaign_code},
        company_settings=settings,
        sender=sender_profile(settings, company.name if company else None),
        channels=channels,
        messages=messages,
        quiet=quiet_hours(settings),
        variants=variants,
        throttle_per_s=_throttle(launch.parameters.get("throttle_per_minute")),
    )


def _throttle(per_minute: Any) -> float | None:
    if isinstance(per_minute, int) and not isinstance(per_minute, bool) and per_minute > 0:
        return per_minute / 60
    return None
