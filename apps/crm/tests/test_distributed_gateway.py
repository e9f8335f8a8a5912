"""The distributed mode's nginx configuration (deploy/nginx/distributed.conf.template, rendered
by crm_cli.distributed) under a real nginx, in front of small HTTP servers standing in for the
replicas: one replica of the campaign API is dead (nothing listens on its port), so every
request must reach the live one. Also the request id, the client address, the body limit,
gzip, the hidden /metrics and both replicas down, each in the standard error format."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from crm_cli.distributed import (
    WEBSOCKET_CONF,
    GatewayConfig,
    find_nginx,
    free_ports,
    nginx_argv,
    render,
    template_path,
    write_gateway,
)


class Echo(BaseHTTPRequestHandler):
    """Answers any request with what it received: path, method, headers, body size."""

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        payload = json.dumps(
            {
                "port": self.server.server_address[1],
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "received": len(body),
                "padding": "x" * 2000,
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = _answer

    def log_message(self, *args: object) -> None:
        """Keep the stand-in replica's access log out of the test output."""


@pytest.fixture
def gateway(tmp_path: Path) -> Iterator[tuple[str, int, int]]:
    """nginx on a free port: campaign_api = [a dead port, a live echo], the other services
    the live echo, one more upstream (segment_engine) with both replicas dead."""
    live = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
    threading.Thread(target=live.serve_forever, daemon=True).start()
    live_port = live.server_address[1]
    dead, dead_too, listen, readiness = free_ports(4)
    config = GatewayConfig(
        prefix=tmp_path / "nginx",
        listen=f"127.0.0.1:{listen}",
        readiness_port=readiness,
        upstreams={
            "campaign-api": [dead, live_port],
            "segment-engine": [dead_too],
            "launch-worker": [live_port],
            "notify-gateway": [live_port],
        },
        max_body_bytes=4096,
        apidocs=tmp_path / "apidocs",
        spa_dir=None,
        dev=False,
        user="root root" if os.geteuid() == 0 else None,
    )
    config.prefix.mkdir(parents=True)
    conf = write_gateway(config)
    process = subprocess.Popen(
        [*nginx_argv(find_nginx(), config.prefix, conf), "-g", "daemon off;"]
    )
    base = f"http://127.0.0.1:{listen}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with socket.create_connection(("127.0.0.1", listen), timeout=1):
                    break
            except OSError:
                assert process.poll() is None, (config.prefix / "logs" / "error.log").read_text()
                assert time.monotonic() < deadline, "nginx did not listen"
                time.sleep(0.05)
        yield base, live_port, dead
    finally:
        process.terminate()
        process.wait(timeout=20)
        live.shutdown()


def test_every_request_reaches_the_live_replica(gateway: tuple[str, int, int]) -> None:
    base, live_port, _ = gateway
    with httpx.Client(base_url=base) as client:
        reads = [client.get(f"/api/campaigns/{i}/") for i in range(10)]
        writes = [client.post("/api/campaigns/", json={"n": i}) for i in range(5)]
    assert [r.status_code for r in reads + writes] == [200] * 15
    assert {r.json()["port"] for r in reads + writes} == {live_port}
    assert {r.json()["method"] for r in writes} == {"POST"}


def test_both_replicas_down_is_a_503_in_the_error_format(gateway: tuple[str, int, int]) -> None:
    base, _, _ = gateway
    response = httpx.get(f"{base}/api/segments/estimate/", headers={"X-Request-ID": "req-503"})
    assert response.status_code == 503, response.text
    body = response.json()
    assert body["error_code"] == "service_unavailable"
    assert body["details"] == {"request_id": "req-503"}
    assert response.headers["x-request-id"] == "req-503"
    assert response.headers["x-content-type-options"] == "nosniff"


def test_request_id_client_address_and_routes(gateway: tuple[str, int, int]) -> None:
    base, live_port, _ = gateway
    with httpx.Client(base_url=base) as client:
        kept = client.get("/api/x", headers={"X-Request-ID": "abc.DEF-123"}).json()
        replaced = client.get("/api/x", headers={"X-Request-ID": "bad id!"}).json()
        forwarded = client.get("/hooks/sendgrid", headers={"X-Forwarded-For": "6.6.6.6"}).json()
        metrics = client.get("/metrics")
        ws = client.get("/ws", headers={"Connection": "Upgrade", "Upgrade": "websocket"})
    assert kept["headers"]["x-request-id"] == "abc.DEF-123"
    assert replaced["headers"]["x-request-id"] not in ("", "bad id!")
    assert len(replaced["headers"]["x-request-id"]) == 32
    # The gateway is the edge: the client's own X-Forwarded-For is replaced.
    assert forwarded["headers"]["x-forwarded-for"] == "127.0.0.1"
    assert forwarded["port"] == live_port
    assert metrics.status_code == 404
    assert metrics.json()["error_code"] == "not_found"
    assert ws.json()["headers"]["upgrade"] == "websocket"
    assert ws.json()["headers"]["connection"].lower() == "upgrade"


def test_body_limit_and_gzip(gateway: tuple[str, int, int]) -> None:
    base, _, _ = gateway
    with httpx.Client(base_url=base) as client:
        small = client.post("/api/campaigns/", content=b"x" * 4000)
        large = client.post("/api/campaigns/", content=b"x" * 5000)
        raw = client.get("/api/campaigns/", headers={"Accept-Encoding": "gzip"})
    assert small.status_code == 200
    assert small.json()["received"] == 4000
    assert large.status_code == 413
    assert large.json()["error_code"] == "payload_too_large"
    assert raw.headers["content-encoding"] == "gzip"
    assert raw.json()["method"] == "GET"  # decoded by the client


def test_the_template_names_only_known_values() -> None:
    config = GatewayConfig(
        prefix=Path("/p"),
        listen="127.0.0.1:1",
        readiness_port=2,
        upstreams={"campaign-api": [3, 4]},
        max_body_bytes=1024,
        apidocs=Path("/d"),
        spa_dir=Path("/s"),
        dev=True,
    )
    text = render(config, template_path().read_text())
    assert "{{" not in text
    assert (
        "upstream campaign_api { server 127.0.0.1:3 max_fails=1 fail_timeout=5s;"
        " server 127.0.0.1:4 max_fails=1 fail_timeout=5s; keepalive 32; }" in text
    )
    assert "location /dev/mail { proxy_pass http://launch_worker; }" in text
    assert "root /s; try_files $uri /index.html;" in text


def test_the_distributed_gateway_routes_like_the_all_in_one() -> None:
    """Every prefix the rendered configuration proxies goes where the all-in-one sends it."""
    from crm_cli.gateway import route

    upstreams = {
        "campaign_api": "campaign-api",
        "segment_engine": "segment-engine",
        "notify_gateway": "notify-gateway",
        "launch_worker": "launch-worker",
    }
    config = GatewayConfig(
        prefix=Path("/p"),
        listen="127.0.0.1:1",
        readiness_port=2,
        upstreams={service: [3] for service in upstreams.values()},
        max_body_bytes=1024,
        apidocs=Path("/d"),
        spa_dir=None,
        dev=True,
    )
    text = render(config, template_path().read_text())
    checked = 0
    for path, body in re.findall(r"location\s+(?:=\s+)?(/\S*)\s*\{([^}]*)\}", text):
        upstream = re.search(r"proxy_pass\s+http://(\w+)", body)
        if "websocket.conf" in body:
            expected = "notify-gateway"
        elif upstream is not None and upstream.group(1) in upstreams:
            expected = upstreams[upstream.group(1)]
        else:
            continue
        probe = path if path.endswith("/") else path + "/x"
        assert route(probe) == expected, f"nginx sends {path} to {expected}"
        checked += 1
    assert checked >= 10
    assert WEBSOCKET_CONF.startswith("proxy_pass http://notify_gateway;")
