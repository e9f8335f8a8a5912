"""Data-subject rights under `/api/contacts/…`: a contact's export, erasure and do-not-sell
flag; the request log, legal holds and retention settings under `/api/contacts/privacy/`."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from crm_common.deps import AppResources, Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.models.data_rights import DataSubjectRequestKind
from crm_common.pagination import Pagination
from crm_common.privacy.residency import ExportOutsideResidency
from crm_common.schemas import QueryFlag
from crm_common.security.principal import current_principal
from segment_engine.privacy import erasure, export, service
from segment_engine.privacy.deps import PrivacyExport, PrivacyManage
from segment_engine.privacy.errors import (
    CampaignNotFound,
    ContactNotFound,
    ContactUnderLegalHold,
    LegalHoldExists,
    LegalHoldNotFound,
    LegalHoldReleased,
)
from segment_engine.privacy.schemas import (
    ContactExport,
    DataSubjectRequestPage,
    DoNotSellChange,
    DoNotSellState,
    ErasureReport,
    LegalHoldCreate,
    LegalHoldPage,
    LegalHoldRead,
    LegalHoldRelease,
    RetentionPolicies,
    RetentionReportRead,
)

router = APIRouter(
    prefix="/api/contacts",
    tags=["data-subject-rights"],
    dependencies=[Depends(current_principal)],
    responses=COMMON_RESPONSES,
)


@router.get(
    "/privacy/requests/",
    response_model=DataSubjectRequestPage,
)
async def list_requests(
    principal: PrivacyManage,
    scope: Scope,
    params: Pagination,
    contact_id: uuid.UUID | None = None,
    kind: DataSubjectRequestKind | None = None,
) -> dict[str, Any]:
    """The data-subject request log (who, when, which contact, kind, outcome), newest first."""
    return await service.list_requests(scope, contact_id, str(kind) if kind else None, params)


@router.get("/privacy/legal-holds/", response_model=LegalHoldPage)
async def list_legal_holds(
    principal: PrivacyManage,
    scope: Scope,
    params: Pagination,
    active: Annotated[
        QueryFlag | None, Query(description="Only active (or released) holds.")
    ] = None,
) -> dict[str, Any]:
    """Legal holds on contacts and campaigns, newest first."""
    return await service.list_holds(scope, active, params)


@router.post(
    "/privacy/legal-holds/",
    status_code=201,
    response_model=LegalHoldRead,
    responses={
        **ContactNotFound.openapi(),
        **CampaignNotFound.openapi(),
        **LegalHoldExists.openapi(),
    },
)
async def place_legal_hold(
    data: LegalHoldCreate, principal: PrivacyManage, scope: Scope
) -> LegalHoldRead:
    """Put a contact or a campaign under legal hold: retention keeps its data and a held
    contact cannot be erased."""
    return await service.place_hold(scope, principal, data)


@router.post(
    "/privacy/legal-holds/{hold_id}/release/",
    response_model=LegalHoldRead,
    responses={**LegalHoldNotFound.openapi(), **LegalHoldReleased.openapi()},
)
async def release_legal_hold(
    hold_id: uuid.UUID, data: LegalHoldRelease, principal: PrivacyManage, scope: Scope
) -> LegalHoldRead:
    """Release an active legal hold, with the reason."""
    return await service.release_hold(scope, principal, hold_id, data.reason)


@router.get("/privacy/retention/", response_model=RetentionPolicies)
async def get_retention(principal: PrivacyManage, scope: Scope) -> RetentionPolicies:
    """Days kept per data class (events, deliveries, rendered messages, audit)."""
    return await service.get_policies(scope)


@router.put("/privacy/retention/", response_model=RetentionPolicies)
async def set_retention(
    data: RetentionPolicies, principal: PrivacyManage, scope: Scope
) -> RetentionPolicies:
    """Replace the retention periods; a class left out or null is kept indefinitely."""
    return await service.set_policies(scope, principal, data)


@router.get("/privacy/retention/dry-run/", response_model=RetentionReportRead)
async def retention_dry_run(principal: PrivacyManage, scope: Scope) -> RetentionReportRead:
    """What the nightly retention job would remove now, per data class and table."""
    return await service.dry_run(scope)


@router.get(
    "/{contact_id}/export/",
    response_model=ContactExport,
    responses={**ContactNotFound.openapi(), **ExportOutsideResidency.openapi()},
)
async def export_contact(
    contact_id: uuid.UUID, principal: PrivacyExport, scope: Scope, resources: AppResources
) -> ContactExport:
    """Everything held about a contact as JSON (needs view_pii or export_personal_data);
    served only by a deployment in the company's residency region, when it has one."""
    return await export.export(scope, principal, contact_id, resources)


@router.post(
    "/{contact_id}/erase/",
    response_model=ErasureReport,
    responses={**ContactNotFound.openapi(), **ContactUnderLegalHold.openapi()},
)
async def erase_contact(
    contact_id: uuid.UUID, principal: PrivacyManage, scope: Scope, resources: AppResources
) -> ErasureReport:
    """Erase a contact's personal data everywhere (idempotent; 409 under legal hold)."""
    return await erasure.erase(scope, principal, contact_id, resources)


@router.put(
    "/{contact_id}/do-not-sell/",
    response_model=DoNotSellState,
    responses=ContactNotFound.openapi(),
)
async def set_do_not_sell(
    contact_id: uuid.UUID, data: DoNotSellChange, principal: PrivacyManage, scope: Scope
) -> DoNotSellState:
    """Record the contact's CCPA "do not sell or share" choice."""
    return await service.set_do_not_sell(scope, principal, contact_id, data.do_not_sell)
