"""The supervisor restarts a failed background task after a growing back-off, logs one line
per back-off step, reports the task's state, and stops it cleanly."""

import asyncio
import logging
import random
from collections.abc import Callable

import pytest
import structlog
from structlog.testing import capture_logs

from crm_common.logging import LogThrottle
from crm_common.supervise import Backoff, Supervisor, TaskState, TaskStatus, supervise


@pytest.fixture(autouse=True)
def every_level_logged():
    """Info lines (a recovery) reach the captured log whatever level an earlier test of the
    same process configured; that configuration is restored afterwards."""
    previous = structlog.get_config()
    structlog.configure(
        wrapper_class=structlog.make_filtering_bound_logger(logging.DEBUG),
        cache_logger_on_first_use=False,
    )
    yield
    structlog.configure(**previous)


FAST = Backoff(initial_s=0.01, factor=2.0, max_s=0.08, jitter=0.0, healthy_after_s=60.0)


class Flaky:
    """Fails `failures` times, then runs until stopped."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.starts = 0
        self.serving = asyncio.Event()

    async def __call__(self, stop: asyncio.Event) -> None:
        self.starts += 1
        if self.starts <= self.failures:
            raise ConnectionError(f"failure {self.starts}")
        self.serving.set()
        await stop.wait()


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    backoff = Backoff(initial_s=0.2, factor=2.0, max_s=5.0, jitter=0.2)
    rng = random.Random(7)
    delays = [backoff.delay(attempt, rng) for attempt in range(10)]
    assert 0.16 <= delays[0] <= 0.24
    assert 0.32 <= delays[1] <= 0.48
    assert all(delay <= 5.0 for delay in delays)
    assert delays[-1] >= 4.0
    assert len({round(d, 6) for d in delays[-4:]}) > 1  # jittered, not in lockstep


async def test_supervisor_restarts_a_task_after_it_raises_and_backs_off() -> None:
    flaky = Flaky(failures=4)
    supervisor = Supervisor(FAST)
    with capture_logs() as logs:
        state = supervisor.start("flaky", flaky)
        await asyncio.wait_for(flaky.serving.wait(), 10)
        await supervisor.stop("flaky")
    assert flaky.starts == 5
    assert state.restarts == 4
    failed = [line for line in logs if line["event"] == "background_task_failed"]
    # One line per failure, i.e. per back-off step; the waits double up to the cap.
    assert [line["retry_in_s"] for line in failed] == [0.01, 0.02, 0.04, 0.08]
    assert [line["failures"] for line in failed] == [1, 2, 3, 4]
    assert {line["task"] for line in failed} == {"flaky"}
    assert failed[0]["error"] == "ConnectionError"
    # The traceback goes with the first failure of a row only.
    assert failed[0]["exc_info"] is not None
    assert all(line["exc_info"] is None for line in failed[1:])
    assert state.status is TaskStatus.STOPPED


class FailsOnce:
    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, stop: asyncio.Event) -> None:
        self.calls += 1
        if self.calls == 1:
            raise OSError("connection refused")
        await stop.wait()


async def test_task_state_reports_the_back_off_and_stop_ends_it() -> None:
    run, stop, state = FailsOnce(), asyncio.Event(), TaskState("relay")
    slow_retry = Backoff(initial_s=30.0, max_s=60.0, jitter=0.0)
    task = asyncio.create_task(supervise(state, run, stop, backoff=slow_retry))
    while state.status is not TaskStatus.BACKING_OFF:
        await asyncio.wait_for(state.changed.wait(), 5)
    assert state.failing
    assert state.problem() == "failed (OSError), 1 time(s) in a row; restarting in 30.0 s"
    # Stopping during the back-off ends the supervisor without another start.
    stop.set()
    await asyncio.wait_for(task, 5)
    assert run.calls == 1
    assert state.problem() == "stopped"


async def _until(condition: Callable[[], bool]) -> None:
    while not condition():
        await asyncio.sleep(0.01)


async def test_a_task_up_for_the_healthy_period_is_recovered_and_its_back_off_reset() -> None:
    run, stop, state = FailsOnce(), asyncio.Event(), TaskState("relay")
    quick = Backoff(initial_s=0.01, jitter=0.0, healthy_after_s=0.05)
    with capture_logs() as logs:
        task = asyncio.create_task(supervise(state, run, stop, backoff=quick))
        await asyncio.wait_for(_until(lambda: run.calls == 2 and state.failures == 0), 5)
        stop.set()
        await asyncio.wait_for(task, 5)
    assert state.problem() == "stopped"
    assert state.restarts == 1
    assert [line["event"] for line in logs] == [
        "background_task_failed",
        "background_task_recovered",
    ]


async def test_a_task_that_returns_on_its_own_is_restarted() -> None:
    returned = 0
    stop = asyncio.Event()

    async def run(stop: asyncio.Event) -> None:
        nonlocal returned
        returned += 1
        if returned == 3:
            stop.set()

    state = TaskState("short-lived")
    with capture_logs() as logs:
        await asyncio.wait_for(supervise(state, run, stop, backoff=FAST), 5)
    assert returned == 3
    assert [line["error"] for line in logs] == ["returned", "returned"]


async def test_cancelling_the_supervisor_cancels_the_task() -> None:
    cancelled = asyncio.Event()

    async def run(stop: asyncio.Event) -> None:
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            cancelled.set()
            raise

    state = TaskState("sleeper")
    task = asyncio.create_task(supervise(state, run, asyncio.Event(), backoff=FAST))
    await asyncio.sleep(0.01)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert cancelled.is_set()
    assert state.status is TaskStatus.STOPPED


async def test_a_task_ignoring_stop_is_cancelled_after_the_grace_period() -> None:
    async def stubborn(stop: asyncio.Event) -> None:
        await asyncio.sleep(3600)

    supervisor = Supervisor(FAST)
    state = supervisor.start("stubborn", stubborn)
    await asyncio.sleep(0.01)
    await supervisor.stop("stubborn", grace_s=0.05)
    assert state.status is TaskStatus.STOPPED
    assert supervisor.states() == {}


def test_log_throttle_writes_one_line_per_back_off_step_with_the_suppressed_count() -> None:
    ticks = [0]
    with capture_logs() as logs:
        throttle = LogThrottle(
            structlog.get_logger("t"),
            "redis_unavailable",
            initial_s=1.0,
            max_s=4.0,
            clock=lambda: ticks[0] / 10,
        )
        # Ten failures a second for ten seconds.
        for _ in range(100):
            throttle.warning(error="ConnectionError")
            ticks[0] += 1
        throttle.reset()
        throttle.warning(error="ConnectionError")
    lines = [(line["event"], line.get("suppressed")) for line in logs]
    # Windows of 1, 2, 4, 4 s: lines at t=0, 1, 3, 7; then the recovery; then at once again.
    assert lines == [
        ("redis_unavailable", None),
        ("redis_unavailable", 9),
        ("redis_unavailable", 19),
        ("redis_unavailable", 39),
        ("redis_unavailable_recovered", 29),
        ("redis_unavailable", None),
    ]
