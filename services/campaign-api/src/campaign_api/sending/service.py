"""Reading and replacing the company's sending settings (audited)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import structlog
from pydantic import ValidationError

from campaign_api.privacy.repository import merge_settings
from campaign_api.sending.schemas import (
    EffectiveSender,
    QuietHoursSettings,
    SenderSettings,
    SendingSettings,
    SendingSettingsUpdate,
)
from campaign_api.shared.policy import load_company
from crm_common.audit import record
from crm_common.messages.sender import has_own_postal_address, sender_profile
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

log = structlog.get_logger(__name__)


def _stored(model: type[SenderSettings] | type[QuietHoursSettings], raw: Any) -> Any:
    """A stored part as its schema; one that no longer validates (written by hand) reads as
    unset and is logged — the worker falls back the same way."""
    if not isinstance(raw, Mapping):
        return None
    try:
        return model.model_validate(raw)
    except ValidationError:
        log.warning("sending_settings_unreadable", part=model.__name__)
        return None


def _present(settings: Mapping[str, Any], company_name: str) -> SendingSettings:
    profile = sender_profile(settings, company_name)
    return SendingSettings(
        sender=_stored(SenderSettings, settings.get("sender")) or SenderSettings(),
        quiet_hours=_stored(QuietHoursSettings, settings.get("quiet_hours")),
        effective_sender=EffectiveSender(
            from_header=profile.from_header,
            reply_to=profile.reply_to,
            postal_address=profile.postal_address,
            sms_sender=profile.sms_sender,
        ),
        postal_address_set=has_own_postal_address(settings),
    )


async def read_settings(scope: TenantScope) -> SendingSettings:
    company = await load_company(scope)
    return _present(company.settings or {}, company.name)


async def change_settings(
    scope: TenantScope, principal: Principal, body: SendingSettingsUpdate
) -> SendingSettings:
    """Replace the sender and the quiet hours in one statement (other settings untouched);
    the change is audited as `company.sending_settings_changed`."""
    company = await load_company(scope)
    before = _present(company.settings or {}, company.name)
    quiet = body.quiet_hours
    values = {
        "sender": body.sender.model_dump(mode="json", exclude_none=True),
        "quiet_hours": quiet.model_dump(mode="json", exclude_none=True) if quiet else None,
    }
    after = _present(await merge_settings(scope, values), company.name)
    if after != before:
        await record(
            scope.session,
            company_id=scope.company_id,
            actor_user_id=principal.user_id,
            action="company.sending_settings_changed",
            entity_type="company",
            entity_id=scope.company_id,
            old_values=before.model_dump(mode="json", include={"sender", "quiet_hours"}),
            new_values=after.model_dump(mode="json", include={"sender", "quiet_hours"}),
        )
    return after
