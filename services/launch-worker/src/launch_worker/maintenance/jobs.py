"""arq jobs of the maintenance feature."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import structlog

from crm_common.db_maintenance import owner_connection, vacuum_and_analyze
from crm_common.metrics import CONTACTS_ORDER
from crm_common.resources import Resources
from launch_worker.maintenance import service

log = structlog.get_logger(__name__)


async def purge_expired(ctx: dict[str, Any]) -> dict[str, Any]:
    """Nightly purge of expired idempotency keys, token families and markers; then, once it
    has committed, the purged tables vacuumed and the audience tables analyzed."""
    resources: Resources = ctx["resources"]
    async with resources.db.system_session() as session:
        report = await service.purge_expired(session)
    log.info("purged_expired", **asdict(report))
    async with owner_connection(resources.settings.async_database_url) as connection:
        maintained = await vacuum_and_analyze(
            connection, vacuum=service.PURGED_TABLES, analyze=service.STATISTICS_TABLES
        )
    if maintained.skipped:
        log.warning("maintenance_skipped_tables_not_owned", tables=list(maintained.skipped))
    log.info("maintained_tables", **asdict(maintained))
    return asdict(report) | {"maintenance": asdict(maintained)}


async def check_contacts_clustering(ctx: dict[str, Any]) -> dict[str, Any]:
    """Weekly: how closely the contacts lie in (company, sample bucket) order, as a gauge; a
    warning naming the online re-cluster when the order has drifted below the threshold."""
    resources: Resources = ctx["resources"]
    async with resources.db.system_session() as session:
        report = await service.contacts_clustering(session)
    if report.correlation is not None:
        CONTACTS_ORDER.labels(table="crm_contacts").set(report.correlation)
    fields = asdict(report) | {"recluster_due": report.recluster_due}
    if report.recluster_due:
        log.warning("contacts_need_reclustering", command=service.RECLUSTER_COMMAND, **fields)
    else:
        log.info("contacts_clustering", **fields)
    return fields
