"""Robustness: a slow client only hurts itself, heartbeats catch dead peers, users have a
connection limit, shutdown says 1012, order holds under load, bad entries are skipped, and
every instance serves its own clients from the whole stream."""

from __future__ import annotations

import asyncio
import secrets
import socket

import httpx
from prometheus_client import REGISTRY

from notify_gateway.ws.limits import ConnectionLimiter

from ..conftest import Gateway, StartGateway, Tenant


def _sample(name: str, labels: dict[str, str] | None = None) -> float:
    return REGISTRY.get_sample_value(name, labels or {}) or 0.0


async def test_slow_client_is_dropped_with_4408_while_others_get_everything(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway = await start_gateway(ws_send_queue_size=32)
    drops_before = _sample("crm_ws_clients_dropped_total", {"reason": "slow_consumer"})
    tight = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tight.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    tight.connect(("127.0.0.1", gateway.port))
    tight.setblocking(False)
    async with (
        gateway.client(sock=tight, max_queue=1, compression=None) as slow,
        gateway.authed(acme.user()) as fast,
    ):
        await slow.auth(gateway.tokens.access(acme.user()))
        blob = secrets.token_hex(25_000)
        published: list[str] = []
        received: list[dict[str, object]] = []

        async def publisher() -> None:
            # Paced by the fast client (at most 8 events ahead of it), never by the slow one.
            for n in range(300):
                while len(received) < n - 8:
                    await asyncio.sleep(0.001)
                published.append(await gateway.publish(acme, n=n, blob=blob))

        burst = asyncio.create_task(publisher())
        # The slow client reads nothing while the fast one takes every event (15 MB).
        while len(received) < 300:
            received.append(await fast.next("event"))
        await burst
        assert [e["id"] for e in received] == published
        closed = await slow.closed()
    assert (closed.code, closed.reason) == (4408, "send queue full")
    assert _sample("crm_ws_clients_dropped_total", {"reason": "slow_consumer"}) == drops_before + 1


async def test_client_that_ignores_pings_is_closed(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway = await start_gateway(ws_ping_interval_s=0.3, ws_pong_timeout_s=0.3)
    async with gateway.authed(acme.user()) as client:
        await client.next("ping", answer_pings=False)
        closed = await client.closed()
    assert (closed.code, closed.reason) == (4000, "heartbeat timeout")


async def test_client_that_answers_pings_stays_connected(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway = await start_gateway(ws_ping_interval_s=0.3, ws_pong_timeout_s=0.3)
    async with gateway.authed(acme.user()) as client:
        for _ in range(4):
            await client.next("ping", answer_pings=False)
            await client.send({"type": "pong"})
        published = await gateway.publish(acme, n=1)
        assert (await client.next("event"))["id"] == published


async def test_connections_per_user_are_limited_with_4429(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    gateway = await start_gateway(ws_max_connections_per_user=2)
    user = acme.user()
    async with gateway.authed(user), gateway.authed(user) as second:
        async with gateway.client() as third:
            await third.send({"type": "auth", "token": gateway.tokens.access(user)})
            closed = await third.closed()
        assert (closed.code, closed.reason) == (4429, "too many connections for this user")
        async with gateway.authed(acme.user()) as someone_else:
            await gateway.publish(acme, n=1)
            await someone_else.next("event")
        await second.connection.close()
        key = ConnectionLimiter.key(user.user_id)
        while await gateway.redis.zcard(key) > 1:
            await asyncio.sleep(0.02)
        async with gateway.authed(user) as again:
            published = await gateway.publish(acme, n=2)
            assert (await again.next("event"))["id"] == published


async def test_connection_limit_holds_across_instances(
    start_gateway: StartGateway, acme: Tenant
) -> None:
    first = await start_gateway(ws_max_connections_per_user=1)
    second = await start_gateway(ws_max_connections_per_user=1)
    user = acme.user()
    async with first.authed(user), second.client() as refused:
        await refused.send({"type": "auth", "token": second.tokens.access(user)})
        assert (await refused.closed()).code == 4429


async def test_graceful_shutdown_closes_clients_with_1012(gateway: Gateway, acme: Tenant) -> None:
    async with gateway.authed(acme.user()) as first, gateway.authed(acme.user()) as second:
        gateway.server.should_exit = True
        closed = [await first.closed(), await second.closed()]
        await gateway.task
    assert [c.code for c in closed] == [1012, 1012]


async def test_events_arrive_in_stream_order_under_load(gateway: Gateway, acme: Tenant) -> None:
    async with gateway.authed(acme.user()) as client:
        published = [await gateway.publish(acme, n=n) for n in range(1000)]
        received = await client.events(1000)
    assert [e["id"] for e in received] == published


async def test_malformed_stream_entries_are_skipped(gateway: Gateway, acme: Tenant) -> None:
    before = _sample("crm_ws_events_malformed_total")
    async with gateway.authed(acme.user()) as client:
        await gateway.redis.xadd(gateway.stream, {"event": "{not json"})
        await gateway.redis.xadd(gateway.stream, {"something": "else"})
        await gateway.redis.xadd(gateway.stream, {"event": '{"type": "campaign.updated"}'})
        published = await gateway.publish(acme, n=1)
        assert (await client.next("event"))["id"] == published
    assert _sample("crm_ws_events_malformed_total") == before + 3


async def test_every_instance_serves_its_own_clients_from_the_whole_stream(
    start_gateway: StartGateway, acme: Tenant, globex: Tenant
) -> None:
    first, second = await start_gateway(), await start_gateway()
    async with (
        first.authed(acme.user()) as acme_on_first,
        second.authed(acme.user()) as acme_on_second,
        second.authed(globex.user()) as globex_on_second,
    ):
        acme_event = await first.publish(acme, n=1)
        globex_event = await first.publish(globex, n=2)
        assert (await acme_on_first.next("event"))["id"] == acme_event
        assert (await acme_on_second.next("event"))["id"] == acme_event
        assert (await globex_on_second.next("event"))["id"] == globex_event


async def test_readiness_includes_the_stream_reader_and_metrics_are_exposed(
    gateway: Gateway, acme: Tenant
) -> None:
    sent_before = _sample("crm_ws_events_out_total")
    latencies_before = _sample("crm_ws_fanout_latency_seconds_count")
    async with gateway.authed(acme.user()) as client:
        await gateway.publish(acme, n=1)
        await client.next("event")
        async with httpx.AsyncClient(base_url=gateway.http_url) as http:
            ready = await http.get("/readyz")
            exposed = (await http.get("/metrics")).text
    assert ready.json()["checks"]["stream_reader"] == "ok"
    assert "crm_ws_connected_clients" in exposed
    assert _sample("crm_ws_events_out_total") == sent_before + 1
    assert _sample("crm_ws_fanout_latency_seconds_count") == latencies_before + 1
