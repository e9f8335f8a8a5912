"""Request dependencies of the data-subject rights feature: permissions."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.errors import PermissionDenied
from crm_common.security.permissions import Permission
from crm_common.security.principal import CurrentPrincipal, Principal, require

PrivacyManage = Annotated[Principal, Depends(require(Permission.MANAGE_PRIVACY))]


async def may_export(principal: CurrentPrincipal) -> Principal:
    """Exporting a contact's data shows all of it: view_pii or export_personal_data."""
    if principal.has(Permission.VIEW_PII) or principal.has(Permission.EXPORT_PERSONAL_DATA):
        return principal
    raise PermissionDenied(details={"missing_permissions": [str(Permission.EXPORT_PERSONAL_DATA)]})


PrivacyExport = Annotated[Principal, Depends(may_export)]
