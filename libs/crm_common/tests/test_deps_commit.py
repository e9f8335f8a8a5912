"""The request session commits before the response is sent, so a client that reads right
after a write sees it, and an error rolls the whole request back."""

import uuid

from fastapi import APIRouter
from sqlalchemy import select

from crm_common.app import create_service_app
from crm_common.deps import TenantSession
from crm_common.errors import Conflict
from crm_common.models import CampaignBudget
from crm_common.security.principal import CurrentPrincipal
from crm_common.testing.builders import auth_headers, make_company, make_user
from crm_common.testing.client import app_client


def _app(settings, resources):
    router = APIRouter()

    @router.post("/api/probe/{fail}")
    async def probe(fail: bool, session: TenantSession, principal: CurrentPrincipal) -> dict:
        session.add(
            CampaignBudget(
                company_id=principal.company_id,
                budget_name="B",
                budget_code=uuid.uuid4().hex[:10],
                budget_type="annual",
                fiscal_year=2026,
            )
        )
        await session.flush()
        if fail:
            raise Conflict("probe failed on purpose")
        return {"ok": True}

    return create_service_app(
        "probe", title="probe", routers=[router], settings=settings, resources=resources
    )


async def test_commit_before_response_and_rollback_on_error(db, settings, resources) -> None:
    company = await make_company(db)
    user = await make_user(db, company, "admin")
    headers = auth_headers(resources.codec, user)
    async with app_client(_app(settings, resources)) as client:
        ok = await client.post("/api/probe/false", headers=headers)
        async with db.tenant_session(company.id) as session:
            after_ok = len((await session.execute(select(CampaignBudget))).scalars().all())
        failed = await client.post("/api/probe/true", headers=headers)
        async with db.tenant_session(company.id) as session:
            after_fail = len((await session.execute(select(CampaignBudget))).scalars().all())
    assert ok.status_code == 200
    assert after_ok == 1
    assert failed.status_code == 409
    assert failed.json()["error_code"] == "conflict"
    assert after_fail == 1
