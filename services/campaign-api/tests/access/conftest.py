"""The endpoint catalogue of the campaign API used by the access tests: every route with the
permissions it needs, its success status and how to build a fresh target for it."""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import update

from crm_common.models import Campaign, Company
from crm_common.testing.builders import give_message, make_company, make_contacts, make_user

BUDGET_BODY = {
    "budget_name": "Extra",
    "budget_type": "program",
    "total_amount": "1000.00",
    "currency_code": "USD",
    "fiscal_year": 2026,
}
TEMPLATE_BODY = {"template_name": "Extra", "template_type": "email"}


@dataclass
class World:
    """Builds targets in one company as its admin (through the API where it can)."""

    client: Any
    company: Company
    admin: dict[str, str]
    db: Any
    make_user: Callable[..., Awaitable[Any]]
    add_template: Callable[..., Awaitable[Any]]
    payload: Callable[..., dict[str, Any]]
    budget_id: str
    ids: dict[str, str] = field(default_factory=dict)

    async def campaign(self, **overrides: Any) -> dict[str, Any]:
        response = await self.client.post(
            "/api/campaigns/",
            json=self.payload(**{"total_budget": "100", **overrides}),
            headers=self.admin,
        )
        assert response.status_code == 201, response.text
        return response.json()

    async def campaign_in(self, status: str, **values: Any) -> str:
        campaign = await self.campaign()
        async with self.db.system_session() as session:
            await session.execute(
                update(Campaign)
                .where(Campaign.id == uuid.UUID(campaign["id"]))
                .values(campaign_status=status, **values)
            )
        return campaign["id"]

    async def pending(self) -> str:
        campaign = await self.campaign()
        response = await self.client.post(
            f"/api/campaigns/{campaign['id']}/submit-for-approval/", headers=self.admin
        )
        assert response.status_code == 200, response.text
        return campaign["id"]

    async def segment(self, campaign_id: str | None = None) -> tuple[str, str]:
        campaign_id = campaign_id or (await self.campaign())["id"]
        response = await self.client.post(
            "/api/campaign-segments/",
            json={
                "campaign_id": campaign_id,
                "segment_name": "Everyone in DE",
                "segment_type": "geographic",
                "geographic_criteria": {"field": "country", "op": "eq", "value": "DE"},
            },
            headers=self.admin,
        )
        assert response.status_code == 201, response.text
        return campaign_id, response.json()["id"]

    async def launchable(self) -> str:
        campaign_id, _ = await self.segment()
        await give_message(self.db, campaign_id)
        await make_contacts(self.db, self.company, 1, country="DE")
        response = await self.client.post(f"/api/campaigns/{campaign_id}/plan/", headers=self.admin)
        assert response.status_code == 200, response.text
        return campaign_id

    async def launched(self) -> tuple[str, str]:
        """A campaign with a launch request: (campaign id, launch id)."""
        campaign_id = await self.launchable()
        response = await self.client.post(
            f"/api/campaigns/{campaign_id}/launch/",
            headers={**self.admin, "Idempotency-Key": uuid.uuid4().hex},
        )
        assert response.status_code == 202, response.text
        return campaign_id, response.json()["launch"]["id"]

    async def collaborator(self) -> tuple[str, str]:
        campaign = await self.campaign()
        user = await self.make_user(self.company, "campaign_specialist")
        response = await self.client.post(
            f"/api/campaigns/{campaign['id']}/collaborators/",
            json={"user_id": str(user.id)},
            headers=self.admin,
        )
        assert response.status_code == 201, response.text
        return campaign["id"], str(user.id)

    async def allocation(self) -> str:
        campaign = await self.campaign()
        response = await self.client.put(
            f"/api/campaigns/{campaign['id']}/budgets/{self.budget_id}/",
            json={"allocated_amount": "10"},
            headers=self.admin,
        )
        assert response.status_code == 200, response.text
        return campaign["id"]

    async def template(self) -> str:
        return str((await self.add_template(self.company, "email")).id)

    async def linked_template(self) -> tuple[str, str]:
        campaign = await self.campaign()
        template_id = await self.template()
        response = await self.client.post(
            f"/api/campaigns/{campaign['id']}/templates/",
            json={"template_id": template_id},
            headers=self.admin,
        )
        assert response.status_code == 201, response.text
        return campaign["id"], template_id

    async def user(self) -> str:
        return str((await self.make_user(self.company, "sales")).id)


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Endpoint:
    name: str
    permissions: frozenset[str]
    success: int
    build: Callable[[World], Awaitable[Call]]


def _key() -> dict[str, str]:
    return {"Idempotency-Key": f"matrix-{uuid.uuid4().hex}"}


async def _campaign_call(
    world: World, method: str, suffix: str = "", body: Any = None, status: str | None = None
) -> Call:
    campaign_id = await world.campaign_in(status) if status else (await world.campaign())["id"]
    return Call(method, f"/api/campaigns/{campaign_id}/{suffix}", body)


def endpoint(name: str, permissions: set[str], success: int):
    def register(build: Callable[[World], Awaitable[Call]]) -> Callable[[World], Awaitable[Call]]:
        ENDPOINTS.append(Endpoint(name, frozenset(permissions), success, build))
        return build

    return register


ENDPOINTS: list[Endpoint] = []
R, C, U, D = "read_campaign", "create_campaign", "update_campaign", "delete_campaign"
L, A = "launch_campaign", "approve_campaign"
RR, MR, MB, VB = "read_reference_data", "manage_reference_data", "manage_budget", "view_budget"


@endpoint("GET /api/campaigns/", {R}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/campaigns/?campaign_status=draft&search=sale")


@endpoint("POST /api/campaigns/", {C}, 201)
async def _(w: World) -> Call:
    return Call("POST", "/api/campaigns/", w.payload(total_budget="100"))


@endpoint("GET /api/campaigns/{id}/", {R}, 200)
async def _(w: World) -> Call:
    call = await _campaign_call(w, "GET")
    return Call("GET", call.path + "?include_segments=true&include_performance=true")


@endpoint("PUT /api/campaigns/{id}/", {U}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "PUT", body=w.payload(total_budget="100", campaign_name="Put"))


@endpoint("PATCH /api/campaigns/{id}/", {U}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "PATCH", body={"description": "patched"})


@endpoint("DELETE /api/campaigns/{id}/", {D}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "DELETE")


@endpoint("POST /api/campaigns/{id}/plan/", {U}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "plan/")


@endpoint("POST /api/campaigns/{id}/pause/", {L}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "pause/", status="active")


@endpoint("POST /api/campaigns/{id}/resume/", {L}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "resume/", status="paused")


@endpoint("POST /api/campaigns/{id}/complete/", {L}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "complete/", status="active")


@endpoint("POST /api/campaigns/{id}/cancel/", {U}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "cancel/", {"comment": "not needed"})


@endpoint("POST /api/campaigns/{id}/submit-for-approval/", {U}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "submit-for-approval/")


@endpoint("POST /api/campaigns/{id}/approve/", {A}, 200)
async def _(w: World) -> Call:
    return Call("POST", f"/api/campaigns/{await w.pending()}/approve/", {"comment": "ok"})


@endpoint("POST /api/campaigns/{id}/reject/", {A}, 200)
async def _(w: World) -> Call:
    return Call("POST", f"/api/campaigns/{await w.pending()}/reject/", {"comment": "no"})


@endpoint("POST /api/campaigns/{id}/launch/", {L}, 202)
async def _(w: World) -> Call:
    return Call("POST", f"/api/campaigns/{await w.launchable()}/launch/", {}, _key())


@endpoint("GET /api/campaigns/{id}/launches/", {R}, 200)
async def _(w: World) -> Call:
    campaign_id, _ = await w.launched()
    return Call("GET", f"/api/campaigns/{campaign_id}/launches/")


@endpoint("GET /api/launches/{id}/", {R}, 200)
async def _(w: World) -> Call:
    _, launch_id = await w.launched()
    return Call("GET", f"/api/launches/{launch_id}/")


async def _messaged_campaign(w: World) -> str:
    """A campaign with a primary email template that renders for anyone."""
    campaign = await w.campaign()
    template = await w.client.post(
        "/api/campaign-templates/",
        json={
            "template_name": "Welcome",
            "template_code": f"W-{uuid.uuid4().hex[:10]}",
            "template_type": "email",
            "content_template": "<p>Hi {{ first_name | default('there') }}</p>",
        },
        headers=w.admin,
    )
    assert template.status_code == 201, template.text
    link = await w.client.post(
        f"/api/campaigns/{campaign['id']}/templates/",
        json={"template_id": template.json()["id"], "is_primary": True},
        headers=w.admin,
    )
    assert link.status_code == 201, link.text
    return campaign["id"]


@endpoint("POST /api/campaigns/{id}/test-send/", {U}, 202)
async def _(w: World) -> Call:
    campaign_id = await _messaged_campaign(w)
    return Call("POST", f"/api/campaigns/{campaign_id}/test-send/", {"to": "qa@example.com"})


@endpoint("GET /api/campaigns/{id}/preview/", {R}, 200)
async def _(w: World) -> Call:
    campaign_id = await _messaged_campaign(w)
    return Call("GET", f"/api/campaigns/{campaign_id}/preview/")


@endpoint("GET /api/campaigns/{id}/consent-summary/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "consent-summary/")


@endpoint("GET /api/privacy/settings/", {R}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/privacy/settings/")


@endpoint("PUT /api/privacy/settings/", {"manage_users"}, 200)
async def _(w: World) -> Call:
    return Call("PUT", "/api/privacy/settings/", {"double_opt_in_email": False})


@endpoint("GET /api/campaigns/{id}/test-sends/{test_send_id}/", {R}, 200)
async def _(w: World) -> Call:
    campaign_id = await _messaged_campaign(w)
    sent = await w.client.post(
        f"/api/campaigns/{campaign_id}/test-send/", json={"to": "qa@example.com"}, headers=w.admin
    )
    assert sent.status_code == 202, sent.text
    return Call("GET", f"/api/campaigns/{campaign_id}/test-sends/{sent.json()['id']}/")


@endpoint("GET /api/campaigns/{id}/audit/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "audit/")


@endpoint("GET /api/campaigns/{id}/approval/", {R}, 200)
async def _(w: World) -> Call:
    return Call("GET", f"/api/campaigns/{await w.pending()}/approval/")


@endpoint("GET /api/campaigns/{id}/audience-drift/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "audience-drift/")


@endpoint("GET /api/approval-policy/", {R}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/approval-policy/")


@endpoint("PUT /api/approval-policy/", {"manage_users"}, 200)
async def _(w: World) -> Call:
    return Call(
        "PUT",
        "/api/approval-policy/",
        {"steps": [{"name": "Approval"}], "drift_threshold_percent": "10"},
    )


@endpoint("GET /api/audit/", {"read_audit_log"}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/audit/")


@endpoint("GET /api/audit/verify/", {"read_audit_log"}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/audit/verify/")


@endpoint("GET /api/audit/export/", {"read_audit_log"}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/audit/export/")


@endpoint("GET /api/campaigns/{id}/collaborators/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "collaborators/")


@endpoint("POST /api/campaigns/{id}/collaborators/", {U}, 201)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "collaborators/", {"user_id": await w.user()})


@endpoint("PATCH /api/campaigns/{id}/collaborators/{user_id}/", {U}, 200)
async def _(w: World) -> Call:
    campaign_id, user_id = await w.collaborator()
    return Call(
        "PATCH",
        f"/api/campaigns/{campaign_id}/collaborators/{user_id}/",
        {"collaborator_role": "viewer"},
    )


@endpoint("DELETE /api/campaigns/{id}/collaborators/{user_id}/", {U}, 204)
async def _(w: World) -> Call:
    campaign_id, user_id = await w.collaborator()
    return Call("DELETE", f"/api/campaigns/{campaign_id}/collaborators/{user_id}/")


async def _variant(w: World) -> tuple[str, str]:
    campaign = await w.campaign()
    response = await w.client.post(
        f"/api/campaigns/{campaign['id']}/variants/",
        json={"variant_name": "B", "subject": "Hello", "weight": 50},
        headers=w.admin,
    )
    assert response.status_code == 201, response.text
    return campaign["id"], response.json()["id"]


@endpoint("GET /api/campaigns/{id}/variants/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "variants/")


@endpoint("POST /api/campaigns/{id}/variants/", {U}, 201)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "variants/", {"variant_name": "A", "weight": 50})


@endpoint("GET /api/campaigns/{id}/variants/results/", {R}, 200)
async def _(w: World) -> Call:
    campaign_id, _ = await _variant(w)
    return Call("GET", f"/api/campaigns/{campaign_id}/variants/results/")


@endpoint("GET /api/campaigns/{id}/variants/{variant_id}/", {R}, 200)
async def _(w: World) -> Call:
    campaign_id, variant_id = await _variant(w)
    return Call("GET", f"/api/campaigns/{campaign_id}/variants/{variant_id}/")


@endpoint("PATCH /api/campaigns/{id}/variants/{variant_id}/", {U}, 200)
async def _(w: World) -> Call:
    campaign_id, variant_id = await _variant(w)
    return Call("PATCH", f"/api/campaigns/{campaign_id}/variants/{variant_id}/", {"weight": 20})


@endpoint("DELETE /api/campaigns/{id}/variants/{variant_id}/", {U}, 204)
async def _(w: World) -> Call:
    campaign_id, variant_id = await _variant(w)
    return Call("DELETE", f"/api/campaigns/{campaign_id}/variants/{variant_id}/")


@endpoint("GET /api/campaigns/{id}/budgets/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "budgets/")


@endpoint("PUT /api/campaigns/{id}/budgets/{budget_id}/", {U}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "PUT", f"budgets/{w.budget_id}/", {"allocated_amount": "50"})


@endpoint("DELETE /api/campaigns/{id}/budgets/{budget_id}/", {U}, 204)
async def _(w: World) -> Call:
    return Call("DELETE", f"/api/campaigns/{await w.allocation()}/budgets/{w.budget_id}/")


@endpoint("GET /api/campaigns/{id}/templates/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "templates/")


@endpoint("POST /api/campaigns/{id}/templates/", {U}, 201)
async def _(w: World) -> Call:
    return await _campaign_call(w, "POST", "templates/", {"template_id": await w.template()})


@endpoint("DELETE /api/campaigns/{id}/templates/{template_id}/", {U}, 204)
async def _(w: World) -> Call:
    campaign_id, template_id = await w.linked_template()
    return Call("DELETE", f"/api/campaigns/{campaign_id}/templates/{template_id}/")


@endpoint("GET /api/campaign-segments/", {R}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/campaign-segments/?segment_type=geographic")


@endpoint("POST /api/campaign-segments/", {U}, 201)
async def _(w: World) -> Call:
    campaign = await w.campaign()
    return Call(
        "POST",
        "/api/campaign-segments/",
        {"campaign_id": campaign["id"], "segment_name": "New", "segment_type": "demographic"},
    )


@endpoint("GET /api/campaign-segments/{id}/", {R}, 200)
async def _(w: World) -> Call:
    return Call("GET", f"/api/campaign-segments/{(await w.segment())[1]}/")


@endpoint("PUT /api/campaign-segments/{id}/", {U}, 200)
async def _(w: World) -> Call:
    body = {"segment_name": "Put", "segment_type": "demographic"}
    return Call("PUT", f"/api/campaign-segments/{(await w.segment())[1]}/", body)


@endpoint("PATCH /api/campaign-segments/{id}/", {U}, 200)
async def _(w: World) -> Call:
    return Call(
        "PATCH", f"/api/campaign-segments/{(await w.segment())[1]}/", {"segment_name": "Patched"}
    )


@endpoint("DELETE /api/campaign-segments/{id}/", {U}, 200)
async def _(w: World) -> Call:
    return Call("DELETE", f"/api/campaign-segments/{(await w.segment())[1]}/")


@endpoint("GET /api/campaign-templates/", {RR}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/campaign-templates/?is_active=true")


@endpoint("POST /api/campaign-templates/", {MR}, 201)
async def _(w: World) -> Call:
    return Call(
        "POST",
        "/api/campaign-templates/",
        {**TEMPLATE_BODY, "template_code": uuid.uuid4().hex[:12]},
    )


@endpoint("GET /api/campaign-templates/{id}/", {RR}, 200)
async def _(w: World) -> Call:
    return Call("GET", f"/api/campaign-templates/{await w.template()}/")


@endpoint("PUT /api/campaign-templates/{id}/", {MR}, 200)
async def _(w: World) -> Call:
    body = {**TEMPLATE_BODY, "template_code": uuid.uuid4().hex[:12]}
    return Call("PUT", f"/api/campaign-templates/{await w.template()}/", body)


@endpoint("PATCH /api/campaign-templates/{id}/", {MR}, 200)
async def _(w: World) -> Call:
    return Call(
        "PATCH", f"/api/campaign-templates/{await w.template()}/", {"template_name": "Renamed"}
    )


@endpoint("GET /api/campaign-budgets/", {RR}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/campaign-budgets/?is_active=true")


@endpoint("POST /api/campaign-budgets/", {MB}, 201)
async def _(w: World) -> Call:
    return Call(
        "POST", "/api/campaign-budgets/", {**BUDGET_BODY, "budget_code": uuid.uuid4().hex[:12]}
    )


@endpoint("GET /api/campaign-budgets/availability/", {RR, VB}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/campaign-budgets/availability/")


@endpoint("GET /api/campaign-budgets/{id}/", {RR}, 200)
async def _(w: World) -> Call:
    return Call("GET", f"/api/campaign-budgets/{w.budget_id}/")


@endpoint("GET /api/campaign-budgets/{id}/availability/", {RR, VB}, 200)
async def _(w: World) -> Call:
    return Call("GET", f"/api/campaign-budgets/{w.budget_id}/availability/")


@endpoint("PUT /api/campaign-budgets/{id}/", {MB}, 200)
async def _(w: World) -> Call:
    body = {
        **BUDGET_BODY,
        "budget_code": uuid.uuid4().hex[:12],
        "total_amount": "20000000",
        "fiscal_year": 2026,
    }
    return Call("PUT", f"/api/campaign-budgets/{w.ids['spare_budget']}/", body)


@endpoint("PATCH /api/campaign-budgets/{id}/", {MB}, 200)
async def _(w: World) -> Call:
    return Call("PATCH", f"/api/campaign-budgets/{w.budget_id}/", {"description": "patched"})


@endpoint("GET /api/auth/me", set(), 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/auth/me")


@endpoint("POST /api/ws-ticket/", {R}, 200)
async def _(w: World) -> Call:
    return Call("POST", "/api/ws-ticket/")


@endpoint("GET /api/users/", {"manage_users"}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/users/")


@endpoint("GET /api/users/{id}/", {"manage_users"}, 200)
async def _(w: World) -> Call:
    return Call("GET", f"/api/users/{await w.user()}/")


@endpoint("PUT /api/campaigns/{id}/parent/", {U}, 200)
async def _(w: World) -> Call:
    parent = (await w.campaign())["id"]
    return await _campaign_call(w, "PUT", "parent/", {"parent_campaign_id": parent})


@endpoint("GET /api/campaigns/{id}/hierarchy/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "hierarchy/")


@endpoint("GET /api/campaigns/{id}/roi/", {R, VB}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "roi/?model=linear")


async def _conversion_body(w: World) -> dict[str, Any]:
    [contact] = await make_contacts(w.db, w.company, 1)
    return {
        "source": "sales",
        "external_id": uuid.uuid4().hex,
        "contact_id": str(contact.id),
        "amount": "10.00",
        "currency_code": "USD",
        "occurred_at": "2026-01-05T10:00:00+00:00",
    }


@endpoint("POST /api/conversions/", {U}, 201)
async def _(w: World) -> Call:
    return Call("POST", "/api/conversions/", await _conversion_body(w))


@endpoint("GET /api/conversions/", {R, VB}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/conversions/")


@endpoint("GET /api/conversions/{id}/", {R, VB}, 200)
async def _(w: World) -> Call:
    response = await w.client.post(
        "/api/conversions/", json=await _conversion_body(w), headers=w.admin
    )
    assert response.status_code == 201, response.text
    return Call("GET", f"/api/conversions/{response.json()['id']}/")


@endpoint("GET /api/attribution-settings/", {R, VB}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/attribution-settings/")


@endpoint("PUT /api/attribution-settings/", {MB}, 200)
async def _(w: World) -> Call:
    return Call("PUT", "/api/attribution-settings/", {"window_days": 14, "exchange_rates": {}})


@endpoint("GET /api/channel-costs/", {RR, VB}, 200)
async def _(w: World) -> Call:
    return Call("GET", "/api/channel-costs/")


@endpoint("PUT /api/channel-costs/", {MB}, 200)
async def _(w: World) -> Call:
    return Call("PUT", "/api/channel-costs/", {"channels": {"email": {"unit_cost": "0.001"}}})


@endpoint("GET /api/campaigns/{id}/budget-forecast/", {R, VB}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "budget-forecast/")


@endpoint("GET /api/campaigns/{id}/alert-thresholds/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "alert-thresholds/")


@endpoint("PUT /api/campaigns/{id}/alert-thresholds/", {U}, 200)
async def _(w: World) -> Call:
    body = {"rules": [{"metric": "bounce_rate", "threshold": "0.05"}]}
    return await _campaign_call(w, "PUT", "alert-thresholds/", body)


@endpoint("GET /api/campaigns/{id}/alerts/", {R}, 200)
async def _(w: World) -> Call:
    return await _campaign_call(w, "GET", "alerts/?alert_kind=budget")


def pytest_generate_tests(metafunc: Any) -> None:
    if "endpoint" in metafunc.fixturenames:
        metafunc.parametrize("endpoint", ENDPOINTS, ids=[e.name for e in ENDPOINTS])


@pytest.fixture
async def home(db) -> Company:
    """The caller's company; it allows overlapping schedules so that targets built one after
    another never clash."""
    return await make_company(db, "home", allow_schedule_overlap=True)


@pytest.fixture
async def away(db) -> Company:
    """Another tenant."""
    return await make_company(db, "away", allow_schedule_overlap=True)


@pytest.fixture
def endpoints() -> list[Endpoint]:
    return ENDPOINTS


@pytest.fixture
async def world_for(client, db, add_budget, add_template, payload, headers_for):
    """`await world_for(company)`: a World with a large budget for the campaigns' year."""

    async def build(company: Company) -> World:
        budget = await add_budget(company, total="10000000", threshold="5000000")
        spare = await add_budget(company, total="1000", code=f"S-{uuid.uuid4().hex[:10]}")
        world = World(
            client=client,
            company=company,
            admin=await headers_for(company, "admin"),
            db=db,
            make_user=lambda c, *roles: make_user(db, c, *roles),
            add_template=add_template,
            payload=payload,
            budget_id=str(budget.id),
        )
        world.ids["spare_budget"] = str(spare.id)
        return world

    return build
