"""A body the framework cannot parse (bytes that are not UTF-8, a multipart body without its
boundary) is a 422 in the error format, like malformed JSON: never an undocumented 400."""

import pytest
from fastapi import APIRouter, Form
from pydantic import BaseModel

from crm_common.app import create_service_app
from crm_common.testing.client import app_client


class Thing(BaseModel):
    name: str


def _app(settings, resources):
    router = APIRouter()

    @router.post("/api/things")
    async def create(thing: Thing) -> dict:
        return thing.model_dump()

    @router.post("/api/forms")
    async def form(name: str = Form()) -> dict:
        return {"name": name}

    return create_service_app(
        "body-probe", title="probe", routers=[router], settings=settings, resources=resources
    )


@pytest.fixture
async def client(settings, resources):
    async with app_client(_app(settings, resources)) as c:
        yield c


@pytest.mark.parametrize("body", [b"\x80", b"\xc3", b'{"name": "\xff"}'])
async def test_body_that_is_not_utf8_is_422(client, body: bytes) -> None:
    response = await client.post(
        "/api/things", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert set(response.json()) == {"error_code", "message", "details"}
    assert response.json()["error_code"] == "validation_error"


async def test_multipart_without_boundary_is_422(client) -> None:
    response = await client.post(
        "/api/forms", content=b"--x\r\n", headers={"content-type": "multipart/form-data"}
    )
    assert response.status_code == 422
    assert response.json()["error_code"] == "validation_error"
