"""The company's tamper-evident audit log: its rows by period, an export that verifies on its
own, and a verification of the chain as stored."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from campaign_api.audit import chain_service
from campaign_api.audit.chain_schemas import AuditLogEntry, AuditLogPage, AuditVerification
from campaign_api.audit.chain_service import Period
from campaign_api.audit.errors import InvalidAuditPeriod
from campaign_api.shared.responses import respond
from crm_common.deps import AppResources, Scope
from crm_common.errors import COMMON_RESPONSES
from crm_common.errors import error_responses as errors
from crm_common.pagination import Pagination, make_page
from crm_common.privacy.residency import ExportOutsideResidency
from crm_common.schemas import IsoAwareDateTime
from crm_common.security.permissions import Permission
from crm_common.security.principal import Principal, require

router = APIRouter(prefix="/api/audit", tags=["audit"], responses=COMMON_RESPONSES)

AuditReader = Annotated[Principal, Depends(require(Permission.READ_AUDIT_LOG))]


def period(
    start: Annotated[
        IsoAwareDateTime | None,
        Query(alias="from", description="Rows chained at or after this time (with offset)."),
    ] = None,
    end: Annotated[
        IsoAwareDateTime | None,
        Query(alias="to", description="Rows chained before this time (with offset)."),
    ] = None,
) -> Period:
    return Period(start, end)


PeriodQuery = Annotated[Period, Depends(period)]
EXPORT_DESCRIPTION = (
    "JSON lines: a `header` with the `anchor` (the hash just before the first row), one `row` "
    "per audit row in chain order with its chain fields, an `attestation` per later "
    "`audit.redacted` row covering a row of the period, and an `end` line."
)


@router.get(
    "/",
    response_model=AuditLogPage,
    summary="List the company's audit log",
    responses=errors(InvalidAuditPeriod),
)
async def list_audit_log(
    principal: AuditReader,
    scope: Scope,
    window: PeriodQuery,
    pagination: Pagination,
    action: Annotated[
        str | None,
        Query(min_length=1, max_length=64, description="Only this action, e.g. campaign.updated."),
    ] = None,
) -> dict[str, Any]:
    """List the company's audit rows chained in the period, newest first, with their chain
    fields."""
    rows, total = await chain_service.entries(scope, window, pagination, action)
    items = [
        AuditLogEntry.model_validate(
            {
                **{name: getattr(row, name) for name in AuditLogEntry.model_fields},
                "client_ip": str(row.client_ip) if row.client_ip is not None else None,
            }
        ).model_dump(mode="json")
        for row in rows
    ]
    filters = {**window.filters(), "action": action}
    page = make_page(items, total, pagination, {k: v for k, v in filters.items() if v})
    return respond(page, principal)


@router.get(
    "/verify/",
    response_model=AuditVerification,
    summary="Verify the company's audit chain",
    responses=errors(InvalidAuditPeriod),
)
async def verify_audit_log(
    principal: AuditReader, scope: Scope, window: PeriodQuery
) -> dict[str, Any]:
    """Check every row of the period (or the whole chain) against its digest, hash and
    predecessor; the first problem names the altered, removed, inserted or reordered row."""
    result = await chain_service.verify(scope, window)
    return respond(result.to_json(), principal)


@router.get(
    "/export/",
    response_class=StreamingResponse,
    summary="Export the company's audit chain for a period",
    responses={
        200: {
            "description": EXPORT_DESCRIPTION,
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
        },
        **errors(InvalidAuditPeriod, ExportOutsideResidency),
    },
)
async def export_audit_log(
    principal: AuditReader, scope: Scope, window: PeriodQuery, resources: AppResources
) -> StreamingResponse:
    """Stream the rows chained in the period with their chain fields and anchor, so the file
    verifies on its own (`crm audit-verify <file>`); the export itself is audited."""
    await chain_service.record_export(scope, principal, window, resources.settings.data_region)
    name = "-".join(
        part
        for part in (
            "audit",
            window.start.strftime("%Y%m%dT%H%M%S") if window.start else "start",
            window.end.strftime("%Y%m%dT%H%M%S") if window.end else "now",
        )
    )
    return StreamingResponse(
        chain_service.export(resources.db, principal, window),
        media_type="application/x-ndjson",
        headers={
            "Content-Disposition": f'attachment; filename="{name}.jsonl"',
            "Cache-Control": "no-store",
        },
    )
