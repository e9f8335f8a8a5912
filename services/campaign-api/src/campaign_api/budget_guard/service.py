"""Unit costs per channel and provider (kept in the company's settings, read by the launch
worker as well), a launch's forecast cost against the campaign's remaining budget, and the
refusal of a launch that would not fit unless an approver overrides it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from campaign_api.audit.service import record_change
from campaign_api.budget_guard.errors import (
    BudgetOverrideForbidden,
    InvalidChannelCosts,
    LaunchOverBudget,
)
from campaign_api.budget_guard.schemas import (
    BudgetForecast,
    BudgetOverride,
    ChannelCostRead,
    ChannelCostsRead,
    ChannelCostsWrite,
    ChannelForecast,
)
from crm_common import budget_guard
from crm_common.enums import DeliveryChannel
from crm_common.models import Campaign, Company
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

CENT = Decimal("0.01")
COMPANY_ENTITY = "company"
CAMPAIGN_ENTITY = "campaign"


def _costs_of(settings: Mapping[str, Any]) -> ChannelCostsRead:
    channels: dict[str, ChannelCostRead] = {}
    for channel in DeliveryChannel:
        available = budget_guard.PROVIDERS.get(channel.value, ())
        providers = {
            name: price
            for name in available
            if (price := budget_guard.provider_cost(settings, channel.value, name)) is not None
        }
        channels[channel.value] = ChannelCostRead(
            unit_cost=budget_guard.channel_cost(settings, channel.value),
            providers=providers,
            available_providers=list(available),
        )
    return ChannelCostsRead(channels=channels)


async def _company(scope: TenantScope, *, for_update: bool = False) -> Company:
    """The caller's company; `for_update` takes a FOR NO KEY UPDATE row lock: FOR UPDATE
    would also block the foreign-key checks of concurrent audit rows, which hold their
    company's audit-chain lock while they wait — a deadlock with this request's own audit
    row."""
    statement = select(Company).where(Company.id == scope.company_id)
    if for_update:
        statement = statement.with_for_update(key_share=True)
    company = (await scope.session.execute(statement)).scalar_one()
    return company


async def channel_costs(scope: TenantScope) -> ChannelCostsRead:
    """The company's price per message on each channel and provider."""
    company = await _company(scope)
    return _costs_of(company.settings or {})


def _validate(body: ChannelCostsWrite) -> None:
    problems: dict[str, list[str]] = {}
    for channel, cost in body.channels.items():
        known = budget_guard.PROVIDERS.get(channel.value, ())
        for provider, price in cost.providers.items():
            field = f"channels.{channel.value}.providers.{provider}"
            if provider not in known:
                problems.setdefault(field, []).append(
                    f"not a provider of {channel.value}: use one of {', '.join(known)}"
                )
            elif price < 0 or price > budget_guard.MAX_UNIT_COST:
                problems.setdefault(field, []).append("must be between 0 and 1000")
            elif -price.as_tuple().exponent > budget_guard.UNIT_COST_PLACES:  # type: ignore[operator]
                problems.setdefault(field, []).append("at most 6 decimal places")
    if problems:
        raise InvalidChannelCosts(details={"fields": problems})


async def set_channel_costs(
    scope: TenantScope, principal: Principal, body: ChannelCostsWrite
) -> ChannelCostsRead:
    """Replace the company's unit costs (channels and providers left out cost nothing)."""
    _validate(body)
    company = await _company(scope, for_update=True)
    settings = dict(company.settings or {})
    before = _costs_of(settings)
    settings["channel_costs"] = {
        channel.value: str(cost.unit_cost)
        for channel, cost in body.channels.items()
        if cost.unit_cost is not None
    }
    settings["provider_costs"] = {
        channel.value: {name: str(price) for name, price in cost.providers.items()}
        for channel, cost in body.channels.items()
        if cost.providers
    }
    company.settings = settings
    await scope.session.flush()
    after = _costs_of(settings)
    await record_change(
        scope,
        principal,
        action="company.channel_costs_updated",
        entity_type=COMPANY_ENTITY,
        entity_id=scope.company_id,
        old_values=before.model_dump(mode="json"),
        new_values=after.model_dump(mode="json"),
    )
    return after


@dataclass(frozen=True)
class Forecast:
    body: BudgetForecast

    @property
    def over(self) -> bool:
        return not self.body.within_budget


async def forecast(
    scope: TenantScope, campaign: Campaign, per_channel_audience: Mapping[str, int]
) -> Forecast:
    """The launch's cost (sendable contacts per channel times the unit cost of the provider
    the company chose there, else the channel's) against what the campaign may still
    spend."""
    company = await _company(scope)
    settings = company.settings or {}
    per_channel: dict[str, ChannelForecast] = {}
    total = Decimal(0)
    for channel, audience in sorted(per_channel_audience.items()):
        provider = budget_guard.chosen_provider(settings, channel)
        unit = budget_guard.unit_cost(settings, channel, provider) or Decimal(0)
        cost = unit * audience
        total += cost
        per_channel[channel] = ChannelForecast(
            audience=audience, unit_cost=unit, provider=provider, cost=cost.quantize(CENT)
        )
    room = await budget_guard.headroom(scope.session, scope.company_id, campaign.id)
    body = BudgetForecast(
        campaign_id=str(campaign.id),
        currency_code=campaign.currency_code,
        audience=sum(per_channel_audience.values()),
        forecast_cost=total.quantize(CENT),
        remaining=room.remaining.quantize(CENT),
        total_budget=room.total_budget,
        drawn=room.drawn.quantize(CENT),
        limited_by=room.limited_by,
        within_budget=total <= room.remaining,
        per_channel=per_channel,
        shared_budgets=[
            {
                "budget_id": str(b.budget_id),
                "budget_code": b.budget_code,
                "total_amount": str(b.total_amount),
                "remaining": str(b.left.quantize(CENT)),
            }
            for b in room.budgets
        ],
    )
    return Forecast(body)


async def check_launch(
    scope: TenantScope,
    principal: Principal,
    campaign: Campaign,
    per_channel_audience: Mapping[str, int],
    override: BudgetOverride | None,
) -> dict[str, Any] | None:
    """Refuse a launch whose forecast exceeds the campaign's remaining budget (409 with the
    numbers) unless a user allowed to approve campaigns overrides it with a reason; the
    override is audited. Returns what the launch row records about the check (None when
    the messages cost nothing and nobody overrode anything)."""
    if override is not None and not principal.has(Permission.APPROVE_CAMPAIGN):
        raise BudgetOverrideForbidden()
    result = await forecast(scope, campaign, per_channel_audience)
    numbers = result.body
    record: dict[str, Any] = {
        "forecast_cost": str(numbers.forecast_cost),
        "remaining": str(numbers.remaining),
        "currency_code": numbers.currency_code,
    }
    if not result.over:
        return record if numbers.forecast_cost > 0 or override is not None else None
    if override is None:
        raise LaunchOverBudget(
            f"The launch's forecast cost ({numbers.forecast_cost} {numbers.currency_code}) "
            f"exceeds the campaign's remaining budget ({numbers.remaining} "
            f"{numbers.currency_code}).",
            details={
                "forecast_cost": str(numbers.forecast_cost),
                "remaining": str(numbers.remaining),
                "currency_code": numbers.currency_code,
                "limited_by": numbers.limited_by,
                "audience": numbers.audience,
                "per_channel": {
                    ch: {"audience": f.audience, "unit_cost": str(f.unit_cost), "cost": str(f.cost)}
                    for ch, f in numbers.per_channel.items()
                },
                "override": "a user with approve_campaign may send anyway with "
                "budget_override.reason; sending still stops when the budget runs out",
            },
        )
    record["override"] = {
        "approved_by_user_id": str(principal.user_id),
        "reason": override.reason,
        "at": datetime.now(UTC).isoformat(),
    }
    await record_change(
        scope,
        principal,
        action="campaign.budget_override",
        entity_type=CAMPAIGN_ENTITY,
        entity_id=campaign.id,
        new_values={
            "forecast_cost": record["forecast_cost"],
            "remaining": record["remaining"],
            "reason": override.reason,
        },
    )
    return record
