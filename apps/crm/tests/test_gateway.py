"""The all-in-one gateway routes by the path-prefix table (README "What runs where") and reports the
readiness of every service."""

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

from crm_cli.gateway import Gateway, ServiceApps, build_apps, route


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/api/segments/estimate/", "segment-engine"),
        ("/api/segments", "segment-engine"),
        ("/api/contacts/bulk/", "segment-engine"),
        ("/api/contact-events/", "segment-engine"),
        ("/api/suppressions/", "segment-engine"),
        ("/t/o/abc.gif", "segment-engine"),
        ("/ws", "notify-gateway"),
        ("/api/campaigns/", "campaign-api"),
        ("/api/campaign-segments/", "campaign-api"),
        ("/api/auth/token", "campaign-api"),
        ("/api/ws-ticket/", "campaign-api"),
        ("/hooks/sendgrid/events", "launch-worker"),
        ("/hooks/twilio/status", "launch-worker"),
        ("/dev/mail/", "launch-worker"),
        ("/docs", "docs"),
        ("/redoc", "docs"),
        ("/openapi.json", "docs"),
        ("/docs/assets/swagger-ui.css", "docs"),
        ("/hooksx", "spa"),
        ("/", "spa"),
        ("/campaigns/123", "spa"),
        ("/wsx", "spa"),
        ("/tracking", "spa"),
    ],
)
def test_prefix_table(path: str, service: str) -> None:
    assert route(path) == service


@pytest.fixture
async def gateway(clean, tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><title>Campaign Creation</title>")
    (tmp_path / "app.js").write_text("console.log('spa')")
    gw = Gateway(clean, build_apps(clean), spa_dir=tmp_path, owns_resources=False)
    async with gw.lifespan():
        yield gw


async def _client(gw):
    return AsyncClient(transport=ASGITransport(app=gw), base_url="http://testserver")


async def test_readyz_reports_every_service(gateway) -> None:
    async with await _client(gateway) as client:
        for _ in range(100):  # background readers connect just after start-up
            response = await client.get("/readyz")
            if response.status_code == 200:
                break
            await asyncio.sleep(0.05)
    body = response.json()
    assert response.status_code == 200, body
    assert set(body["services"]) == {
        "campaign-api",
        "segment-engine",
        "notify-gateway",
        "launch-worker",
    }
    assert all(s["status"] == "ready" for s in body["services"].values())
    assert body["services"]["launch-worker"]["checks"]["worker"] == "ok"
    assert body["services"]["launch-worker"]["checks"]["relay"] == "ok"


async def test_spa_files_and_client_side_routes(gateway) -> None:
    async with await _client(gateway) as client:
        asset = await client.get("/app.js")
        deep = await client.get("/campaigns/some-id")
    assert asset.status_code == 200
    assert "spa" in asset.text
    assert deep.status_code == 200
    assert "Campaign Creation" in deep.text


async def test_api_paths_reach_their_service(gateway) -> None:
    async with await _client(gateway) as client:
        api_404 = await client.get("/api/definitely-not-here")
        metrics = await client.get("/metrics")
        health = await client.get("/healthz")
    assert api_404.status_code == 404
    assert api_404.json()["error_code"] == "not_found"
    assert metrics.status_code == 200
    assert health.json() == {"status": "ok", "service": "all-in-one"}


def test_the_nginx_gateway_routes_like_the_all_in_one() -> None:
    """deploy/nginx/nginx.conf sends every path prefix where the all-in-one does, and serves the
    API document and its pages from the files `crm openapi --site` bakes into its image."""
    repo = Path(__file__).resolve().parents[3]
    conf = (repo / "deploy" / "nginx" / "nginx.conf").read_text()
    upstreams = {
        "campaign_api": "campaign-api",
        "segment_engine": "segment-engine",
        "notify_gateway": "notify-gateway",
        "launch_worker": "launch-worker",
    }
    locations = re.findall(r"location\s+(=\s+)?(\S+)\s*\{([^}]*)\}", conf)
    checked = 0
    for _, path, body in locations:
        upstream = re.search(r"proxy_pass\s+http://(\w+)", body)
        if upstream is not None:
            expected = upstreams[upstream.group(1)]
        elif "/usr/share/nginx/apidocs" in body:
            expected = "docs"
        else:
            expected = "spa"
        probe = path if path.endswith("/") or "." in path else path + "/x"
        if path in ("/ws", "/docs", "/redoc", "/openapi.json"):
            probe = path
        assert route(probe) == expected, f"nginx sends {path} to {expected}"
        checked += 1
    assert checked >= 12
    dockerfile = (repo / "Dockerfile").read_text()
    assert "crm openapi --site /apidocs" in dockerfile
    gateway = dockerfile.split(" AS gateway", 1)[1]
    assert "COPY --from=apidocs /apidocs /usr/share/nginx/apidocs" in gateway
    assert "COPY --from=web /web/dist /usr/share/nginx/html" in gateway


async def test_owned_resources_close_after_every_service_lifespan_has_ended(clean) -> None:
    # A service's lifespan ends its background tasks; closing the shared pools first left
    # them reading from closed connections (tracebacks on every Ctrl-C).
    events: list[str] = []

    def service(name: str) -> FastAPI:
        @asynccontextmanager
        async def lifespan(_: FastAPI) -> AsyncIterator[None]:
            yield
            events.append(f"{name} ended")

        return FastAPI(lifespan=lifespan)

    class Recording:
        settings = clean.settings

        async def close(self) -> None:
            events.append("resources closed")

    apps = ServiceApps(*(service(name) for name in ("api", "segments", "notify", "launch")))
    gateway = Gateway(Recording(), apps, spa_dir=None)  # type: ignore[arg-type]
    async with gateway.lifespan():
        assert events == []

    assert sorted(events[:4]) == sorted(
        f"{name} ended" for name in ("api", "segments", "notify", "launch")
    )
    assert events[4:] == ["resources closed"]
