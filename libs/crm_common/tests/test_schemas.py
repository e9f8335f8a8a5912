"""The shared schema bases, and budget figures left out of the responses of readers without
`view_budget` (`respond_to` + `BudgetRedactionMiddleware`), without touching the documented
schema or what a service serialises for itself."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Response
from pydantic import BaseModel, ValidationError

from crm_common.events.outbox import correlation_id_var
from crm_common.schemas import BudgetRedactionMiddleware, Schema, WriteSchema, respond_to
from crm_common.security.permissions import ROLE_PERMISSIONS, Permission, RoleName
from crm_common.security.principal import Principal


class Allocation(Schema):
    name: str
    allocated_amount: Decimal


class Plan(Schema):
    name: str
    total_budget: Decimal | None = None
    allocations: list[Allocation] = []
    figures: dict[str, Any] = {}


class PlainPlan(BaseModel):
    name: str
    total_budget: Decimal | None = None
    allocations: list[Allocation] = []
    figures: dict[str, Any] = {}


def _plan() -> Plan:
    return Plan(
        name="Q2",
        total_budget=Decimal("1000.00"),
        allocations=[Allocation(name="email", allocated_amount=Decimal("250.00"))],
        figures={"spend": "10.00", "sent": 5},
    )


def _principal(role: RoleName) -> Principal:
    return Principal(
        user_id=uuid.uuid4(),
        company_id=uuid.uuid4(),
        roles=frozenset({role.value}),
        permissions=frozenset(p.value for p in ROLE_PERMISSIONS[role]),
    )


def _app(reader: Principal | None) -> FastAPI:
    app = FastAPI()

    @app.get("/plan", response_model=Plan)
    async def plan() -> Plan:
        correlation_id_var.set("r1")
        if reader is not None:
            respond_to(reader)
        return _plan()

    @app.get("/csv")
    async def csv() -> Response:
        correlation_id_var.set("r1")
        if reader is not None:
            respond_to(reader)
        return Response("total_budget,1000", media_type="text/csv")

    app.add_middleware(BudgetRedactionMiddleware)
    return app


async def _get(app: FastAPI, path: str) -> httpx.Response:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await client.get(path)


def test_serialising_never_redacts() -> None:
    token = correlation_id_var.set("request-1")
    try:
        respond_to(_principal(RoleName.MARKETING_ANALYST))
        dumped = _plan().model_dump(mode="json")
    finally:
        correlation_id_var.reset(token)
    assert dumped["total_budget"] == "1000.00"
    assert dumped["allocations"][0]["allocated_amount"] == "250.00"
    assert dumped["figures"]["spend"] == "10.00"


async def test_a_reader_without_view_budget_gets_no_budget_figures_at_any_depth() -> None:
    analyst = _principal(RoleName.MARKETING_ANALYST)
    assert not analyst.has(Permission.VIEW_BUDGET)
    response = await _get(_app(analyst), "/plan")
    assert response.json() == {
        "name": "Q2",
        "allocations": [{"name": "email"}],
        "figures": {"sent": 5},
    }
    assert response.headers["content-length"] == str(len(response.content))


@pytest.mark.parametrize("reader", [RoleName.MARKETING_MANAGER, None])
async def test_a_reader_with_view_budget_or_none_named_gets_every_figure(
    reader: RoleName | None,
) -> None:
    response = await _get(_app(_principal(reader) if reader else None), "/plan")
    assert response.json()["total_budget"] == "1000.00"
    assert response.json()["allocations"][0]["allocated_amount"] == "250.00"


async def test_the_choice_holds_for_its_request_only() -> None:
    analyst = _principal(RoleName.MARKETING_ANALYST)
    app = FastAPI()

    @app.get("/plan", response_model=Plan)
    async def plan() -> Plan:
        correlation_id_var.set("request-1")
        respond_to(analyst)
        correlation_id_var.set("request-2")  # another request's id: not its reader
        return _plan()

    app.add_middleware(BudgetRedactionMiddleware)
    assert (await _get(app, "/plan")).json()["total_budget"] == "1000.00"


async def test_other_media_types_pass_untouched() -> None:
    response = await _get(_app(_principal(RoleName.MARKETING_ANALYST)), "/csv")
    assert response.text == "total_budget,1000"


def test_the_documented_schema_is_the_plain_models() -> None:
    plain = PlainPlan.model_json_schema(mode="serialization")
    secured = Plan.model_json_schema(mode="serialization")
    plain["title"] = secured["title"]
    assert secured == plain


def test_write_schemas_refuse_unknown_fields_and_strip_whitespace() -> None:
    class Body(WriteSchema):
        name: str

    assert Body.model_validate({"name": "  Spring  "}).name == "Spring"
    with pytest.raises(ValidationError):
        Body.model_validate({"name": "Spring", "extra": 1})
