"""arq jobs of the retention feature."""

from __future__ import annotations

import uuid
from typing import Any

from crm_common.resources import Resources
from launch_worker.retention import service


async def enforce_retention(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Nightly: delete what each company's retention periods say has expired."""
    resources: Resources = ctx["resources"]
    return [report.as_dict() for report in await service.enforce(resources.db)]


async def retention_dry_run(
    ctx: dict[str, Any], company_id: str | None = None
) -> list[dict[str, Any]]:
    """Report what `enforce_retention` would delete now (one company, or every company)."""
    resources: Resources = ctx["resources"]
    companies = [uuid.UUID(company_id)] if company_id else None
    return [
        report.as_dict() for report in await service.dry_run(resources.db, company_ids=companies)
    ]
