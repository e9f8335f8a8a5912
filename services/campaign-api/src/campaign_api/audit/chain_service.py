"""The company audit log: its rows for a period, their verification, and the export."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from campaign_api.audit import repository
from campaign_api.audit.errors import InvalidAuditPeriod
from crm_common import audit
from crm_common.audit_chain import Verification, export_lines, verify_stored
from crm_common.db import Database
from crm_common.models import AuditLog
from crm_common.pagination import PageParams
from crm_common.privacy.residency import check_export
from crm_common.privacy.settings import company_settings
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope

EXPORTED_ACTION = "audit.exported"


@dataclass(frozen=True)
class Period:
    """[start, end) of chaining time; either side open."""

    start: datetime | None = None
    end: datetime | None = None

    def __post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.start >= self.end:
            raise InvalidAuditPeriod(
                details={"from": self.start.isoformat(), "to": self.end.isoformat()}
            )

    def filters(self) -> dict[str, str | None]:
        return {
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }


async def entries(
    scope: TenantScope, period: Period, params: PageParams, action: str | None
) -> tuple[Sequence[AuditLog], int]:
    """One page of the company's audit rows chained in the period, newest first."""
    return await repository.log_page(scope, period.start, period.end, params, action)


async def verify(scope: TenantScope, period: Period) -> Verification:
    """Verify the company's chain as stored, for the period or as a whole."""
    return await verify_stored(scope.session, scope.company_id, period.start, period.end)


async def record_export(
    scope: TenantScope, principal: Principal, period: Period, data_region: str | None
) -> None:
    """Audit who exported which period (in the request's transaction). Refused (409
    `residency_violation`) when this deployment (`data_region`) is outside the company's
    residency region."""
    check_export(await company_settings(scope.session, scope.company_id), data_region)
    await audit.record(
        scope.session,
        company_id=scope.company_id,
        actor_user_id=principal.user_id,
        action=EXPORTED_ACTION,
        entity_type="audit_log",
        entity_id=scope.company_id,
        new_values=period.filters(),
    )


async def export(db: Database, principal: Principal, period: Period) -> AsyncIterator[bytes]:
    """The period's export, line by line, read in a transaction of its own (the response
    streams after the request's transaction has committed)."""
    async with db.tenant_session(principal.company_id) as session:
        async for line in export_lines(session, principal.company_id, period.start, period.end):
            yield line.encode()
