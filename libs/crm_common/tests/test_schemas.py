"""The shared schema bases: budget figures left out in serialisation for readers without
`view_budget`, without touching the documented schema."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from crm_common.events.outbox import correlation_id_var
from crm_common.schemas import VIEW_BUDGET, Schema, WriteSchema, respond_to
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


def test_budget_figures_stay_without_a_reader() -> None:
    dumped = _plan().model_dump(mode="json")
    assert dumped["total_budget"] == "1000.00"
    assert dumped["allocations"][0]["allocated_amount"] == "250.00"
    assert dumped["figures"]["spend"] == "10.00"


def test_a_reader_without_view_budget_gets_no_budget_figures_at_any_depth() -> None:
    dumped = _plan().model_dump(mode="json", context={VIEW_BUDGET: False})
    assert dumped == {"name": "Q2", "allocations": [{"name": "email"}], "figures": {"sent": 5}}


def test_the_documented_schema_is_the_plain_models() -> None:
    plain = PlainPlan.model_json_schema(mode="serialization")
    secured = Plan.model_json_schema(mode="serialization")
    plain["title"] = secured["title"]
    assert secured == plain


def test_respond_to_holds_for_its_request_only() -> None:
    analyst = _principal(RoleName.MARKETING_ANALYST)
    assert not analyst.has(Permission.VIEW_BUDGET)
    token = correlation_id_var.set("request-1")
    try:
        respond_to(analyst)
        assert "total_budget" not in _plan().model_dump_json()
        correlation_id_var.set("request-2")
        assert "total_budget" in _plan().model_dump_json()
    finally:
        correlation_id_var.reset(token)
    assert "total_budget" in _plan().model_dump_json()


def test_write_schemas_refuse_unknown_fields_and_strip_whitespace() -> None:
    class Body(WriteSchema):
        name: str

    assert Body.model_validate({"name": "  Spring  "}).name == "Spring"
    with pytest.raises(ValidationError):
        Body.model_validate({"name": "Spring", "extra": 1})
