"""Request dependencies every service uses: the tenant-scoped session, the tenant scope
service functions take first, and the process's resources."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.logging import bind
from crm_common.resources import Resources
from crm_common.security.principal import CurrentPrincipal, Principal
from crm_common.tenancy import TenantScope


# Plain dependencies are `async def` so FastAPI runs them inline instead of in its thread pool.
async def get_resources(request: Request) -> Resources:
    resources: Resources = request.app.state.resources
    return resources


AppResources = Annotated[Resources, Depends(get_resources)]


def _log_as(principal: Principal) -> None:
    """Name the caller's company and user on the request's log lines."""
    bind(company_id=str(principal.company_id), user_id=str(principal.user_id))


async def tenant_session(
    principal: CurrentPrincipal, resources: AppResources
) -> AsyncIterator[AsyncSession]:
    """The request's transaction, limited to the caller's company by row-level security.
    It commits when the endpoint returns (before the response is sent) and rolls back on error."""
    _log_as(principal)
    async with resources.db.tenant_session(principal.company_id) as session:
        yield session


TenantSession = Annotated[AsyncSession, Depends(tenant_session, scope="function")]


async def tenant_scope(principal: CurrentPrincipal, request: Request) -> AsyncIterator[TenantScope]:
    """The request's statements, limited to the caller's company: its own transaction (as
    `tenant_session`, which an endpoint takes instead of this, never beside it), handed to
    service functions as their first argument. One node of the dependency graph besides the
    principal: FastAPI walks the whole graph on every request."""
    _log_as(principal)
    resources: Resources = request.app.state.resources
    async with resources.db.tenant_transaction(principal.company_id) as transaction:
        yield TenantScope(transaction, principal.company_id)


Scope = Annotated[TenantScope, Depends(tenant_scope, scope="function")]


async def system_session(resources: AppResources) -> AsyncIterator[AsyncSession]:
    """A cross-tenant transaction for public or pre-authentication endpoints (sign-in,
    tracking); every statement must still be scoped explicitly."""
    async with resources.db.system_session() as session:
        yield session


SystemSession = Annotated[AsyncSession, Depends(system_session, scope="function")]


async def no_store(response: Response) -> None:
    """Keep a response carrying credentials (tokens, tickets, secrets) out of every cache."""
    response.headers["Cache-Control"] = "no-store"
    response.headers["Pragma"] = "no-cache"


NoStore = Depends(no_store)
