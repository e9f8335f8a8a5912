"""What the product exposes: the client address it believes (X-Forwarded-* only from
CRM_TRUSTED_PROXIES), its response headers, no server banner, /metrics in production, and the
documentation pages under the Content-Security-Policy. Served the way `crm run` serves them."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
import yaml
from fastapi import APIRouter, FastAPI, Request
from httpx import ASGITransport, AsyncClient
from pydantic import SecretStr

from crm_cli.gateway import Gateway, ServiceApps
from crm_cli.main import server_options
from crm_cli.openapi import write_site
from crm_common.app import create_service_app
from crm_common.audit import current_request_meta
from crm_common.resources import Resources
from crm_common.settings import Settings, SettingsError, load_settings

REPO = Path(__file__).resolve().parents[3]
SPOOFED = "203.0.113.9"
PROD_SECRETS = {
    "env": "prod",
    "jwt_secret": "production-jwt-secret-0123456789abcdef",
    "tracking_secret": "production-tracking-secret-0123456789abcdef",
}


def _probe(settings: Settings, resources: Resources) -> FastAPI:
    """A service built by the shared factory that answers what it believes about the caller."""
    router = APIRouter()

    @router.get("/api/probe")
    async def probe(request: Request) -> dict[str, Any]:
        return {
            "client": request.client.host if request.client else None,
            "scheme": request.url.scheme,
            "forwarded_for": request.headers.get("x-forwarded-for"),
            "audit_ip": current_request_meta().client_ip,
        }

    return create_service_app(
        "probe", title="Probe", settings=settings, resources=resources, routers=[router]
    )


def _with(resources: Resources, **overrides: Any) -> Resources:
    return dataclasses.replace(resources, settings=resources.settings.model_copy(update=overrides))


@asynccontextmanager
async def _served(app: Any, settings: Settings) -> AsyncIterator[str]:
    """`app` under uvicorn with the options of `crm run`, on a free loopback port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, lifespan="off", **server_options(settings)))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


def _gateway(resources: Resources, spa_dir: Path | None = None) -> Gateway:
    probe = _probe(resources.settings, resources)
    apps = ServiceApps(probe, probe, probe, probe)
    return Gateway(resources, apps, spa_dir=spa_dir, owns_resources=False)


def _client(app: Any, peer: str = "127.0.0.1", scheme: str = "http") -> AsyncClient:
    transport = ASGITransport(app=app, client=(peer, 40000))
    return AsyncClient(transport=transport, base_url=f"{scheme}://testserver")


async def test_forwarded_for_ignored_from_untrusted_peer(resources) -> None:
    app = _probe(resources.settings, resources)
    async with _served(app, resources.settings) as url, httpx.AsyncClient() as client:
        response = await client.get(
            f"{url}/api/probe", headers={"X-Forwarded-For": SPOOFED, "X-Forwarded-Proto": "https"}
        )
    body = response.json()
    assert body["client"] == "127.0.0.1"
    assert body["audit_ip"] == "127.0.0.1"
    assert body["scheme"] == "http"


async def test_forwarded_for_trusted_from_configured_proxy(resources) -> None:
    trusting = _with(resources, trusted_proxies=("127.0.0.1/32", "10.0.0.0/8"))
    app = _probe(trusting.settings, trusting)
    async with _served(app, trusting.settings) as url, httpx.AsyncClient() as client:
        direct = await client.get(f"{url}/api/probe", headers={"X-Forwarded-For": SPOOFED})
        # The nearest untrusted hop is the client; what the client itself wrote before it is not.
        chained = await client.get(
            f"{url}/api/probe",
            headers={"X-Forwarded-For": f"198.51.100.7, {SPOOFED}, 10.1.2.3"},
        )
        garbage = await client.get(f"{url}/api/probe", headers={"X-Forwarded-For": "not-an-ip"})
    assert direct.json()["client"] == SPOOFED
    assert direct.json()["audit_ip"] == SPOOFED
    assert chained.json()["client"] == SPOOFED
    assert garbage.json()["client"] == "127.0.0.1"


async def test_all_in_one_gateway_overwrites_a_client_sent_forwarded_for(resources) -> None:
    gateway = _gateway(resources)
    async with _client(gateway, peer="192.0.2.44") as client:
        response = await client.get(
            "/api/probe", headers={"X-Forwarded-For": SPOOFED, "X-Forwarded-Proto": "https"}
        )
    assert response.json() == {
        "client": "192.0.2.44",
        "scheme": "http",
        "forwarded_for": "192.0.2.44",
        "audit_ip": "192.0.2.44",
    }


async def test_all_in_one_gateway_behind_a_trusted_proxy(resources) -> None:
    gateway = _gateway(_with(resources, trusted_proxies=("10.0.0.0/8",)))
    async with _client(gateway, peer="10.0.0.5") as client:
        response = await client.get(
            "/api/probe",
            headers={"X-Forwarded-For": f"1.2.3.4, {SPOOFED}", "X-Forwarded-Proto": "https"},
        )
    assert response.json() == {
        "client": SPOOFED,
        "scheme": "https",
        "forwarded_for": SPOOFED,
        "audit_ip": SPOOFED,
    }


async def test_no_server_banner(resources, tmp_path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>Campaign Creation</title>")
    gateway = _gateway(resources, tmp_path)
    async with _served(gateway, resources.settings) as url, httpx.AsyncClient() as client:
        responses = [await client.get(f"{url}{path}") for path in ("/", "/docs", "/api/probe")]
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert all("server" not in response.headers for response in responses)


def _inline_scripts(html: str) -> list[str]:
    return [
        body
        for attributes, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
        if "src=" not in attributes or body.strip()
    ]


async def test_security_headers_on_spa_and_docs(resources, tmp_path) -> None:
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>Campaign Creation</title><script type="module" src="/a.js"></script>'
    )
    gateway = _gateway(resources, tmp_path)
    async with _client(gateway) as client:
        pages = {path: await client.get(path) for path in ("/", "/campaigns/1", "/docs", "/redoc")}
        api = await client.get("/api/probe")
        odd_host = await client.get("/", headers={"Host": "evil;script-src *"})
        proto_from_anyone = await client.get("/", headers={"X-Forwarded-Proto": "https"})
    for path, page in pages.items():
        policy = page.headers["content-security-policy"]
        assert page.status_code == 200, path
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "frame-ancestors 'none'" in policy
        assert "script-src 'self'" in policy
        assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert _inline_scripts(page.text) == [], path
        assert "connect-src 'self' ws://testserver;" in policy
    assert "connect-src 'self';" in odd_host.headers["content-security-policy"]
    assert api.headers["x-content-type-options"] == "nosniff"
    assert api.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert api.headers["content-security-policy"].count("default-src") == 1
    assert "strict-transport-security" not in proto_from_anyone.headers


async def test_hsts_only_over_https_from_a_trusted_proxy(resources, tmp_path) -> None:
    (tmp_path / "index.html").write_text("<!doctype html><title>Campaign Creation</title>")
    gateway = _gateway(_with(resources, trusted_proxies=("10.0.0.0/8",)), tmp_path)
    async with _client(gateway, peer="10.0.0.5") as client:
        secure = await client.get("/", headers={"X-Forwarded-Proto": "https"})
        plain = await client.get("/", headers={"X-Forwarded-Proto": "http"})
    async with _client(gateway, peer="10.0.0.5", scheme="https") as client:
        direct_tls = await client.get("/api/probe")
    assert secure.headers["strict-transport-security"].startswith("max-age=31536000")
    assert "strict-transport-security" not in plain.headers
    assert "strict-transport-security" in direct_tls.headers


async def test_metrics_require_token_in_production(resources) -> None:
    prod = _with(
        resources,
        **PROD_SECRETS,
        metrics_allow=("10.20.0.0/16",),
        metrics_token=SecretStr("metrics-token-0123456789"),
    )
    gateway = _gateway(prod)
    service = _probe(prod.settings, prod)
    service.state.settings = prod.settings
    service.state.resources = prod
    for app in (gateway, service):
        async with _client(app, peer="192.0.2.1") as outside:
            anonymous = await outside.get("/metrics")
            wrong = await outside.get("/metrics", headers={"Authorization": "Bearer nope"})
            with_token = await outside.get(
                "/metrics", headers={"Authorization": "Bearer metrics-token-0123456789"}
            )
        async with _client(app, peer="10.20.3.4") as scraper:
            from_network = await scraper.get("/metrics")
        assert anonymous.status_code == 403
        assert anonymous.json()["error_code"] == "metrics_forbidden"
        assert wrong.status_code == 403
        assert with_token.status_code == 200
        assert "crm_http_requests_total" in with_token.text
        assert from_network.status_code == 200


async def test_metrics_open_outside_production(resources) -> None:
    async with _client(_gateway(resources), peer="192.0.2.1") as client:
        response = await client.get("/metrics")
    assert response.status_code == 200


async def test_docs_page_uses_local_assets(resources) -> None:
    gateway = _gateway(resources)
    async with _client(gateway) as client:
        page = await client.get("/docs")
        sources = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page.text)
        assets = {source: await client.get(source) for source in sources}
    assert page.status_code == 200
    assert re.findall(r"""(?:https?:)?//[^\s"'<>]+""", page.text) == []
    assert "/docs/assets/swagger-init.js" in assets
    assert all(source.startswith("/docs/assets/") for source in assets)
    assert all(response.status_code == 200 for response in assets.values())
    starter = assets["/docs/assets/swagger-init.js"].text
    assert "SwaggerUIBundle(" in starter
    assert 'data-openapi-url="/openapi.json"' in page.text


def test_trusted_proxies_and_metrics_networks_are_read_as_cidrs(monkeypatch) -> None:
    monkeypatch.setenv("CRM_TRUSTED_PROXIES", "10.0.0.0/8, 172.28.0.10,::1")
    monkeypatch.setenv("CRM_METRICS_ALLOW", "")
    monkeypatch.setenv("CRM_METRICS_TOKEN", "")
    settings = load_settings()
    assert settings.trusted_proxies == ("10.0.0.0/8", "172.28.0.10/32", "::1/128")
    assert settings.metrics_allow == ()
    assert settings.metrics_token is None
    monkeypatch.setenv("CRM_TRUSTED_PROXIES", "everyone")
    with pytest.raises(SettingsError, match="CRM_TRUSTED_PROXIES"):
        load_settings()


def test_the_distributed_gateway_is_the_only_trusted_proxy() -> None:
    """nginx replaces a client's X-Forwarded-For, hides /metrics and its version, and puts the
    security headers on what it serves itself; compose and Kubernetes trust only its network."""
    deploy = REPO / "deploy"
    nginx = (deploy / "nginx" / "nginx.conf").read_text()
    proxy = (deploy / "nginx" / "proxy.conf").read_text()
    headers = (deploy / "nginx" / "security-headers.conf").read_text()
    assert "$proxy_add_x_forwarded_for" not in nginx + proxy
    assert "proxy_set_header X-Forwarded-For $remote_addr;" in proxy
    assert nginx.count("proxy_set_header X-Forwarded-For $remote_addr;") == 1  # /ws
    assert "server_tokens off;" in nginx
    assert "location = /metrics { return 404; }" in nginx
    for location in ("location /", "location = /docs", "location = /redoc"):
        block = nginx.split(location + " ", 1)[1].split("}", 1)[0]
        assert "include /etc/nginx/security-headers.conf;" in block, location
    assert "script-src 'self';" in headers
    assert "frame-ancestors 'none'" in headers
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "security-headers.conf" in dockerfile.split(" AS gateway", 1)[1]

    # Every container starts its server through `crm run` (server_options), never uvicorn itself.
    assert "uvicorn" not in dockerfile
    for name in ("campaign-api", "segment-engine", "notify-gateway", "launch-worker"):
        target = dockerfile.split(f" AS {name}\n", 1)[1].split("\nFROM ", 1)[0]
        assert f'CMD ["crm", "run", "{name}"]' in target, name

    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    gateway_ip = compose["services"]["gateway"]["networks"]["backend"]["ipv4_address"]
    for name in ("campaign-api", "segment-engine", "notify-gateway", "launch-worker"):
        environment = compose["services"][name]["environment"]
        assert environment["CRM_TRUSTED_PROXIES"] == gateway_ip, name

    base = deploy / "k8s" / "base"
    manifests = [
        manifest
        for path in sorted(base.glob("*.yaml"))
        if path.name != "kustomization.yaml"
        for manifest in yaml.safe_load_all(path.read_text())
        if manifest
    ]
    config = next(m for m in manifests if m["kind"] == "ConfigMap")
    assert config["data"]["CRM_TRUSTED_PROXIES"]
    policy = next(
        m
        for m in manifests
        if m["kind"] == "NetworkPolicy" and m["metadata"]["name"] == "crm-services-ingress"
    )
    assert {"podSelector": {"matchLabels": {"app": "gateway"}}} in policy["spec"]["ingress"][0][
        "from"
    ]
    for manifest in manifests:
        if manifest["kind"] == "Deployment" and manifest["metadata"]["name"] != "gateway":
            [container] = manifest["spec"]["template"]["spec"]["containers"]
            assert {"configMapRef": {"name": "crm-config"}} in container["envFrom"]


def test_the_spa_and_the_baked_docs_pages_hold_no_inline_script(tmp_path) -> None:
    """The Vite entry page (copied into the build as is, scripts by `src` only) and the docs
    pages nginx serves (`crm openapi --site`) run under `script-src 'self'`."""
    spa_entry = (REPO / "web" / "index.html").read_text()
    document = {"openapi": "3.1.0", "info": {"title": "Probe", "version": "1"}, "paths": {}}
    written = {path.relative_to(tmp_path).as_posix() for path in write_site(document, tmp_path)}
    assert "<script" in spa_entry
    assert _inline_scripts(spa_entry) == []
    assert {"docs/index.html", "redoc/index.html", "docs/assets/swagger-init.js"} <= written
    for page in ("docs/index.html", "redoc/index.html"):
        assert _inline_scripts((tmp_path / page).read_text()) == [], page


def test_compose_gateway_passes_the_clients_request_id() -> None:
    """The compose gateway keeps a well-formed client X-Request-ID (nginx's own id otherwise),
    with the same rule as the distributed mode's gateway; it never overwrites every request's."""
    nginx_dir = REPO / "deploy" / "nginx"
    proxy = (nginx_dir / "proxy.conf").read_text()
    assert "proxy_set_header X-Request-ID $crm_request_id;" in proxy
    assert "X-Request-ID $request_id" not in proxy

    def request_id_map(text: str) -> str:
        return text.split("map $http_x_request_id $crm_request_id {", 1)[1].split("\n    }", 1)[0]

    compose_map = request_id_map((nginx_dir / "nginx.conf").read_text())
    distributed_map = request_id_map((nginx_dir / "distributed.conf.template").read_text())
    assert compose_map.split() == distributed_map.split()
    assert "default $request_id;" in compose_map


async def test_answers_to_credentials_stay_out_of_shared_caches(resources, tmp_path) -> None:
    # What one user sees under a URL and ETag (budget figures, personal data) is not what
    # another sees: a shared cache must neither keep nor hand it out.
    gateway = _gateway(resources, tmp_path)
    async with _client(gateway) as client:
        signed_in = await client.get("/api/probe", headers={"Authorization": "Bearer x"})
        anonymous = await client.get("/api/probe")
    assert signed_in.headers["cache-control"] == "private, no-cache"
    assert signed_in.headers["vary"] == "Authorization"
    assert "cache-control" not in anonymous.headers
    assert "vary" not in anonymous.headers


async def test_a_redirect_to_the_slashed_path_does_not_follow_the_host_header(
    resources, tmp_path
) -> None:
    router = APIRouter()

    @router.get("/api/things/")
    async def things() -> dict[str, Any]:
        return {}

    app = create_service_app(
        "things", title="Things", settings=resources.settings, resources=resources, routers=[router]
    )
    async with _client(app) as client:
        spoofed = await client.get("/api/things?page=2", headers={"Host": "evil.example"})
        doubled = await client.get("//evil.example/api/things", headers={"Host": "evil.example"})
    assert spoofed.status_code == 307
    assert spoofed.headers["location"] == "/api/things/?page=2"
    assert not doubled.headers.get("location", "/").startswith("//")
