"""Every error response uses `{error_code, message, details}`: routing 404/405, validation
422 with per-field details, oversized and NUL-bearing input, and unhandled exceptions (500
with a request id and no stack trace)."""

import gzip
from typing import Annotated

import pytest
from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from crm_common.app import create_service_app
from crm_common.pagination import Pagination
from crm_common.testing.client import app_client


class Thing(BaseModel):
    name: str = Field(min_length=1, max_length=10)
    size: int = Field(ge=0)


def _app(settings, resources):
    router = APIRouter()

    @router.post("/api/things")
    async def create(thing: Thing) -> dict:
        return thing.model_dump()

    @router.get("/api/things")
    async def listing(page: Pagination, q: Annotated[str | None, Query()] = None) -> dict:
        return {"page": page.page, "q": q}

    @router.get("/api/boom")
    async def boom() -> dict:
        raise RuntimeError("secret internal detail")

    return create_service_app(
        "errors-probe",
        title="probe",
        routers=[router],
        settings=settings.model_copy(update={"max_body_bytes": 2048}),
        resources=resources,
    )


@pytest.fixture
async def client(settings, resources):
    async with app_client(_app(settings, resources), raise_app_exceptions=False) as c:
        yield c


def _shape(body: dict) -> None:
    assert set(body) == {"error_code", "message", "details"}


async def test_unknown_route_is_404(client) -> None:
    response = await client.get("/api/nowhere")
    assert response.status_code == 404
    _shape(response.json())
    assert response.json()["error_code"] == "not_found"


async def test_wrong_method_is_405(client) -> None:
    response = await client.delete("/api/things")
    assert response.status_code == 405
    assert response.json()["error_code"] == "method_not_allowed"


async def test_validation_error_lists_each_field(client) -> None:
    response = await client.post("/api/things", json={"name": "", "size": -1})
    assert response.status_code == 422
    body = response.json()
    _shape(body)
    assert body["error_code"] == "validation_error"
    assert set(body["details"]["fields"]) == {"name", "size"}


async def test_malformed_json_is_422(client) -> None:
    response = await client.post(
        "/api/things", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    _shape(response.json())


@pytest.mark.parametrize("query", ["page_size=100000", "page=0", "page_size=-3", "page=abc"])
async def test_absurd_paging_is_422(client, query: str) -> None:
    response = await client.get(f"/api/things?{query}")
    assert response.status_code == 422
    _shape(response.json())


async def test_nul_in_query_is_422(client) -> None:
    response = await client.get("/api/things?q=a%00b")
    assert response.status_code == 422
    _shape(response.json())


async def test_nul_in_json_body_is_422(client) -> None:
    response = await client.post(
        "/api/things",
        content=b'{"name": "a\\u0000", "size": 1}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 422
    _shape(response.json())
    assert response.json()["details"] == {"fields": {"body": ["NUL characters are not allowed."]}}


async def test_nul_in_the_query_is_reported_on_the_query(client) -> None:
    response = await client.get("/api/things?name=a%00b")
    assert response.status_code == 422
    assert list(response.json()["details"]["fields"]) == ["query"]


async def test_a_compressed_body_is_415_not_misread(client) -> None:
    response = await client.post(
        "/api/things",
        content=gzip.compress(b'{"name": "a", "size": 1}'),
        headers={"content-type": "application/json", "content-encoding": "gzip"},
    )
    assert response.status_code == 415
    _shape(response.json())
    assert response.json()["error_code"] == "unsupported_media_type"


async def test_json_nested_past_the_limit_is_422_and_up_to_it_is_read(client) -> None:
    """Code that walks a document recursively fails on deep enough nesting (a 500): the
    body is refused first, whatever field holds it. Brackets inside strings do not count."""

    def body(depth: int) -> bytes:
        nested = "[" * depth + "]" * depth
        return f'{{"name": "a", "size": 1, "x": {nested}, "s": "{"[" * 200}"}}'.encode()

    json_header = {"content-type": "application/json"}
    refused = await client.post("/api/things", content=body(64), headers=json_header)
    assert refused.status_code == 422
    _shape(refused.json())
    assert refused.json()["message"] == "The JSON body nests deeper than 64 levels."
    assert list(refused.json()["details"]["fields"]) == ["body"]
    accepted = await client.post("/api/things", content=body(63), headers=json_header)
    assert accepted.status_code == 200, accepted.text


async def test_oversized_body_is_413(client) -> None:
    response = await client.post("/api/things", json={"name": "x" * 5000, "size": 1})
    assert response.status_code == 413
    _shape(response.json())


async def test_oversized_chunked_body_is_413(client) -> None:
    async def chunks():
        for _ in range(10):
            yield b"x" * 500

    response = await client.post(
        "/api/things", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


async def test_unhandled_exception_is_500_with_request_id_and_no_trace(client) -> None:
    response = await client.get("/api/boom", headers={"X-Request-ID": "req-123"})
    assert response.status_code == 500
    body = response.json()
    _shape(body)
    assert body["details"] == {"request_id": "req-123"}
    assert "secret internal detail" not in response.text
    assert "Traceback" not in response.text
    assert response.headers["x-request-id"] == "req-123"


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "text/xml; charset=utf-8"]
)
async def test_a_json_body_sent_as_another_type_is_415(client, content_type) -> None:
    response = await client.post(
        "/api/things", content=b'{"name": "a", "size": 1}', headers={"content-type": content_type}
    )
    assert response.status_code == 415
    body = response.json()
    _shape(body)
    assert body["error_code"] == "unsupported_media_type"
    assert body["details"]["expected"] == "application/json"
    # As JSON (also with a charset, or a +json type) the same bytes are taken.
    for json_type in ("application/json; charset=utf-8", "application/merge-patch+json"):
        accepted = await client.post(
            "/api/things", content=b'{"name": "a", "size": 1}', headers={"content-type": json_type}
        )
        assert accepted.status_code == 200, json_type
