"""The client side of bench/ws_fanout.py: the plan every process derives identically
(tenants, campaigns, who watches what) and the client processes, each holding many real
WebSocket connections and timing every event from its XADD to its receipt."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import time
import uuid
from array import array
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import websockets
from pydantic import SecretStr

from crm_common.security.jwt import TokenCodec, TokenType
from crm_common.settings import Settings

EVENT_PREFIX = '{"type":"event"'
MEASURE_MARK = '"phase":"measure"'
SENT_MARK = '"sent_ns":'
BENCH_SECRET = "bench-only-secret-0123456789-abcdefghijklmnop"
NAMESPACE = uuid.UUID("5f0c4a5e-4a4b-4c1c-9a43-6b8f6a9d2e10")


# -- the plan every process derives identically --------------------------------------------


@dataclass(frozen=True)
class Plan:
    clients: int
    tenants: int
    campaigns_per_tenant: int
    dashboard_share: float

    def company(self, tenant: int) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, f"company-{tenant}")

    def campaign(self, tenant: int, index: int) -> uuid.UUID:
        return uuid.uuid5(NAMESPACE, f"campaign-{tenant}-{index}")

    def client(self, i: int) -> tuple[int, uuid.UUID | None, str]:
        """(tenant, watched campaign or None for a dashboard, role) of client `i`."""
        tenant = i % self.tenants
        rank = i // self.tenants
        dashboards = round(self.dashboard_share * 1000)
        dashboard = rank % 1000 < dashboards
        campaign = None if dashboard else self.campaign(tenant, rank % self.campaigns_per_tenant)
        role = "marketing_manager" if rank % 2 == 0 else "marketing_analyst"
        return tenant, campaign, role

    def expected_per_event(self) -> dict[tuple[int, uuid.UUID], int]:
        """How many clients should receive an event of (tenant, campaign)."""
        counts: dict[tuple[int, uuid.UUID], int] = {}
        dashboards = [0] * self.tenants
        for i in range(self.clients):
            tenant, campaign, _ = self.client(i)
            if campaign is None:
                dashboards[tenant] += 1
            else:
                counts[(tenant, campaign)] = counts.get((tenant, campaign), 0) + 1
        result = {}
        for tenant in range(self.tenants):
            for index in range(self.campaigns_per_tenant):
                key = (tenant, self.campaign(tenant, index))
                result[key] = counts.get(key, 0) + dashboards[tenant]
        return result


def codec() -> TokenCodec:
    return TokenCodec(Settings(jwt_secret=SecretStr(BENCH_SECRET)))


# -- client processes ----------------------------------------------------------------------


@dataclass
class ClientReport:
    connected: int = 0
    failed: int = 0
    events: int = 0
    measured: int = 0
    pings: int = 0
    closes: dict[int, int] = field(default_factory=dict)
    latencies_ms: bytes = b""
    cpu_s: float = 0.0
    rss_mb: float = 0.0


def client_process(
    indices: list[int],
    plan: Plan,
    url: str,
    compression: bool,
    args_nice: int,
    ready: Any,
    stop: Any,
    results: Any,
) -> None:
    # `--client-nice` lets the clients (browsers on other machines, in production) yield the
    # CPU of a shared box to the gateway under test.
    os.nice(args_nice)
    with contextlib.suppress(ImportError):
        import uvloop

        uvloop.install()
    report = asyncio.run(_clients(indices, plan, url, compression, ready, stop))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    report.cpu_s = usage.ru_utime + usage.ru_stime
    report.rss_mb = usage.ru_maxrss / 1024
    results.put(report)


async def _clients(
    indices: list[int], plan: Plan, url: str, compression: bool, ready: Any, stop: Any
) -> ClientReport:
    report = ClientReport()
    latencies = array("f")
    tokens = codec()
    gate = asyncio.Semaphore(64)
    connections: list[Any] = []

    async def run_one(i: int) -> None:
        tenant, campaign, role = plan.client(i)
        token = tokens.encode(
            TokenType.ACCESS,
            str(uuid.uuid5(NAMESPACE, f"user-{i}")),
            timedelta(hours=3),
            {"company_id": str(plan.company(tenant)), "roles": [role]},
        )
        auth: dict[str, Any] = {"type": "auth", "token": token}
        if campaign is not None:
            auth["campaign_ids"] = [str(campaign)]
        try:
            async with gate:
                connection = await websockets.connect(
                    url,
                    open_timeout=60,
                    ping_interval=None,
                    max_queue=None,
                    compression="deflate" if compression else None,
                )
                await connection.send(json.dumps(auth))
                reply = json.loads(await connection.recv())
                if reply.get("type") != "auth_ok":
                    raise RuntimeError(reply)
        except Exception:
            report.failed += 1
            return
        report.connected += 1
        connections.append(connection)
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in connection:
                received = time.time_ns()
                text = str(raw)
                if text.startswith(EVENT_PREFIX):
                    # Only two fields matter here; skipping a full parse leaves the CPU of
                    # this shared machine to the gateway under test.
                    report.events += 1
                    if MEASURE_MARK in text:
                        start = text.index(SENT_MARK) + len(SENT_MARK)
                        end = start
                        while text[end].isdigit():
                            end += 1
                        report.measured += 1
                        latencies.append((received - int(text[start:end])) / 1e6)
                    continue
                kind = json.loads(text)["type"]
                if kind == "ping":
                    report.pings += 1
                    await connection.send('{"type":"pong"}')
        frame = connection.protocol.close_rcvd
        if frame is not None and frame.code != 1000:
            report.closes[frame.code] = report.closes.get(frame.code, 0) + 1

    tasks = [asyncio.create_task(run_one(i)) for i in indices]
    while report.connected + report.failed < len(indices):  # noqa: ASYNC110 - counters
        await asyncio.sleep(0.1)
    ready.put((report.connected, report.failed))
    await asyncio.to_thread(stop.wait)
    await asyncio.gather(*(c.close() for c in connections), return_exceptions=True)
    await asyncio.gather(*tasks, return_exceptions=True)
    report.latencies_ms = latencies.tobytes()
    return report
