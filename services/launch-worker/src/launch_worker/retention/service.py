"""Retention enforcement over every company with a policy, batch by batch."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import structlog

from crm_common.db import Database
from crm_common.privacy import retention

log = structlog.get_logger(__name__)


async def enforce(
    db: Database,
    as_of: datetime | None = None,
    *,
    company_ids: list[uuid.UUID] | None = None,
    batch: int = retention.DEFAULT_BATCH,
) -> list[retention.RetentionReport]:
    """Remove what each company's policies say is past retention; one report per company."""
    as_of = as_of or datetime.now(UTC)
    companies = (
        company_ids if company_ids is not None else await retention.companies_with_policies(db)
    )
    reports = []
    for company_id in companies:
        report = await retention.run(db, company_id, as_of, batch=batch)
        log.info(
            "retention_enforced",
            company_id=str(company_id),
            as_of=as_of.isoformat(),
            removed=report.totals(),
        )
        reports.append(report)
    return reports


async def dry_run(
    db: Database, as_of: datetime | None = None, *, company_ids: list[uuid.UUID] | None = None
) -> list[retention.RetentionReport]:
    """What `enforce` at `as_of` would remove, per company; deletes nothing."""
    as_of = as_of or datetime.now(UTC)
    companies = (
        company_ids if company_ids is not None else await retention.companies_with_policies(db)
    )
    reports = []
    for company_id in companies:
        async with db.system_session() as session:
            report = await retention.dry_run(session, company_id, as_of)
        log.info("retention_dry_run", company_id=str(company_id), would_remove=report.totals())
        reports.append(report)
    return reports
