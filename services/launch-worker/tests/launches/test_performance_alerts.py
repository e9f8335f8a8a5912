"""Performance alerts while sending: a rule crossed raises `campaign.alert` once, and pauses
the campaign when its severity reaches the campaign's pause severity."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from crm_common.db import Database
from crm_common.events import EventType
from crm_common.models import CampaignAlert, CampaignAlertSettings, CampaignMetric, OutboxEvent

from .conftest import (
    RecordingAdapter,
    Runner,
    World,
    add_contacts,
    load_campaign,
    load_launch,
    make_world,
    request_launch,
    wait_for,
)


async def _rules(world: World, rules: list[dict], pause_at: str | None) -> None:
    async with world.db.system_session() as session:
        session.add(
            CampaignAlertSettings(
                company_id=world.company.id,
                campaign_id=world.campaign.id,
                rules=rules,
                pause_at_severity=pause_at,
            )
        )


async def _alert_events(db: Database, campaign_id: uuid.UUID) -> list[dict]:
    async with db.system_session() as session:
        rows = await session.execute(
            select(OutboxEvent.envelope).where(OutboxEvent.event_type == EventType.CAMPAIGN_ALERT)
        )
        return [e["data"] for e in rows.scalars() if e["data"]["campaign_id"] == str(campaign_id)]


async def test_a_critical_failure_rate_raises_one_alert_and_pauses_the_campaign(
    db, start_runtime: Runner
) -> None:
    # Long enough a launch (20 batches of 10 at 20 ms a message) that it is still sending
    # when the worker next checks the rules (at most once a second per launch).
    failing = RecordingAdapter(delay_s=0.02)
    world = await make_world(db)
    contacts = await add_contacts(db, world.company, 200)
    failing.permanent = {c.email for c in contacts[::2]}
    await _rules(
        world,
        [{"metric": "failure_rate", "threshold": "0.3", "severity": "critical", "min_sent": 5}],
        "critical",
    )
    launch = await request_launch(world)
    await start_runtime(recorder=failing, dispatch_batch_size=10, dispatch_concurrency=2)

    async def paused() -> bool:
        return (await load_campaign(db, world.campaign.id)).campaign_status == "paused"

    await wait_for(paused)
    await wait_for(lambda: _launch_is(db, launch.id, "paused"))
    events = await _alert_events(db, world.campaign.id)
    assert len(events) == 1
    assert events[0]["metric"] == "failure_rate"
    assert events[0]["severity"] == "critical"
    assert events[0]["paused"] is True
    assert float(events[0]["observed"]) >= 0.3
    done = await load_launch(db, launch.id)
    assert done.sent_count + done.failed_count < 200, "the pause stopped the rest"


async def test_a_warning_below_the_pause_severity_alerts_without_pausing(
    db, adapter: RecordingAdapter, start_runtime: Runner
) -> None:
    world = await make_world(db)
    await add_contacts(db, world.company, 20)
    # Tracking already counted unsubscribes yesterday (from an earlier send).
    async with db.system_session() as session:
        session.add(
            CampaignMetric(
                company_id=world.company.id,
                campaign_id=world.campaign.id,
                channel="email",
                metric_date=(datetime.now(UTC) - timedelta(days=1)).date(),
                unsubscribes=5,
            )
        )
    await _rules(
        world,
        [{"metric": "unsubscribe_rate", "threshold": "0.1", "severity": "warning", "min_sent": 1}],
        "critical",
    )
    launch = await request_launch(world)
    await start_runtime(dispatch_batch_size=5)

    await wait_for(lambda: _launch_is(db, launch.id, "completed"))
    events = await _alert_events(db, world.campaign.id)
    assert [(e["metric"], e["paused"]) for e in events] == [("unsubscribe_rate", False)]
    async with db.system_session() as session:
        stored = (await session.execute(select(CampaignAlert))).scalar_one()
    assert (stored.alert_kind, stored.severity, stored.paused) == ("performance", "warning", False)


async def _launch_is(db: Database, launch_id: uuid.UUID, status: str) -> bool:
    return (await load_launch(db, launch_id)).launch_status == status
