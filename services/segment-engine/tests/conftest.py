"""Fixtures shared by the segment engine's tests: the app, a client with its lifespan
running, and two tenants (Acme, Globex) with users of several roles."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from fastapi import FastAPI
from httpx import AsyncClient

from crm_common.db import Database
from crm_common.models import Company, User
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client
from segment_engine.main import create_app


@dataclass
class Tenant:
    company: Company
    admin_user: User
    admin: dict[str, str]
    analyst: dict[str, str]
    manager: dict[str, str]


async def _tenant(db: Database, resources: Resources, slug: str) -> Tenant:
    company = await make_company(db, slug)
    users = {
        role: await make_user(db, company, role)
        for role in ("admin", "marketing_analyst", "marketing_manager")
    }
    headers = {role: auth_headers(resources.codec, user) for role, user in users.items()}
    return Tenant(
        company,
        users["admin"],
        headers["admin"],
        headers["marketing_analyst"],
        headers["marketing_manager"],
    )


@pytest.fixture
def app(settings: Settings, resources: Resources) -> FastAPI:
    return create_app(settings, resources)


@pytest.fixture
async def client(app: FastAPI, db: Database) -> AsyncIterator[AsyncClient]:
    async with app_client(app) as active:
        yield active


@pytest.fixture
async def acme(db: Database, resources: Resources) -> Tenant:
    return await _tenant(db, resources, "acme")


@pytest.fixture
async def globex(db: Database, resources: Resources) -> Tenant:
    return await _tenant(db, resources, "globex")
