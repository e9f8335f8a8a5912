"""A data subject's export leaves the system where it is served: for a company with a residency
region, only a deployment declaring that region (CRM_DATA_REGION) serves it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from httpx import AsyncClient, Response
from sqlalchemy import select, update

from crm_common.db import Database
from crm_common.models import Company, DataSubjectRequest
from crm_common.resources import Resources
from crm_common.settings import Settings
from crm_common.testing.client import app_client
from segment_engine.main import create_app

from .conftest import make_person

Deployment = Callable[[str | None], AbstractAsyncContextManager[AsyncClient]]


@pytest.fixture
def deployment(settings: Settings, resources: Resources) -> Deployment:
    """A client of the service as deployed in a region (None: no region declared)."""

    def serve(region: str | None) -> AbstractAsyncContextManager[AsyncClient]:
        regional = settings.model_copy(update={"data_region": region})
        app = create_app(regional, dataclasses.replace(resources, settings=regional))
        return app_client(app)

    return serve


async def _pin(db: Database, company_id, region: str | None) -> None:
    async with db.system_session() as session:
        company = await session.get(Company, company_id)
        settings = {**(company.settings or {}), "residency_region": region}
        await session.execute(
            update(Company).where(Company.id == company_id).values(settings=settings)
        )


async def _export(
    deployment: Deployment, region: str | None, person: Any, headers: dict[str, str]
) -> Response:
    """The person's export as served by a deployment in `region`."""
    async with deployment(region) as client:
        return await client.get(f"/api/contacts/{person.contact_id}/export/", headers=headers)


async def _requests(db: Database) -> list[tuple[str, str, dict]]:
    async with db.system_session() as session:
        rows = (await session.scalars(select(DataSubjectRequest))).all()
    return [(row.kind, row.outcome, row.details) for row in rows]


async def test_a_deployment_in_the_companys_region_serves_the_export(db, acme, deployment):
    person = await make_person(db, acme)
    await _pin(db, acme.company.id, "eu")

    response = await _export(deployment, "eu", person, acme.admin)

    assert response.status_code == 200, response.text
    assert response.json()["profile"]["email"] == person.email
    assert [(kind, outcome) for kind, outcome, _ in await _requests(db)] == [
        ("export", "completed")
    ]


async def test_a_deployment_in_another_region_refuses_and_logs_it(db, acme, deployment):
    person = await make_person(db, acme)
    await _pin(db, acme.company.id, "eu")

    response = await _export(deployment, "us", person, acme.admin)

    assert response.status_code == 409
    body = response.json()
    assert body["error_code"] == "residency_violation"
    assert body["details"] == {"residency_region": "eu", "destination_region": "us"}
    assert person.email not in response.text
    [(kind, outcome, details)] = await _requests(db)
    assert (kind, outcome, details["reason"]) == ("export", "refused", "residency")


async def test_a_deployment_declaring_no_region_refuses(db, acme, deployment):
    person = await make_person(db, acme)
    await _pin(db, acme.company.id, "eu")

    response = await _export(deployment, None, person, acme.admin)

    assert response.status_code == 409
    assert response.json()["details"] == {"residency_region": "eu", "destination_region": None}
    assert "CRM_DATA_REGION" in response.json()["message"]


async def test_without_a_residency_region_any_deployment_serves(db, acme, deployment):
    person = await make_person(db, acme)

    response = await _export(deployment, "us", person, acme.admin)

    assert response.status_code == 200, response.text


async def test_another_companys_contact_stays_a_404_whatever_the_region(
    db, acme, globex, deployment
):
    person = await make_person(db, acme)
    await _pin(db, globex.company.id, "eu")

    response = await _export(deployment, "us", person, globex.admin)

    assert response.status_code == 404
    assert await _requests(db) == []
