"""The spend ledgers' statements. Every draw is a conditional update that cannot take a
ledger past its limit (the campaign's total_budget, the shared budget's total_amount), made
while the rows are locked in a fixed order: the campaign's ledger, then its budgets' ledgers
by id — so two launches drawing on one budget, on any number of workers, queue on its row."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import Numeric, Uuid, bindparam, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

# A campaign that has not drawn through the ledger yet starts from its recorded spend.
_OPEN_CAMPAIGN = text(
    """
    INSERT INTO crm_campaign_spend (campaign_id, company_id, reserved_amount)
    SELECT id, company_id, greatest(spend_exact, actual_spend) FROM crm_campaigns
    WHERE id = :campaign_id AND company_id = :company_id
    ON CONFLICT (campaign_id) DO NOTHING
    RETURNING campaign_id
    """
)

_OPEN_BUDGETS = text(
    """
    INSERT INTO crm_budget_spend (budget_id, company_id)
    SELECT b.id, b.company_id FROM crm_campaign_budgets b
    WHERE b.id = ANY(:budget_ids) AND b.company_id = :company_id
    ON CONFLICT (budget_id) DO NOTHING
    """
).bindparams(bindparam("budget_ids", type_=ARRAY(Uuid())))

_LOCK_CAMPAIGN = text(
    "SELECT reserved_amount FROM crm_campaign_spend "
    "WHERE campaign_id = :campaign_id AND company_id = :company_id FOR UPDATE"
)

_LOCK_BUDGETS = text(
    """
    SELECT budget_id FROM crm_budget_spend
    WHERE budget_id = ANY(:budget_ids) AND company_id = :company_id
    ORDER BY budget_id FOR UPDATE
    """
).bindparams(bindparam("budget_ids", type_=ARRAY(Uuid())))

_DRAW_CAMPAIGN = text(
    """
    UPDATE crm_campaign_spend s
    SET reserved_amount = s.reserved_amount + :amount, updated_at = now()
    FROM crm_campaigns c
    WHERE s.campaign_id = :campaign_id AND s.company_id = :company_id AND c.id = s.campaign_id
      AND s.reserved_amount + :amount <= c.total_budget
    RETURNING s.reserved_amount
    """
).bindparams(bindparam("amount", type_=Numeric(18, 6)))

# A draw on a shared budget moves its ledger and the campaign's allocation from it together
# (the allocation's row is the campaign's: its ledger row, locked first, serialises them).
_DRAW_BUDGET = text(
    """
    WITH drawn AS (
        UPDATE crm_budget_spend s
        SET reserved_amount = s.reserved_amount + :amount, updated_at = now()
        FROM crm_campaign_budgets b
        WHERE s.budget_id = :budget_id AND s.company_id = :company_id AND b.id = s.budget_id
          AND s.reserved_amount + :amount <= b.total_amount
        RETURNING s.reserved_amount
    ),
    allocation AS (
        UPDATE crm_campaign_budget_allocations a
        SET drawn_amount = a.drawn_amount + :amount
        WHERE a.campaign_id = :campaign_id AND a.budget_id = :budget_id
          AND a.company_id = :company_id AND EXISTS (SELECT FROM drawn)
    )
    SELECT reserved_amount FROM drawn
    """
).bindparams(bindparam("amount", type_=Numeric(18, 6)))

# Settling gives back what a batch reserved and did not spend (never below zero), or adds
# what providers charged above the configured price — money already spent, so unconditional.
_ADJUST_CAMPAIGN = text(
    """
    UPDATE crm_campaign_spend
    SET reserved_amount = greatest(0, reserved_amount + :delta), updated_at = now()
    WHERE campaign_id = :campaign_id AND company_id = :company_id
    """
).bindparams(bindparam("delta", type_=Numeric(18, 6)))

_ADJUST_BUDGET = text(
    """
    WITH allocation AS (
        UPDATE crm_campaign_budget_allocations a
        SET drawn_amount = greatest(0, a.drawn_amount + :delta)
        WHERE a.campaign_id = :campaign_id AND a.budget_id = :budget_id
          AND a.company_id = :company_id
    )
    INSERT INTO crm_budget_spend AS s (budget_id, company_id, reserved_amount)
    VALUES (:budget_id, :company_id, greatest(0, :delta))
    ON CONFLICT (budget_id) DO UPDATE
    SET reserved_amount = greatest(0, s.reserved_amount + :delta), updated_at = now()
    """
).bindparams(bindparam("delta", type_=Numeric(18, 6)))


class DrawRefused(Exception):
    """A conditional draw found its ledger fuller than the locked read said (never expected
    while the rows are locked; the transaction is rolled back and nothing is sent)."""


async def open_ledgers(
    session: AsyncSession,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    budget_ids: Sequence[uuid.UUID],
) -> bool:
    """Make sure the ledger rows exist; True when the campaign's row was created now (from
    its recorded actual_spend)."""
    created = await session.execute(
        _OPEN_CAMPAIGN, {"company_id": company_id, "campaign_id": campaign_id}
    )
    fresh = created.first() is not None
    if budget_ids:
        await session.execute(
            _OPEN_BUDGETS, {"company_id": company_id, "budget_ids": list(budget_ids)}
        )
    return fresh


async def lock_ledgers(
    session: AsyncSession,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    budget_ids: Sequence[uuid.UUID],
) -> None:
    await session.execute(_LOCK_CAMPAIGN, {"company_id": company_id, "campaign_id": campaign_id})
    if budget_ids:
        await session.execute(
            _LOCK_BUDGETS, {"company_id": company_id, "budget_ids": list(budget_ids)}
        )


async def draw_campaign(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID, amount: Decimal
) -> None:
    row = await session.execute(
        _DRAW_CAMPAIGN, {"company_id": company_id, "campaign_id": campaign_id, "amount": amount}
    )
    if row.first() is None:
        raise DrawRefused(f"campaign {campaign_id}")


async def draw_budget(
    session: AsyncSession,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    budget_id: uuid.UUID,
    amount: Decimal,
) -> None:
    """Draw `amount` on a shared budget's ledger and the campaign's allocation from it."""
    row = await session.execute(
        _DRAW_BUDGET,
        {
            "company_id": company_id,
            "campaign_id": campaign_id,
            "budget_id": budget_id,
            "amount": amount,
        },
    )
    if row.first() is None:
        raise DrawRefused(f"budget {budget_id}")


async def adjust_campaign(
    session: AsyncSession, company_id: uuid.UUID, campaign_id: uuid.UUID, delta: Decimal
) -> None:
    await session.execute(
        _ADJUST_CAMPAIGN, {"company_id": company_id, "campaign_id": campaign_id, "delta": delta}
    )


async def adjust_budget(
    session: AsyncSession,
    company_id: uuid.UUID,
    campaign_id: uuid.UUID,
    budget_id: uuid.UUID,
    delta: Decimal,
) -> None:
    """Move a shared budget's ledger and the campaign's allocation from it by `delta`."""
    await session.execute(
        _ADJUST_BUDGET,
        {
            "company_id": company_id,
            "campaign_id": campaign_id,
            "budget_id": budget_id,
            "delta": delta,
        },
    )
