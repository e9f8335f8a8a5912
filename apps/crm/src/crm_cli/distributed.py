"""`crm run-distributed`: the four services as separate processes behind a real nginx on one
machine — 2 campaign-api, 2 segment-engine and 2 launch-worker replicas and 1 notify gateway,
each a `crm run <service> --port N` — with the all-in-one's routes, request ids, body limit,
gzip and security headers.

The supervisor (this module) starts the embedded Postgres/Redis unless DATABASE_URL/REDIS_URL
are set, migrates and seeds once, renders `deploy/nginx/distributed.conf.template` into
`<data dir>/nginx/`, starts nginx (`-p` that folder, `daemon off`) and the replicas as its
children, starts a dead child again (with a back-off), answers the gateway's `/readyz` from what
every replica's own `/readyz` says, and on Ctrl-C or SIGTERM stops nginx, then the replicas,
then the servers it started."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ctypes
import json
import logging
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import structlog

from crm_common.settings import Settings
from crm_common.supervise import Backoff

log = structlog.get_logger(__name__)

REPLICAS: dict[str, int] = {
    "campaign-api": 2,
    "segment-engine": 2,
    "launch-worker": 2,
    "notify-gateway": 1,
}
"""How many processes of each service run behind the gateway."""

HEALTHY_AFTER_S = 10.0
STOP_TIMEOUT_S = 20.0
READY_TIMEOUT_S = 180.0
CHECK_INTERVAL_S = 0.5
PROBE_TIMEOUT_S = 2.0
_PLACEHOLDER = re.compile(r"\{\{ (\w+) \}\}")
_PR_SET_PDEATHSIG = 1


class DistributedError(Exception):
    """The distributed mode cannot start (nginx missing, a bad configuration)."""


def template_path() -> Path:
    from crm_cli.main import REPO_ROOT

    return REPO_ROOT / "deploy" / "nginx" / "distributed.conf.template"


def find_nginx() -> str:
    """The nginx binary: on PATH, else Debian's /usr/sbin/nginx."""
    found = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if found is None:
        raise DistributedError(
            "nginx is not installed: `apt-get install -y nginx-light` (or `make run-distributed`,"
            " which installs it when run as root)"
        )
    return found


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """`count` distinct ports nobody listens on right now."""
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket()
            sock.bind((host, 0))
            sockets.append(sock)
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def upstream_name(service: str) -> str:
    return service.replace("-", "_")


def _reachable_by_others(path: Path) -> bool:
    """Every folder on the way to `path` can be entered by any user (nginx's workers run as
    `nobody` when it is started as root)."""
    for part in [path, *path.parents]:
        with contextlib.suppress(OSError):
            if not part.stat().st_mode & stat.S_IXOTH:
                return False
    return True


@dataclass(frozen=True)
class GatewayConfig:
    """Everything the nginx configuration is rendered from."""

    prefix: Path
    listen: str
    readiness_port: int
    upstreams: dict[str, list[int]]
    max_body_bytes: int
    apidocs: Path
    spa_dir: Path | None
    dev: bool
    user: str | None = None
    worker_processes: str = "auto"


def render(config: GatewayConfig, template: str) -> str:
    """The nginx.conf for `config` from the template (placeholders `{{ name }}`)."""
    upstreams = []
    for service, ports in config.upstreams.items():
        servers = " ".join(
            f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in ports
        )
        keepalive = "" if service == "notify-gateway" else " keepalive 32;"
        upstreams.append(f"    upstream {upstream_name(service)} {{ {servers}{keepalive} }}")
    headers = f"{config.prefix}/security-headers.conf"
    if config.spa_dir is not None:
        spa = (
            f"        location / {{ root {config.spa_dir}; try_files $uri /index.html;"
            f" include {headers}; }}"
        )
    else:
        # No built SPA: the API documentation is the front page, as in the all-in-one.
        spa = "\n".join(
            [
                "        location = / { return 307 /docs; }",
                "        location / {",
                "            default_type application/json;",
                f"            include {config.prefix}/api-headers.conf;",
                '            return 404 \'{"error_code":"not_found","message":"Not found.",'
                '"details":{}}\';',
                "        }",
            ]
        )
    values = {
        "user": f"user {config.user};" if config.user else "",
        "worker_processes": config.worker_processes,
        "prefix": str(config.prefix),
        "mime_types": "/etc/nginx/mime.types",
        "access_log": f"{config.prefix}/logs/access.log distributed buffer=64k flush=1s",
        "max_body_bytes": str(config.max_body_bytes),
        "upstreams": "\n".join(upstreams),
        "readiness_port": str(config.readiness_port),
        "listen": config.listen,
        "dev_locations": (
            "        location /dev/mail { proxy_pass http://launch_worker; }" if config.dev else ""
        ),
        "apidocs": str(config.apidocs),
        "spa_locations": spa,
    }
    missing = set(_PLACEHOLDER.findall(template)) - set(values)
    if missing:
        raise DistributedError(f"the nginx template names unknown values: {sorted(missing)}")
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


WEBSOCKET_CONF = """\
proxy_pass http://notify_gateway;
proxy_http_version 1.1;
proxy_set_header Upgrade $http_upgrade;
proxy_set_header Connection $connection_upgrade;
proxy_set_header Host $host;
proxy_set_header X-Request-ID $crm_request_id;
proxy_set_header X-Forwarded-For $remote_addr;
proxy_set_header X-Forwarded-Proto $scheme;
proxy_read_timeout 3600s;
proxy_send_timeout 3600s;
"""

API_HEADERS_CONF = """\
# The services' headers on API answers, for the ones nginx writes itself (errors, /healthz).
add_header X-Content-Type-Options "nosniff" always;
add_header Referrer-Policy "strict-origin-when-cross-origin" always;
add_header X-Frame-Options "DENY" always;
add_header Content-Security-Policy "default-src 'none'; frame-ancestors 'none'" always;
add_header Strict-Transport-Security $hsts always;
add_header X-Request-ID $crm_request_id always;
"""

LOG_FORMAT = (
    'log_format distributed \'$remote_addr [$time_iso8601] "$request" $status'
    " upstream=$upstream_addr upstream_status=$upstream_status"
    " time=$request_time request_id=$crm_request_id';"
)


def write_gateway(config: GatewayConfig) -> Path:
    """Write nginx.conf and its included files under `config.prefix`; the nginx.conf path."""
    from crm_cli.main import REPO_ROOT

    prefix = config.prefix
    for folder in ("logs", "temp"):
        (prefix / folder).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        REPO_ROOT / "deploy" / "nginx" / "security-headers.conf", prefix / "security-headers.conf"
    )
    (prefix / "api-headers.conf").write_text(API_HEADERS_CONF)
    (prefix / "websocket.conf").write_text(WEBSOCKET_CONF)
    text = render(config, template_path().read_text())
    # The log format sits next to the access_log that names it.
    text = text.replace("    access_log ", f"    {LOG_FORMAT}\n    access_log ", 1)
    path = prefix / "nginx.conf"
    path.write_text(text)
    return path


def nginx_argv(binary: str, prefix: Path, conf: Path) -> list[str]:
    """nginx with everything under `prefix` (logs, pid, temp), in the foreground when run with
    `-g "daemon off;"`."""
    return [binary, "-p", f"{prefix}/", "-c", str(conf), "-e", str(prefix / "logs" / "error.log")]


_PRCTL: Any = None
with contextlib.suppress(OSError, AttributeError):
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl


def _die_with_parent() -> None:
    """In the child before exec: receive SIGTERM when the supervisor dies, even by SIGKILL."""
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


@dataclass
class Child:
    """One supervised process: a service replica or nginx."""

    name: str
    argv: list[str]
    env: dict[str, str]
    port: int | None = None
    service: str | None = None
    process: subprocess.Popen[bytes] | None = None
    started_at: float = 0.0
    failures: int = 0
    restarts: int = 0
    restart_at: float | None = None

    @property
    def pid(self) -> int | None:
        return None if self.process is None else self.process.pid

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        # Its own session: a Ctrl-C reaches the supervisor only, which stops children in order.
        self.process = subprocess.Popen(  # noqa: S603 (our own commands)
            self.argv,
            env=self.env,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        self.started_at = time.monotonic()
        self.restart_at = None
        log.info("distributed_child_started", child=self.name, pid=self.pid, port=self.port)

    def signal(self, signum: int) -> None:
        if self.alive():
            assert self.process is not None
            with contextlib.suppress(ProcessLookupError):
                self.process.send_signal(signum)

    def wait(self, timeout_s: float) -> bool:
        if self.process is None:
            return True
        try:
            self.process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            return False
        return True


@dataclass
class Cluster:
    """The gateway, the replicas and the readiness of the whole."""

    settings: Settings
    host: str
    port: int
    prefix: Path
    spa_dir: Path | None
    replicas: dict[str, int] = field(default_factory=lambda: dict(REPLICAS))
    backoff: Backoff = field(default_factory=lambda: Backoff(initial_s=0.5, max_s=5.0))
    stopping: threading.Event = field(default_factory=threading.Event)
    children: list[Child] = field(default_factory=list)
    nginx: Child | None = None
    readiness_port: int = 0
    site: tuple[subprocess.Popen[bytes], Path] | None = None
    site_written: bool = False

    def child_env(self) -> dict[str, str]:
        settings = self.settings
        assert settings.database_url is not None
        assert settings.redis_url is not None
        env = {
            **os.environ,
            "DATABASE_URL": settings.database_url,
            "REDIS_URL": settings.redis_url,
            "CRM_DATA_DIR": str(settings.data_dir.resolve()),
            "CRM_ENV": settings.env,
        }
        env.pop("CRM_PORT", None)
        # The services believe X-Forwarded-For from the gateway on this machine only.
        env.setdefault("CRM_TRUSTED_PROXIES", "127.0.0.1")
        if settings.smtp_host and "CRM_SMTP_HOST" not in os.environ:
            # The demo mail sink of this supervisor: every launch worker sends to it.
            env.update(
                {
                    "CRM_SMTP_HOST": settings.smtp_host,
                    "CRM_SMTP_PORT": str(settings.smtp_port),
                    "CRM_SMTP_SECURITY": "none",
                }
            )
        return env

    def plan(self) -> GatewayConfig:
        """Pick ports and build the children; the gateway's configuration."""
        env = self.child_env()
        count = sum(self.replicas.values())
        ports = iter(free_ports(count + 1))
        self.readiness_port = next(ports)
        upstreams: dict[str, list[int]] = {}
        for service, replicas in self.replicas.items():
            for index in range(1, replicas + 1):
                port = next(ports)
                upstreams.setdefault(service, []).append(port)
                self.children.append(
                    Child(
                        name=f"{service}-{index}",
                        argv=[
                            sys.executable,
                            "-m",
                            "crm_cli.main",
                            "run",
                            service,
                            "--host",
                            "127.0.0.1",
                            "--port",
                            str(port),
                        ],
                        env=env,
                        port=port,
                        service=service,
                    )
                )
        apidocs = self.prefix / "apidocs"
        spa = self.spa_dir if self.spa_dir and (self.spa_dir / "index.html").exists() else None
        user = None
        if os.geteuid() == 0:
            # Workers drop to nobody unless what they serve is out of nobody's reach.
            readable = _reachable_by_others(self.prefix) and (
                spa is None or _reachable_by_others(spa)
            )
            user = "nobody nogroup" if readable else "root root"
        return GatewayConfig(
            prefix=self.prefix,
            listen=f"{self.host}:{self.port}",
            readiness_port=self.readiness_port,
            upstreams=upstreams,
            max_body_bytes=self.settings.max_body_bytes,
            apidocs=apidocs,
            spa_dir=spa,
            dev=self.settings.env == "dev",
            user=user,
        )

    def write_api_site(self, config: GatewayConfig) -> subprocess.Popen[bytes]:
        """`crm openapi --site` into the folder nginx serves /openapi.json, /docs, /redoc from."""
        return subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "crm_cli.main",
                "openapi",
                "--site",
                str(config.apidocs),
                "--output",
                os.devnull,
                "--env",
                "prod" if self.settings.env == "prod" else "dev",
            ],
            env=self.child_env(),
            stderr=subprocess.DEVNULL,
        )

    def start(self) -> None:
        binary = find_nginx()
        self.prefix.mkdir(parents=True, exist_ok=True)
        config = self.plan()
        conf = write_gateway(config)
        site = self.write_api_site(config)
        argv = nginx_argv(binary, self.prefix, conf)
        checked = subprocess.run(  # noqa: S603
            [*argv, "-t", "-q"], capture_output=True, text=True, check=False
        )
        if checked.returncode != 0:
            raise DistributedError(f"nginx refused {conf}: {checked.stderr.strip()}")
        for child in self.children:
            child.start()
        self.nginx = Child(name="nginx", argv=[*argv, "-g", "daemon off;"], env=dict(os.environ))
        self.nginx.port = self.port
        self.nginx.start()
        self.site = (site, config.apidocs)

    def check_site(self) -> None:
        """Report once how writing the API document and its pages ended."""
        if self.site is None or self.site[0].poll() is None:
            return
        process, folder = self.site
        self.site = None
        self.site_written = process.returncode == 0
        if not self.site_written:
            log.warning("distributed_api_site_failed", folder=str(folder))

    def _all(self) -> list[Child]:
        return [*self.children, *([self.nginx] if self.nginx else [])]

    def supervise_once(self) -> None:
        """Start again every child that died (after a back-off), unless stopping."""
        now = time.monotonic()
        for child in self._all():
            if self.stopping.is_set() or child.process is None or child.alive():
                continue
            if child.restart_at is None:
                up_for = now - child.started_at
                if up_for >= HEALTHY_AFTER_S:
                    child.failures = 0
                delay = self.backoff.delay(child.failures)
                child.failures += 1
                child.restart_at = now + delay
                log.warning(
                    "distributed_child_exited",
                    child=child.name,
                    pid=child.pid,
                    code=child.process.returncode,
                    restart_in_s=round(delay, 2),
                )
            elif now >= child.restart_at:
                child.restarts += 1
                child.start()

    async def replica_state(self, client: httpx.AsyncClient, child: Child) -> dict[str, Any]:
        state: dict[str, Any] = {
            "name": child.name,
            "port": child.port,
            "pid": child.pid if child.alive() else None,
            "restarts": child.restarts,
        }
        if not child.alive():
            return state | {"status": "down"}
        try:
            response = await client.get(
                f"http://127.0.0.1:{child.port}/readyz", timeout=PROBE_TIMEOUT_S
            )
            body = response.json()
        except (httpx.HTTPError, ValueError):
            return state | {"status": "not_ready", "checks": {"http": "no answer"}}
        ready = response.status_code == 200
        return state | {
            "status": "ready" if ready else "not_ready",
            "checks": body.get("checks", {}) if isinstance(body, dict) else {},
        }

    async def readiness(self, client: httpx.AsyncClient) -> tuple[bool, dict[str, Any]]:
        """Ready when nginx runs, the API document and its pages are written, and every
        service has at least one ready replica."""
        states = await asyncio.gather(*(self.replica_state(client, c) for c in self.children))
        services: dict[str, Any] = {}
        for child, state in zip(self.children, states, strict=True):
            assert child.service is not None
            entry = services.setdefault(child.service, {"replicas": []})
            entry["replicas"].append(state)
        gateway = {
            "nginx": "ok" if self.nginx is not None and self.nginx.alive() else "down",
            "api_docs": "ok" if self.site_written else "writing",
        }
        ready = all(value == "ok" for value in gateway.values())
        for entry in services.values():
            up = sum(1 for replica in entry["replicas"] if replica["status"] == "ready")
            entry["status"] = "ready" if up else "not_ready"
            entry["ready_replicas"] = f"{up}/{len(entry['replicas'])}"
            ready = ready and up > 0
        return ready, {
            "status": "ready" if ready else "not_ready",
            "mode": "distributed",
            "gateway": gateway,
            "services": services,
        }

    async def _answer(self, client: httpx.AsyncClient, reader: Any, writer: Any) -> None:
        """A minimal HTTP/1.1 answer to GET /readyz from nginx (one request per connection)."""
        try:
            request = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), PROBE_TIMEOUT_S)
            method = request.split(b" ", 1)[0]
            ready, body = await self.readiness(client)
            payload = b"" if method == b"HEAD" else json.dumps(body).encode()
            status = b"200 OK" if ready else b"503 Service Unavailable"
            writer.write(
                b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n"
                b"Cache-Control: no-store\r\nConnection: close\r\n"
                b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload
            )
            await writer.drain()
        except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
            # A probe that hung up or sent nothing gets no answer; nginx retries on its own.
            return
        finally:
            writer.close()

    async def serve(self) -> None:
        """Answer readiness and watch the children until a stop is asked."""
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        async with httpx.AsyncClient() as client:
            server = await asyncio.start_server(
                lambda r, w: self._answer(client, r, w), "127.0.0.1", self.readiness_port
            )
            announced = False
            began = time.monotonic()
            try:
                while not stop.is_set():
                    self.supervise_once()
                    self.check_site()
                    if not announced:
                        ready, _ = await self.readiness(client)
                        if ready:
                            announced = True
                            log.info(
                                "distributed_ready",
                                url=f"http://{self.host}:{self.port}",
                                seconds=round(time.monotonic() - began, 1),
                            )
                        elif time.monotonic() - began > READY_TIMEOUT_S:
                            announced = True
                            log.warning("distributed_not_ready", after_s=READY_TIMEOUT_S)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stop.wait(), CHECK_INTERVAL_S)
            finally:
                self.stopping.set()
                server.close()
                await server.wait_closed()

    def stop(self) -> None:
        """nginx first (no new requests), then every replica: SIGTERM, SIGKILL after a wait."""
        self.stopping.set()
        if self.nginx is not None:
            self.nginx.signal(signal.SIGTERM)
            if not self.nginx.wait(STOP_TIMEOUT_S):
                self.nginx.signal(signal.SIGKILL)
                self.nginx.wait(5)
        for child in self.children:
            child.signal(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for child in self.children:
            if not child.wait(max(0.0, deadline - time.monotonic())):
                log.warning("distributed_child_killed", child=child.name, pid=child.pid)
                child.signal(signal.SIGKILL)
                child.wait(5)
        log.info("distributed_stopped")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_run_distributed(args: argparse.Namespace) -> int:
    from crm_cli.embedded import EmbeddedServers
    from crm_cli.main import REPO_ROOT, _prepare, _settings, _with_servers
    from crm_common.logging import configure_logging
    from launch_worker.channels.sink import MailSink, start_demo_sink

    settings = _settings()
    configure_logging(settings.log_level, settings.log_json)
    # One line per readiness probe would drown the services' own logs.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    try:
        find_nginx()
    except DistributedError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    seed = not args.no_seed
    if seed and settings.env == "prod":
        log.warning("demo_data_skipped", reason="CRM_ENV=prod", create_tenant="crm create-tenant")
        seed = False
    signal.signal(signal.SIGTERM, _interrupt)
    embedded = EmbeddedServers(settings.data_dir)
    mail_sink: MailSink | None = None
    cluster: Cluster | None = None
    try:
        settings = _with_servers(settings, embedded)
        asyncio.run(_prepare(settings, seed=seed))
        settings, mail_sink = start_demo_sink(settings)
        cluster = Cluster(
            settings=settings,
            host=args.host or settings.host,
            port=args.port or settings.port,
            prefix=(settings.data_dir / "nginx").resolve(),
            spa_dir=REPO_ROOT / "web" / "dist",
        )
        cluster.start()
        embedded.watch(paused=cluster.stopping.is_set)
        log.info(
            "distributed_starting",
            url=f"http://{cluster.host}:{cluster.port}",
            replicas={child.name: child.port for child in cluster.children},
        )
        asyncio.run(cluster.serve())
    except DistributedError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        log.info("distributed_interrupted")  # Ctrl-C: the normal way to stop; cleanup below
    finally:
        # A second Ctrl-C while stopping does not leave children behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if cluster is not None:
            cluster.stop()
        if mail_sink is not None:
            mail_sink.stop()
        embedded.stop()
    return 0
