"""Supervised background tasks: every long-running loop of a service (outbox relay, stream
consumers and readers, the arq worker, the launch loops) runs under a supervisor that logs its
failure, backs off (exponential, with jitter, capped at a few seconds) and starts it again, so
a process returns to ready by itself after Redis or Postgres come back. The task's state feeds
`/readyz`: a task waiting out its back-off is reported as failing."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import structlog

log = structlog.get_logger(__name__)

Run = Callable[[asyncio.Event], Awaitable[None]]
"""A background loop: runs until the event is set; raising means it failed."""

STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Backoff:
    """Wait `initial_s · factor^n` (± `jitter`, at most `max_s`) before the n-th restart in a
    row; a task that stays up for `healthy_after_s` starts again from `initial_s`."""

    initial_s: float = 0.2
    factor: float = 2.0
    max_s: float = 5.0
    jitter: float = 0.2
    healthy_after_s: float = 10.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        base = min(self.max_s, self.initial_s * self.factor ** min(attempt, 32))
        spread = base * self.jitter * (2 * (rng or random).random() - 1)
        return max(0.0, min(self.max_s, base + spread))


class TaskStatus(StrEnum):
    RUNNING = "running"
    BACKING_OFF = "backing_off"
    STOPPED = "stopped"


@dataclass
class TaskState:
    """What the supervisor knows of one task; read by readiness and tests."""

    name: str
    status: TaskStatus = TaskStatus.RUNNING
    failures: int = 0
    """Failures in a row (reset once the task has stayed up for the healthy period)."""
    restarts: int = 0
    """Restarts since the process began."""
    last_error: str | None = None
    retry_in_s: float = 0.0
    changed: asyncio.Event = field(default_factory=asyncio.Event, repr=False)

    @property
    def failing(self) -> bool:
        return self.status is not TaskStatus.RUNNING

    def _set(self, status: TaskStatus) -> None:
        self.status = status
        self.changed.set()
        self.changed = asyncio.Event()

    def problem(self) -> str | None:
        """Why the task is not serving, in words safe for the /readyz body; None when it is."""
        if self.status is TaskStatus.RUNNING:
            return None
        if self.status is TaskStatus.STOPPED:
            return "stopped"
        return (
            f"failed ({self.last_error}), {self.failures} time(s) in a row; "
            f"restarting in {self.retry_in_s:.1f} s"
        )


def _describe(exc: BaseException | None) -> str:
    if exc is None:
        return "returned"
    return type(exc).__name__


async def supervise(
    state: TaskState,
    run: Run,
    stop: asyncio.Event,
    *,
    backoff: Backoff = Backoff(),
    rng: random.Random | None = None,
) -> None:
    """Run `run(stop)` until `stop` is set, restarting it whenever it raises (or returns
    before `stop`). One log line per failure, i.e. one per back-off step; the traceback only
    with the first failure of a row."""
    while not stop.is_set():
        state._set(TaskStatus.RUNNING)
        task = asyncio.ensure_future(run(stop))
        error: BaseException | None = None
        try:
            if state.failures:
                await asyncio.wait({task}, timeout=backoff.healthy_after_s)
                if not task.done():
                    log.info("background_task_recovered", task=state.name, failures=state.failures)
                    state.failures = 0
            await task
        except asyncio.CancelledError:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            state._set(TaskStatus.STOPPED)
            raise
        except Exception as exc:  # supervision: any failure is logged and the task restarted
            error = exc
        if stop.is_set():
            break
        delay = backoff.delay(state.failures, rng)
        state.failures += 1
        state.restarts += 1
        state.last_error = _describe(error)
        state.retry_in_s = delay
        state._set(TaskStatus.BACKING_OFF)
        log.warning(
            "background_task_failed",
            task=state.name,
            error=state.last_error,
            detail=str(error)[:300] if error is not None else None,
            failures=state.failures,
            retry_in_s=round(delay, 2),
            exc_info=error if state.failures == 1 else None,
        )
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)
    state._set(TaskStatus.STOPPED)


@dataclass
class _Entry:
    state: TaskState
    stop: asyncio.Event
    task: asyncio.Task[None]


class Supervisor:
    """The supervised tasks of one service (or of one runtime): start, state, stop."""

    def __init__(self, backoff: Backoff | None = None) -> None:
        self.backoff = backoff or Backoff()
        self._entries: dict[str, _Entry] = {}

    def start(self, name: str, run: Run, *, backoff: Backoff | None = None) -> TaskState:
        if name in self._entries and not self._entries[name].task.done():
            raise ValueError(f"a task named {name!r} is already supervised")
        state = TaskState(name)
        stop = asyncio.Event()
        task = asyncio.create_task(
            supervise(state, run, stop, backoff=backoff or self.backoff), name=name
        )
        self._entries[name] = _Entry(state, stop, task)
        return state

    def states(self) -> dict[str, TaskState]:
        return {name: entry.state for name, entry in self._entries.items()}

    def task(self, name: str) -> asyncio.Task[None]:
        return self._entries[name].task

    async def stop(self, name: str, grace_s: float = STOP_TIMEOUT_S) -> None:
        """Ask one task to stop, then cancel it if it has not within `grace_s`."""
        entry = self._entries.pop(name, None)
        if entry is None:
            return
        entry.stop.set()
        try:
            await asyncio.wait_for(asyncio.shield(entry.task), grace_s)
        except TimeoutError:
            entry.task.cancel()
            await asyncio.gather(entry.task, return_exceptions=True)
        entry.state._set(TaskStatus.STOPPED)

    @contextlib.asynccontextmanager
    async def running(
        self, name: str, run: Run, *, backoff: Backoff | None = None
    ) -> AsyncIterator[TaskState]:
        """Supervise `run` for the lifetime of the context."""
        state = self.start(name, run, backoff=backoff)
        try:
            yield state
        finally:
            await self.stop(name)


def supervisor_of(holder: Any) -> Supervisor:
    """The supervisor kept on `holder.state` (a FastAPI app), created on first use; /readyz
    reports its tasks."""
    supervisor: Supervisor | None = getattr(holder.state, "supervisor", None)
    if supervisor is None:
        supervisor = Supervisor()
        holder.state.supervisor = supervisor
    return supervisor
