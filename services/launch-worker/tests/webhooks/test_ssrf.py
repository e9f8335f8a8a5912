"""At delivery the target is checked again after DNS resolution and on every redirect: the
loopback, private, link-local and metadata addresses (literal, by name, IPv4-mapped) are
refused and nothing is sent; the connection goes to the address that was checked."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from crm_common.events import EventEnvelope
from crm_common.models import WebhookAttempt, WebhookDelivery
from launch_worker.webhooks.service import queue_event

NAMES = {
    "loop.test": ["127.0.0.1"],
    "internal.test": ["10.1.2.3"],
    "meta.test": ["169.254.169.254"],
    "partner.test": ["127.0.0.1"],
}


async def _deliver_once(db, hook, dispatcher) -> tuple[WebhookDelivery, list[WebhookAttempt]]:
    await queue_event(
        db, EventEnvelope(type="campaign.created", company_id=hook.company.id, data={})
    )
    await dispatcher.run_round()
    async with db.system_session() as session:
        delivery = (
            await session.execute(
                select(WebhookDelivery).where(
                    WebhookDelivery.subscription_id == hook.subscription.id
                )
            )
        ).scalar_one()
        attempts = (
            (
                await session.execute(
                    select(WebhookAttempt).where(WebhookAttempt.delivery_id == delivery.id)
                )
            )
            .scalars()
            .all()
        )
    return delivery, list(attempts)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1:{port}/hook", "127.0.0.1 is not a public address"),
        ("http://[::1]:{port}/hook", "::1 is not a public address"),
        ("http://[::ffff:127.0.0.1]:{port}/hook", "::ffff:7f00:1 is not a public address"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254 is not a public address"),
        ("http://10.0.0.1/hook", "10.0.0.1 is not a public address"),
        ("http://10.255.0.9:8080/hook", "10.255.0.9 is not a public address"),
        ("http://localhost:{port}/hook", "localhost resolves to"),
        ("http://loop.test:{port}/hook", "loop.test resolves to 127.0.0.1"),
        ("http://internal.test/hook", "internal.test resolves to 10.1.2.3"),
        ("http://meta.test/hook", "meta.test resolves to 169.254.169.254"),
    ],
)
async def test_targets_that_are_not_public_are_refused_and_nothing_is_sent(
    db, receiver, make_hook, dispatcher_for, resolver_of, url, reason
) -> None:
    hook = await make_hook(url.format(port=receiver.port))

    delivery, [attempt] = await _deliver_once(db, hook, dispatcher_for(resolver_of(NAMES)))

    assert receiver.requests == []
    assert attempt.outcome == "refused"
    assert attempt.status_code is None
    assert reason in attempt.error
    assert delivery.status == "pending"


async def test_the_company_allow_list_lets_a_delivery_reach_127_0_0_1(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.0/8",))

    _, [attempt] = await _deliver_once(db, hook, dispatcher_for())

    assert attempt.outcome == "succeeded"
    assert len(receiver.requests) == 1


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1:{port}/inside",
        "http://[::1]:{port}/inside",
        "http://localhost:{port}/inside",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://10.0.0.1/admin",
        "http://internal.test/admin",
        "ftp://partner.test/file",
    ],
)
async def test_a_redirect_to_a_refused_target_is_not_followed(
    db, receiver, make_hook, dispatcher_for, resolver_of, location
) -> None:
    hook = await make_hook(f"http://partner.test:{receiver.port}/hook", allow=("partner.test",))
    receiver.answer(302, location=location.format(port=receiver.port))

    _, [attempt] = await _deliver_once(db, hook, dispatcher_for(resolver_of(NAMES)))

    assert [r.path for r in receiver.requests] == ["/hook"]
    assert attempt.outcome == "refused"
    assert attempt.error.endswith("(after a redirect)")


async def test_redirects_to_allowed_targets_are_followed_with_the_original_host(
    db, receiver, make_hook, dispatcher_for, resolver_of
) -> None:
    hook = await make_hook(f"http://partner.test:{receiver.port}/hook", allow=("partner.test",))
    receiver.answer(307, location="/moved")
    receiver.answer(308, location=f"http://partner.test:{receiver.port}/final")

    _, [attempt] = await _deliver_once(db, hook, dispatcher_for(resolver_of(NAMES)))

    assert [r.path for r in receiver.requests] == ["/hook", "/moved", "/final"]
    assert {r.headers["host"] for r in receiver.requests} == {f"partner.test:{receiver.port}"}
    assert len({r.body for r in receiver.requests}) == 1
    assert attempt.outcome == "succeeded"
    assert attempt.url == f"http://partner.test:{receiver.port}/final"


async def test_more_than_three_redirects_fail_the_attempt(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.1",))
    for hop in range(4):
        receiver.answer(302, location=f"/hop{hop}")

    _, [attempt] = await _deliver_once(db, hook, dispatcher_for())

    assert len(receiver.requests) == 4
    assert (attempt.outcome, attempt.status_code) == ("failed", 302)
    assert attempt.error == "more than 3 redirects"


async def test_the_connection_goes_to_the_checked_address_not_a_later_dns_answer(
    db, receiver, make_hook, dispatcher_for
) -> None:
    """DNS rebinding: the name first resolves to a public address, then to 127.0.0.1. The
    sender resolves once per hop and connects to what it checked, so the receiver on
    127.0.0.1 never hears from it."""
    answers = [["192.88.99.1"], ["127.0.0.1"], ["127.0.0.1"]]
    asked: list[str] = []

    async def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return answers[min(len(asked) - 1, 2)]

    hook = await make_hook(f"http://rebind.test:{receiver.port}/hook")

    _, [attempt] = await _deliver_once(
        db, hook, dispatcher_for(rebinding, webhook_connect_timeout_s=0.5)
    )

    assert asked == ["rebind.test"]
    assert receiver.requests == []
    assert attempt.outcome in {"failed", "refused"}


async def test_a_subscription_of_another_company_is_not_delivered_for_this_one(
    db, receiver, make_hook
) -> None:
    await make_hook(receiver.url(), allow=("127.0.0.1",))

    queued = await queue_event(
        db, EventEnvelope(type="campaign.created", company_id=uuid.uuid4(), data={})
    )

    assert queued == 0
    assert receiver.requests == []


async def test_the_platform_denied_networks_win_over_the_company_allow_list(
    db, receiver, make_hook, dispatcher_for
) -> None:
    hook = await make_hook(receiver.url(), allow=("127.0.0.0/8",))
    dispatcher = dispatcher_for(webhook_denied_networks=("127.0.0.0/8",))

    _, [attempt] = await _deliver_once(db, hook, dispatcher)

    assert attempt.outcome == "refused"
    assert "platform's own networks" in attempt.error
    assert receiver.requests == []
