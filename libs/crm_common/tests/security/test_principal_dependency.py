"""The caller as a dependency: the bearer security scheme itself, one node of FastAPI's
dependency graph, whose token and session are checked once per request however many
permission checks and tenant scopes the endpoint takes."""

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.routing import APIRoute

from crm_common.app import create_service_app
from crm_common.deps import Scope
from crm_common.security.jwt import TokenType
from crm_common.security.permissions import Permission, permissions_for
from crm_common.security.principal import BearerPrincipal, Principal, require
from crm_common.testing.builders import make_live_session
from crm_common.testing.client import app_client

Reader = Annotated[Principal, Depends(require(Permission.READ_CAMPAIGN))]
BudgetViewer = Annotated[Principal, Depends(require(Permission.VIEW_BUDGET))]

router = APIRouter()


@router.get("/api/probe/")
async def probe(reader: Reader, viewer: BudgetViewer, scope: Scope) -> dict:
    return {
        "same": reader is viewer,
        "scope_company": str(scope.company_id),
        "user": str(reader.user_id),
    }


def _app(settings, resources):
    return create_service_app(
        "probe", title="probe", routers=[router], settings=settings, resources=resources
    )


def _token(resources, user, roles, session_id: str) -> dict[str, str]:
    token = resources.codec.encode(
        TokenType.ACCESS,
        str(user.id),
        timedelta(minutes=5),
        {
            "company_id": str(user.company_id),
            "roles": list(roles),
            "permissions": sorted(p.value for p in permissions_for(roles)),
            "sid": session_id,
        },
    )
    return {"Authorization": f"Bearer {token}"}


async def test_one_session_check_per_request_whatever_the_checks(
    db, settings, resources, monkeypatch
) -> None:
    company, user, sid = await make_live_session(db, "finance")
    lookups = []
    real_state = resources.sessions.state

    async def counted_state(*args, **kwargs):
        lookups.append(args)
        return await real_state(*args, **kwargs)

    monkeypatch.setattr(resources.sessions, "state", counted_state)
    async with app_client(_app(settings, resources)) as client:
        first = await client.get("/api/probe/", headers=_token(resources, user, ["finance"], sid))
        second = await client.get("/api/probe/", headers=_token(resources, user, ["finance"], sid))
    assert first.status_code == 200, first.text
    assert first.json() == {"same": True, "scope_company": str(company.id), "user": str(user.id)}
    assert second.status_code == 200
    # Two permission checks and a tenant scope per request: one lookup each request.
    assert len(lookups) == 2


async def test_each_check_still_refuses_what_the_roles_lack(db, settings, resources) -> None:
    _, user, sid = await make_live_session(db, "marketing_analyst")
    async with app_client(_app(settings, resources)) as client:
        refused = await client.get(
            "/api/probe/", headers=_token(resources, user, ["marketing_analyst"], sid)
        )
        anonymous = await client.get("/api/probe/")
        wrong_scheme = await client.get("/api/probe/", headers={"Authorization": "Basic eDp5"})
    assert refused.status_code == 403
    assert refused.json()["details"] == {"missing_permissions": ["view_budget"]}
    assert anonymous.status_code == 401
    assert anonymous.json()["error_code"] == "not_authenticated"
    assert wrong_scheme.status_code == 401


async def test_documented_as_one_bearer_scheme_and_resolved_as_leaves(settings, resources) -> None:
    app = _app(settings, resources)
    document = app.openapi()
    assert document["components"]["securitySchemes"] == {
        "HTTPBearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "An access token from POST /api/auth/token",
        }
    }
    assert document["paths"]["/api/probe/"]["get"]["security"] == [{"HTTPBearer": []}]

    route = next(r for r in router.routes if isinstance(r, APIRoute))

    def principals(dependant):
        for sub in dependant.dependencies:
            if isinstance(sub.call, BearerPrincipal):
                yield sub
            yield from principals(sub)

    found = list(principals(route.dependant))
    assert len(found) == 3  # two checks and the tenant scope's
    assert all(not node.dependencies for node in found)
