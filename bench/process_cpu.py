"""The CPU time another process has used so far, read off the kernel's per-process CPU clock:
nanoseconds, every thread's time included (those that have ended too). `/proc/<pid>/stat`
counts in ticks of 10 ms, which over a round of a hundred 1.5-ms requests is an error of
several percent; it is the fallback where that clock cannot be read."""

from __future__ import annotations

import os
import time

_CPUCLOCK_SCHED = 2
"""The kernel's encoding of a process's CPU-time clock: `((~pid) << 3) | CPUCLOCK_SCHED`
(what glibc's `clock_getcpuclockid` returns for another process)."""


def _process_clock(pid: int) -> int:
    return ((~pid) << 3) | _CPUCLOCK_SCHED


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process `pid` so far."""
    try:
        return time.clock_gettime_ns(_process_clock(pid)) / 1e9
    except OSError:
        user, system = cpu_split(pid)
        return user + system


def cpu_split(pid: int) -> tuple[float, float]:
    """(user, system) CPU seconds of process `pid` so far, in the kernel's ticks."""
    with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[11]) / tick, int(fields[12]) / tick
