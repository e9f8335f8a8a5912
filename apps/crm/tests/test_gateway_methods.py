"""The gateway's own endpoints (/healthz, /readyz, /metrics) take GET and HEAD only: TRACE is
refused, OPTIONS answered, any other method a 405 with `Allow`; the services behind it do the
same for their paths."""

import pytest
from httpx import ASGITransport, AsyncClient

from crm_cli.gateway import Gateway, build_apps


@pytest.fixture
async def client(clean, tmp_path):
    gateway = Gateway(clean, build_apps(clean), spa_dir=None, owns_resources=False)
    async with (
        gateway.lifespan(),
        AsyncClient(transport=ASGITransport(app=gateway), base_url="http://testserver") as c,
    ):
        yield c


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics"])
async def test_trace_refused_on_gateway_endpoints(client, path: str) -> None:
    response = await client.request("TRACE", path)
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"
    assert response.json()["error_code"] == "method_not_allowed"


async def test_wrong_method_on_gateway_endpoint_gets_405_with_allow(client) -> None:
    response = await client.post("/healthz")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"
    assert (await client.options("/readyz")).status_code == 204


async def test_service_path_answers_options_and_refuses_trace(client) -> None:
    options = await client.options("/api/campaigns/")
    assert options.status_code == 204
    assert options.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    trace = await client.request("TRACE", "/api/contacts/")
    assert trace.status_code == 405
    assert "TRACE" not in trace.headers["allow"]


async def test_literal_service_path_wins_over_parameter(client) -> None:
    # /api/contacts/bulk/ is not a contact whose id is "bulk": PATCH there is a 405.
    response = await client.patch("/api/contacts/bulk/", json={})
    assert response.status_code == 405
    assert "PATCH" not in response.headers["allow"]
    assert "POST" in response.headers["allow"]


@pytest.mark.parametrize("path", ["/openapi.json", "/docs", "/redoc"])
async def test_docs_paths_answer_options_and_refuse_trace(client, path: str) -> None:
    options = await client.options(path)
    assert options.status_code == 204
    assert options.headers["allow"] == "GET, HEAD, OPTIONS"
    trace = await client.request("TRACE", path)
    assert trace.status_code == 405
    assert trace.json()["error_code"] == "method_not_allowed"
    assert (await client.delete(path)).status_code == 405
