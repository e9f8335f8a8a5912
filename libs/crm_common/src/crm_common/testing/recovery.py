"""What the recovery tests share: a service run as its own process with its log kept, and the
`/readyz` body awaited until it answers a given status."""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import httpx


@contextlib.contextmanager
def service_process(
    argv: Sequence[str], env: Mapping[str, str], log_path: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """`argv` as a child process writing its output to `log_path`; terminated (then killed
    when it does not stop within 30 s) on exit."""
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 (a fixed argument list, no shell)
            list(argv), env=dict(env), stdout=log, stderr=subprocess.STDOUT
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


async def readiness(
    client: httpx.AsyncClient,
    status: int,
    limit_s: float,
    *,
    poll_s: float = 0.1,
    context: Callable[[], str] | None = None,
) -> dict[str, Any]:
    """The `/readyz` body once it answers `status`; an AssertionError (with `context()`, e.g.
    the tail of the service's log) when it has not within `limit_s`."""

    async def poll() -> dict[str, Any]:
        while True:
            with contextlib.suppress(httpx.HTTPError):
                response = await client.get("/readyz")
                if response.status_code == status:
                    body: dict[str, Any] = response.json()
                    return body
            await asyncio.sleep(poll_s)

    try:
        return await asyncio.wait_for(poll(), limit_s)
    except TimeoutError:
        detail = f":\n{context()}" if context is not None else ""
        raise AssertionError(
            f"/readyz never answered {status} within {limit_s} s{detail}"
        ) from None


def log_tail(log_path: Path, size: int = 3000) -> Callable[[], str]:
    """The end of a log file, read when called (for `readiness(context=...)`)."""
    return lambda: log_path.read_text(errors="replace")[-size:]
