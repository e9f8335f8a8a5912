"""What makes a worker process send: the launcher loop (claims launch leases, one task per
held launch), the dispatch loop (sends batches of every running launch), the
`campaign.launch_requested` consumer, and the end-date sweep. Any number of processes run
this side by side; Postgres leases and SKIP LOCKED share the work."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from datetime import datetime

import structlog

from crm_common.resources import Resources
from crm_common.supervise import Run, Supervisor
from launch_worker.channels.registry import ChannelRegistry, registry_for
from launch_worker.dispatch.service import Dispatcher
from launch_worker.launches import repository as repo
from launch_worker.launches.consumers import launch_consumer
from launch_worker.launches.service import Launcher, complete_ended_campaigns

log = structlog.get_logger(__name__)

END_DATE_SWEEP_S = 30.0
MAX_LAUNCHERS = 50


def worker_id() -> str:
    return f"{socket.gethostname()[:60]}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class LaunchRuntime:
    def __init__(
        self,
        resources: Resources,
        *,
        registry: ChannelRegistry | None = None,
        owner: str | None = None,
        schedule: Callable[[datetime], Awaitable[None]] | None = None,
        consume: bool = True,
    ) -> None:
        self.resources = resources
        self.settings = resources.settings
        self.owner = owner or worker_id()
        self.registry = registry or registry_for(resources.settings)
        self.launcher = Launcher(resources, self.owner, self.registry)
        self.dispatcher = Dispatcher(resources, self.registry, self.owner)
        self.schedule = schedule
        self.consume = consume
        self._claim_wake = asyncio.Event()
        self._dispatch_wake = asyncio.Event()
        self._launchers: dict[uuid.UUID, tuple[repo.ClaimedLaunch, asyncio.Task[None]]] = {}

    def wake(self) -> None:
        """Look for work now (a launch was requested or became due)."""
        self._claim_wake.set()
        self._dispatch_wake.set()

    async def _nap(self, wake: asyncio.Event, stop: asyncio.Event) -> None:
        """Wait for a wake-up, the stop, or the poll interval, whichever comes first."""
        waiters = [asyncio.ensure_future(wake.wait()), asyncio.ensure_future(stop.wait())]
        try:
            await asyncio.wait(
                waiters,
                timeout=self.settings.launch_poll_interval_s,
                return_when=asyncio.FIRST_COMPLETED,
            )
        finally:
            for waiter in waiters:
                waiter.cancel()
        wake.clear()

    def loops(self) -> dict[str, Run]:
        """The runtime's background loops by name, each to run supervised (a failure ends
        the loop with its error; the supervisor backs off and starts it again)."""
        loops: dict[str, Run] = {
            "launch_claims": self._claim_loop,
            "launch_dispatch": self._dispatch_loop,
            "end_date_sweep": self._end_date_loop,
        }
        if self.consume:
            consumer = launch_consumer(
                self.resources.redis,
                self.resources.db,
                stream=self.settings.events_stream,
                dead_letter_stream=self.settings.dead_letter_stream,
                max_deliveries=self.settings.max_deliveries,
                wake=self.wake,
                schedule=self.schedule,
            )
            loops["launch_requests"] = consumer.run
        return loops

    async def run(self, stop: asyncio.Event, supervisor: Supervisor | None = None) -> None:
        """Run every loop under `supervisor` until `stop`, then release the launches held."""
        supervisor = supervisor or Supervisor()
        names = []
        try:
            for name, loop in self.loops().items():
                supervisor.start(name, loop)
                names.append(name)
            await stop.wait()
        finally:
            for name in reversed(names):
                await supervisor.stop(name)
            await self.stop_launchers()

    async def _claim_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            if await self.claim_once() is None:
                await self._nap(self._claim_wake, stop)

    async def claim_once(self) -> repo.ClaimedLaunch | None:
        """Take one launch needing a launcher and start running it."""
        self._launchers = {k: v for k, v in self._launchers.items() if not v[1].done()}
        if len(self._launchers) >= MAX_LAUNCHERS:
            return None
        async with self.resources.db.system_session() as session:
            claimed = await repo.claim_next(session, self.owner, self.settings.launch_lease_s)
        if claimed is None:
            return None
        task = asyncio.create_task(self._run_launcher(claimed), name=f"launch-{claimed.id}")
        self._launchers[claimed.id] = (claimed, task)
        return claimed

    async def _run_launcher(self, claimed: repo.ClaimedLaunch) -> None:
        try:
            await self.launcher.run(claimed)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the lease lapses and a launcher (maybe this one) resumes
            log.exception("launcher_failed", launch_id=str(claimed.id), error=repr(exc))
        self.wake()

    async def _dispatch_loop(self, stop: asyncio.Event) -> None:
        try:
            while not stop.is_set():
                if await self.dispatcher.run_round() == 0 and not self.dispatcher.busy:
                    await self._nap(self._dispatch_wake, stop)
        finally:
            await self.dispatcher.cancel_in_flight()

    async def _end_date_loop(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await complete_ended_campaigns(self.resources)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(END_DATE_SWEEP_S):
                    await stop.wait()

    async def stop_launchers(self) -> None:
        """Cancel the launchers of this process and release their leases."""
        held = list(self._launchers.values())
        self._launchers = {}
        for _, task in held:
            task.cancel()
        await asyncio.gather(*(task for _, task in held), return_exceptions=True)
        for claimed, _ in held:
            with contextlib.suppress(Exception):
                await self.launcher.release(claimed)
