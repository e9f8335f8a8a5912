"""arq job: the periodic expiry of consent past its end (implied consent, CASL)."""

from __future__ import annotations

from typing import Any

from crm_common.resources import Resources
from launch_worker.opt_in.service import expire_consent


async def expire_consent_job(ctx: dict[str, Any]) -> int:
    """Record an `expire` ledger entry for every consent past its end."""
    resources: Resources = ctx["resources"]
    return await expire_consent(resources.db)
