"""The budget guard while sending: spend reserved per batch against the campaign's budget and
the shared budgets it draws on; 80 % and 100 % alerts once each; the launch pauses itself
when the money runs out and resumes like any paused launch once the budget is raised."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace

from sqlalchemy import func, select, update

from crm_common.db import Database
from crm_common.events import EventType
from crm_common.models import (
    AuditLog,
    BudgetSpend,
    Campaign,
    CampaignAlert,
    CampaignBudget,
    CampaignBudgetAllocation,
    CampaignMetric,
    CampaignSpend,
    OutboxEvent,
)
from crm_common.testing.builders import make_email_campaign
from launch_worker.spend.service import BudgetGuard, Wanted

from .conftest import (
    TEMPLATE_HTML,
    RecordingAdapter,
    Runner,
    World,
    add_contacts,
    load_campaign,
    load_launch,
    make_world,
    request_launch,
    set_campaign_status,
    wait_for,
)

PRICED = {"channel_costs": {"email": "1.00"}}


async def _set_budget(db: Database, campaign_id: uuid.UUID, amount: str) -> None:
    async with db.system_session() as session:
        await session.execute(
            update(Campaign).where(Campaign.id == campaign_id).values(total_budget=Decimal(amount))
        )


async def _events(db: Database, event_type: str, campaign_id: uuid.UUID) -> list[dict]:
    async with db.system_session() as session:
        rows = await session.execute(
            select(OutboxEvent.envelope).where(OutboxEvent.event_type == event_type)
        )
        return [
            e["data"] for e in rows.scalars() if e["data"].get("campaign_id") == str(campaign_id)
        ]


async def _paused(db: Database, world: World) -> bool:
    return (await load_campaign(db, world.campaign.id)).campaign_status == "paused"


async def _record_short_batch(db: Database, world: World, raise_to: str | None) -> bool:
    """Reserve a batch of 8 one-euro emails on a 5.00 budget (3 do not fit), optionally raise
    the budget while the batch is out, then settle it as the batch's record does; whether the
    guard paused the campaign."""
    launch = await request_launch(world)
    await set_campaign_status(db, world.campaign.id, "active")
    await _set_budget(db, world.campaign.id, "5.00")
    guard = BudgetGuard(db)
    context = SimpleNamespace(company_id=world.company.id, campaign_id=world.campaign.id)
    granted, reservation = await guard.reserve(context, {"email": Wanted(8, Decimal("1.00"))})
    assert granted == {"email": 5}
    assert reservation.exhausted
    if raise_to is not None:
        await _set_budget(db, world.campaign.id, raise_to)
    async with db.tenant_session(world.company.id) as session:
        return await guard.settle(session, context, reservation, Decimal("5.00"), launch.id)


async def test_a_batch_short_of_budget_pauses_the_campaign_when_it_is_recorded(db) -> None:
    world = await make_world(db, company_settings=PRICED)

    paused = await _record_short_batch(db, world, raise_to=None)

    assert paused is True
    assert await _paused(db, world)


async def test_a_batch_short_of_budget_pauses_nothing_once_the_budget_was_raised_meanwhile(
    db,
) -> None:
    # The budget raised (and the campaign resumed) while a batch reserved on the old budget was
    # out: recording that batch must not pause the campaign again on the old figure.
    world = await make_world(db, company_settings=PRICED)

    paused = await _record_short_batch(db, world, raise_to="100.00")

    assert paused is False
    assert not await _paused(db, world)
    alerts = await _events(db, EventType.CAMPAIGN_BUDGET_ALERT, world.campaign.id)
    assert [a["threshold_percent"] for a in alerts] == []


async def test_launch_pauses_itself_at_100_percent_and_resumes_once_the_budget_is_raised(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db, company_settings=PRICED)
    await _set_budget(db, world.campaign.id, "30.00")
    await add_contacts(db, world.company, 50)
    launch = await request_launch(world)
    await start_runtime(dispatch_batch_size=8)

    await wait_for(lambda: _paused(db, world))
    await wait_for(lambda: _launch_status(db, launch.id, "paused"))
    assert len(adapter.messages) == 30, "exactly what the budget pays went out"
    campaign = await load_campaign(db, world.campaign.id)
    assert campaign.actual_spend == Decimal("30.00")
    alerts = await _events(db, EventType.CAMPAIGN_BUDGET_ALERT, world.campaign.id)
    assert sorted(a["threshold_percent"] for a in alerts) == [80, 100]
    hundred = next(a for a in alerts if a["threshold_percent"] == 100)
    assert hundred["paused"] is True
    assert hundred["severity"] == "critical"
    assert hundred["remaining"] == "0.00"
    changes = await _events(db, EventType.CAMPAIGN_STATUS_CHANGED, world.campaign.id)
    assert any(c["action"] == "pause" and c["to_status"] == "paused" for c in changes)
    async with db.system_session() as session:
        audited = await session.scalar(
            select(func.count())
            .select_from(AuditLog)
            .where(AuditLog.entity_id == world.campaign.id, AuditLog.action == "campaign.pause")
        )
        assert audited == 1
        ledger = await session.get(CampaignSpend, world.campaign.id)
        assert ledger is not None
        assert ledger.reserved_amount == Decimal("30")

    # Raising the budget and resuming sends the rest; the thresholds already alerted stay quiet.
    await _set_budget(db, world.campaign.id, "100.00")
    await set_campaign_status(db, world.campaign.id, "active")
    await wait_for(lambda: _launch_status(db, launch.id, "completed"))
    assert len(adapter.messages) == 50
    assert adapter.recipients().most_common(1)[0][1] == 1
    alerts = await _events(db, EventType.CAMPAIGN_BUDGET_ALERT, world.campaign.id)
    assert len(alerts) == 2


async def test_80_percent_alert_is_raised_once_without_pausing(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db, company_settings=PRICED)
    await _set_budget(db, world.campaign.id, "50.00")
    await add_contacts(db, world.company, 45)
    launch = await request_launch(world)
    await start_runtime(dispatch_batch_size=5)

    await wait_for(lambda: _launch_status(db, launch.id, "completed"))
    assert len(adapter.messages) == 45
    alerts = await _events(db, EventType.CAMPAIGN_BUDGET_ALERT, world.campaign.id)
    assert [(a["threshold_percent"], a["paused"]) for a in alerts] == [(80, False)]
    async with db.system_session() as session:
        stored = (await session.execute(select(CampaignAlert))).scalars().all()
        assert [(a.alert_kind, a.metric, a.threshold) for a in stored] == [
            ("budget", "budget_spent", Decimal("80"))
        ]


async def _launch_status(db: Database, launch_id: uuid.UUID, status: str) -> bool:
    return (await load_launch(db, launch_id)).launch_status == status


async def _shared_budget(db: Database, world: World, amount: str) -> CampaignBudget:
    budget = CampaignBudget(
        id=uuid.uuid4(),
        company_id=world.company.id,
        budget_name="Shared",
        budget_code=f"B-{uuid.uuid4().hex[:6]}",
        budget_type="campaign",
        total_amount=Decimal(amount),
        fiscal_year=datetime.now(UTC).year,
    )
    async with db.system_session() as session:
        session.add(budget)
    return budget


async def _allocate(db: Database, world: World, campaign_id: uuid.UUID, budget_id, amount: str):
    async with db.system_session() as session:
        session.add(
            CampaignBudgetAllocation(
                company_id=world.company.id,
                campaign_id=campaign_id,
                budget_id=budget_id,
                allocated_amount=Decimal(amount),
            )
        )


async def test_two_concurrent_launches_on_one_shared_budget_never_exceed_it(
    db, start_runtime: Runner
) -> None:
    first = await make_world(db, company_settings=PRICED)
    # A second campaign of the same company with its own segment and template.
    second = await _sibling(db, first)
    budget = await _shared_budget(db, first, "100.00")
    for world in (first, second):
        # Each campaign alone could pay for every one of its 80 messages (its budget and its
        # allocation — together more than the budget holds, as allocations made before a
        # budget was cut would be: the ledger is the limit that holds regardless)...
        await _set_budget(db, world.campaign.id, "80.00")
        await _allocate(db, first, world.campaign.id, budget.id, "80.00")
    await add_contacts(db, first.company, 80)
    launches = [await request_launch(world) for world in (first, second)]
    a, b = RecordingAdapter(delay_s=0.002), RecordingAdapter(delay_s=0.002)
    # ...but the shared budget pays for 100: two workers, both launches, racing for it.
    await start_runtime("worker-a", recorder=a, dispatch_batch_size=7)
    await start_runtime("worker-b", recorder=b, dispatch_batch_size=7)

    async def settled() -> bool:
        states = [(await load_launch(db, launch.id)).launch_status for launch in launches]
        return all(state in ("paused", "completed") for state in states)

    # However the two interleave (on a busy machine one may send all 80 before the other
    # starts), the shared budget ends spent exactly, and whatever it stopped is paused.
    await wait_for(settled, timeout=40)
    paused = [world for world in (first, second) if await _paused(db, world)]
    assert paused, "the shared budget stopped neither launch"
    assert len(a.messages) + len(b.messages) == 100
    async with db.system_session() as session:
        drawn = await session.get(BudgetSpend, budget.id)
        assert drawn is not None
        assert drawn.reserved_amount == Decimal("100")
        spent = await session.scalar(
            select(func.sum(Campaign.actual_spend)).where(
                Campaign.id.in_([first.campaign.id, second.campaign.id])
            )
        )
        assert spent == Decimal("100.00")
    sent = [(await load_launch(db, launch.id)).sent_count for launch in launches]
    assert sum(sent) == 100
    for world in paused:
        alerts = await _events(db, EventType.CAMPAIGN_BUDGET_ALERT, world.campaign.id)
        hundred = [x for x in alerts if x["threshold_percent"] == 100]
        assert len(hundred) == 1
        assert hundred[0]["limited_by"] == "shared_budget"


async def _sibling(db: Database, world: World) -> World:
    campaign, segment = await make_email_campaign(
        db, world.company, world.user, content=TEMPLATE_HTML, subject="Hi", name="Second"
    )
    return World(db, world.company, world.user, campaign, segment)


async def test_an_allocation_is_what_a_campaign_may_draw_on_its_budget(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    """30.00 allocated from a budget of 100.00: the campaign (budget 80.00) sends 30 one-euro
    messages, not more, and the allocation records what it drew."""
    world = await make_world(db, company_settings=PRICED)
    budget = await _shared_budget(db, world, "100.00")
    await _set_budget(db, world.campaign.id, "80.00")
    await _allocate(db, world, world.campaign.id, budget.id, "30.00")
    await add_contacts(db, world.company, 50)
    launch = await request_launch(world)
    await start_runtime(dispatch_batch_size=8)

    await wait_for(lambda: _launch_status(db, launch.id, "paused"))
    assert len(adapter.messages) == 30
    async with db.system_session() as session:
        ledger = await session.get(BudgetSpend, budget.id)
        allocation = await session.scalar(
            select(CampaignBudgetAllocation).where(
                CampaignBudgetAllocation.campaign_id == world.campaign.id
            )
        )
    assert ledger is not None
    assert ledger.reserved_amount == Decimal("30")
    assert allocation is not None
    assert allocation.drawn_amount == Decimal("30")
    alerts = await _events(db, EventType.CAMPAIGN_BUDGET_ALERT, world.campaign.id)
    assert [a["limited_by"] for a in alerts if a["threshold_percent"] == 100] == ["shared_budget"]


async def test_messages_priced_below_a_cent_add_up_one_batch_at_a_time(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    """Ten emails at 0.0008 sent one per batch: 0.008 spent, 0.01 in cents — not ten batches
    each rounded to nothing."""
    world = await make_world(db, company_settings={"channel_costs": {"email": "0.0008"}})
    await _set_budget(db, world.campaign.id, "1.00")
    await add_contacts(db, world.company, 10)
    launch = await request_launch(world)
    await start_runtime(dispatch_batch_size=1)

    async def finished() -> bool:
        return (await load_launch(db, launch.id)).finished_at is not None

    await wait_for(finished, timeout=30)
    campaign = await load_campaign(db, world.campaign.id)
    async with db.system_session() as session:
        metric = (
            await session.execute(
                select(CampaignMetric).where(CampaignMetric.campaign_id == world.campaign.id)
            )
        ).scalar_one()
    assert len(adapter.messages) == 10
    assert campaign.spend_exact == Decimal("0.008")
    assert campaign.actual_spend == Decimal("0.01")
    assert (metric.spend_exact, metric.spend) == (Decimal("0.008"), Decimal("0.01"))
