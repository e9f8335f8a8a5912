"""What a message costs a company, and how much a campaign may still spend.

Unit costs live in the company's settings, per channel and optionally per provider:

    {"channel_costs": {"email": "0.0008", "sms": "0.0079"},
     "provider_costs": {"email": {"sendgrid": "0.0006"}}}

A provider's price wins over its channel's; neither set means the message costs nothing.

A campaign's sending draws on two ledgers (crm_campaign_spend, crm_budget_spend) holding
what was spent plus what workers hold reserved for batches in flight. What a campaign may
still spend is the smaller of its own headroom (total_budget minus its ledger) and, when it
has budget allocations, the headroom left on those shared budgets: each budget's
total_amount minus every campaign's draw on it, within what is left of the campaign's
allocation from it (an allocation is what the campaign may draw on that budget). The
launch worker reserves against both before each batch (`launch_worker.spend`), campaign-api
forecasts against them before a launch.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

PROVIDERS: dict[str, tuple[str, ...]] = {
    "email": ("smtp", "sendgrid", "sandbox"),
    "sms": ("twilio", "sandbox"),
    "direct_mail": ("print_csv", "sandbox"),
    "social": ("sandbox",),
}
"""The providers each delivery channel can use."""

ZERO = Decimal(0)
MAX_UNIT_COST = Decimal("1000")
UNIT_COST_PLACES = 6


def _section(settings: Mapping[str, Any] | None, key: str) -> Mapping[str, Any]:
    value = (settings or {}).get(key)
    return value if isinstance(value, Mapping) else {}


def parse_cost(value: Any) -> Decimal | None:
    """A stored price, or None when it is missing or malformed."""
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return None
    return amount if amount.is_finite() and amount >= 0 else None


def channel_cost(company_settings: Mapping[str, Any] | None, channel: str) -> Decimal | None:
    """The company's price of one message on a channel, if it set one."""
    return parse_cost(_section(company_settings, "channel_costs").get(channel))


def provider_cost(
    company_settings: Mapping[str, Any] | None, channel: str, provider: str | None
) -> Decimal | None:
    """The company's price of one message through one provider, if it set one."""
    if not provider:
        return None
    prices = _section(_section(company_settings, "provider_costs"), channel)
    return parse_cost(prices.get(provider))


def unit_cost(
    company_settings: Mapping[str, Any] | None, channel: str, provider: str | None = None
) -> Decimal | None:
    """The provider's price, else the channel's, else None (free)."""
    price = provider_cost(company_settings, channel, provider)
    return price if price is not None else channel_cost(company_settings, channel)


def chosen_provider(company_settings: Mapping[str, Any] | None, channel: str) -> str | None:
    """The provider the company chose for a channel (None: the process default)."""
    provider = _section(_section(company_settings, "channels"), channel).get("provider")
    return provider if isinstance(provider, str) and provider else None


@dataclass(frozen=True)
class BudgetHeadroom:
    """What a shared budget has left for one campaign's sending: what the budget has left,
    within what is left of the campaign's allocation from it."""

    budget_id: uuid.UUID
    budget_code: str
    total_amount: Decimal
    drawn: Decimal
    """Every campaign's draw on the budget."""
    allocated: Decimal
    """The campaign's allocation from the budget."""
    allocation_drawn: Decimal
    """What the campaign's sending drew on the budget."""

    @property
    def left(self) -> Decimal:
        return max(
            ZERO,
            min(self.total_amount - self.drawn, self.allocated - self.allocation_drawn),
        )


@dataclass(frozen=True)
class Headroom:
    """How much a campaign may still spend on sending."""

    total_budget: Decimal
    drawn: Decimal
    """What the campaign's sending has drawn (spent plus reserved for batches in flight)."""
    budgets: tuple[BudgetHeadroom, ...]

    @property
    def campaign_left(self) -> Decimal:
        return max(ZERO, self.total_budget - self.drawn)

    @property
    def budgets_left(self) -> Decimal | None:
        """What the campaign's shared budgets have left together (None: none allocated)."""
        if not self.budgets:
            return None
        return sum((b.left for b in self.budgets), ZERO)

    @property
    def remaining(self) -> Decimal:
        shared = self.budgets_left
        return self.campaign_left if shared is None else min(self.campaign_left, shared)

    @property
    def limited_by(self) -> str:
        """Which limit `remaining` comes from: the campaign's budget or its shared budgets."""
        shared = self.budgets_left
        return "shared_budget" if shared is not None and shared < self.campaign_left else "campaign"


_CAMPAIGN = text(
    """
    SELECT c.total_budget,
           coalesce(s.reserved_amount, greatest(c.spend_exact, c.actual_spend)) AS drawn
    FROM crm_campaigns c
    LEFT JOIN crm_campaign_spend s ON s.campaign_id = c.id
    WHERE c.id = :campaign_id AND c.company_id = :company_id
    """
)

# A campaign's budgets in the order its sending draws on them (oldest allocation first).
_BUDGETS = text(
    """
    SELECT b.id, b.budget_code, b.total_amount, coalesce(s.reserved_amount, 0) AS drawn,
           a.allocated_amount, a.drawn_amount
    FROM crm_campaign_budget_allocations a
    JOIN crm_campaign_budgets b ON b.id = a.budget_id AND b.company_id = :company_id
    LEFT JOIN crm_budget_spend s ON s.budget_id = b.id
    WHERE a.campaign_id = :campaign_id AND a.company_id = :company_id
    ORDER BY a.created_at, b.id
    """
)


async def campaign_budget_ids(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> list[uuid.UUID]:
    """The shared budgets a campaign's sending draws on, in drawing order."""
    rows = await session.execute(_BUDGETS, {"company_id": company_id, "campaign_id": campaign_id})
    return [row.id for row in rows]


async def headroom(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID
) -> Headroom:
    """A campaign's budget, what its sending has drawn and what its shared budgets have left
    (a campaign that has not sent yet has drawn its recorded actual_spend)."""
    params = {"company_id": company_id, "campaign_id": campaign_id}
    row = (await session.execute(_CAMPAIGN, params)).one()
    budgets = tuple(
        BudgetHeadroom(
            b.id,
            b.budget_code,
            Decimal(b.total_amount),
            Decimal(b.drawn),
            Decimal(b.allocated_amount),
            Decimal(b.drawn_amount),
        )
        for b in await session.execute(_BUDGETS, params)
    )
    return Headroom(Decimal(row.total_budget), Decimal(row.drawn), budgets)
