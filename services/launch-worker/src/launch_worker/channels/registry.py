"""Which adapter sends a company's messages on a channel, and what a message costs there.

Process settings (`CRM_…`, crm_common.settings) configure the providers; a company's
`settings` JSON chooses among them and sets its prices and rates:

    {"channels": {"email": {"provider": "sendgrid", "from": "Acme <news@acme.example>"},
                  "sms": {"provider": "twilio", "from": "+15005550006"}},
     "channel_costs": {"email": "0.0008", "sms": "0.0079"},
     "provider_costs": {"email": {"sendgrid": "0.0006"}},
     "rate_limits": {"email": 200, "sms": 10}}

A channel's provider is the company's choice, else the process default
(`CRM_EMAIL_PROVIDER`, `CRM_SMS_PROVIDER`, `CRM_DIRECT_MAIL_PROVIDER`), else the first one
configured (SMTP when `CRM_SMTP_HOST` is set, Twilio when an account is set, the print CSV
export outside tests), else the sandbox. Adapters are long-lived: one per channel and
provider per process, built on first use and closed with the registry.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_common.budget_guard import PROVIDERS
from crm_common.budget_guard import unit_cost as priced
from crm_common.settings import Settings
from launch_worker.channels.base import ChannelAdapter, PermanentSendError
from launch_worker.channels.direct_mail import DirectMailCsvAdapter
from launch_worker.channels.sandbox import SandboxAdapter
from launch_worker.channels.sendgrid import SendgridAdapter, SendgridConfig
from launch_worker.channels.smtp import SmtpAdapter, SmtpConfig
from launch_worker.channels.twilio import TwilioAdapter, TwilioConfig


class ChannelNotConfigured(PermanentSendError):
    """The company asks for a provider this process has no configuration (or support) for."""

    def __init__(self, channel: str, provider: str, missing: str) -> None:
        super().__init__(
            f"{provider} cannot send {channel}: {missing}", code="provider_not_configured"
        )
        self.channel = channel
        self.provider = provider


@dataclass(frozen=True, slots=True)
class ChannelChoice:
    """A company's settings for one channel."""

    channel: str
    provider: str
    sender: str | None
    """The company's `From` (email) or sender number / id (SMS), if it set one."""
    unit_cost: Decimal | None
    """What one message costs when the provider does not report a price."""
    rate_limit_per_s: int | None
    """The company's own cap in messages per second, if it set one."""


def _section(company_settings: Mapping[str, Any] | None, key: str) -> Mapping[str, Any]:
    value = (company_settings or {}).get(key)
    return value if isinstance(value, Mapping) else {}


def _positive_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def default_provider(settings: Settings, channel: str) -> str:
    """The provider a channel uses when the company does not choose one."""
    if channel == "email":
        if settings.email_provider:
            return settings.email_provider
        return "smtp" if settings.smtp_host else "sandbox"
    if channel == "sms":
        if settings.sms_provider:
            return settings.sms_provider
        return "twilio" if settings.twilio_account_sid else "sandbox"
    if channel == "direct_mail":
        if settings.direct_mail_provider:
            return settings.direct_mail_provider
        return "sandbox" if settings.env == "test" else "print_csv"
    return "sandbox"


def channel_choice(
    settings: Settings, company_settings: Mapping[str, Any] | None, channel: str
) -> ChannelChoice:
    """Read a company's settings for a channel (unknown or malformed values fall back)."""
    chosen = _section(_section(company_settings, "channels"), channel)
    provider = chosen.get("provider")
    if not isinstance(provider, str) or not provider:
        provider = default_provider(settings, channel)
    sender = chosen.get("from")
    return ChannelChoice(
        channel=channel,
        provider=provider,
        sender=sender if isinstance(sender, str) and sender else None,
        unit_cost=priced(company_settings, channel, provider),
        rate_limit_per_s=_positive_int(_section(company_settings, "rate_limits").get(channel)),
    )


def direct_mail_dir(settings: Settings) -> Path:
    """Where the print-vendor exports are written (a shared volume when workers are many)."""
    return settings.data_dir / "direct-mail"


def _secret(value: Any) -> str | None:
    return value.get_secret_value() if value is not None else None


def _default_sender(settings: Settings) -> str:
    return settings.mail_default_sender or f"campaigns@{settings.mail_from_domain}"


def build_adapter(settings: Settings, channel: str, provider: str) -> ChannelAdapter:
    """A new adapter for a channel and provider, configured from the process settings."""
    if provider not in PROVIDERS.get(channel, ()):
        raise ChannelNotConfigured(channel, provider, "no such provider for this channel")
    if provider == "sandbox":
        return SandboxAdapter(channel, keep=settings.sandbox_keep_messages)
    if provider == "smtp":
        if not settings.smtp_host:
            raise ChannelNotConfigured(channel, provider, "CRM_SMTP_HOST is not set")
        return SmtpAdapter(
            SmtpConfig(
                host=settings.smtp_host,
                port=settings.smtp_port,
                username=settings.smtp_username,
                password=_secret(settings.smtp_password),
                security=settings.smtp_security,
                timeout_s=settings.smtp_timeout_s,
                pool_size=settings.smtp_pool_size,
                from_domain=settings.mail_from_domain,
                default_sender=_default_sender(settings),
            )
        )
    if provider == "sendgrid":
        api_key = _secret(settings.sendgrid_api_key)
        if not api_key:
            raise ChannelNotConfigured(channel, provider, "CRM_SENDGRID_API_KEY is not set")
        return SendgridAdapter(
            SendgridConfig(
                api_key=api_key,
                base_url=settings.sendgrid_base_url,
                timeout_s=settings.provider_timeout_s,
                default_sender=_default_sender(settings),
            )
        )
    if provider == "twilio":
        token = _secret(settings.twilio_auth_token)
        if not settings.twilio_account_sid or not token:
            raise ChannelNotConfigured(
                channel, provider, "CRM_TWILIO_ACCOUNT_SID / CRM_TWILIO_AUTH_TOKEN are not set"
            )
        return TwilioAdapter(
            TwilioConfig(
                account_sid=settings.twilio_account_sid,
                auth_token=token,
                from_number=settings.twilio_from_number,
                base_url=settings.twilio_base_url,
                status_callback_base_url=settings.twilio_status_callback_base_url,
                timeout_s=settings.provider_timeout_s,
            )
        )
    return DirectMailCsvAdapter(direct_mail_dir(settings))


class ChannelRegistry:
    """The process's adapters, one per channel and provider, built on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._adapters: dict[tuple[str, str], ChannelAdapter] = {}

    def choice(self, company_settings: Mapping[str, Any] | None, channel: str) -> ChannelChoice:
        return channel_choice(self.settings, company_settings, channel)

    def adapter(self, channel: str, provider: str) -> ChannelAdapter:
        """The long-lived adapter for a channel and provider."""
        key = (channel, provider)
        adapter = self._adapters.get(key)
        if adapter is None:
            adapter = self._adapters[key] = build_adapter(self.settings, channel, provider)
        return adapter

    def adapter_for(
        self, company_settings: Mapping[str, Any] | None, channel: str
    ) -> ChannelAdapter:
        """The adapter that sends this company's messages on this channel; raises
        `ChannelNotConfigured` (a permanent send error) when its provider cannot be used."""
        return self.adapter(channel, self.choice(company_settings, channel).provider)

    def install(self, adapter: ChannelAdapter) -> None:
        """Use this adapter for its channel and provider (tests and benches)."""
        self._adapters[(adapter.channel, adapter.name)] = adapter

    async def finish_launch(self, company_id: uuid.UUID, launch_id: uuid.UUID) -> Path | None:
        """A launch has ended: publish its direct-mail export, whichever worker wrote it
        (None when the launch wrote no letter)."""
        exports = DirectMailCsvAdapter(direct_mail_dir(self.settings))
        return await exports.finalize(company_id, launch_id)

    async def close(self) -> None:
        """Close every adapter (flushing direct-mail exports)."""
        adapters, self._adapters = list(self._adapters.values()), {}
        for adapter in adapters:
            await adapter.close()


_REGISTRIES: dict[int, ChannelRegistry] = {}


def registry_for(settings: Settings) -> ChannelRegistry:
    """The process-wide registry for these settings (one per settings object)."""
    registry = _REGISTRIES.get(id(settings))
    if registry is None or registry.settings is not settings:
        registry = _REGISTRIES[id(settings)] = ChannelRegistry(settings)
    return registry


def adapter_for(
    settings: Settings, company_settings: Mapping[str, Any] | None, channel: str
) -> ChannelAdapter:
    """The process's long-lived adapter for a company's channel."""
    return registry_for(settings).adapter_for(company_settings, channel)


async def close_registries() -> None:
    """Close every registry of the process (at worker shutdown)."""
    registries = list(_REGISTRIES.values())
    _REGISTRIES.clear()
    for registry in registries:
        await registry.close()
