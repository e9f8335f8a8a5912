"""arq jobs of the maintenance feature."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import structlog

from crm_common.resources import Resources
from launch_worker.maintenance import service

log = structlog.get_logger(__name__)


async def purge_expired(ctx: dict[str, Any]) -> dict[str, int]:
    """Nightly purge of expired idempotency keys, token families and markers."""
    resources: Resources = ctx["resources"]
    async with resources.db.system_session() as session:
        report = await service.purge_expired(session)
    log.info("purged_expired", **asdict(report))
    return asdict(report)
