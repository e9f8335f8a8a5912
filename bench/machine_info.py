"""What a benchmark ran on: printed with every bench's figures."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys
import time


def _first(path: str, prefix: str) -> str | None:
    with contextlib.suppress(OSError), open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    return None


def python_speed_ms() -> float:
    """The best of three runs of a fixed pure-Python loop, in milliseconds: the same VM kind
    runs it 1.5 to 3 times slower on some days than on others, so figures measured on
    different days compare only through it (or side by side in one run)."""
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        total = 0
        for i in range(1_000_000):
            total += i * i
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def machine() -> dict[str, str]:
    """uname -a, CPU model, cores, RAM, Python version, load average and the speed of a
    pure-Python loop on it (`python_speed_ms`)."""
    uname = " ".join(platform.uname())
    with contextlib.suppress(OSError):
        uname = (
            subprocess.run(
                ["uname", "-a"],  # noqa: S607 - the machine's own uname
                capture_output=True,
                text=True,
                check=False,
            ).stdout.strip()
            or uname
        )
    memory = _first("/proc/meminfo", "MemTotal")
    return {
        "uname -a": uname,
        "cpu": _first("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": str(os.cpu_count()),
        "ram": f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory else "unknown",
        "python": sys.version.split()[0],
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "python loop of 1e6 (best of 3)": f"{python_speed_ms()} ms",
    }
