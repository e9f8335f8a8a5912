"""Fixtures shared by the campaign feature tests: the campaign API over a clean database,
two tenants, users per role, and small builders that go through the API."""

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from httpx import AsyncClient

from campaign_api.main import create_app
from crm_common.models import CampaignBudget, CampaignTemplate, Company, User
from crm_common.testing.builders import auth_headers, give_message, make_company, make_user
from crm_common.testing.client import app_client

START = (datetime.now(UTC) + timedelta(days=10)).replace(microsecond=0)
END = START + timedelta(days=30)


def campaign_body(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "campaign_name": "Spring sale",
        "campaign_type": "promotional",
        "campaign_category": "sales",
        "primary_channel": "email",
        "start_date": START.isoformat(),
        "end_date": END.isoformat(),
        "total_budget": "1000.00",
        "currency_code": "USD",
        "target_audience_size": 5000,
    }
    body.update(overrides)
    return body


@pytest.fixture
def payload() -> Callable[..., dict[str, Any]]:
    """`payload(**overrides)`: a valid campaign body starting in 10 days, for 30 days."""
    return campaign_body


@pytest.fixture
def start_date() -> datetime:
    return START


@pytest.fixture
async def client(db, settings, resources) -> AsyncIterator[AsyncClient]:
    async with app_client(create_app(settings, resources)) as http:
        yield http


@pytest.fixture
async def acme(db) -> Company:
    return await make_company(db, "acme")


@pytest.fixture
async def globex(db) -> Company:
    return await make_company(db, "globex")


Headers = dict[str, str]


@pytest.fixture
def headers_for(db, resources) -> Callable[..., Awaitable[Headers]]:
    """`await headers_for(company, "finance")`: auth headers of a new user with those roles."""

    async def build(company: Company, *roles: str) -> Headers:
        user = await make_user(db, company, *(roles or ("admin",)))
        return auth_headers(resources.codec, user)

    return build


@pytest.fixture
def user_for(db, resources) -> Callable[..., Awaitable[tuple[User, Headers]]]:
    async def build(company: Company, *roles: str) -> tuple[User, Headers]:
        user = await make_user(db, company, *(roles or ("admin",)))
        return user, auth_headers(resources.codec, user)

    return build


@pytest.fixture
async def admin(acme, headers_for) -> Headers:
    return await headers_for(acme, "admin")


@pytest.fixture
def add_budget(db) -> Callable[..., Awaitable[CampaignBudget]]:
    """Insert a budget straight into the database (a company's reference data)."""

    async def build(
        company: Company,
        total: str = "100000.00",
        threshold: str = "50000.00",
        *,
        year: int | None = None,
        currency: str = "USD",
        code: str | None = None,
        active: bool = True,
    ) -> CampaignBudget:
        budget = CampaignBudget(
            company_id=company.id,
            budget_name="Marketing",
            budget_code=code or f"B-{uuid.uuid4().hex[:12]}",
            budget_type="annual",
            total_amount=Decimal(total),
            approval_threshold=Decimal(threshold),
            currency_code=currency,
            fiscal_year=year or START.year,
            is_active=active,
        )
        async with db.system_session() as session:
            session.add(budget)
        return budget

    return build


@pytest.fixture
def add_template(db) -> Callable[..., Awaitable[CampaignTemplate]]:
    async def build(
        company: Company,
        template_type: str = "email",
        *,
        code: str | None = None,
        active: bool = True,
    ) -> CampaignTemplate:
        template = CampaignTemplate(
            company_id=company.id,
            template_name=f"{template_type} template",
            template_code=code or f"T-{uuid.uuid4().hex[:12]}",
            template_type=template_type,
            is_active=active,
        )
        async with db.system_session() as session:
            session.add(template)
        return template

    return build


@pytest.fixture
async def funded(acme, add_budget) -> CampaignBudget:
    """Acme has 100,000 USD for the campaigns' fiscal year; approval above 50,000."""
    return await add_budget(acme)


@pytest.fixture
def create_campaign(client) -> Callable[..., Awaitable[dict[str, Any]]]:
    """Create a campaign through the API and return its JSON (asserting 201)."""

    async def build(headers: Headers, **overrides: Any) -> dict[str, Any]:
        response = await client.post(
            "/api/campaigns/", json=campaign_body(**overrides), headers=headers
        )
        assert response.status_code == 201, response.text
        return response.json()

    return build


SEGMENT_RULES = {"all": [{"field": "country", "op": "eq", "value": "DE"}]}


@pytest.fixture
def add_segment(client) -> Callable[..., Awaitable[dict[str, Any]]]:
    async def build(headers: Headers, campaign_id: str, **overrides: Any) -> dict[str, Any]:
        body = {
            "campaign_id": campaign_id,
            "segment_name": "Germany",
            "segment_type": "geographic",
            "geographic_criteria": SEGMENT_RULES,
        }
        body.update(overrides)
        response = await client.post("/api/campaign-segments/", json=body, headers=headers)
        assert response.status_code == 201, response.text
        return response.json()

    return build


@pytest.fixture(name="give_message")
def give_message_fixture(db) -> Callable[[str], Awaitable[Any]]:
    """`await give_message(campaign_id)`: a primary template linked to the campaign (a launch
    request needs a message to send)."""

    async def give(campaign_id: str) -> Any:
        return await give_message(db, campaign_id)

    return give


@pytest.fixture
def act(client) -> Callable[..., Awaitable[Any]]:
    """`await act(headers, campaign_id, "plan")`: POST a campaign action."""

    async def run(headers: Headers, campaign_id: str, action: str, body: Any = None, **extra: str):
        return await client.post(
            f"/api/campaigns/{campaign_id}/{action}/", json=body, headers={**headers, **extra}
        )

    return run
