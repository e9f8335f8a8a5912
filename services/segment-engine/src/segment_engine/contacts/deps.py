"""Request dependencies of the ingestion features: permissions and the tenant scope."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.deps import TenantSession
from crm_common.security.permissions import Permission
from crm_common.security.principal import CurrentPrincipal, Principal, require
from crm_common.tenancy import TenantScope

# Reading the audience (PII masked without view_pii) and writing it (ingestion by other CRM
# modules, consent, suppressions) are reference-data permissions.
ContactsRead = Annotated[Principal, Depends(require(Permission.READ_REFERENCE_DATA))]
ContactsWrite = Annotated[Principal, Depends(require(Permission.MANAGE_REFERENCE_DATA))]


def tenant_scope(principal: CurrentPrincipal, session: TenantSession) -> TenantScope:
    """Statements of this request, limited to the caller's company."""
    return TenantScope(session, principal.company_id)


Scope = Annotated[TenantScope, Depends(tenant_scope)]
