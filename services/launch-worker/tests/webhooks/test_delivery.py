"""Deliveries reach a real receiver signed by the documented scheme (verified here by a
receiver written from docs/webhooks.md, not with our own helper), once per event, through
the worker's own consumer group; a receiver refuses replays and tampering."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from crm_common.events import EventEnvelope
from crm_common.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from crm_common.webhooks.secrets import WebhookSecretBox
from crm_common.webhooks.signing import new_secret
from launch_worker.webhooks.consumers import events_consumer
from launch_worker.webhooks.service import queue_event

TOLERANCE_S = 300


class Rejected(Exception):
    """The test receiver refused a delivery (bad signature, stale timestamp, replay)."""


def verify_as_a_receiver(secret: str, headers: dict[str, str], body: bytes, now: float) -> dict:
    """docs/webhooks.md, "Verifying a delivery": parse `t` and every `v1`, recompute the
    HMAC-SHA256 of `{t}.{raw body}` with the secret, compare in constant time, refuse a `t`
    more than five minutes away."""
    fields = [item.split("=", 1) for item in headers["x-crm-signature"].split(",")]
    timestamp = int(next(value for key, value in fields if key == "t"))
    signatures = [value for key, value in fields if key == "v1"]
    if abs(now - timestamp) > TOLERANCE_S:
        raise Rejected("stale")
    expected = hmac.new(
        secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256
    ).hexdigest()
    if not any(hmac.compare_digest(expected, signature) for signature in signatures):
        raise Rejected("bad signature")
    return json.loads(body)


def _event(company_id: uuid.UUID, event_type: str = "campaign.created") -> EventEnvelope:
    return EventEnvelope(
        type=event_type,
        company_id=company_id,
        data={"campaign_id": str(uuid.uuid4()), "campaign_name": "Spring sale"},
    )


async def _deliveries(db, subscription_id: uuid.UUID) -> list[WebhookDelivery]:
    async with db.system_session() as session:
        statement = select(WebhookDelivery).where(
            WebhookDelivery.subscription_id == subscription_id
        )
        return list((await session.execute(statement)).scalars())


async def _attempts(db, delivery_id: uuid.UUID) -> list[WebhookAttempt]:
    async with db.system_session() as session:
        statement = (
            select(WebhookAttempt)
            .where(WebhookAttempt.delivery_id == delivery_id)
            .order_by(WebhookAttempt.attempt)
        )
        return list((await session.execute(statement)).scalars())


async def test_an_event_is_delivered_signed_and_a_receiver_verifies_it(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    event = _event(hook.company.id)
    receiver.answer(200, b'{"received": true}')

    assert await queue_event(db, event) == 1
    assert await dispatcher_for().run_round() == 1

    [request] = receiver.requests
    payload = verify_as_a_receiver(hook.secret, request.headers, request.body, time.time())
    assert payload["id"] == str(event.id)
    assert payload["type"] == "campaign.created"
    assert payload["company_id"] == str(hook.company.id)
    assert payload["data"] == event.data
    assert request.method == "POST"
    assert request.headers["content-type"] == "application/json"
    assert request.headers["x-crm-event-id"] == str(event.id)
    assert request.headers["x-crm-event-type"] == "campaign.created"
    assert request.headers["x-crm-delivery-attempt"] == "1"
    [delivery] = await _deliveries(db, hook.subscription.id)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 1, 200)
    [attempt] = await _attempts(db, delivery.id)
    assert (attempt.outcome, attempt.status_code) == ("succeeded", 200)
    assert attempt.response_body == '{"received": true}'
    assert attempt.latency_ms is not None


async def test_the_receiver_refuses_a_replayed_or_altered_delivery(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    await queue_event(db, _event(hook.company.id))
    await dispatcher_for().run_round()
    [request] = receiver.requests

    replayed_later = time.time() + TOLERANCE_S + 60
    outcomes = []
    for secret, body, now in (
        (hook.secret, request.body, replayed_later),
        (hook.secret, request.body.replace(b"Spring", b"Autumn"), time.time()),
        (new_secret(), request.body, time.time()),
    ):
        try:
            verify_as_a_receiver(secret, request.headers, body, now)
        except Rejected as exc:
            outcomes.append(str(exc))
    assert outcomes == ["stale", "bad signature", "bad signature"]


async def test_only_subscribed_types_of_the_events_company_are_queued_once(
    db, receiver, make_hook
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    other = await make_hook(receiver.url(), allow=("127.0.0.1",))
    paused = await make_hook(receiver.url(), company=hook.company, status="paused")
    event = _event(hook.company.id)

    first = await queue_event(db, event)
    again = await queue_event(db, event)
    unsubscribed = await queue_event(db, _event(hook.company.id, "campaign.deleted"))

    assert (first, again, unsubscribed) == (1, 0, 0)
    assert len(await _deliveries(db, hook.subscription.id)) == 1
    assert await _deliveries(db, other.subscription.id) == []
    assert await _deliveries(db, paused.subscription.id) == []


async def test_events_on_the_stream_reach_the_receiver_through_the_consumer_group(
    db, resources, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    dispatcher = dispatcher_for()
    woken = []
    consumer = events_consumer(resources, lambda: woken.append(True))
    await consumer.ensure_group()
    event = _event(hook.company.id)
    stream = resources.settings.events_stream
    await resources.redis.xadd(stream, {"event": event.to_json()})
    await resources.redis.xadd(stream, {"event": event.to_json()})  # a duplicate entry

    stats = await consumer.poll(block_ms=100)
    await dispatcher.run_round()

    assert stats.handled == 2
    assert woken == [True]
    assert [r.headers["x-crm-event-id"] for r in receiver.requests] == [str(event.id)]
    pending = await resources.redis.xpending(stream, consumer.group)
    assert pending["pending"] == 0


async def test_after_a_rotation_both_secrets_sign_until_the_grace_period_ends(
    db, settings, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    box = WebhookSecretBox(settings)
    rotated = new_secret()
    async with db.system_session() as session:
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == hook.subscription.id)
            .values(
                secret_sealed=box.seal(rotated, hook.subscription.id),
                previous_secret_sealed=hook.subscription.secret_sealed,
                previous_secret_expires_at=datetime.now(UTC) + timedelta(hours=1),
            )
        )

    await queue_event(db, _event(hook.company.id))
    await dispatcher_for().run_round()

    [request] = receiver.requests
    for secret in (hook.secret, rotated):
        verify_as_a_receiver(secret, request.headers, request.body, time.time())
    assert request.headers["x-crm-signature"].count("v1=") == 2


async def test_a_ping_is_sent_even_to_a_paused_subscription_and_never_retried(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",), status="paused")
    receiver.answer(500, b"down")
    async with db.system_session() as session:
        session.add(
            WebhookDelivery(
                company_id=hook.company.id,
                subscription_id=hook.subscription.id,
                event_id=uuid.uuid4(),
                event_type="webhook.ping",
                body='{"type":"webhook.ping"}',
                is_test=True,
                next_attempt_at=datetime.now(UTC),
            )
        )

    await dispatcher_for().run_round()

    [delivery] = await _deliveries(db, hook.subscription.id)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("failed", 1, 500)
    async with db.system_session() as session:
        subscription = await session.get_one(WebhookSubscription, hook.subscription.id)
    assert subscription.consecutive_failures == 0
    assert len(receiver.requests) == 1
