"""Provider selection per company and channel, prices and rates, the sandbox."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import SecretStr

from crm_common.settings import Settings, load_settings
from launch_worker.channels.base import TransientSendError
from launch_worker.channels.direct_mail import DirectMailCsvAdapter
from launch_worker.channels.registry import (
    ChannelNotConfigured,
    ChannelRegistry,
    channel_choice,
    registry_for,
)
from launch_worker.channels.sandbox import SandboxAdapter
from launch_worker.channels.sendgrid import SendgridAdapter
from launch_worker.channels.smtp import SmtpAdapter
from launch_worker.channels.twilio import TwilioAdapter

from .conftest import outgoing

ACME = {
    "channels": {
        "email": {"provider": "sendgrid", "from": "Acme <news@acme.example>"},
        "sms": {"provider": "twilio"},
    },
    "channel_costs": {"email": "0.0008", "sms": 0.0079},
    "rate_limits": {"email": 200, "sms": "10"},
}


def configured(tmp_path: Path, **changes: object) -> Settings:
    values: dict[str, object] = {
        "env": "dev",
        "data_dir": tmp_path,
        "smtp_host": "127.0.0.1",
        "smtp_port": 2525,
        "sendgrid_api_key": SecretStr("SG.key"),
        "twilio_account_sid": "AC123",
        "twilio_auth_token": SecretStr("token"),
    }
    values.update(changes)
    return load_settings(**values)


async def test_in_tests_every_channel_defaults_to_the_sandbox() -> None:
    registry = ChannelRegistry(load_settings(env="test"))
    for channel in ("email", "sms", "direct_mail", "social"):
        assert isinstance(registry.adapter_for({}, channel), SandboxAdapter)
    await registry.close()


async def test_a_company_chooses_its_providers_and_sets_its_prices_and_rates(
    tmp_path: Path,
) -> None:
    registry = ChannelRegistry(configured(tmp_path))
    assert isinstance(registry.adapter_for(ACME, "email"), SendgridAdapter)
    assert isinstance(registry.adapter_for(ACME, "sms"), TwilioAdapter)
    email = registry.choice(ACME, "email")
    assert email.sender == "Acme <news@acme.example>"
    assert email.unit_cost == Decimal("0.0008")
    assert email.rate_limit_per_s == 200
    assert registry.choice(ACME, "sms").unit_cost == Decimal("0.0079")
    assert registry.choice(ACME, "sms").rate_limit_per_s == 10
    await registry.close()


async def test_without_a_company_choice_the_configured_provider_is_used(tmp_path: Path) -> None:
    registry = ChannelRegistry(configured(tmp_path))
    assert isinstance(registry.adapter_for({}, "email"), SmtpAdapter)
    assert isinstance(registry.adapter_for(None, "direct_mail"), DirectMailCsvAdapter)
    assert isinstance(registry.adapter_for({"channels": "junk"}, "sms"), TwilioAdapter)
    await registry.close()


async def test_one_adapter_per_provider_is_shared_by_every_company(tmp_path: Path) -> None:
    registry = ChannelRegistry(configured(tmp_path))
    first = registry.adapter_for(ACME, "email")
    assert registry.adapter_for({"channels": {"email": {"provider": "sendgrid"}}}, "email") is first
    assert registry.adapter_for({}, "email") is not first  # smtp
    await registry.close()


async def test_the_process_registry_is_one_per_settings() -> None:
    settings = load_settings(env="test")
    assert registry_for(settings) is registry_for(settings)


async def test_an_unconfigured_provider_is_a_permanent_send_error() -> None:
    registry = ChannelRegistry(load_settings(env="test"))
    with pytest.raises(ChannelNotConfigured) as refused:
        registry.adapter_for({"channels": {"email": {"provider": "sendgrid"}}}, "email")
    assert refused.value.code == "provider_not_configured"
    assert "CRM_SENDGRID_API_KEY" in refused.value.reason
    with pytest.raises(ChannelNotConfigured):
        registry.adapter_for({"channels": {"sms": {"provider": "smtp"}}}, "sms")


@pytest.mark.parametrize(
    "costs", [{"email": "free"}, {"email": "-1"}, {"email": True}, {"email": "NaN"}, "junk"]
)
def test_malformed_prices_are_ignored(costs: object) -> None:
    choice = channel_choice(load_settings(env="test"), {"channel_costs": costs}, "email")
    assert choice.unit_cost is None


async def test_the_sandbox_records_a_bounded_number_and_counts_all() -> None:
    sandbox = SandboxAdapter("email", keep=3)
    for index in range(5):
        result = await sandbox.send(outgoing(recipient=f"c{index}@example.com"))
    assert sandbox.count == 5
    assert [m.recipient for m in sandbox.messages] == [f"c{i}@example.com" for i in (2, 3, 4)]
    assert result.provider == "sandbox"
    assert result.provider_message_id.startswith("sandbox-")


async def test_the_sandbox_fails_a_recipient_on_request() -> None:
    sandbox = SandboxAdapter("email")
    sandbox.fail_for("slow@example.com", TransientSendError("busy", code="421"))
    with pytest.raises(TransientSendError):
        await sandbox.send(outgoing(recipient="slow@example.com"))
    assert sandbox.count == 0


async def test_provider_secrets_never_appear_in_an_adapters_configuration(
    tmp_path: Path,
) -> None:
    settings = configured(tmp_path, smtp_password=SecretStr("smtp-secret-pw"))
    registry = ChannelRegistry(settings)
    shown = " ".join(
        repr(getattr(registry.adapter(channel, provider), "config", None))
        for channel, provider in (("email", "smtp"), ("email", "sendgrid"), ("sms", "twilio"))
    )
    assert "smtp-secret-pw" not in shown
    assert "SG.key" not in shown
    assert "token" not in shown
    assert "127.0.0.1" in shown  # the configuration itself is there
    assert "smtp-secret-pw" not in repr(settings)
    await registry.close()
