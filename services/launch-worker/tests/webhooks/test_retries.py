"""Failed attempts are logged and retried with exponential back-off and jitter, up to the
limit; repeated failures disable the subscription with an audit row and a
`webhook.disabled` event, and its deliveries wait until it is re-enabled."""

from __future__ import annotations

import random
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from crm_common.events import EventEnvelope
from crm_common.models import (
    AuditLog,
    OutboxEvent,
    WebhookAttempt,
    WebhookDelivery,
    WebhookSubscription,
)
from launch_worker.webhooks.service import queue_event, retry_delay


def _event(company_id: uuid.UUID) -> EventEnvelope:
    return EventEnvelope(type="campaign.created", company_id=company_id, data={"n": 1})


async def _make_due(db, subscription_id: uuid.UUID) -> None:
    """Let the back-off pass: every pending delivery of the subscription is due now."""
    async with db.system_session() as session:
        await session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.subscription_id == subscription_id,
                WebhookDelivery.status == "pending",
            )
            .values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1))
        )


async def _delivery(db, subscription_id: uuid.UUID) -> WebhookDelivery:
    async with db.system_session() as session:
        statement = select(WebhookDelivery).where(
            WebhookDelivery.subscription_id == subscription_id
        )
        return (await session.execute(statement)).scalar_one()


async def _subscription(db, subscription_id: uuid.UUID) -> WebhookSubscription:
    async with db.system_session() as session:
        return await session.get_one(WebhookSubscription, subscription_id)


def test_the_delay_doubles_per_attempt_with_jitter_up_to_the_cap(settings) -> None:
    tuned = settings.model_copy(update={"webhook_retry_base_s": 10.0, "webhook_retry_max_s": 60.0})
    rng = random.Random(7)

    delays = [retry_delay(attempt, tuned, rng) for attempt in range(1, 6)]

    for delay, ceiling in zip(delays, (10, 20, 40, 60, 60), strict=True):
        assert ceiling / 2 <= delay <= ceiling
    assert len({round(d, 6) for d in delays}) == len(delays)


async def test_failures_are_retried_with_back_off_and_every_attempt_is_logged(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    dispatcher = dispatcher_for(webhook_retry_base_s=10.0)
    receiver.answer(500, b"boom")
    receiver.answer(503, b"x" * 5000)
    receiver.answer(204)
    await queue_event(db, _event(hook.company.id))

    before = datetime.now(UTC)
    await dispatcher.run_round()
    first = await _delivery(db, hook.subscription.id)
    nothing_due = await dispatcher.run_round()
    await _make_due(db, hook.subscription.id)
    await dispatcher.run_round()
    second = await _delivery(db, hook.subscription.id)
    await _make_due(db, hook.subscription.id)
    await dispatcher.run_round()
    done = await _delivery(db, hook.subscription.id)

    assert nothing_due == 0
    assert (first.status, first.attempts, first.last_status_code) == ("pending", 1, 500)
    assert before + timedelta(seconds=5) <= first.next_attempt_at
    assert first.next_attempt_at <= datetime.now(UTC) + timedelta(seconds=10)
    assert (second.status, second.attempts) == ("pending", 2)
    assert second.next_attempt_at - datetime.now(UTC) > timedelta(seconds=9)
    assert (done.status, done.attempts, done.last_status_code) == ("succeeded", 3, 204)
    async with db.system_session() as session:
        attempts = (
            (
                await session.execute(
                    select(WebhookAttempt)
                    .where(WebhookAttempt.delivery_id == done.id)
                    .order_by(WebhookAttempt.attempt)
                )
            )
            .scalars()
            .all()
        )
    assert [(a.attempt, a.outcome, a.status_code) for a in attempts] == [
        (1, "failed", 500),
        (2, "failed", 503),
        (3, "succeeded", 204),
    ]
    assert attempts[0].response_body == "boom"
    assert attempts[0].error == "HTTP 500"
    assert len(attempts[1].response_body) == 2048
    assert [r.headers["x-crm-delivery-attempt"] for r in receiver.requests] == ["1", "2", "3"]
    assert len({r.headers["x-crm-event-id"] for r in receiver.requests}) == 1
    subscription = await _subscription(db, hook.subscription.id)
    assert subscription.consecutive_failures == 0
    assert subscription.last_success_at is not None


async def test_a_delivery_gives_up_after_the_last_attempt(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    dispatcher = dispatcher_for(webhook_max_attempts=2)
    receiver.answer(500)
    receiver.answer(500)
    await queue_event(db, _event(hook.company.id))

    await dispatcher.run_round()
    await _make_due(db, hook.subscription.id)
    await dispatcher.run_round()
    await _make_due(db, hook.subscription.id)
    third = await dispatcher.run_round()

    delivery = await _delivery(db, hook.subscription.id)
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("failed", 2, None)
    assert third == 0
    assert len(receiver.requests) == 2


async def test_a_receiver_that_is_down_is_logged_as_a_failed_attempt(
    db, make_hook, dispatcher_for, receiver
) -> None:
    hook = await make_hook("http://127.0.0.1:9/unreachable", allow=("127.0.0.1",))
    await queue_event(db, _event(hook.company.id))

    await dispatcher_for().run_round()

    delivery = await _delivery(db, hook.subscription.id)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("pending", 1, None)
    assert delivery.last_error.startswith("ConnectError")


async def test_repeated_failures_disable_the_subscription_with_a_notice(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    dispatcher = dispatcher_for(webhook_disable_after_failures=3)
    for _ in range(5):
        receiver.answer(502, b"bad gateway")
    await queue_event(db, _event(hook.company.id))
    await queue_event(db, _event(hook.company.id))

    await dispatcher.run_round()  # two failures
    await _make_due(db, hook.subscription.id)
    await dispatcher.run_round()  # the third disables it (the fourth was already on its way)
    await _make_due(db, hook.subscription.id)
    held = await dispatcher.run_round()

    subscription = await _subscription(db, hook.subscription.id)
    assert subscription.status == "disabled"
    assert subscription.consecutive_failures == 4
    assert subscription.disabled_reason.startswith("Disabled after 3 consecutive failed attempts")
    assert "HTTP 502" in subscription.disabled_reason
    assert held == 0
    assert len(receiver.requests) == 4
    async with db.system_session() as session:
        audit = (
            await session.execute(select(AuditLog).where(AuditLog.action == "webhook.disabled"))
        ).scalar_one()
        event = (
            await session.execute(
                select(OutboxEvent).where(OutboxEvent.event_type == "webhook.disabled")
            )
        ).scalar_one()
        pending = (
            (
                await session.execute(
                    select(WebhookDelivery).where(WebhookDelivery.status == "pending")
                )
            )
            .scalars()
            .all()
        )
    assert audit.entity_id == hook.subscription.id
    assert audit.actor_user_id is None
    assert event.envelope["data"]["webhook_id"] == str(hook.subscription.id)
    assert event.envelope["data"]["consecutive_failures"] == 3
    assert len(pending) == 2

    async with db.system_session() as session:
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == hook.subscription.id)
            .values(status="active", consecutive_failures=0)
        )
    receiver.replies.clear()
    resumed = await dispatcher.run_round()
    assert resumed == 2
    assert len(receiver.requests) == 6
