"""Request dependencies of the segment endpoints: permissions and the tenant scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.deps import TenantSession
from crm_common.security.permissions import Permission
from crm_common.security.principal import CurrentPrincipal, Principal, require
from crm_common.tenancy import TenantScope

SegmentsRead = Annotated[Principal, Depends(require(Permission.READ_CAMPAIGN))]
SegmentsEvaluate = Annotated[Principal, Depends(require(Permission.UPDATE_CAMPAIGN))]


def tenant_scope(principal: CurrentPrincipal, session: TenantSession) -> TenantScope:
    """Statements of this request, limited to the caller's company."""
    return TenantScope(session, principal.company_id)


Scope = Annotated[TenantScope, Depends(tenant_scope)]
