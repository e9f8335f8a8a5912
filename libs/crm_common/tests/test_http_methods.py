"""The HTTP surface of every service: OPTIONS answered with `Allow`, a wrong method a 405 with
`Allow` listing every method of the path, TRACE refused."""

import pytest
from fastapi import APIRouter

from crm_common.app import create_service_app
from crm_common.testing.client import app_client


def _app(settings, resources):
    router = APIRouter()

    @router.get("/api/things/")
    async def listing() -> dict:
        return {}

    @router.post("/api/things/")
    async def create() -> dict:
        return {}

    @router.get("/api/things/{thing_id}/")
    async def read(thing_id: str) -> dict:
        return {"id": thing_id}

    @router.delete("/api/things/{thing_id}/")
    async def delete(thing_id: str) -> dict:
        return {}

    @router.post("/api/things/bulk/")
    async def bulk() -> dict:
        return {}

    return create_service_app(
        "methods-probe", title="probe", routers=[router], settings=settings, resources=resources
    )


@pytest.fixture
async def client(settings, resources):
    async with app_client(_app(settings, resources)) as c:
        yield c


async def test_wrong_method_gets_405_with_allow(client) -> None:
    # GET and POST are two routes of one path: Allow names both, not only the first.
    response = await client.put("/api/things/")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    body = response.json()
    assert body["error_code"] == "method_not_allowed"
    assert set(body) == {"error_code", "message", "details"}
    assert "x-request-id" in response.headers


async def test_literal_path_wins_over_parameter(client) -> None:
    # /bulk/ is its own resource (POST only), not a thing whose id is "bulk".
    response = await client.get("/api/things/bulk/")
    assert response.status_code == 405
    assert response.headers["allow"] == "OPTIONS, POST"
    assert (await client.get("/api/things/abc/")).json() == {"id": "abc"}


async def test_options_answered_with_allow(client) -> None:
    response = await client.options("/api/things/abc/")
    assert response.status_code == 204
    assert response.headers["allow"] == "DELETE, GET, HEAD, OPTIONS"
    assert response.content == b""


async def test_trace_refused(client) -> None:
    response = await client.request("TRACE", "/api/things/")
    assert response.status_code == 405
    assert "TRACE" not in response.headers["allow"]
    assert response.json()["error_code"] == "method_not_allowed"
    assert (await client.request("TRACE", "/healthz")).status_code == 405


async def test_unknown_path_still_404(client) -> None:
    assert (await client.get("/api/nowhere/")).status_code == 404
    assert (await client.options("/api/nowhere/")).status_code == 404


async def test_paths_of_one_shape_answer_alike_from_one_scan(client) -> None:
    """The methods of a path are remembered by its shape (every UUID read as one id): two ids
    get the same Allow, a literal segment keeps its own, and the ids still reach the route."""
    first, second = "0b0c6f1e-8a55-4c0e-9d1b-2f7c1c2f4a10", "9F8E7D6C-5B4A-4321-8765-0FEDCBA98765"
    for thing in (first, second, "abc"):
        response = await client.post(f"/api/things/{thing}/")
        assert response.status_code == 405
        assert response.headers["allow"] == "DELETE, GET, HEAD, OPTIONS"
        assert (await client.get(f"/api/things/{thing}/")).json() == {"id": thing}
    assert (await client.get("/api/things/bulk/")).headers["allow"] == "OPTIONS, POST"
    assert (await client.request("TRACE", f"/api/things/{second}/")).status_code == 405


async def test_head_is_served_wherever_get_is(client) -> None:
    got = await client.get("/api/things/abc/")
    head = await client.head("/api/things/abc/")
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["content-type"] == got.headers["content-type"]
    assert "x-request-id" in head.headers
    # Not where GET is not: a POST-only path refuses it like any other method.
    refused = await client.head("/api/things/bulk/")
    assert refused.status_code == 405
    assert refused.headers["allow"] == "OPTIONS, POST"
