"""What a benchmark ran on: printed with every bench's figures."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
import sys


def _first(path: str, prefix: str) -> str | None:
    with contextlib.suppress(OSError), open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    return None


def machine() -> dict[str, str]:
    """uname -a, CPU model, cores, RAM, Python version and load average."""
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
    }
