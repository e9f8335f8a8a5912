"""Permission aliases of the budget guard endpoints."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

P = Permission

CostReader = Annotated[Principal, Depends(require(P.READ_REFERENCE_DATA, P.VIEW_BUDGET))]
CostManager = Annotated[Principal, Depends(require(P.MANAGE_BUDGET))]
ForecastReader = Annotated[Principal, Depends(require(P.READ_CAMPAIGN, P.VIEW_BUDGET))]
