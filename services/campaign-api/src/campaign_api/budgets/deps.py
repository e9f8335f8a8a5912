"""Permission aliases of the budget endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

P = Permission

ReferenceReader = Annotated[Principal, Depends(require(P.READ_REFERENCE_DATA))]
BudgetManager = Annotated[Principal, Depends(require(P.MANAGE_BUDGET))]
BudgetViewer = Annotated[Principal, Depends(require(P.READ_REFERENCE_DATA, P.VIEW_BUDGET))]
