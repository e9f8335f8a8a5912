"""A company's privacy settings, kept in `crm_companies.settings` (JSON):

- `double_opt_in_email` (bool, default false): an email grant stays `pending` until the
  contact confirms it through the signed link of a confirmation message.
- `residency_region` (one of `RESIDENCY_REGIONS`, default none): where the company's data
  may go; exports and webhook destinations are checked against it (crm_common.privacy.residency).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from crm_common.models import Company

DOUBLE_OPT_IN_EMAIL = "double_opt_in_email"
RESIDENCY_REGION = "residency_region"
RESIDENCY_REGIONS = ("eu", "us", "ca", "uk", "apac")


def double_opt_in_email(settings: Mapping[str, Any] | None) -> bool:
    return bool((settings or {}).get(DOUBLE_OPT_IN_EMAIL, False))


def residency_region(settings: Mapping[str, Any] | None) -> str | None:
    region = (settings or {}).get(RESIDENCY_REGION)
    return region if region in RESIDENCY_REGIONS else None


async def company_settings(session: AsyncSession, company_id: uuid.UUID) -> dict[str, Any]:
    """The company's settings document (empty when the company is not visible)."""
    found = (
        await session.execute(select(Company.settings).where(Company.id == company_id))
    ).scalar_one_or_none()
    return dict(found or {})
