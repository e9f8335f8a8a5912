"""arq jobs of launches: they only wake the process's launch runtime (the launch rows are
the truth; a lost job delays a scheduled start by at most the poll interval)."""

from __future__ import annotations

from typing import Any


async def wake_launches(ctx: dict[str, Any]) -> bool:
    """Wake this process's launchers and dispatchers (a scheduled launch is due)."""
    runtime = ctx.get("launch_runtime")
    if runtime is None:
        return False
    runtime.wake()
    return True
