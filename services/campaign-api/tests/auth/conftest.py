"""Fixtures of the auth tests: the campaign API over a clean database, two tenants."""

from collections.abc import AsyncIterator

import pytest
from httpx import AsyncClient

from campaign_api.main import create_app
from crm_common.models import Company
from crm_common.testing.builders import make_company
from crm_common.testing.client import app_client


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
