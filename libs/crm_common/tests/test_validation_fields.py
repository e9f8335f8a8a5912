"""A refused request names the fields the caller sent, not the validator's anatomy: a union's
member tags stay out of the field names, an optional field's "should be None" is not repeated
beside the real reason, and a body that is not JSON is reported on `body`."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import pytest
from fastapi import FastAPI, Header
from httpx import ASGITransport, AsyncClient
from pydantic import BaseModel, Field

from crm_common.errors import install_error_handlers


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


class Body(BaseModel):
    colour: Colour | None = None
    name: str = Field(max_length=5)


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/things/")
    async def things(
        body: Body,
        if_match: Annotated[str | None, Header(alias="If-Match", pattern=r"^\"[0-9]+\"$")] = None,
    ) -> dict[str, str]:
        return {"ok": "yes"}

    return app


@pytest.fixture
async def client():
    async with AsyncClient(transport=ASGITransport(app=_app()), base_url="http://t") as client:
        yield client


async def test_union_members_answer_for_their_field(client) -> None:
    response = await client.post(
        "/things/", json={"colour": "green", "name": "ok"}, headers={"If-Match": "abc"}
    )
    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert set(fields) == {"colour", "If-Match"}
    assert fields["colour"] == ["Input should be 'red' or 'blue'"]
    assert len(fields["If-Match"]) == 1
    assert "should match pattern" in fields["If-Match"][0]


async def test_a_body_that_is_not_json_is_reported_on_body(client) -> None:
    response = await client.post(
        "/things/", content=b'{"name": "ok"', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert list(response.json()["details"]["fields"]) == ["body"]
    assert "at character" in response.json()["details"]["fields"]["body"][0]


async def test_plain_fields_keep_their_names(client) -> None:
    response = await client.post("/things/", json={"name": "far too long"})
    assert list(response.json()["details"]["fields"]) == ["name"]
