"""The data-subject request log: who asked for what about which contact, when, and how it
ended. Rows name the contact by id only, so they stay after erasure."""

from __future__ import annotations

import uuid
from typing import Any

from crm_common.audit import current_request_meta
from crm_common.models import DataSubjectRequest
from crm_common.models.data_rights import DataSubjectRequestKind, DataSubjectRequestOutcome
from crm_common.resources import Resources
from crm_common.security.principal import Principal
from crm_common.tenancy import TenantScope


def _entry(
    company_id: uuid.UUID,
    principal: Principal,
    contact_id: uuid.UUID,
    kind: DataSubjectRequestKind,
    outcome: DataSubjectRequestOutcome,
    details: dict[str, Any],
    request_id: uuid.UUID | None = None,
) -> DataSubjectRequest:
    return DataSubjectRequest(
        id=request_id or uuid.uuid4(),
        company_id=company_id,
        contact_id=contact_id,
        kind=str(kind),
        outcome=str(outcome),
        requested_by_user_id=principal.user_id,
        details=details,
        request_id=current_request_meta().request_id,
    )


async def record(
    scope: TenantScope,
    principal: Principal,
    contact_id: uuid.UUID,
    kind: DataSubjectRequestKind,
    outcome: DataSubjectRequestOutcome,
    details: dict[str, Any] | None = None,
    request_id: uuid.UUID | None = None,
) -> None:
    """Log a request inside the caller's transaction (it stands or falls with the change)."""
    scope.session.add(
        _entry(scope.company_id, principal, contact_id, kind, outcome, details or {}, request_id)
    )
    await scope.session.flush()


async def record_refusal(
    resources: Resources,
    company_id: uuid.UUID,
    principal: Principal,
    contact_id: uuid.UUID,
    kind: DataSubjectRequestKind,
    details: dict[str, Any],
) -> None:
    """Log a refused request in its own transaction: the request's is rolled back by the
    error that answers it."""
    async with resources.db.tenant_session(company_id) as session:
        session.add(
            _entry(
                company_id, principal, contact_id, kind, DataSubjectRequestOutcome.REFUSED, details
            )
        )
