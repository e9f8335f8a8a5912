"""`GET`/`PUT /api/sending-settings/`: the company's sender and quiet hours."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from campaign_api.sending import service
from campaign_api.sending.schemas import SendingSettings, SendingSettingsUpdate
from crm_common.deps import Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

router = APIRouter(prefix="/api/sending-settings", tags=["sending"], responses=COMMON_RESPONSES)

Reader = Annotated[Principal, Depends(require(Permission.READ_REFERENCE_DATA))]
Admin = Annotated[Principal, Depends(require(Permission.MANAGE_USERS))]


@router.get("/", response_model=SendingSettings, summary="Read the sending settings")
async def read_settings(principal: Reader, scope: Scope) -> SendingSettings:
    """Who the company's messages come from (as set, and as messages carry it now, defaults
    included) and its quiet hours."""
    return await service.read_settings(scope)


@router.put("/", response_model=SendingSettings, summary="Replace the sending settings")
async def change_settings(
    body: SendingSettingsUpdate, principal: Admin, scope: Scope
) -> SendingSettings:
    """Replace the sender and the quiet hours (administrators); launches read them as they
    start, and a paused launch as it resumes."""
    return await service.change_settings(scope, principal, body)
