"""Request dependencies of the ingestion features: permissions."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

# Reading the audience (PII masked without view_pii) and writing it (ingestion by other CRM
# modules, consent, suppressions) are reference-data permissions.
ContactsRead = Annotated[Principal, Depends(require(Permission.READ_REFERENCE_DATA))]
ContactsWrite = Annotated[Principal, Depends(require(Permission.MANAGE_REFERENCE_DATA))]
