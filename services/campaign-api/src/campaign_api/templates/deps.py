"""Permission aliases of the template endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

ReferenceReader = Annotated[Principal, Depends(require(Permission.READ_REFERENCE_DATA))]
ReferenceManager = Annotated[Principal, Depends(require(Permission.MANAGE_REFERENCE_DATA))]
