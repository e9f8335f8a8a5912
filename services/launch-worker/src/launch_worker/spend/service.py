"""The budget guard while sending. Before a batch goes out its cost (messages times unit price) is
reserved on the campaign's ledger and on the shared budgets it draws on; what does not fit
stays queued. After the batch is recorded — in the same transaction — the reservation is
settled to what the providers actually charged, the 80 % and 100 % thresholds raise
`campaign.budget_alert` once each per campaign, and a launch that could not send for lack of
budget is paused the way the pause action pauses it (so it resumes the same way once the
budget is raised)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal

import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.budget_guard import ZERO, Headroom, campaign_budget_ids, headroom
from crm_common.campaign_alerts import BUDGET_METRIC, Severity
from crm_common.db import Database
from crm_common.events import EventType
from launch_worker.alerts.raising import (
    NewAlert,
    emit_alert,
    lock_campaign,
    mark_paused,
    pause_campaign,
    raise_alert,
)
from launch_worker.dispatch.context import LaunchContext
from launch_worker.spend import repository as repo

log = structlog.get_logger(__name__)

THRESHOLDS = ((Decimal(80), Severity.WARNING), (Decimal(100), Severity.CRITICAL))
EXHAUSTED_REASON = "budget_exhausted"


@dataclass
class Reservation:
    """What one batch holds reserved, and on which shared budgets."""

    amount: Decimal = ZERO
    parts: list[tuple[uuid.UUID, Decimal]] = field(default_factory=list)
    cheapest_unmet: Decimal = ZERO
    """The price of the cheapest message that did not fit (zero when all did: a message that
    costs nothing always fits). When the batch is recorded, the budget counts as still
    exhausted only if what is left cannot pay for it (the budget may have been raised, and the
    campaign resumed, while the batch was out)."""
    limited_by: str = "campaign"

    @property
    def exhausted(self) -> bool:
        """Some of the batch's messages did not fit in what the budgets had left."""
        return self.cheapest_unmet > 0


@dataclass(frozen=True)
class Wanted:
    """A batch's sendable messages on one channel and the price of one."""

    count: int
    unit_cost: Decimal


def _grant(wanted: dict[str, Wanted], left: Decimal) -> tuple[dict[str, int], Decimal]:
    """As many messages of each channel as fit in `left`, and their cost."""
    granted: dict[str, int] = {}
    amount = ZERO
    for channel in sorted(wanted):
        item = wanted[channel]
        if item.unit_cost <= 0:
            granted[channel] = item.count
            continue
        fits = int((left - amount) // item.unit_cost) if left > amount else 0
        granted[channel] = min(item.count, fits)
        amount += granted[channel] * item.unit_cost
    return granted, amount


def _split(room: Headroom, amount: Decimal) -> list[tuple[uuid.UUID, Decimal]]:
    """Which shared budgets pay `amount`, in drawing order (oldest allocation first)."""
    parts: list[tuple[uuid.UUID, Decimal]] = []
    need = amount
    for budget in room.budgets:
        if need <= 0:
            break
        take = min(need, budget.left)
        if take > 0:
            parts.append((budget.budget_id, take))
            need -= take
    return parts


class BudgetGuard:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def reserve(
        self, context: LaunchContext, wanted: dict[str, Wanted]
    ) -> tuple[dict[str, int], Reservation]:
        """Reserve the cost of as many of the batch's messages as the campaign and its shared
        budgets can pay; how many may go out per channel, and the reservation."""
        if all(item.unit_cost <= 0 or item.count == 0 for item in wanted.values()):
            return {channel: item.count for channel, item in wanted.items()}, Reservation()
        company_id, campaign_id = context.company_id, context.campaign_id
        async with self.db.tenant_session(company_id) as session:
            budget_ids = await campaign_budget_ids(session, company_id, campaign_id)
            await repo.open_ledgers(session, company_id, campaign_id, budget_ids)
            await repo.lock_ledgers(session, company_id, campaign_id, sorted(budget_ids))
            room = await headroom(session, company_id, campaign_id)
            granted, amount = _grant(wanted, room.remaining)
            unmet = [item.unit_cost for ch, item in wanted.items() if granted[ch] < item.count]
            reservation = Reservation(
                amount=amount,
                cheapest_unmet=min(unmet, default=ZERO),
                limited_by=room.limited_by,
            )
            if amount > 0:
                await repo.draw_campaign(session, company_id, campaign_id, amount)
                reservation.parts = _split(room, amount) if room.budgets else []
                for budget_id, part in reservation.parts:
                    await repo.draw_budget(session, company_id, campaign_id, budget_id, part)
        return granted, reservation

    async def settle(
        self,
        session: AsyncSession,
        context: LaunchContext,
        reservation: Reservation,
        spent: Decimal,
        launch_id: uuid.UUID,
    ) -> bool:
        """Settle a recorded batch's reservation to what it spent, raise the budget alerts it
        crossed and pause the campaign when the budget ran out; True when it paused. Runs in
        the batch record's transaction (campaign and launch rows already locked)."""
        if reservation.amount == 0 and spent == 0 and not reservation.exhausted:
            return False
        company_id, campaign_id = context.company_id, context.campaign_id
        budget_ids = await campaign_budget_ids(session, company_id, campaign_id)
        fresh = await repo.open_ledgers(session, company_id, campaign_id, budget_ids)
        await repo.lock_ledgers(session, company_id, campaign_id, sorted(budget_ids))
        delta = spent - reservation.amount
        if delta != 0 and not fresh:  # a fresh ledger started from actual_spend, batch included
            await repo.adjust_campaign(session, company_id, campaign_id, delta)
        if delta < 0:
            give_back = -delta
            for budget_id, part in reversed(reservation.parts):
                back = min(part, give_back)
                await repo.adjust_budget(session, company_id, campaign_id, budget_id, -back)
                give_back -= back
                if give_back <= 0:
                    break
        elif delta > 0 and budget_ids:
            first = reservation.parts[0][0] if reservation.parts else budget_ids[0]
            await repo.adjust_budget(session, company_id, campaign_id, first, delta)
        return await self._thresholds(session, context, reservation, launch_id)

    async def _thresholds(
        self,
        session: AsyncSession,
        context: LaunchContext,
        reservation: Reservation,
        launch_id: uuid.UUID,
    ) -> bool:
        company_id, campaign_id = context.company_id, context.campaign_id
        room = await headroom(session, company_id, campaign_id)
        # Exhausted as of now (the ledgers are locked), not as of the reservation.
        exhausted = reservation.exhausted and room.remaining < reservation.cheapest_unmet
        if room.total_budget > 0:
            percent = room.drawn * 100 / room.total_budget
        else:
            percent = Decimal(100) if room.drawn > 0 or exhausted else ZERO
        paused = False
        if exhausted:
            campaign = await lock_campaign(session, company_id, campaign_id)
            if campaign is not None:
                paused = await pause_campaign(
                    session,
                    campaign,
                    EXHAUSTED_REASON,
                    {"limited_by": reservation.limited_by, "launch_id": str(launch_id)},
                )
                if paused:
                    log.info("launch_paused_budget", campaign_id=str(campaign_id))
        for threshold, severity in THRESHOLDS:
            crossed = percent >= threshold or (threshold == 100 and exhausted)
            if not crossed:
                continue
            alert = NewAlert(
                company_id=company_id,
                campaign_id=campaign_id,
                launch_id=launch_id,
                alert_kind="budget",
                metric=BUDGET_METRIC,
                severity=severity,
                observed=min(percent, Decimal(999999)),
                threshold=threshold,
                details={
                    "threshold_percent": int(threshold),
                    "total_budget": str(room.total_budget),
                    "spent": str(room.drawn.quantize(Decimal("0.01"))),
                    "remaining": str(room.remaining.quantize(Decimal("0.01"))),
                    "limited_by": reservation.limited_by if exhausted else room.limited_by,
                },
            )
            alert_id = await raise_alert(session, alert)
            if alert_id is None:
                continue
            pauses = paused and threshold == 100
            if pauses:
                await mark_paused(session, alert_id)
            await emit_alert(session, EventType.CAMPAIGN_BUDGET_ALERT, alert, pauses)
        return paused
