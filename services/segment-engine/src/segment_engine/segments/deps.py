"""Request dependencies of the segment endpoints: permissions."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

SegmentsRead = Annotated[Principal, Depends(require(Permission.READ_CAMPAIGN))]
SegmentsEvaluate = Annotated[Principal, Depends(require(Permission.UPDATE_CAMPAIGN))]
